/**
 * The runtimes the conformance report can run, in column order. To add one: write
 * conformance/runtimes/<name>.ts exporting a RuntimeAdapter (see fast.ts and nd.ts: load the namespace,
 * say the default integer dtype, make input arrays, optionally say how it takes foreign arrays) and add
 * it to this list. A runtime that cannot load throws RuntimeUnavailableError and its column says why.
 *
 * Besides these, any Python Array API namespace is a runtime by its dotted module name (`dask.array`,
 * `array_api_strict`): namespace.ts runs it through compat.namespace(name). runtimeByName resolves both.
 */
import { compatRuntime } from './compat.js';
import { fastRuntime } from './fast.js';
import { isPythonModuleName } from '../../src/common/python-names.js';
import { namespaceRuntime } from './namespace.js';
import { ndRuntime } from './nd.js';
import type { RuntimeAdapter } from './types.js';

/** The built-in runtimes, the default columns. */
export const RUNTIMES: readonly RuntimeAdapter[] = [fastRuntime, compatRuntime, ndRuntime];

/** The built-in runtimes' names (the default of --runtime). */
export function runtimeNames(): string[] {
  return RUNTIMES.map((r) => r.name);
}

/**
 * The runtime called `name`: a built-in one, else the Python Array API namespace of that module name
 * (whether the module is importable is found out at load()); undefined when it is neither.
 */
export function runtimeByName(name: string): RuntimeAdapter | undefined {
  return RUNTIMES.find((r) => r.name === name) ?? (isPythonModuleName(name) ? namespaceRuntime(name) : undefined);
}

export type { LoadedRuntime, RuntimeAdapter } from './types.js';
export { RuntimeUnavailableError } from './types.js';
export { namespaceRuntime } from './namespace.js';
