/**
 * nd's dtype rule: results have NumPy's dtypes, whichever runtime computes them. NumPy's default integer
 * is int64, fast's is int32 (JS numbers), so on the fast route nd
 *  - reads JS lists and integers the way NumPy reads Python lists and ints (integers -> int64) before
 *    fast sees them, for the parameters that are arrays;
 *  - asks fast for int64 where NumPy's creation functions give int64 (`arange(5)`, `full(3, 7)`) and for
 *    NumPy's accumulator dtype where NumPy sums small integers (`sum`, `prod`, `cumsum`... of int8..int32
 *    and bool: int64; of uint8..uint32: uint64);
 *  - widens fast's int32 index and count results (argmax, nonzero, bincount...) to int64, which is exact.
 * Scalars next to arrays stay weak (NEP 50), as in NumPy: nd.add(int8Array, 1) is int8.
 */
import { DTYPES, type DTypeName } from '../common/dtypes.js';
import { FastArray } from '../fast/array.js';
import * as fast from '../fast/index.js';

/**
 * NumPy parameter names that take array-likes (JS lists here are read as NumPy reads Python lists). Names
 * that are arrays in one function and counts in another (eye's M, histogram's bins) are not here.
 */
const ARRAY_PARAMS = new Set([
  'a', 'x', 'x1', 'x2', 'arr', 'array', 'ary', 'm', 'v', 'y', 'object', 'condition', 'xp', 'fp', 'indices', 'values',
  'weights', 'choicelist', 'condlist', 'arrays', 'tup', 'a1', 'a2', 'b', 'ar', 'ar1', 'ar2', 'element', 'test_elements',
  'p', 'c', 'prototype', 'u', 'xs', 'arys',
]);

/** Parameters that are arrays when given a list and counts when given a number (histogram's bins). */
const LIST_PARAMS = new Set(['bins']);

type Kind = 'bool' | 'int' | 'float' | 'other';

/** What NumPy would make of a JS value: bool, int (-> int64), float, or something else (left to fast). */
function kindOf(v: unknown, depth = 0): Kind {
  if (typeof v === 'boolean') return 'bool';
  // compat's rule for a JS number crossing to Python: integral and below 2**63 in magnitude is an int
  // (-0 included), anything else a float
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? 'int' : 'float';
  if (typeof v === 'bigint') return v >= -(2n ** 63n) && v < 2n ** 63n ? 'int' : 'other';
  if (Array.isArray(v) && depth < 64) {
    let k: Kind = 'bool';
    if (v.length === 0) return 'float';
    for (const x of v) {
      const kx = kindOf(x, depth + 1);
      if (kx === 'other') return 'other';
      if (kx === 'float') k = 'float';
      else if (kx === 'int' && k === 'bool') k = 'int';
    }
    return k;
  }
  return 'other';
}

function hasArray(values: readonly unknown[]): boolean {
  return values.some((v) => v instanceof FastArray || Array.isArray(v) || ArrayBuffer.isView(v));
}

/** A JS list or integer as NumPy reads it, when that differs from fast's reading (integers: int64). */
function numpyReading(v: unknown, scalarsAreArrays: boolean): unknown {
  if (Array.isArray(v)) {
    if (kindOf(v) === 'int') return fast.asarray(v as never, { dtype: 'int64' });
    return v;
  }
  if (scalarsAreArrays && (typeof v === 'number' || typeof v === 'bigint') && kindOf(v) === 'int') return fast.asarray(v as never, { dtype: 'int64' });
  return v;
}

const ACCUMULATING = new Set(['sum', 'prod', 'cumsum', 'cumprod', 'nansum', 'nanprod', 'cumulative_sum', 'cumulative_prod', 'trace', 'linalg.trace']);
const INT_CREATION = new Set(['arange', 'full']);

/** NumPy's accumulator dtype for summing `d` (undefined: the input's own). */
function numpyAccumulator(d: DTypeName): DTypeName | undefined {
  const info = DTYPES[d];
  if (info.kind === 'bool' || (info.kind === 'signed' && info.itemsize < 8)) return 'int64';
  if (info.kind === 'unsigned' && info.itemsize < 8) return 'uint64';
  return undefined;
}

/**
 * Rewrite a planned fast call (its positional arguments by NumPy name and its options) so fast computes
 * NumPy's dtypes. `names[i]` is the NumPy name of args[i].
 */
export function applyNumpyDtypes(path: string, names: readonly string[], args: unknown[], options: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const arrayArgs: unknown[] = [];
  // (a condition selects, it does not take part in promotion)
  for (let i = 0; i < args.length; i++) if (ARRAY_PARAMS.has(names[i]) && names[i] !== 'condition' && names[i] !== 'condlist') arrayArgs.push(args[i]);
  // Integers are weak next to arrays (NEP 50); with no array among the array arguments, they are arrays.
  const scalarsAreArrays = !hasArray(arrayArgs);
  const dtypeGiven = options !== undefined && options.dtype !== undefined && options.dtype !== null;
  // With a dtype argument, the dtype decides how lists are read (asarray([1, 2], dtype='uint64')).
  if (!dtypeGiven) {
    for (let i = 0; i < args.length; i++) {
      if (ARRAY_PARAMS.has(names[i])) args[i] = numpyReading(args[i], scalarsAreArrays);
      else if (LIST_PARAMS.has(names[i])) args[i] = numpyReading(args[i], false);
    }
  }
  if (options !== undefined) for (const k of Object.keys(options)) if (ARRAY_PARAMS.has(k) || LIST_PARAMS.has(k)) options[k] = numpyReading(options[k], false);
  if (!dtypeGiven && INT_CREATION.has(path)) {
    const numeric = path === 'full' ? [args[1]] : args.filter((v) => v !== undefined && v !== null);
    if (numeric.length > 0 && numeric.every((v) => kindOf(v) === 'int')) return { ...options, dtype: 'int64' };
  }
  if (!dtypeGiven && ACCUMULATING.has(path) && args[0] instanceof FastArray) {
    const acc = numpyAccumulator(args[0].dtype);
    if (acc !== undefined) return { ...options, dtype: acc };
  }
  return options;
}

/** Results whose integer arrays are indices or counts (NumPy: int64): all of them, or the named fields. */
const INDEX_RESULTS: Readonly<Record<string, true | readonly string[]>> = {
  argmax: true, argmin: true, nanargmax: true, nanargmin: true, argsort: true, argpartition: true, argwhere: true,
  nonzero: true, flatnonzero: true, searchsorted: true, digitize: true, bincount: true, count_nonzero: true,
  histogram: [ '0' ], unique_all: ['indices', 'inverse_indices', 'counts'], unique_counts: ['counts'],
  unique_inverse: ['inverse_indices'], lexsort: true, 'linalg.matrix_rank': true,
  // unique(x, return_index=..., return_inverse=..., return_counts=...): the values, then indices and counts
  unique: ['1', '2', '3'],
};

function widen(v: unknown): unknown {
  if (v instanceof FastArray) {
    if (v.dtype === 'int32') return v.astype('int64');
    if (v.dtype === 'uint32') return v.astype('uint64');
    return v;
  }
  if (Array.isArray(v)) return v.map(widen);
  return v;
}

/** Widen fast's int32 index and count results to NumPy's int64. */
export function numpyIndexDtypes(path: string, result: unknown): unknown {
  const which = INDEX_RESULTS[path];
  if (which === undefined) return result;
  if (which === true) return widen(result);
  if (typeof result !== 'object' || result === null) return result;
  const r = result as Record<string, unknown>;
  for (const k of which) if (k in r) r[k] = widen(r[k]);
  return result;
}
