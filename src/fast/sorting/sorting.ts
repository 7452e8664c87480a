/**
 * Sorting functions of the Array API standard and NumPy: sort, argsort (stable; `descending` as
 * array-api-compat defines it for NumPy: NaNs first, ties in input order), lexsort, partition and
 * argpartition. Sorting runs per lane along the axis with kernels/sort.ts (NaN last, -0.0 == 0.0,
 * complex lexicographic as NumPy).
 */
import { DTypeError, NotSupportedError, ValueError } from '../../common/errors.js';
import type { FastArray } from '../array.js';
import { freshArray, lanesOf, toFast, type ArrayInput } from '../manipulation/along-axis.js';
import { argsort as argsortKernel, sortValues } from '../engine/kernels/sort.js';
import { normalizeAxis } from '../engine/shape.js';
import { ravel } from '../manipulation/views.js';
import { checkOptions } from '../engine/options.js';

export interface SortOptions {
  /** Axis to sort along (default -1; null: the flattened array, as NumPy). */
  axis?: number | null;
  descending?: boolean;
  /** Sorts are always stable here, which satisfies both values. */
  stable?: boolean;
  kind?: string;
}

function prep(xIn: ArrayInput, options: SortOptions | undefined): { x: FastArray; axis: number; descending: boolean } {
  const o: SortOptions = typeof options === 'object' && options !== null ? options : { axis: options };
  let x = toFast(xIn);
  let ax = o.axis === undefined ? -1 : o.axis;
  if (ax === null) {
    x = ravel(x);
    ax = 0;
  }
  if (x.ndim === 0) throw new ValueError(`axis ${ax} is out of bounds for array of dimension 0`);
  if (o.descending !== undefined && typeof o.descending !== 'boolean') throw new ValueError(`descending must be a boolean, got ${String(o.descending)}`);
  return { x, axis: normalizeAxis(ax, x.ndim), descending: o.descending === true };
}

/** Sorted copy along `axis` (default -1). */
export function sort(xIn: ArrayInput, options?: SortOptions): FastArray {
  options = checkOptions('sort', options);
  const { x, axis, descending } = prep(xIn, options);
  const out = freshArray(x.dtype, x.shape);
  const src = lanesOf(x, axis);
  const dst = lanesOf(out, axis);
  for (let k = 0; k < src.offsets.length; k++) {
    sortValues(x.dtype, src.data, src.offsets[k], src.n, src.stride, descending, dst.data, dst.offsets[k], dst.stride);
  }
  return out;
}

/** Indices that sort along `axis` (default -1), stable; int32 (fast's default integer). */
export function argsort(xIn: ArrayInput, options?: SortOptions): FastArray {
  options = checkOptions('argsort', options);
  const x0 = toFast(xIn);
  if (x0.ndim === 0) {
    // NumPy: the argsort of a 0-d array is array([0]) whatever the axis
    const r = freshArray('int32', [1]);
    return r;
  }
  const { x, axis, descending } = prep(x0, options);
  const out = freshArray('int32', x.shape);
  const src = lanesOf(x, axis);
  const dst = lanesOf(out, axis);
  const od = dst.data as Int32Array;
  for (let k = 0; k < src.offsets.length; k++) {
    const idx = argsortKernel(x.dtype, src.data, src.offsets[k], src.n, src.stride, descending);
    for (let i = 0, p = dst.offsets[k]; i < src.n; i++, p += dst.stride) od[p] = idx[i];
  }
  return out;
}

/**
 * NumPy partition: element `kth` in its sorted place, smaller ones before, larger after. fast
 * returns the fully sorted lanes, which is one valid partition (NumPy's introselect leaves the
 * other elements in an unspecified order).
 */
export function partition(xIn: ArrayInput, kth: number | readonly number[], options?: SortOptions): FastArray {
  options = checkOptions('partition', options);
  const { x, axis } = prep(xIn, options ?? { axis: -1 });
  checkKth(kth, x.shape[axis]);
  return sort(x, { axis });
}

/** NumPy argpartition: indices of one valid partition (fast: a stable full argsort). */
export function argpartition(xIn: ArrayInput, kth: number | readonly number[], options?: SortOptions): FastArray {
  options = checkOptions('argpartition', options);
  const { x, axis } = prep(xIn, options ?? { axis: -1 });
  checkKth(kth, x.shape[axis]);
  return argsort(x, { axis });
}

function checkKth(kth: number | readonly number[], n: number): void {
  for (const k of typeof kth === 'number' ? [kth] : kth) {
    if (!Number.isInteger(k)) throw new DTypeError(`kth must be integers, got ${k}`);
    if (k < -n || k >= n) throw new ValueError(`kth(=${k}) out of bounds (${n})`);
  }
}

/**
 * NumPy lexsort: indices sorting by several 1-d keys, the LAST key primary (stable, NaN last).
 * `keys` is a list of arrays of one length, or a 2-d array whose rows are the keys.
 */
export function lexsort(keysIn: readonly ArrayInput[] | FastArray): FastArray {
  let keys: FastArray[];
  if (Array.isArray(keysIn)) keys = keysIn.map((k) => toFast(k as ArrayInput));
  else {
    const a = toFast(keysIn as ArrayInput);
    if (a.ndim !== 2) throw new ValueError(`lexsort takes a list of 1-d keys or a 2-d array of keys, got ${a.ndim} dimensions`);
    keys = [];
    for (let i = 0; i < a.shape[0]; i++) keys.push(a.at(i));
  }
  if (keys.length === 0) throw new DTypeError('need sequence of keys with len > 0 in lexsort');
  const n = keys[0].size;
  for (const k of keys) {
    if (k.ndim !== 1) throw new NotSupportedError('numpy.lexsort', `fast takes 1-d keys, got ${k.ndim} dimensions`);
    if (k.size !== n) throw new ValueError('all keys need to be the same shape');
  }
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (const key of keys) {
    // stable sort of the current order by this key: the keys sorted later dominate
    const gathered = key.at(freshIndex(order));
    const l = lanesOf(gathered, 0);
    const idx = argsortKernel(gathered.dtype, l.data, l.offsets[0], n, l.stride);
    const next = new Int32Array(n);
    for (let i = 0; i < n; i++) next[i] = order[idx[i]];
    order = next;
  }
  const out = freshArray('int32', [n]);
  (out._data as Int32Array).set(order);
  return out;
}

function freshIndex(order: Int32Array): FastArray {
  const a = freshArray('int32', [order.length]);
  (a._data as Int32Array).set(order);
  return a;
}
