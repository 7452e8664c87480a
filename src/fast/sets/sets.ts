/**
 * Set functions of the Array API standard and NumPy: unique_values, unique_counts, unique_inverse,
 * unique_all (NumPy 2's results: sorted values, every NaN its own value, first-occurrence indices,
 * inverse_indices shaped like x), isin, and NumPy's unique (return_index / return_inverse /
 * return_counts). Index and count arrays are int32, fast's default integer.
 */
import { DTYPES } from '../../common/dtypes.js';
import { NotSupportedError } from '../../common/errors.js';
import type { FastArray } from '../array.js';
import { freshArray, toFast, wrapData, type ArrayInput } from '../manipulation/along-axis.js';
import { astype, copy } from '../data-types/convert.js';
import { uniqueAll } from '../engine/kernels/unique.js';
import type { KernelArray } from '../engine/kernels/types.js';
import { resultType } from '../engine/promotion.js';
import { ravel } from '../manipulation/views.js';
import { checkOptions } from '../engine/options.js';

export interface UniqueAllResult {
  values: FastArray;
  indices: FastArray;
  inverse_indices: FastArray;
  counts: FastArray;
}

function int32(data: Int32Array, shape: readonly number[]): FastArray {
  const a = freshArray('int32', shape);
  (a._data as Int32Array).set(data.subarray(0, a.size));
  return a;
}

function core(xIn: ArrayInput): UniqueAllResult {
  const x = toFast(xIn);
  const flat = copy(ravel(x));
  const r = uniqueAll(x.dtype, flat._data! as KernelArray, 0, flat.size, 1);
  const u = r.counts.length;
  return {
    values: wrapData(x.dtype, [u], r.values),
    indices: int32(r.indices, [u]),
    inverse_indices: int32(r.inverse, x.shape),
    counts: int32(r.counts, [u]),
  };
}

/** Sorted unique values, first-occurrence indices (flat), inverse indices (shaped like x), counts. */
export function unique_all(x: ArrayInput): UniqueAllResult {
  return core(x);
}
/** Sorted unique values and their counts. */
export function unique_counts(x: ArrayInput): { values: FastArray; counts: FastArray } {
  const r = core(x);
  return { values: r.values, counts: r.counts };
}
/** Sorted unique values and, per element of x, its position among them (shaped like x). */
export function unique_inverse(x: ArrayInput): { values: FastArray; inverse_indices: FastArray } {
  const r = core(x);
  return { values: r.values, inverse_indices: r.inverse_indices };
}
/** Sorted unique values (every NaN kept; NumPy >= 2.3 may return them in another order, the standard leaves it open). */
export function unique_values(x: ArrayInput): FastArray {
  return core(x).values;
}

export interface UniqueOptions {
  return_index?: boolean;
  return_inverse?: boolean;
  return_counts?: boolean;
  axis?: number | null;
  equal_nan?: boolean;
}

/**
 * NumPy unique of the flattened array: the sorted values alone, or a tuple (JS array) with the
 * requested index / inverse / counts arrays, in NumPy's order. NaNs collapse to one (equal_nan=True,
 * NumPy's default) unless `equal_nan: false`.
 */
export function unique(xIn: ArrayInput, options: UniqueOptions = {}): FastArray | FastArray[] {
  options = checkOptions('unique', options);
  if (options.axis !== undefined && options.axis !== null) throw new NotSupportedError('numpy.unique', 'fast works on the flattened array only (axis null)');
  const x = toFast(xIn);
  const r = core(x);
  let { values, indices, inverse_indices: inverse, counts } = r;
  const kind = DTYPES[x.dtype].kind;
  if (options.equal_nan !== false && (kind === 'float' || kind === 'complex') && values.size > 0) {
    // NaNs sort last: merge them into the first one
    const n = values.size;
    let firstNaN = n;
    for (let i = 0; i < n; i++) {
      const v = values.get(i);
      const isNaN = typeof v === 'object' ? Number.isNaN(v.re) || Number.isNaN(v.im) : Number.isNaN(v as number);
      if (isNaN) {
        firstNaN = i;
        break;
      }
    }
    if (firstNaN < n - 1) {
      const keep = firstNaN + 1;
      values = copy(values.at(`:${keep}`));
      indices = copy(indices.at(`:${keep}`));
      const c = copy(counts.at(`:${keep}`));
      const cd = c._data as Int32Array;
      const all = counts._data as Int32Array;
      for (let i = keep; i < n; i++) cd[firstNaN] += all[i];
      counts = c;
      const inv = copy(inverse);
      const id = inv._data as Int32Array;
      for (let i = 0; i < id.length; i++) if (id[i] > firstNaN) id[i] = firstNaN;
      inverse = inv;
    }
  }
  const out: FastArray[] = [values];
  if (options.return_index) out.push(indices);
  if (options.return_inverse) out.push(inverse);
  if (options.return_counts) out.push(counts);
  return out.length === 1 ? values : out;
}

/** Element-wise membership of x1's elements in x2 (NaN is never a member); `invert` negates. */
export function isin(x1In: ArrayInput, x2In: ArrayInput, options: { invert?: boolean; assume_unique?: boolean; kind?: string } = {}): FastArray {
  options = checkOptions('isin', options);
  const x1 = toFast(x1In);
  const x2 = toFast(x2In);
  const dt = resultType(x1.dtype, x2.dtype);
  const a = copy(x1.dtype === dt ? x1 : astype(x1, dt));
  const b = copy(ravel(x2.dtype === dt ? x2 : astype(x2, dt)));
  const complex = DTYPES[dt].kind === 'complex';
  const set = new Set<number | bigint | string>();
  const key = (d: ArrayLike<number | bigint>, i: number): number | bigint | string | null => {
    if (complex) {
      const re = d[2 * i] as number;
      const im = d[2 * i + 1] as number;
      if (re !== re || im !== im) return null;
      return `${re === 0 ? 0 : re},${im === 0 ? 0 : im}`;
    }
    const v = d[i];
    return v !== v ? null : v;
  };
  const bd = b._data!;
  for (let i = 0; i < b.size; i++) {
    const k = key(bd, i);
    if (k !== null) set.add(k);
  }
  const out = freshArray('bool', x1.shape);
  const od = out._data as Uint8Array;
  const ad = a._data!;
  const inv = options.invert === true;
  for (let i = 0; i < a.size; i++) {
    const k = key(ad, i);
    const hit = k !== null && set.has(k);
    od[i] = hit !== inv ? 1 : 0;
  }
  return out;
}

