/** Array manipulation functions (concat, stack, unstack, split helpers, tile, repeat, roll, meshgrid, tril, triu, take, take_along_axis, diff). */
export {};
