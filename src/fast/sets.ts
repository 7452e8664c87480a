/** Set functions (unique_values, unique_counts, unique_inverse, unique_all, isin). */
export {};
