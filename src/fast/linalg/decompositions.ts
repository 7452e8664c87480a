/**
 * The linalg extension's factorisations and solvers over stacks of matrices: det, slogdet, inv,
 * solve, cholesky, qr, matrix_power, svdvals, matrix_rank, pinv, eigvalsh, and NumPy's lstsq and
 * cond. Inputs are cast as NumPy's linalg casts them (integers and bool to float64); float32 and
 * complex64 are computed in float64 and rounded once (at least as accurate as LAPACK's single
 * precision). Complex matrices: det, slogdet, inv and solve by complex LU (pivots by |re| + |im| as
 * LAPACK's izamax), cholesky and qr by LAPACK's complex algorithms (dense-complex.ts), svdvals,
 * pinv, matrix_rank, eigvalsh and cond through the real embedding of the complex matrix. lstsq
 * throws NotSupportedError for complex input (and cond for a p other than 2), so `nd` runs NumPy on it.
 */
import { DTYPES, type DTypeName } from '../../common/dtypes.js';
import { DTypeError, NotSupportedError, ShapeError, ValueError } from '../../common/errors.js';
import type { FastArray } from '../array.js';
import { eye } from '../creation/creation.js';
import { broadcastShapes, shapeStr, sizeOf } from '../engine/shape.js';

import { cholesky as cholKernel, formQ, householderQR, jacobiSVD, luSolve, luSolveComplex, slogdetComplex, slogdetOf, symmetricEigenvalues, type ComplexMatrix } from './dense.js';
import { choleskyComplex, conjTransposed, formQComplex, fromRealEmbedding, hermitianFromTriangle, householderQRComplex, realEmbedding } from './dense-complex.js';
import { matmul } from './products.js';
import { batchOffsets, fresh, isComplex, linalgFloat, materialize, readMatrix, toFast, type ArrayInput } from './support.js';
import { checkOptions } from '../engine/options.js';

/** The real dtype of a linalg dtype (complex64 -> float32, complex128 -> float64). */
const realOf = (d: DTypeName): DTypeName => (d === 'complex64' ? 'float32' : d === 'complex128' ? 'float64' : d);
/** Machine epsilon of the precision NumPy's linalg computes a dtype in. */
const epsOf = (d: DTypeName): number => (d === 'float32' || d === 'complex64' ? 2 ** -23 : 2 ** -52);

/** NumPy's LinAlgError is a ValueError subclass: fast throws ValueError with the same message. */
function linAlgError(msg: string): ValueError {
  return new ValueError(`LinAlgError: ${msg}`);
}

/** A real float stack of matrices: the input cast for linalg, its batch shape and matrix offsets. */
interface Stack {
  readonly a: FastArray;
  readonly dtype: DTypeName;
  readonly batch: number[];
  readonly m: number;
  readonly n: number;
  readonly offsets: number[];
}

function stackOf(x: ArrayInput, corner: string, square: boolean, allowComplex = false): Stack {
  const a0 = toFast(x);
  if (a0.ndim < 2) {
    throw linAlgError(`${a0.ndim}-dimensional array given to ${corner}; the array must be at least two-dimensional (shape ${shapeStr(a0.shape)})`);
  }
  const dtype = linalgFloat(a0.dtype);
  if (isComplex(dtype) && !allowComplex) throw new NotSupportedError(corner, `complex matrices (dtype ${dtype}): fast computes this factorisation for real matrices only`);
  const m = a0.shape[a0.ndim - 2];
  const n = a0.shape[a0.ndim - 1];
  if (square && m !== n) throw linAlgError(`Last 2 dimensions of the array must be square (shape ${shapeStr(a0.shape)}) in ${corner}`);
  const a = materialize(a0, isComplex(dtype) ? dtype : dtype === 'float32' ? 'float32' : 'float64');
  const batch = a.shape.slice(0, -2);
  return { a, dtype, batch, m, n, offsets: batchOffsets(a, 2, batch) };
}

/** Matrix at `offset` of complex `a` as separate real and imaginary row-major parts. */
function readComplex(a: FastArray, offset: number, rows: number, cols: number): ComplexMatrix {
  const d = a._data as Float64Array | Float32Array;
  const rs = a._es[a.ndim - 2];
  const cs = a._es[a.ndim - 1];
  const re = new Float64Array(rows * cols);
  const im = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const p = offset + i * rs + j * cs;
      re[i * cols + j] = d[2 * p];
      im[i * cols + j] = d[2 * p + 1];
    }
  }
  return { re, im };
}

function writeComplex(d: Float64Array, at: number, m: ComplexMatrix): void {
  for (let i = 0; i < m.re.length; i++) {
    d[2 * (at + i)] = m.re[i];
    d[2 * (at + i) + 1] = m.im[i];
  }
}

function checkFinite(mat: Float64Array, corner: string): void {
  for (let i = 0; i < mat.length; i++) {
    if (!Number.isFinite(mat[i])) throw linAlgError(`Array must not contain infs or NaNs (${corner})`);
  }
}

/** Matrix `t` of a stack as a real matrix, or (complex) as its 2m x 2n real embedding; finite checked. */
function realOrEmbedded(s: Stack, off: number, corner: string): Float64Array {
  if (!isComplex(s.dtype)) {
    const w = readMatrix(s.a, off, s.m, s.n);
    checkFinite(w, corner);
    return w;
  }
  const c = readComplex(s.a, off, s.m, s.n);
  checkFinite(c.re, corner);
  checkFinite(c.im, corner);
  return realEmbedding(c, s.m, s.n);
}

/** A tuple that also has named fields (`const [q, r] = qr(a)` and `qr(a).Q` both work), like NumPy's named tuples. */
function named<T extends Record<string, unknown>>(fields: T): T & unknown[] {
  return Object.assign(Object.values(fields), fields) as T & unknown[];
}

/** `det(x)`: determinant of each matrix, as NumPy computes it: sign·exp(Σ log|Uᵢᵢ|) from the LU factors (complex too). */
export function det(x: ArrayInput): FastArray {
  const s = stackOf(x, 'linalg.det', true, true);
  const out = fresh(s.dtype, s.batch);
  const d = out._data as Float64Array;
  const cplx = isComplex(s.dtype);
  s.offsets.forEach((off, t) => {
    if (cplx) {
      const r = slogdetComplex(readComplex(s.a, off, s.n, s.n), s.n);
      const e = Math.exp(r.logabsdet);
      d[2 * t] = r.sr * e;
      d[2 * t + 1] = r.si * e;
    } else {
      const { sign, logabsdet } = slogdetOf(readMatrix(s.a, off, s.n, s.n), s.n);
      d[t] = sign * Math.exp(logabsdet);
    }
  });
  return out;
}

/** `slogdet(x)`: `{ sign, logabsdet }` (also a [sign, logabsdet] pair); singular matrices give sign 0, logabsdet -inf. */
export function slogdet(x: ArrayInput): [FastArray, FastArray] & { sign: FastArray; logabsdet: FastArray } {
  const s = stackOf(x, 'linalg.slogdet', true, true);
  const cplx = isComplex(s.dtype);
  const sign = fresh(s.dtype, s.batch);
  const logabs = fresh(cplx ? (s.dtype === 'complex64' ? 'float32' : 'float64') : s.dtype, s.batch);
  s.offsets.forEach((off, t) => {
    if (cplx) {
      const r = slogdetComplex(readComplex(s.a, off, s.n, s.n), s.n);
      (sign._data as Float64Array)[2 * t] = r.sr;
      (sign._data as Float64Array)[2 * t + 1] = r.si;
      (logabs._data as Float64Array)[t] = r.logabsdet;
    } else {
      const r = slogdetOf(readMatrix(s.a, off, s.n, s.n), s.n);
      (sign._data as Float64Array)[t] = r.sign;
      (logabs._data as Float64Array)[t] = r.logabsdet;
    }
  });
  return named({ sign, logabsdet: logabs }) as unknown as [FastArray, FastArray] & { sign: FastArray; logabsdet: FastArray };
}

/** `inv(x)`: the inverse of each matrix (LU with partial pivoting). @throws ValueError 'Singular matrix' */
export function inv(x: ArrayInput): FastArray {
  const s = stackOf(x, 'linalg.inv', true, true);
  const n = s.n;
  const out = fresh(s.dtype, [...s.batch, n, n]);
  const d = out._data as Float64Array;
  const cplx = isComplex(s.dtype);
  s.offsets.forEach((off, t) => {
    if (cplx) {
      const b = { re: new Float64Array(n * n), im: new Float64Array(n * n) };
      for (let i = 0; i < n; i++) b.re[i * n + i] = 1;
      if (!luSolveComplex(readComplex(s.a, off, n, n), n, b, n)) throw linAlgError('Singular matrix');
      writeComplex(d, t * n * n, b);
      return;
    }
    const b = new Float64Array(n * n);
    for (let i = 0; i < n; i++) b[i * n + i] = 1;
    if (!luSolve(readMatrix(s.a, off, n, n), n, b, n)) throw linAlgError('Singular matrix');
    d.set(b, t * n * n);
  });
  return out;
}

/**
 * `solve(x1, x2)`: X with x1·X = x2 for each matrix of x1. x2 of one dimension is a vector (NumPy
 * 2's rule); otherwise a stack of n x k matrices, its batch broadcast with x1's.
 */
export function solve(x1: ArrayInput, x2: ArrayInput): FastArray {
  const s = stackOf(x1, 'linalg.solve', true, true);
  const b0 = toFast(x2);
  const bdt = linalgFloat(b0.dtype);
  const cplx = isComplex(s.dtype) || isComplex(bdt);
  const single = (s.dtype === 'float32' || s.dtype === 'complex64') && (bdt === 'float32' || bdt === 'complex64');
  const dtype: DTypeName = cplx ? (single ? 'complex64' : 'complex128') : single ? 'float32' : 'float64';
  const n = s.n;
  const vector = b0.ndim === 1;
  if (b0.ndim === 0) throw linAlgError(`solve needs x2 with at least one dimension, got a 0-d array`);
  const bRows = vector ? b0.shape[0] : b0.shape[b0.ndim - 2];
  if (bRows !== n) {
    throw new ShapeError(`solve: x1 has shape ${shapeStr(s.a.shape)} (n = ${n}) but x2 has shape ${shapeStr(b0.shape)} (${bRows} rows); they must match`);
  }
  const b = materialize(b0, cplx ? 'complex128' : b0.dtype === 'float32' ? 'float32' : 'float64');
  const k = vector ? 1 : b.shape[b.ndim - 1];
  const batch = vector ? s.batch : broadcastShapes(s.batch, b.shape.slice(0, -2));
  const a = cplx ? materialize(s.a, 'complex128') : s.a;
  const aOffs = batchOffsets(a, 2, batch);
  const bOffs = vector ? aOffs.map(() => b._off) : batchOffsets(b, 2, batch);
  const out = fresh(dtype, vector ? [...batch, n] : [...batch, n, k]);
  const d = out._data as Float64Array;
  const bd = b._data as Float64Array;
  const brs = vector ? b._es[0] : b._es[b.ndim - 2];
  const bcs = vector ? 0 : b._es[b.ndim - 1];
  for (let t = 0; t < aOffs.length; t++) {
    if (cplx) {
      const rhs = { re: new Float64Array(n * k), im: new Float64Array(n * k) };
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < k; j++) {
          const p = bOffs[t] + i * brs + j * bcs;
          rhs.re[i * k + j] = bd[2 * p];
          rhs.im[i * k + j] = bd[2 * p + 1];
        }
      }
      if (!luSolveComplex(readComplex(a, aOffs[t], n, n), n, rhs, k)) throw linAlgError('Singular matrix');
      writeComplex(d, t * n * k, rhs);
      continue;
    }
    const rhs = new Float64Array(n * k);
    for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) rhs[i * k + j] = bd[bOffs[t] + i * brs + j * bcs];
    if (!luSolve(readMatrix(a, aOffs[t], n, n), n, rhs, k)) throw linAlgError('Singular matrix');
    d.set(rhs, t * n * k);
  }
  return out;
}

/** `cholesky(x, { upper })`: L with x = L·Lᴴ (from the lower triangle), or U with x = Uᴴ·U (from the upper triangle) when upper; real or complex. */
export function cholesky(x: ArrayInput, options: { readonly upper?: boolean } = {}): FastArray {
  options = checkOptions('linalg.cholesky', options);
  const s = stackOf(x, 'linalg.cholesky', true, true);
  const n = s.n;
  const upper = options.upper ?? false;
  const out = fresh(s.dtype, [...s.batch, n, n]);
  const d = out._data as Float64Array;
  s.offsets.forEach((off, t) => {
    if (isComplex(s.dtype)) {
      // lower: A = L·Lᴴ from A's lower triangle; upper: A = Uᴴ·U with U = Lᴴ, L the factor of the
      // Hermitian matrix whose lower triangle is the conjugate transpose of A's upper one
      const c = readComplex(s.a, off, n, n);
      const w = upper ? conjTransposed(c, n, n) : c;
      if (!choleskyComplex(w, n)) throw linAlgError('Matrix is not positive definite');
      writeComplex(d, t * n * n, upper ? conjTransposed(w, n, n) : w);
      return;
    }
    const m = readMatrix(s.a, off, n, n);
    // the upper factor of A is the transposed lower factor of Aᵀ (whose lower triangle is A's upper one)
    const w = upper ? transposed(m, n, n) : m;
    if (!cholKernel(w, n)) throw linAlgError('Matrix is not positive definite');
    d.set(upper ? transposed(w, n, n) : w, t * n * n);
  });
  return out;
}

function transposed(m: Float64Array, rows: number, cols: number): Float64Array {
  const t = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = m[i * cols + j];
  return t;
}

/** `qr(x, { mode })`: Householder QR with LAPACK's sign convention (real or complex); mode 'reduced' (default), 'complete' or 'r'. */
export function qr(x: ArrayInput, options: { readonly mode?: 'reduced' | 'complete' | 'r' | 'raw' } = {}): ([FastArray, FastArray] & { Q: FastArray; R: FastArray }) | FastArray {
  options = checkOptions('linalg.qr', options);
  const mode = options.mode ?? 'reduced';
  if (mode === 'raw') throw new NotSupportedError('linalg.qr', "mode='raw' (LAPACK's packed reflectors)");
  if (mode !== 'reduced' && mode !== 'complete' && mode !== 'r') throw new ValueError(`qr mode must be 'reduced', 'complete', 'r' or 'raw', got ${JSON.stringify(mode)}`);
  const s = stackOf(x, 'linalg.qr', false, true);
  const { m, n } = s;
  const k = Math.min(m, n);
  const qCols = mode === 'complete' ? m : k;
  const rRows = mode === 'complete' ? m : k;
  const Q = fresh(s.dtype, [...s.batch, m, qCols]);
  const R = fresh(s.dtype, [...s.batch, rRows, n]);
  s.offsets.forEach((off, t) => {
    if (isComplex(s.dtype)) {
      const w = readComplex(s.a, off, m, n);
      checkFinite(w.re, 'linalg.qr');
      checkFinite(w.im, 'linalg.qr');
      const tau = householderQRComplex(w, m, n);
      const r = { re: new Float64Array(rRows * n), im: new Float64Array(rRows * n) };
      for (let i = 0; i < Math.min(rRows, m); i++) {
        for (let j = i; j < n; j++) {
          r.re[i * n + j] = w.re[i * n + j];
          r.im[i * n + j] = w.im[i * n + j];
        }
      }
      writeComplex(R._data as Float64Array, t * rRows * n, r);
      if (mode !== 'r') writeComplex(Q._data as Float64Array, t * m * qCols, formQComplex(w, m, n, tau, qCols));
      return;
    }
    const w = readMatrix(s.a, off, m, n);
    checkFinite(w, 'linalg.qr');
    const tau = householderQR(w, m, n);
    const rd = R._data as Float64Array;
    for (let i = 0; i < Math.min(rRows, m); i++) for (let j = i; j < n; j++) rd[t * rRows * n + i * n + j] = w[i * n + j];
    if (mode !== 'r') (Q._data as Float64Array).set(formQ(w, m, n, tau, qCols), t * m * qCols);
  });
  if (mode === 'r') return R;
  return named({ Q, R }) as unknown as [FastArray, FastArray] & { Q: FastArray; R: FastArray };
}

/** `matrix_power(x, n)`: repeated matmul by NumPy's binary decomposition; n < 0 inverts first, n = 0 gives the identity. */
export function matrix_power(x: ArrayInput, n: number): FastArray {
  const a0 = toFast(x);
  if (!Number.isInteger(n)) throw new DTypeError(`matrix_power exponent must be an integer, got ${n}`);
  if (a0.ndim < 2 || a0.shape[a0.ndim - 1] !== a0.shape[a0.ndim - 2]) {
    throw linAlgError(`Last 2 dimensions of the array must be square (shape ${shapeStr(a0.shape)}) in linalg.matrix_power`);
  }
  const size = a0.shape[a0.ndim - 1];
  if (n === 0) {
    const id = eye(size, { dtype: a0.dtype });
    return materialize(id.broadcast_to(a0.shape).astype(a0.dtype));
  }
  let a = a0;
  if (n < 0) {
    const k = a0.dtype;
    if (!(k.startsWith('float') || k.startsWith('complex'))) throw new DTypeError(`matrix_power: raising integer matrices (dtype ${k}) to negative powers is not supported (NumPy raises too)`);
    a = inv(a0);
    n = -n;
  }
  if (n === 1) return materialize(a.copy());
  if (n === 2) return matmul(a, a);
  if (n === 3) return matmul(matmul(a, a), a);
  let z: FastArray | null = null;
  let result: FastArray | null = null;
  while (n > 0) {
    z = z === null ? a : matmul(z, z);
    const bit = n % 2;
    n = Math.floor(n / 2);
    if (bit) result = result === null ? z : matmul(result, z);
  }
  return result!;
}

/** `svdvals(x)`: singular values of each matrix, descending, real (one-sided Jacobi; within a few ulps of LAPACK relative to the largest). */
export function svdvals(x: ArrayInput): FastArray {
  const s = stackOf(x, 'linalg.svdvals', false, true);
  const k = Math.min(s.m, s.n);
  const out = fresh(realOf(s.dtype), [...s.batch, k]);
  const cplx = isComplex(s.dtype);
  s.offsets.forEach((off, t) => {
    const w = realOrEmbedded(s, off, 'linalg.svdvals');
    const sv = cplx ? jacobiSVD(w, 2 * s.m, 2 * s.n).s : jacobiSVD(w, s.m, s.n).s;
    // the embedding has each singular value twice, adjacent in the descending order
    const d = out._data as Float64Array;
    for (let i = 0; i < k; i++) d[t * k + i] = cplx ? sv[2 * i] : sv[i];
  });
  return out;
}

/** A tolerance argument: a number, or an array broadcast against the stack's batch shape (one per matrix). */
export type Tolerance = number | ArrayInput;

/** `tol` as float64 values, one per element of `batch` (after broadcasting `tol` to it). */
function perMatrix(tol: Tolerance, batch: readonly number[], name: string): Float64Array {
  const a = materialize(toFast(tol), 'float64');
  const k = DTYPES[toFast(tol).dtype].kind;
  if (k === 'complex') throw new DTypeError(`${name} must be real, got dtype ${toFast(tol).dtype}`);
  const offs = batchOffsets(a, 0, batch);
  const d = a._data as Float64Array;
  return Float64Array.from(offs, (o) => d[o]);
}

/** The shape of the result of a per-matrix computation with an array tolerance (NumPy broadcasts it with the batch). */
function tolBatch(tol: Tolerance | null | undefined, batch: readonly number[], name: string): number[] {
  if (tol === null || tol === undefined || typeof tol === 'number') return batch.slice();
  const shape = toFast(tol).shape;
  try {
    return broadcastShapes(batch, shape);
  } catch {
    throw new ShapeError(`${name} of shape ${shapeStr(shape)} does not broadcast with the stack's batch shape ${shapeStr(batch)}`);
  }
}

/**
 * `matrix_rank(x, { rtol, tol })`: singular values above max(s)·rtol (default max(m, n)·eps), or
 * above tol, counted, as NumPy. rtol and tol may be arrays, broadcast with the stack's batch shape
 * (one per matrix). int64 like NumPy's count (intp), not fast's int32 default.
 */
export function matrix_rank(x: ArrayInput, options: { readonly rtol?: Tolerance | null; readonly tol?: Tolerance | null } = {}): FastArray {
  options = checkOptions('linalg.matrix_rank', options);
  if (options.rtol != null && options.tol != null) throw new ValueError("matrix_rank: `tol` and `rtol` can't be both set");
  const a0 = toFast(x);
  if (a0.ndim < 2) {
    const out = fresh('int64', []);
    const nz = a0.ne(0).any();
    (out._data as BigInt64Array)[0] = nz.item() ? 1n : 0n;
    return out;
  }
  const sv = svdvals(a0);
  const k = sv.shape[sv.ndim - 1];
  const svBatch = sv.shape.slice(0, -1);
  const given = options.tol ?? options.rtol;
  const batch = tolBatch(given, svBatch, options.tol != null ? 'tol' : 'rtol');
  const size = sizeOf(batch);
  const byMatrix = given === null || given === undefined ? null : perMatrix(given, batch, options.tol != null ? 'tol' : 'rtol');
  const defaultRtol = Math.max(a0.shape[a0.ndim - 1], a0.shape[a0.ndim - 2]) * epsOf(sv.dtype);
  const offs = batchOffsets(sv, 1, batch);
  const d = sv._data as Float64Array;
  const out = fresh('int64', batch);
  for (let t = 0; t < size; t++) {
    let mx = 0;
    for (let i = 0; i < k; i++) mx = Math.max(mx, d[offs[t] + i]);
    const cut = options.tol != null ? byMatrix![t] : mx * (byMatrix === null ? defaultRtol : byMatrix[t]);
    let c = 0;
    for (let i = 0; i < k; i++) if (d[offs[t] + i] > cut) c++;
    (out._data as BigInt64Array)[t] = BigInt(c);
  }
  return out;
}

/**
 * `pinv(x, { rtol })`: V·diag(1/s)·Uᴴ over singular values above rtol·max(s) (NumPy's default rcond
 * 1e-15; rtol null: max(m, n)·eps). rtol (or NumPy's rcond) may be an array broadcast to the stack's
 * batch shape, one per matrix. Complex matrices through their real embedding.
 */
export function pinv(x: ArrayInput, options: { readonly rtol?: Tolerance | null; readonly rcond?: Tolerance | null } = {}): FastArray {
  options = checkOptions('linalg.pinv', options);
  if (options.rcond != null && options.rtol !== undefined) throw new ValueError("pinv: `rtol` and `rcond` can't be both set");
  const s = stackOf(x, 'linalg.pinv', false, true);
  const { m, n } = s;
  const given = options.rcond ?? options.rtol;
  const dflt = options.rtol === null ? Math.max(m, n) * epsOf(s.dtype) : 1e-15;
  if (given !== null && given !== undefined) {
    const b = tolBatch(given, s.batch, 'rtol');
    if (b.length !== s.batch.length || b.some((v, i) => v !== s.batch[i])) {
      throw new ValueError(`pinv: rtol of shape ${shapeStr(toFast(given).shape)} must broadcast to the stack's batch shape ${shapeStr(s.batch)}`);
    }
  }
  const rc = given === null || given === undefined ? null : perMatrix(given, s.batch, 'rtol');
  const out = fresh(s.dtype, [...s.batch, n, m]);
  const d = out._data as Float64Array;
  const cplx = isComplex(s.dtype);
  s.offsets.forEach((off, t) => {
    const w = realOrEmbedded(s, off, 'linalg.pinv');
    const cut = rc === null ? dflt : rc[t];
    if (cplx) writeComplex(d, t * n * m, fromRealEmbedding(pinvMatrix(w, 2 * m, 2 * n, cut), n, m));
    else d.set(pinvMatrix(w, m, n, cut), t * n * m);
  });
  return out;
}

function pinvMatrix(w: Float64Array, m: number, n: number, rcond: number): Float64Array {
  const { u, s, v, p } = jacobiSVD(w, m, n);
  let mx = 0;
  for (let i = 0; i < p; i++) mx = Math.max(mx, s[i]);
  const cutoff = rcond * mx;
  const inv = new Float64Array(p);
  for (let i = 0; i < p; i++) inv[i] = s[i] > cutoff ? 1 / s[i] : 0;
  const r = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let acc = 0;
      for (let q = 0; q < p; q++) acc += v[i * p + q] * (inv[q] * u[j * p + q]);
      r[i * m + j] = acc;
    }
  }
  return r;
}

/**
 * `eigvalsh(x, { UPLO })`: eigenvalues of each symmetric (or Hermitian) matrix, from its lower
 * triangle (or upper with UPLO 'U'), ascending and real.
 */
export function eigvalsh(x: ArrayInput, options: { readonly UPLO?: 'L' | 'U' } = {}): FastArray {
  options = checkOptions('linalg.eigvalsh', options);
  const s = stackOf(x, 'linalg.eigvalsh', true, true);
  const n = s.n;
  const upper = options.UPLO === 'U';
  const out = fresh(realOf(s.dtype), [...s.batch, n]);
  const d = out._data as Float64Array;
  s.offsets.forEach((off, t) => {
    if (isComplex(s.dtype)) {
      const c = readComplex(s.a, off, n, n);
      checkFinite(c.re, 'linalg.eigvalsh');
      checkFinite(c.im, 'linalg.eigvalsh');
      // the real embedding of a Hermitian matrix is symmetric, with each eigenvalue twice (adjacent)
      const ev = symmetricEigenvalues(realEmbedding(hermitianFromTriangle(c, n, upper), n, n), 2 * n);
      for (let i = 0; i < n; i++) d[t * n + i] = ev[2 * i];
      return;
    }
    let w = readMatrix(s.a, off, n, n);
    checkFinite(w, 'linalg.eigvalsh');
    if (upper) w = transposed(w, n, n);
    d.set(symmetricEigenvalues(w, n), t * n);
  });
  return out;
}

/**
 * NumPy's `lstsq(a, b, { rcond })`: the minimum-norm least-squares solution through the SVD, as
 * `[x, residuals, rank, s]` (also named fields). rcond null/undefined: eps·max(m, n).
 */
export function lstsq(
  x1: ArrayInput,
  x2: ArrayInput,
  options: { readonly rcond?: number | null } = {},
): [FastArray, FastArray, number, FastArray] & { x: FastArray; residuals: FastArray; rank: number; s: FastArray } {
  options = checkOptions('linalg.lstsq', options);
  const a0 = toFast(x1);
  const b0 = toFast(x2);
  if (a0.ndim !== 2 || (b0.ndim !== 1 && b0.ndim !== 2)) {
    throw linAlgError(`lstsq needs a 2-d x1 and a 1-d or 2-d x2, got shapes ${shapeStr(a0.shape)} and ${shapeStr(b0.shape)}`);
  }
  const s = stackOf(a0, 'numpy.linalg.lstsq', false);
  const bdt = linalgFloat(b0.dtype);
  if (isComplex(bdt)) throw new NotSupportedError('numpy.linalg.lstsq', 'complex right-hand side');
  const dtype: DTypeName = s.dtype === 'float32' && bdt === 'float32' ? 'float32' : 'float64';
  const { m, n } = s;
  if (b0.shape[0] !== m) throw linAlgError(`Incompatible dimensions: x1 ${shapeStr(a0.shape)}, x2 ${shapeStr(b0.shape)}`);
  const b = materialize(b0, 'float64');
  const k = b0.ndim === 1 ? 1 : b0.shape[1];
  const eps = dtype === 'float32' ? 2 ** -23 : 2 ** -52;
  const rcond = options.rcond ?? eps * Math.max(m, n);
  const w = readMatrix(s.a, s.offsets[0], m, n);
  checkFinite(w, 'numpy.linalg.lstsq');
  const { u, s: sv, v, p } = jacobiSVD(w, m, n);
  let mx = 0;
  for (let i = 0; i < p; i++) mx = Math.max(mx, sv[i]);
  let rank = 0;
  for (let i = 0; i < p; i++) if (sv[i] > rcond * mx) rank++;
  const bd = b._data as Float64Array;
  const brs = b._es[0];
  const bcs = b0.ndim === 1 ? 0 : b._es[1];
  const X = fresh(dtype, b0.ndim === 1 ? [n] : [n, k]);
  const xd = X._data as Float64Array;
  const resid: number[] = [];
  for (let c = 0; c < k; c++) {
    const col = new Float64Array(m);
    for (let i = 0; i < m; i++) col[i] = bd[b._off + i * brs + c * bcs];
    // x = V · diag(1/s) · Uᵀ b over the kept singular values
    const coef = new Float64Array(p);
    for (let q = 0; q < rank; q++) {
      let acc = 0;
      for (let i = 0; i < m; i++) acc += u[i * p + q] * col[i];
      coef[q] = acc / sv[q];
    }
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let q = 0; q < rank; q++) acc += v[i * p + q] * coef[q];
      xs[i] = acc;
      xd[i * k + c] = acc;
    }
    let r2 = 0;
    for (let i = 0; i < m; i++) {
      let ax = 0;
      for (let j = 0; j < n; j++) ax += w[i * n + j] * xs[j];
      r2 += (col[i] - ax) ** 2;
    }
    resid.push(r2);
  }
  const residuals = fresh(dtype, rank === n && m > n ? [k] : [0]);
  if (rank === n && m > n) (residuals._data as Float64Array).set(resid);
  const S = fresh(dtype, [p]);
  (S._data as Float64Array).set(sv);
  return named({ x: X, residuals, rank, s: S }) as unknown as [FastArray, FastArray, number, FastArray] & { x: FastArray; residuals: FastArray; rank: number; s: FastArray };
}

/** NumPy's `cond(x, p)` for p null/undefined (2-norm: s_max / s_min); other p are not supported by fast. */
export function cond(x: ArrayInput, p?: number | string | null): FastArray {
  if (p !== undefined && p !== null && p !== 2) throw new NotSupportedError('numpy.linalg.cond', `p=${String(p)} (fast computes the 2-norm condition number only)`);
  const sv = svdvals(x);
  const k = sv.shape[sv.ndim - 1];
  const batch = sv.shape.slice(0, -1);
  const out = fresh(sv.dtype, batch);
  const d = sv._data as Float64Array;
  for (let t = 0; t < sizeOf(batch); t++) (out._data as Float64Array)[t] = d[t * k] / d[t * k + k - 1];
  return out;
}


