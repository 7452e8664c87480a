/** __array_namespace_info__: the Array API inspection namespace for fast (devices, dtypes, capabilities). */
export {};
