/** Python names as ndbridge takes them from JavaScript (compat.namespace, conformance --runtime). */

/** A dotted Python module name: `dask.array`, `array_api_strict`, `jax.numpy`. */
export function isPythonModuleName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(name);
}
