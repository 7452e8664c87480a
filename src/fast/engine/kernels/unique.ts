/**
 * Set kernels over one flat strided run (offset, n, stride in ELEMENTS; complex: complex elements
 * of interleaved storage): the Array API's unique_all / unique_counts / unique_inverse /
 * unique_values with NumPy 2's semantics.
 *
 * - Values come out sorted in NumPy's order (see sort.ts: NaN last, complex lexicographic).
 * - Equality is `==`: NaN is never equal to anything, so every NaN is its own unique value with
 *   count 1 (NumPy 2's unique_* use equal_nan=False); -0.0 and 0.0 are one value.
 * - The representative of a group (which matters only for the sign of zero) is its FIRST
 *   occurrence, which is exactly NumPy's `unique_all` (a stable sort); NumPy's `unique_values`,
 *   `unique_counts` and `unique_inverse` use hashing or unstable sorts, so the sign of a zero they
 *   return is not specified there.
 * - `unique_values` is sorted here; NumPy >= 2.3 returns it in hash order (the standard leaves the
 *   order unspecified).
 * Index outputs are Int32Array (NumPy returns intp).
 */
import type { DTypeName } from '../../../common/dtypes.js';
import { argsort } from './sort.js';
import { type KernelArray, isBigIntArray } from './types.js';

/** Everything unique_all returns: values (same storage as x), first indices, inverse, counts. */
export interface UniqueAll<T extends KernelArray = KernelArray> {
  values: T;
  indices: Int32Array;
  inverse: Int32Array;
  counts: Int32Array;
}

/** `unique_all` of x[offset + i*stride], i < n. `inverse[i]` is the position of x's i-th element in values. */
export function uniqueAll<T extends KernelArray>(dtype: DTypeName, x: T, offset: number, n: number, stride: number): UniqueAll<T> {
  const order = argsort(dtype, x, offset, n, stride);
  const complex = dtype === 'complex64' || dtype === 'complex128';
  const starts = new Int32Array(n + 1);
  let u = 0;
  const inverse = new Int32Array(n);
  if (complex) {
    const xf = x as unknown as Float64Array;
    for (let r = 0; r < n; r++) {
      const p = 2 * (offset + order[r] * stride);
      if (r === 0) starts[u++] = 0;
      else {
        const q = 2 * (offset + order[r - 1] * stride);
        if (!(xf[p] === xf[q] && xf[p + 1] === xf[q + 1])) starts[u++] = r;
      }
      inverse[order[r]] = u - 1;
    }
  } else {
    for (let r = 0; r < n; r++) {
      if (r === 0 || x[offset + order[r] * stride] !== x[offset + order[r - 1] * stride]) starts[u++] = r;
      inverse[order[r]] = u - 1;
    }
  }
  starts[u] = n;
  const Ctor = x.constructor as new (len: number) => T;
  const width = complex ? 2 : 1;
  const values = new Ctor(width * u);
  const indices = new Int32Array(u);
  const counts = new Int32Array(u);
  for (let g = 0; g < u; g++) {
    const first = order[starts[g]];
    indices[g] = first;
    counts[g] = starts[g + 1] - starts[g];
    const p = offset + first * stride;
    if (complex) {
      values[2 * g] = x[2 * p];
      values[2 * g + 1] = x[2 * p + 1];
    } else if (isBigIntArray(x)) {
      (values as BigInt64Array)[g] = x[p];
    } else {
      values[g] = x[p];
    }
  }
  return { values, indices, inverse, counts };
}

/** `unique_values`: the sorted unique values (every NaN kept). */
export function uniqueValues<T extends KernelArray>(dtype: DTypeName, x: T, offset: number, n: number, stride: number): T {
  return uniqueAll(dtype, x, offset, n, stride).values;
}

/** `unique_counts`: sorted unique values and how often each occurs. */
export function uniqueCounts<T extends KernelArray>(
  dtype: DTypeName,
  x: T,
  offset: number,
  n: number,
  stride: number,
): { values: T; counts: Int32Array } {
  const r = uniqueAll(dtype, x, offset, n, stride);
  return { values: r.values, counts: r.counts };
}

/** `unique_inverse`: sorted unique values and, per input element, its position among them. */
export function uniqueInverse<T extends KernelArray>(
  dtype: DTypeName,
  x: T,
  offset: number,
  n: number,
  stride: number,
): { values: T; inverse: Int32Array } {
  const r = uniqueAll(dtype, x, offset, n, stride);
  return { values: r.values, inverse: r.inverse };
}
