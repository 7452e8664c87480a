/**
 * Loading ndbridge's own runtimes (src/fast, src/compat, src/bridge) by path at run time, so the
 * benchmark works before, while and after each of them lands, and says which function is missing
 * instead of failing to compile.
 */
import type { NdArray } from '../../src/common/ndarray.js';

/** A loaded module seen as a bag of members, checked one by one. */
export type ModuleRecord = Readonly<Record<string, unknown>>;

/**
 * Imports `specifier` (relative to this file: the same relative path holds in bench/ and dist/bench/).
 * Resolves to the module, or to a reason it is not there.
 */
export async function importRuntime(specifier: string): Promise<ModuleRecord | string> {
  try {
    const mod: unknown = await import(specifier);
    return mod as ModuleRecord;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return /Cannot find|not find|ERR_MODULE_NOT_FOUND|Failed to load/i.test(msg) ? 'not built yet' : `failed to load: ${msg}`;
  }
}

/** A function member of a module, or undefined. */
export function fn<F extends (...args: never[]) => unknown>(mod: ModuleRecord, name: string): F | undefined {
  const f = mod[name];
  return typeof f === 'function' ? (f as F) : undefined;
}

/** Whether `x` has every named method. */
export function hasMethods(x: unknown, ...names: string[]): boolean {
  if (typeof x !== 'object' || x === null) return false;
  const rec = x as Record<string, unknown>;
  return names.every((n) => typeof rec[n] === 'function');
}

/** A scalar result as a number: plain numbers pass, 0-d arrays are read with get(). */
export function scalarOf(x: unknown): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'bigint') return Number(x);
  if (hasMethods(x, 'get')) return scalarOf((x as NdArray).get());
  throw new TypeError(`expected a number or a 0-d array, got ${typeof x}`);
}

/** C-order elements of an array result (read after timing, for the result check). */
export function flatOfNd(x: NdArray): number[] {
  const out: number[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) for (const y of v) walk(y);
    else out.push(Number(v));
  };
  walk(x.toArray());
  return out;
}
