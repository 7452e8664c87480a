/** Statistical functions of the Array API standard and NumPy (var, std, cumulative_sum, cumulative_prod, argmin/argmax, count_nonzero, nan-reductions, percentiles). */
export {};
