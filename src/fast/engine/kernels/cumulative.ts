/**
 * Cumulative sums and products over one strided run (offset, n, stride in ELEMENTS; complex:
 * complex elements of interleaved storage), with the Array API's `include_initial`: the output
 * then has n + 1 elements starting with the identity (0 or 1). Accumulation is left to right, as
 * NumPy's add/multiply.accumulate (np.cumulative_sum / np.cumulative_prod / np.cumsum), so float
 * results are bit-identical to NumPy's. The running value is read back from the output after each
 * store, so it wraps (integers) or rounds (float32) exactly as the output dtype does: choose the
 * output storage for the result dtype (NumPy's cumulative_sum of int8 gives int64 unless dtype=).
 */
import { DTypeError } from '../../../common/errors.js';
import { type KernelArray, type NumberArray, isBigIntArray } from './types.js';

/** Where the result goes: out[outOffset + i*outStride], i < n (+1 with includeInitial). */
export interface CumulativeOut<T extends KernelArray = KernelArray> {
  readonly data: T;
  readonly offset: number;
  readonly stride: number;
}

function check(x: KernelArray, out: KernelArray, op: string): void {
  if (isBigIntArray(x) !== isBigIntArray(out)) {
    throw new DTypeError(
      `${op}: input storage ${x.constructor.name} and output storage ${out.constructor.name} must both hold ` +
        'bigint (int64/uint64) or both hold numbers; convert the input to the output dtype first',
    );
  }
}

/** Whether products of this storage must wrap modulo 2^32 (integer storage of up to 32 bits). */
function isSmallIntStorage(a: KernelArray): boolean {
  return !(a instanceof Float64Array || a instanceof Float32Array || isBigIntArray(a));
}

/**
 * `cumulative_sum` of x[offset + i*stride], i < n, for real dtypes (bool/int/float in number or
 * bigint storage).
 */
export function cumulativeSum(
  x: KernelArray,
  offset: number,
  n: number,
  stride: number,
  out: CumulativeOut,
  includeInitial = false,
): void {
  check(x, out.data, 'cumulative_sum');
  let o = out.offset;
  const os = out.stride;
  if (isBigIntArray(x)) {
    const d = out.data as BigInt64Array;
    let acc = 0n;
    if (includeInitial) {
      d[o] = 0n;
      o += os;
    }
    for (let i = 0, p = offset; i < n; i++, p += stride, o += os) {
      d[o] = i === 0 ? (x[p] as bigint) : acc + x[p];
      acc = d[o];
    }
    return;
  }
  const d = out.data as NumberArray;
  if (includeInitial) {
    d[o] = 0;
    o += os;
  }
  if (n === 0) return;
  // the first element is copied, not added to 0 (NumPy's accumulate: a leading -0.0 stays -0.0)
  d[o] = x[offset] as number;
  let acc = d[o];
  o += os;
  for (let i = 1, p = offset + stride; i < n; i++, p += stride, o += os) {
    d[o] = acc + (x[p] as number);
    acc = d[o];
  }
}

/** `cumulative_prod` for real dtypes; integer products wrap as NumPy's (Math.imul up to 32 bits). */
export function cumulativeProd(
  x: KernelArray,
  offset: number,
  n: number,
  stride: number,
  out: CumulativeOut,
  includeInitial = false,
): void {
  check(x, out.data, 'cumulative_prod');
  let o = out.offset;
  const os = out.stride;
  if (isBigIntArray(x)) {
    const d = out.data as BigInt64Array;
    let acc = 1n;
    if (includeInitial) {
      d[o] = 1n;
      o += os;
    }
    for (let i = 0, p = offset; i < n; i++, p += stride, o += os) {
      d[o] = i === 0 ? (x[p] as bigint) : acc * x[p];
      acc = d[o];
    }
    return;
  }
  const d = out.data as NumberArray;
  const wrap = isSmallIntStorage(out.data);
  let acc = 1;
  if (includeInitial) {
    d[o] = 1;
    o += os;
  }
  for (let i = 0, p = offset; i < n; i++, p += stride, o += os) {
    d[o] = i === 0 ? (x[p] as number) : wrap ? Math.imul(acc, x[p] as number) : acc * (x[p] as number);
    acc = d[o];
  }
}

/**
 * `cumulative_sum` (`prod` = false) or `cumulative_prod` (`prod` = true) of complex data
 * (interleaved; complex64 when `out` is a Float32Array, rounding each step to float32).
 * Products use NumPy's (ac - bd) + (ad + bc)i.
 */
export function cumulativeComplex(
  x: Float64Array | Float32Array,
  offset: number,
  n: number,
  stride: number,
  out: CumulativeOut<Float64Array | Float32Array>,
  prod: boolean,
  includeInitial = false,
): void {
  const d = out.data;
  let o = 2 * out.offset;
  const os = 2 * out.stride;
  // complex64 multiplies in float32: each product rounded before the sum, as NumPy's CFLOAT loop.
  const r = d instanceof Float32Array ? Math.fround : (v: number): number => v;
  let re = prod ? 1 : 0;
  let im = 0;
  if (includeInitial) {
    d[o] = re;
    d[o + 1] = im;
    o += os;
  }
  for (let i = 0, p = 2 * offset; i < n; i++, p += 2 * stride, o += os) {
    const xr = x[p];
    const xi = x[p + 1];
    if (i === 0) {
      // copied, as NumPy's accumulate does (1 * (inf + 0j) would give a NaN part, 0 + -0.0 a +0.0)
      d[o] = xr;
      d[o + 1] = xi;
    } else if (prod) {
      d[o] = r(re * xr) - r(im * xi);
      d[o + 1] = r(re * xi) + r(im * xr);
    } else {
      d[o] = re + xr;
      d[o + 1] = im + xi;
    }
    re = d[o];
    im = d[o + 1];
  }
}
