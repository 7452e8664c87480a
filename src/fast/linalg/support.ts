/**
 * Plumbing shared by fast's linear-algebra modules: turning inputs into materialised FastArrays of
 * a dtype, fresh outputs, and the element offsets of each matrix in a (broadcast) stack.
 */
import { DTYPES, type DTypeName } from '../../common/dtypes.js';
import { DTypeError } from '../../common/errors.js';
import type { Complex, NdArray } from '../../common/ndarray.js';
import { FastArray } from '../array.js';
import { astype } from '../data-types/convert.js';
import { asarray } from '../creation/creation.js';
import { broadcastStrides, sizeOf } from '../engine/shape.js';
import { Storage } from '../engine/storage.js';

/** What the linear-algebra functions accept: fast arrays, nested JS arrays, typed arrays, scalars. */
export type ArrayInput = FastArray | NdArray | readonly unknown[] | ArrayBufferView | number | bigint | boolean | Complex;

/** `x` as a fast array (nested arrays and scalars converted with asarray). */
export function toFast(x: ArrayInput): FastArray {
  return x instanceof FastArray ? x : asarray(x as never);
}

/** `a` cast to `dtype` (when it differs) and materialised, so `_data`, `_off`, `_es` can be read. */
export function materialize(a: FastArray, dtype: DTypeName = a.dtype): FastArray {
  const r = a.dtype === dtype ? a : astype(a, dtype);
  r._force();
  return r;
}

/** A fresh zero-filled C-contiguous array. */
export function fresh(dtype: DTypeName, shape: readonly number[]): FastArray {
  return new FastArray(dtype, shape, Storage.allocate(dtype, sizeOf(shape)), 0, null, null);
}

export const isComplex = (d: DTypeName): boolean => DTYPES[d].kind === 'complex';
export const isFloat = (d: DTypeName): boolean => DTYPES[d].kind === 'float';
export const isInteger = (d: DTypeName): boolean => DTYPES[d].kind === 'signed' || DTYPES[d].kind === 'unsigned';

/**
 * Element offsets of each core block of `a` (its last `nCore` axes) when its leading axes are
 * broadcast to `batch`, in C order of the batch index. `a` must be materialised.
 */
export function batchOffsets(a: FastArray, nCore: number, batch: readonly number[]): number[] {
  const lead = a.ndim - nCore;
  const bs = broadcastStrides(a.shape.slice(0, lead), a._es.slice(0, lead), batch);
  const total = sizeOf(batch);
  const out = new Array<number>(total);
  const idx = new Array<number>(batch.length).fill(0);
  let off = a._off;
  for (let t = 0; t < total; t++) {
    out[t] = off;
    for (let d = batch.length - 1; d >= 0; d--) {
      idx[d]++;
      off += bs[d];
      if (idx[d] < batch[d]) break;
      off -= bs[d] * batch[d];
      idx[d] = 0;
    }
  }
  return out;
}

/**
 * The float dtype NumPy's linalg computes in for an input dtype (integers and bool: float64) and
 * whether it is complex. Throws DTypeError for dtypes NumPy's linalg rejects (none today).
 */
export function linalgFloat(d: DTypeName): DTypeName {
  const k = DTYPES[d].kind;
  if (k === 'float' || k === 'complex') return d;
  if (k === 'bool' || k === 'signed' || k === 'unsigned') return 'float64';
  throw new DTypeError(`linear algebra does not accept dtype ${d}`);
}

/** A copy of matrix `t` of `a` (float data, offsets in elements) as a dense row-major Float64Array. */
export function readMatrix(a: FastArray, offset: number, rows: number, cols: number): Float64Array {
  const d = a._data as Float64Array | Float32Array;
  const rs = a._es[a.ndim - 2];
  const cs = a._es[a.ndim - 1];
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[i * cols + j] = d[offset + i * rs + j * cs];
  return out;
}
