/**
 * A runtime adapter: how the conformance runner loads one runtime's namespace and makes input arrays on
 * it. Adding a runtime (the bridge's `nd`) is one small module exporting a `RuntimeAdapter`, plus one
 * line in runtimes/index.ts.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NdArray } from '../../src/common/ndarray.js';
import type { GeneratedInput } from '../inputs.js';
import type { Namespace } from '../xp.js';

export interface LoadedRuntime {
  readonly xp: Namespace;
  /** The runtime's default integer dtype (DESIGN.md: fast int32, NumPy int64). */
  readonly defaultInt: 'int32' | 'int64';
  /** e.g. "src/fast" or "compat: NumPy 2.4.6 in CPython 3.11.7 via koffi". */
  readonly description: string;
  /**
   * The namespace this runtime's arrays name in `__array_namespace__()`; default `xp`. nd has no array
   * type of its own: it takes and returns fast arrays, which belong to the fast namespace.
   */
  readonly arrayNamespace?: Namespace;
  /** An input array on this runtime: the base array from nested values with its dtype, then the view. */
  makeArray(input: GeneratedInput): NdArray;
  /**
   * This runtime's `asarray` for arrays of the other side and foreign objects (NumPy arrays, scijs and
   * @stdlib ndarrays, TypedArrays), given the bridge module (undefined when it is not built). Default:
   * `xp.asarray(obj, options)`.
   */
  importArray?(bridge: Namespace | undefined, obj: unknown, options?: Record<string, unknown>): unknown;
}

export interface RuntimeAdapter {
  readonly name: string;
  /** Rejects with a RuntimeUnavailableError saying why (not built yet, Python missing...). */
  load(): Promise<LoadedRuntime>;
}

/** The runtime cannot run here; the report shows the reason in its column. */
export class RuntimeUnavailableError extends Error {
  override name = 'RuntimeUnavailableError';
}

/**
 * Import a module of this repository by a path relative to conformance/runtimes/ (works from sources under
 * vitest and from dist/). The specifier is a variable on purpose: the runtimes are built by other parts of
 * the project at their own pace, and a runtime that is not built yet must show as unavailable, not break
 * the type check or the run.
 */
export async function importOptional(relative: string, what: string): Promise<Record<string, unknown>> {
  const url = new URL(relative, import.meta.url);
  const path = fileURLToPath(url);
  if (!existsSync(path) && !existsSync(path.replace(/\.js$/, '.ts'))) {
    throw new RuntimeUnavailableError(`${what} is not built yet (${relative.replace(/^(\.\.\/)+/, '').replace(/\.js$/, '.ts')} does not exist)`);
  }
  try {
    return (await import(url.href)) as Record<string, unknown>;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new RuntimeUnavailableError(`${what} failed to load: ${msg.split('\n')[0]}`);
  }
}

/** The default way to make an input: `xp.asarray(nested, { dtype })`, then `.at(view)`. */
export function asarrayMaker(xp: Namespace, nestFn: (i: GeneratedInput) => unknown): (input: GeneratedInput) => NdArray {
  return (input) => {
    const asarray = xp.asarray;
    if (typeof asarray !== 'function') throw new Error('the runtime namespace has no asarray');
    let base = (asarray as (v: unknown, o: unknown) => NdArray)(nestFn(input), { dtype: input.dtype });
    // nested lists cannot carry the trailing dimensions of an empty array: (0, 3) nests as []
    if (base.shape.length !== input.shape.length || base.shape.some((n, i) => n !== input.shape[i])) base = base.reshape(input.shape);
    return input.view ? base.at(input.view) : base;
  };
}
