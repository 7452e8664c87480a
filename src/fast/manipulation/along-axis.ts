/**
 * Plumbing for functions that work one axis at a time (var over one lane, cumulative sums,
 * sorting, argmax, ...): the element offsets of every 1-d lane along an axis, fresh result arrays,
 * and argument conversion. Used by statistics.ts, manipulation.ts, searching.ts, sorting.ts, sets.ts.
 */
import { DTYPES, type DTypeName } from '../../common/dtypes.js';
import { FastArray } from '../array.js';
import { asarray, type AsarrayInput } from '../creation/creation.js';
import { broadcastShapes, normalizeAxes, sizeOf } from '../engine/shape.js';
import { broadcast_to, reshape, transpose } from './views.js';
import { Storage, type TypedData } from '../engine/storage.js';

/** What the functions of these modules accept as an array: fast arrays, nested JS arrays, scalars, TypedArrays. */
export type ArrayInput = FastArray | AsarrayInput;

/** A fast array for `x`: fast arrays as they are, anything else through `asarray`. */
export function toFast(x: ArrayInput): FastArray {
  return x instanceof FastArray ? x : asarray(x);
}

/** A fresh zero-filled C-contiguous array. */
export function freshArray(dtype: DTypeName, shape: readonly number[]): FastArray {
  return new FastArray(dtype, shape, Storage.allocate(dtype, sizeOf(shape)), 0, null, null);
}

/** A C-contiguous array over `data` (an index or value buffer made by a kernel). */
export function wrapData(dtype: DTypeName, shape: readonly number[], data: TypedData): FastArray {
  const st = new Storage(dtype, data.buffer as ArrayBuffer, data.byteOffset, sizeOf(shape));
  return new FastArray(dtype, shape, st, 0, null, null);
}

/** An int32 (fast's default integer) array from kernel indices. */
export function indexArray(shape: readonly number[], data: Int32Array): FastArray {
  const a = freshArray('int32', shape);
  (a._data as Int32Array).set(data.subarray(0, a.size));
  return a;
}

/** Element offsets of every index of `shape` in C order, starting at `offset`, with element `strides`. */
export function offsetsOf(shape: readonly number[], strides: readonly number[], offset: number): Float64Array {
  const n = sizeOf(shape);
  const out = new Float64Array(n);
  const nd = shape.length;
  if (n === 0) return out;
  const idx = new Array<number>(nd).fill(0);
  let off = offset;
  for (let k = 0; k < n; k++) {
    out[k] = off;
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]++;
      off += strides[d];
      if (idx[d] < shape[d]) break;
      off -= strides[d] * shape[d];
      idx[d] = 0;
    }
  }
  return out;
}

/**
 * The 1-d lanes of `a` along `axis` (already normalised): `offsets[k]` is where lane k starts (lanes
 * in C order over the other axes), `n` its length, `stride` the step between its elements. `a` is
 * materialised; `data` is its typed storage.
 */
export interface Lanes {
  readonly data: TypedData;
  readonly offsets: Float64Array;
  readonly n: number;
  readonly stride: number;
  /** The shape without `axis`. */
  readonly rest: number[];
}

export function lanesOf(a: FastArray, axis: number): Lanes {
  a._force();
  const rest = a.shape.filter((_, i) => i !== axis);
  const restStrides = a._es.filter((_, i) => i !== axis);
  return { data: a._data!, offsets: offsetsOf(rest, restStrides, a._off), n: a.shape[axis], stride: a._es[axis], rest };
}

/** True for complex dtypes (interleaved storage). */
export function isComplex(d: DTypeName): boolean {
  return DTYPES[d].kind === 'complex';
}

/** Read element at offset `k` as a JS number (bool: 0/1, 64-bit integers converted; not for complex). */
export function numberAt(data: TypedData, k: number): number {
  return Number(data[k]);
}

/** A plain options object, or {} for undefined/null. Positional values are not options. */
export function optionsOf<T extends object>(x: unknown): Partial<T> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof FastArray) ? (x as Partial<T>) : {};
}

/**
 * The lanes of a reduction over `axis` (null/undefined: all axes; a list allowed): the reduced axes
 * moved last and flattened in C order, one lane per position of the other axes. `outShape` is the
 * result shape (reduced axes dropped, or kept as 1 with `keepdims`).
 */
export function reductionLanes(a: FastArray, axis: number | readonly number[] | null | undefined, keepdims = false): Lanes & { outShape: number[]; axes: number[] } {
  const axes = normalizeAxes(axis, a.ndim);
  const others = a.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const restShape = others.map((i) => a.shape[i]);
  let m = 1;
  for (const ax of axes) m *= a.shape[ax];
  const t = reshape(transpose(a, [...others, ...axes]), [...restShape, m]);
  const lanes = lanesOf(t, t.ndim - 1);
  const outShape = keepdims ? a.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : restShape;
  return { ...lanes, outShape, axes };
}

/** A lane's values as float64 (bool 0/1, 64-bit integers rounded as NumPy's cast). Not for complex. */
export function gather(l: Lanes, k: number, into: Float64Array | Float32Array): void {
  const d = l.data;
  for (let i = 0, p = l.offsets[k]; i < l.n; i++, p += l.stride) into[i] = Number(d[p]);
}

/** The broadcast shape of `arrays` and, per array, the element offset of every result position (C order). */
export function broadcastOffsets(arrays: readonly FastArray[]): { shape: number[]; offsets: Float64Array[] } {
  const shape = broadcastShapes(...arrays.map((a) => a.shape));
  const offsets = arrays.map((a) => {
    const b = broadcast_to(a, shape);
    return offsetsOf(shape, b._es, b._off);
  });
  return { shape, offsets };
}
