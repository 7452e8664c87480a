/** Sorting functions (sort, argsort: stable, descending, NaN placement as NumPy). */
export {};
