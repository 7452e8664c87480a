/**
 * Small linear-algebra kernels fast runs itself: cross products of 3-vectors, outer products,
 * diagonals and traces over strides, and the Array API's vector_norm / matrix_norm, with NumPy's
 * order of operations (pairwise sums where NumPy uses add.reduce) so results match NumPy's bits
 * except where NumPy calls libm's pow (general p-norms: within a few ulps).
 *
 * Everything is in ELEMENTS (complex: complex elements of interleaved storage). Norm kernels take
 * float64/float32/complex128/complex64 data; integer and bool inputs are cast to float64 first,
 * as NumPy does. Norms that need singular values (matrix ord 2, -2, 'nuc') throw NotSupportedError.
 */
import type { DTypeName } from '../../../common/dtypes.js';
import { DTypeError, NotSupportedError, ValueError } from '../../../common/errors.js';
import { numpySumF32, numpySumF64 } from './pairwise.js';
import { cabs, cabsF32, hypot, hypotF32 } from './scalar-math.js';
import type { NumberArray } from './types.js';

/** The float and complex dtypes the norm kernels accept. */
export type InexactDType = 'float32' | 'float64' | 'complex64' | 'complex128';

function isInt(a: NumberArray): boolean {
  return !(a instanceof Float64Array || a instanceof Float32Array);
}

/**
 * Cross product of the 3-vectors a and b into out (same storage type), as `np.cross`:
 * (a1·b2 - a2·b1, a2·b0 - a0·b2, a0·b1 - a1·b0), products rounded in the dtype (float32:
 * Math.fround; integers wrap via Math.imul and the output's storage).
 */
export function cross3(
  a: NumberArray,
  aOff: number,
  aStride: number,
  b: NumberArray,
  bOff: number,
  bStride: number,
  out: NumberArray,
  outOff: number,
  outStride: number,
): void {
  const a0 = a[aOff], a1 = a[aOff + aStride], a2 = a[aOff + 2 * aStride];
  const b0 = b[bOff], b1 = b[bOff + bStride], b2 = b[bOff + 2 * bStride];
  let mul: (x: number, y: number) => number = (x, y) => x * y;
  if (out instanceof Float32Array) mul = (x, y) => Math.fround(x * y);
  else if (isInt(out)) mul = Math.imul;
  out[outOff] = mul(a1, b2) - mul(a2, b1);
  out[outOff + outStride] = mul(a2, b0) - mul(a0, b2);
  out[outOff + 2 * outStride] = mul(a0, b1) - mul(a1, b0);
}

/** Outer product: out[outOff + i*m + j] = a_i · b_j for i < n, j < m (integers wrap). */
export function outer(
  a: NumberArray,
  aOff: number,
  n: number,
  aStride: number,
  b: NumberArray,
  bOff: number,
  m: number,
  bStride: number,
  out: NumberArray,
  outOff: number,
): void {
  const int = isInt(out);
  for (let i = 0; i < n; i++) {
    const ai = a[aOff + i * aStride];
    const row = outOff + i * m;
    if (int) for (let j = 0; j < m; j++) out[row + j] = Math.imul(ai, b[bOff + j * bStride]);
    else for (let j = 0; j < m; j++) out[row + j] = ai * b[bOff + j * bStride];
  }
}

/** A 1-d strided run: offset, length, stride (elements). */
export interface Run {
  readonly offset: number;
  readonly length: number;
  readonly stride: number;
}

/**
 * The k-th diagonal of a rows x cols matrix at `offset` with the given strides, as a run
 * (`np.diagonal(x, k)`): k > 0 above the main diagonal, k < 0 below. Empty when out of range.
 */
export function diagonalRun(offset: number, rows: number, cols: number, rowStride: number, colStride: number, k = 0): Run {
  const start = k >= 0 ? offset + k * colStride : offset - k * rowStride;
  const length = Math.max(0, k >= 0 ? Math.min(rows, cols - k) : Math.min(rows + k, cols));
  return { offset: length > 0 ? start : offset, length, stride: rowStride + colStride };
}

/**
 * `np.trace(x, k)` of a float64 or float32 matrix: the pairwise sum of the diagonal run, as NumPy
 * (which sums the diagonal view with add.reduce). Integer traces: sum the run in your accumulator
 * dtype instead.
 */
export function traceFloat(
  x: Float64Array | Float32Array,
  offset: number,
  rows: number,
  cols: number,
  rowStride: number,
  colStride: number,
  k = 0,
): number {
  const d = diagonalRun(offset, rows, cols, rowStride, colStride, k);
  return x instanceof Float32Array ? numpySumF32(x, d.offset, d.length, d.stride) : numpySumF64(x, d.offset, d.length, d.stride);
}

function checkInexact(dtype: DTypeName, x: NumberArray, op: string): void {
  const T = dtype === 'float64' || dtype === 'complex128' ? Float64Array : Float32Array;
  if (!(dtype === 'float64' || dtype === 'float32' || dtype === 'complex64' || dtype === 'complex128') || !(x instanceof T)) {
    throw new DTypeError(
      `${op} kernel takes float32/float64/complex64/complex128 storage, got dtype ${dtype} in ${x.constructor.name}; cast integers and bools to float64 first (as NumPy does)`,
    );
  }
}

// |x_i| or |x_i|² (complex: re² + im², i.e. (conj(x)·x).real) into a contiguous array of the real
// dtype, element i of the run at position i. Complex |x|: NumPy 2.4 runs its SIMD loop (cabs) unless
// every axis of the input has a negative stride, when its scalar loop calls libm's hypot instead
// (observed on 1-d and 2-d views: the two differ in the last place for ~40% of values).
function magnitudes(
  dtype: DTypeName,
  x: NumberArray,
  off: number,
  n: number,
  stride: number,
  squared: boolean,
  scalarLoop = false,
): Float64Array | Float32Array {
  const single = dtype === 'float32' || dtype === 'complex64';
  const f = single ? Math.fround : (v: number): number => v;
  const out = single ? new Float32Array(n) : new Float64Array(n);
  if (dtype === 'complex64' || dtype === 'complex128') {
    for (let i = 0, p = 2 * off; i < n; i++, p += 2 * stride) {
      const re = x[p];
      const im = x[p + 1];
      out[i] = squared
        ? f(re * re) + f(im * im)
        : scalarLoop
          ? single
            ? hypotF32(re, im)
            : hypot(re, im)
          : single
            ? cabsF32(re, im)
            : cabs(re, im);
    }
  } else {
    for (let i = 0, p = off; i < n; i++, p += stride) {
      const v = x[p];
      out[i] = squared ? v * v : Math.abs(v);
    }
  }
  return out;
}

function sumOf(t: Float64Array | Float32Array, off = 0, n = t.length, stride = 1): number {
  return t instanceof Float32Array ? numpySumF32(t, off, n, stride) : numpySumF64(t, off, n, stride);
}

/**
 * `np.linalg.vector_norm(x, ord=ord)` of one run: ord 2 (default) sqrt(Σ|x|²), 1 Σ|x|, Infinity
 * max|x| (0 for an empty run), -Infinity min|x|, 0 the count of nonzeros, any other p
 * (Σ|x|^p)^(1/p). NaN propagates. Returns a float64 (float32-valued for float32/complex64).
 * `allAxesNegative`: for complex |x| only, pass true when NumPy would see an input whose every axis
 * has a negative stride (vector_norm with an `axis` over such a view); with axis=None NumPy ravels
 * the input into a contiguous copy first, so the default false is right there.
 * @throws ValueError for ord -Infinity of an empty run (NumPy: no identity for minimum)
 */
export function vectorNorm(
  dtype: DTypeName,
  x: NumberArray,
  offset: number,
  n: number,
  stride: number,
  ord = 2,
  allAxesNegative = false,
): number {
  checkInexact(dtype, x, 'vector_norm');
  const single = dtype === 'float32' || dtype === 'complex64';
  const f = single ? Math.fround : (v: number): number => v;
  if (ord === 2) return f(Math.sqrt(sumOf(magnitudes(dtype, x, offset, n, stride, true))));
  const mags = magnitudes(dtype, x, offset, n, stride, false, allAxesNegative);
  if (ord === Infinity || ord === -Infinity) {
    if (n === 0) {
      if (ord === Infinity) return 0;
      throw new ValueError('vector_norm with ord=-inf of an empty vector: minimum has no identity (NumPy raises too)');
    }
    let r = ord === Infinity ? 0 : Infinity;
    for (let i = 0; i < n; i++) {
      const v = mags[i];
      if (v !== v) return v;
      r = ord === Infinity ? (v > r ? v : r) : v < r ? v : r;
    }
    return r;
  }
  if (ord === 0) {
    let c = 0;
    for (let i = 0; i < n; i++) if (mags[i] !== 0) c++; // NaN counts
    return c;
  }
  if (ord === 1) return sumOf(mags);
  if (Number.isNaN(ord)) throw new ValueError(`vector_norm ord must be a number, got NaN`);
  for (let i = 0; i < n; i++) mags[i] = Math.pow(mags[i], ord);
  return f(Math.pow(sumOf(mags), f(1 / ord)));
}

/** Orders `matrixNorm` accepts: 'fro', 1, -1, Infinity, -Infinity (2, -2 and 'nuc' need an SVD). */
export type MatrixNormOrd = 'fro' | 'nuc' | number;

/**
 * `np.linalg.matrix_norm(x, ord=ord)` of one rows x cols matrix with the given strides:
 * 'fro' = sqrt(Σ|x|²) summed pairwise over the elements in NumPy's K order (smaller |stride| inner),
 * 1 / -1 = max / min over columns of the column sums of |x|, Infinity / -Infinity = the same over
 * rows of the row sums. Each line sum is pairwise when its elements are the inner (smaller
 * |stride|) axis, else a left-to-right accumulation across lines, as NumPy's reduction iterator.
 * @throws NotSupportedError('linalg.matrix_norm') for ord 2, -2, 'nuc' (singular values)
 */
export function matrixNorm(
  dtype: DTypeName,
  x: NumberArray,
  offset: number,
  rows: number,
  cols: number,
  rowStride: number,
  colStride: number,
  ord: MatrixNormOrd = 'fro',
): number {
  checkInexact(dtype, x, 'matrix_norm');
  if (ord === 2 || ord === -2 || ord === 'nuc') {
    throw new NotSupportedError('linalg.matrix_norm', `ord=${String(ord)} needs singular values (an SVD)`);
  }
  if (!(ord === 'fro' || ord === 1 || ord === -1 || ord === Infinity || ord === -Infinity)) {
    throw new ValueError(`matrix_norm ord must be 'fro', 'nuc', 1, -1, 2, -2, Infinity or -Infinity, got ${String(ord)}`);
  }
  const single = dtype === 'float32' || dtype === 'complex64';
  const f = single ? Math.fround : (v: number): number => v;
  // NumPy's temporaries (abs(x), (conj(x)·x).real) are allocated in K order: the axis with the
  // smaller |stride| becomes the inner one, logical order kept along each axis; the reduction then
  // walks the temporary in memory order.
  const colsInner = Math.abs(colStride) <= Math.abs(rowStride);
  const [outerN, innerN, outerS, innerS] = colsInner ? [rows, cols, rowStride, colStride] : [cols, rows, colStride, rowStride];
  // t: |x| or |x|² in K order, t[o*innerN + i]
  const t = single ? new Float32Array(rows * cols) : new Float64Array(rows * cols);
  for (let o = 0; o < outerN; o++) {
    t.set(magnitudes(dtype, x, offset + o * outerS, innerN, innerS, ord === 'fro', rowStride < 0 && colStride < 0), o * innerN);
  }
  if (ord === 'fro') return f(Math.sqrt(sumOf(t)));
  // Line sums: over rows (ord ±1: one sum per column) or over columns (ord ±inf: one per row).
  const sumOverCols = ord === Infinity || ord === -Infinity;
  const lines = sumOverCols ? rows : cols;
  const along = sumOverCols ? cols : rows;
  const alongIsInner = sumOverCols === colsInner;
  const sums = new Float64Array(lines);
  for (let l = 0; l < lines; l++) {
    // Summed axis inner: line l is row l of t, summed pairwise. Else: accumulate t's rows.
    if (alongIsInner) {
      sums[l] = sumOf(t, l * innerN, along, 1);
    } else {
      let acc = 0;
      for (let j = 0; j < along; j++) acc = f(acc + t[j * innerN + l]);
      sums[l] = acc;
    }
  }
  if (lines === 0) {
    if (ord === 1 || ord === Infinity) return 0;
    throw new ValueError(`matrix_norm ord=${ord} of a ${rows}x${cols} matrix: minimum of an empty set has no identity`);
  }
  let r = ord > 0 ? 0 : Infinity;
  for (let l = 0; l < lines; l++) {
    const v = sums[l];
    if (v !== v) return v;
    r = ord > 0 ? (v > r ? v : r) : v < r ? v : r;
  }
  return r;
}
