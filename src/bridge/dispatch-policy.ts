/**
 * nd's BLAS/LAPACK rule: which calls fast supports should still run on NumPy, because NumPy reaches an
 * optimised BLAS (OpenBLAS here) and the work is large enough to pay for crossing the bridge.
 *
 * The rule covers a fixed table of functions (BLAS_FUNCTIONS, LAPACK_FUNCTIONS). For a call to one of
 * them, `estimateWork` reads the operands' shapes and dtypes (never their values: lazy fast arrays stay
 * lazy) and returns the work in multiply-adds, or undefined when the rule does not apply:
 * an operand that is not an array (FastArray or CompatArray), a dtype other than float32, float64,
 * complex64 or complex128 (NumPy has no BLAS for integers or booleans), options the table does not
 * know, or shapes that do not fit together (fast then raises its own typed error).
 *
 * Thresholds (`DEFAULT_THRESHOLDS`), measured on this machine (2-core AMD EPYC, OpenBLAS 0.3.31 with 2
 * threads, Node 20, koffi; medians of interleaved runs of fast vs the whole NumPy route: inputs to NumPy,
 * the call, the result back to fast):
 *
 * - BLAS (matmul, dot, vdot, inner, tensordot, vecdot): NumPy wins from about 12x12x12 multiply-adds on.
 *   matmul float64 12x12: fast 15.7 µs, NumPy route 15.9 µs (1.0x); 16x16: 25 vs 13 µs (2.0x); 32x32:
 *   87-157 vs 15-21 µs (6-8x); float32 and complex128 cross at the same size; matrix-vector 64x64: 32 vs
 *   9 µs (3.7x); a batch of 100 4x4 products: 49 vs 22 µs (2.3x); 1-d dot of 1000: 27 vs 11 µs (2.5x).
 *   Threshold: 4096 multiply-adds (16x16x16), where NumPy is already 1.5-2x faster. Below it the route's
 *   fixed cost (~10-15 µs: two exports, one call, one import) dominates.
 * - LAPACK (linalg.solve, inv, det): fast's LU is competitive longer. solve/inv cross at n = 24-28, det at
 *   n = 28; at n = 32 NumPy is 2.1-3.2x (solve), 2.1-2.6x (inv), 1.5-1.8x (det) faster; at 64, 5x.
 *   Threshold: 32768 = 32^3 (per matrix n^3, times the batch).
 *
 * - Decompositions (linalg.svdvals, eigvalsh, pinv, matrix_rank, cond, qr, cholesky, matrix_norm): fast's
 *   Jacobi SVD and eigenvalue sweeps and its unblocked QR/Cholesky are exact but far slower than LAPACK
 *   from small sizes on (loaded machine, µs per call, fast vs NumPy in CPython: svdvals 4x4 89 vs 32,
 *   16x16 511 vs 56, complex 16x16 3266 vs 46; qr 64x64 579 vs 81; pinv 64x64 12233 vs 4285).
 *   Threshold: 64 = 4x4x4 (m*n*min(m, n) per matrix, times the batch): below, the route's fixed cost
 *   is most of the call.
 *
 * `formatWork` writes work figures for the dispatch reason (nd.ts).
 */
import type { DTypeName } from '../common/dtypes.js';
import { promoteTypes } from '../fast/engine/promotion.js';
import { broadcastShapes, sizeOf } from '../fast/engine/shape.js';

export type Library = 'BLAS' | 'LAPACK' | 'decomposition';

export interface Thresholds {
  /** Minimum multiply-adds for a BLAS-family call to go to NumPy. */
  readonly blas: number;
  /** Minimum work (n^3 per matrix, times the batch) for a LAPACK-family call to go to NumPy. */
  readonly lapack: number;
  /** Minimum work (m*n*min(m, n) per matrix, times the batch) for an iterative decomposition to go to NumPy. */
  readonly decomposition: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { blas: 4096, lapack: 32768, decomposition: 64 };

export interface WorkEstimate {
  readonly library: Library;
  /** Multiply-adds (BLAS) or n^3 times the batch (LAPACK). */
  readonly work: number;
  /** Shapes and dtypes, for the dispatch reason: `(502, 502) @ (502, 502) float64`. */
  readonly operands: string;
  /** The result's shape and dtype, when the rule knows them (matmul: its result can be pooled). */
  readonly result?: { readonly shape: readonly number[]; readonly dtype: DTypeName };
}

interface Operand {
  readonly shape: readonly number[];
  readonly dtype: string;
}

const INEXACT = new Set(['float32', 'float64', 'complex64', 'complex128']);

/** An array operand the rule can size: an object with a numeric shape and an inexact dtype. */
function operand(x: unknown): Operand | undefined {
  if (typeof x !== 'object' || x === null || ArrayBuffer.isView(x) || Array.isArray(x)) return undefined;
  const { shape, dtype } = x as { shape?: unknown; dtype?: unknown };
  if (!Array.isArray(shape) || typeof dtype !== 'string' || !INEXACT.has(dtype)) return undefined;
  for (const d of shape) if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) return undefined;
  return { shape: shape as number[], dtype };
}

function batchOf(a: readonly number[], b: readonly number[]): number | undefined {
  try {
    return sizeOf(broadcastShapes(a, b));
  } catch {
    return undefined;
  }
}

function isPlainOptions(x: unknown, allowed: readonly string[]): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x) || Object.getPrototypeOf(x) !== Object.prototype) return false;
  return Object.keys(x).every((k) => allowed.includes(k));
}

function shapeText(s: readonly number[]): string {
  return s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`;
}

function describe(ops: readonly Operand[], sep: string): string {
  const dtypes = [...new Set(ops.map((o) => o.dtype))].join('/');
  return `${ops.map((o) => shapeText(o.shape)).join(sep)} ${dtypes}`;
}

function blas(work: number, ops: readonly Operand[], sep: string): WorkEstimate {
  return { library: 'BLAS', work, operands: describe(ops, sep) };
}

/** Multiply-adds of a product contracting `k` elements of a with k of b: (a's free size) x k x (b's free size). */
function contracted(a: Operand, b: Operand, k: number): number {
  return k === 0 ? 0 : (sizeOf(a.shape) / k) * sizeOf(b.shape);
}

/** matmul (NumPy's 1-d promotion, broadcast batch): multiply-adds and the result's shape. */
function matmulWork(a: Operand, b: Operand): { work: number; shape: number[] } | undefined {
  if (a.shape.length === 0 || b.shape.length === 0) return undefined;
  const aRow = a.shape.length === 1;
  const bCol = b.shape.length === 1;
  const m = aRow ? 1 : a.shape[a.shape.length - 2];
  const k = a.shape[a.shape.length - 1];
  const kb = bCol ? b.shape[0] : b.shape[b.shape.length - 2];
  const n = bCol ? 1 : b.shape[b.shape.length - 1];
  if (k !== kb) return undefined;
  let batch: number[];
  try {
    batch = broadcastShapes(aRow ? [] : a.shape.slice(0, -2), bCol ? [] : b.shape.slice(0, -2));
  } catch {
    return undefined;
  }
  const shape = [...batch];
  if (!aRow) shape.push(m);
  if (!bCol) shape.push(n);
  return { work: sizeOf(batch) * m * k * n, shape };
}

/** tensordot's axes argument -> the contracted axes of a and b, or undefined when malformed. */
function tensordotAxes(a: Operand, b: Operand, axesArg: unknown): [number[], number[]] | undefined {
  let axes = axesArg;
  if (axes === undefined) axes = 2;
  else if (isPlainOptions(axes, ['axes'])) axes = axes.axes ?? 2;
  const norm = (ax: unknown, nd: number): number | undefined =>
    typeof ax === 'number' && Number.isInteger(ax) && ax >= -nd && ax < nd ? (ax < 0 ? ax + nd : ax) : undefined;
  if (typeof axes === 'number') {
    if (!Number.isInteger(axes) || axes < 0 || axes > a.shape.length || axes > b.shape.length) return undefined;
    const n = axes;
    return [Array.from({ length: n }, (_, i) => a.shape.length - n + i), Array.from({ length: n }, (_, i) => i)];
  }
  if (!Array.isArray(axes) || axes.length !== 2) return undefined;
  const la = (Array.isArray(axes[0]) ? axes[0] : [axes[0]]).map((x: unknown) => norm(x, a.shape.length));
  const lb = (Array.isArray(axes[1]) ? axes[1] : [axes[1]]).map((x: unknown) => norm(x, b.shape.length));
  if (la.length !== lb.length || la.some((x) => x === undefined) || lb.some((x) => x === undefined)) return undefined;
  if (new Set(la).size !== la.length || new Set(lb).size !== lb.length) return undefined;
  return [la as number[], lb as number[]];
}

type Estimator = (args: readonly unknown[]) => WorkEstimate | undefined;

/** Two array operands, then at most `extra` more arguments. */
function pair(args: readonly unknown[], extra = 0): [Operand, Operand] | undefined {
  if (args.length < 2 || args.length > 2 + extra) return undefined;
  const a = operand(args[0]);
  const b = operand(args[1]);
  return a && b ? [a, b] : undefined;
}

const matmulEstimator: Estimator = (args) => {
  const p = pair(args);
  if (!p) return undefined;
  const w = matmulWork(p[0], p[1]);
  if (w === undefined) return undefined;
  return { ...blas(w.work, p, ' @ '), result: { shape: w.shape, dtype: promoteTypes(p[0].dtype as DTypeName, p[1].dtype as DTypeName) } };
};

const tensordotEstimator: Estimator = (args) => {
  const p = pair(args, 1);
  if (!p) return undefined;
  const [a, b] = p;
  const axes = tensordotAxes(a, b, args[2]);
  if (!axes) return undefined;
  let k = 1;
  for (let i = 0; i < axes[0].length; i++) {
    if (a.shape[axes[0][i]] !== b.shape[axes[1][i]]) return undefined;
    k *= a.shape[axes[0][i]];
  }
  return blas(contracted(a, b, k), p, ' . ');
};

const vecdotEstimator: Estimator = (args) => {
  const p = pair(args, 1);
  if (!p) return undefined;
  if (args.length === 3 && !isPlainOptions(args[2], ['axis'])) return undefined;
  const [a, b] = p;
  if (a.shape.length === 0 || b.shape.length === 0) return undefined;
  const axis = args.length === 3 ? ((args[2] as { axis?: unknown }).axis ?? -1) : -1;
  if (typeof axis !== 'number' || !Number.isInteger(axis)) return undefined;
  const ia = axis < 0 ? axis + a.shape.length : axis;
  const ib = axis < 0 ? axis + b.shape.length : axis;
  if (ia < 0 || ia >= a.shape.length || ib < 0 || ib >= b.shape.length || a.shape[ia] !== b.shape[ib]) return undefined;
  const batch = batchOf(
    a.shape.filter((_, i) => i !== ia),
    b.shape.filter((_, i) => i !== ib),
  );
  return batch === undefined ? undefined : blas(batch * a.shape[ia], p, ' . ');
};

/** A stack of square matrices (..., n, n): [n, batch]. */
function squareStack(a: Operand): [number, number] | undefined {
  const nd = a.shape.length;
  if (nd < 2 || a.shape[nd - 1] !== a.shape[nd - 2]) return undefined;
  return [a.shape[nd - 1], sizeOf(a.shape.slice(0, -2))];
}

function lapack(a: Operand, ops: readonly Operand[], batchOverride?: number): WorkEstimate | undefined {
  const sq = squareStack(a);
  if (!sq) return undefined;
  const [n, batch] = sq;
  return { library: 'LAPACK', work: (batchOverride ?? batch) * n * n * n, operands: describe(ops, ', ') };
}

/** An iterative decomposition of a stack of (..., m, n) matrices: m*n*min(m, n) per matrix. */
const decomposition: Estimator = (args) => {
  const a = args.length > 0 ? operand(args[0]) : undefined;
  if (!a || a.shape.length < 2) return undefined;
  const m = a.shape[a.shape.length - 2];
  const n = a.shape[a.shape.length - 1];
  return { library: 'decomposition', work: sizeOf(a.shape.slice(0, -2)) * m * n * Math.min(m, n), operands: describe([a], ', ') };
};

const ESTIMATORS: Readonly<Record<string, Estimator>> = {
  'linalg.svdvals': decomposition,
  'linalg.eigvalsh': decomposition,
  'linalg.pinv': decomposition,
  'linalg.matrix_rank': decomposition,
  'linalg.cond': decomposition,
  'linalg.qr': decomposition,
  'linalg.cholesky': decomposition,
  'linalg.matrix_norm': decomposition,
  matmul: matmulEstimator,
  'linalg.matmul': matmulEstimator,
  dot: (args) => {
    const p = pair(args);
    if (!p) return undefined;
    const [a, b] = p;
    if (a.shape.length === 0 || b.shape.length === 0) return undefined; // a scalar product, element-wise
    const k = a.shape[a.shape.length - 1];
    const kb = b.shape.length === 1 ? b.shape[0] : b.shape[b.shape.length - 2];
    if (k !== kb) return undefined;
    return blas(contracted(a, b, k), p, ' . ');
  },
  vdot: (args) => {
    const p = pair(args);
    if (!p || sizeOf(p[0].shape) !== sizeOf(p[1].shape)) return undefined;
    return blas(sizeOf(p[0].shape), p, ' . ');
  },
  inner: (args) => {
    const p = pair(args);
    if (!p) return undefined;
    const [a, b] = p;
    if (a.shape.length === 0 || b.shape.length === 0) return undefined;
    const k = a.shape[a.shape.length - 1];
    if (b.shape[b.shape.length - 1] !== k) return undefined;
    return blas(contracted(a, b, k), p, ' . ');
  },
  tensordot: tensordotEstimator,
  'linalg.tensordot': tensordotEstimator,
  vecdot: vecdotEstimator,
  'linalg.vecdot': vecdotEstimator,
  'linalg.solve': (args) => {
    const p = pair(args);
    if (!p) return undefined;
    const [a, b] = p;
    const sq = squareStack(a);
    if (!sq || b.shape.length === 0) return undefined;
    const [n] = sq;
    if (b.shape.length === 1) return b.shape[0] === n ? lapack(a, p) : undefined;
    if (b.shape[b.shape.length - 2] !== n) return undefined;
    const batch = batchOf(a.shape.slice(0, -2), b.shape.slice(0, -2));
    return batch === undefined ? undefined : lapack(a, p, batch);
  },
  'linalg.inv': (args) => {
    const a = args.length === 1 ? operand(args[0]) : undefined;
    return a ? lapack(a, [a]) : undefined;
  },
  'linalg.det': (args) => {
    const a = args.length === 1 ? operand(args[0]) : undefined;
    return a ? lapack(a, [a]) : undefined;
  },
};

/** The functions the rule covers (dotted nd paths). */
export const POLICY_FUNCTIONS: readonly string[] = Object.keys(ESTIMATORS);

/** The work of a call to `name` (a dotted nd path) if the BLAS/LAPACK rule covers it, else undefined. */
export function estimateWork(name: string, args: readonly unknown[]): WorkEstimate | undefined {
  const f = Object.prototype.hasOwnProperty.call(ESTIMATORS, name) ? ESTIMATORS[name] : undefined;
  if (f === undefined) return undefined;
  const e = f(args);
  return e !== undefined && Number.isFinite(e.work) ? e : undefined;
}

/** `1.3e+8` style for reasons. */
export function formatWork(w: number): string {
  return w < 100_000 ? String(w) : w.toExponential(1);
}
