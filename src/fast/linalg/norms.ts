/**
 * Norms, traces, diagonals and cross products over fast arrays: the linalg extension's
 * vector_norm, matrix_norm, trace, diagonal and cross, and NumPy's norm, trace and diag. The norm
 * kernels (kernels/linalg-small.ts) follow NumPy's operation order; integer and bool inputs are
 * cast to float64 as NumPy does.
 */
import { DTYPES, type DTypeName } from '../../common/dtypes.js';
import { DTypeError, ShapeError, ValueError } from '../../common/errors.js';
import { FastArray } from '../array.js';
import { multiply, subtract } from '../elementwise/elementwise.js';
import { diagonalRun, matrixNorm, vectorNorm, type MatrixNormOrd } from '../engine/kernels/linalg-small.js';
import type { NumberArray } from '../engine/kernels/types.js';
import { promoteTypes } from '../engine/promotion.js';
import { sum } from '../reduction/reduce.js';
import { broadcastShapes, normalizeAxes, normalizeAxis, shapeStr, sizeOf } from '../engine/shape.js';
import { moveaxis, reshape, transpose } from '../manipulation/views.js';
import { svdvals } from './decompositions.js';
import { batchOffsets, fresh, materialize, toFast, type ArrayInput } from './support.js';
import { checkOptions } from '../engine/options.js';

/** The float dtype a norm computes in (integers and bool: float64) and the real dtype it returns. */
function normTypes(d: DTypeName): { compute: DTypeName; result: DTypeName } {
  const k = DTYPES[d].kind;
  if (k === 'float') return { compute: d, result: d };
  if (k === 'complex') return { compute: d, result: d === 'complex64' ? 'float32' : 'float64' };
  return { compute: 'float64', result: 'float64' };
}

export interface VectorNormOptions {
  readonly axis?: number | readonly number[] | null;
  readonly keepdims?: boolean;
  readonly ord?: number;
}

/** `vector_norm(x, { axis, keepdims, ord })` (ord: any number, ±Infinity; default 2). */
export function vector_norm(x: ArrayInput, options: VectorNormOptions = {}): FastArray {
  options = checkOptions('linalg.vector_norm', options);
  const a0 = toFast(x);
  const ord = options.ord ?? 2;
  if (typeof ord !== 'number') throw new ValueError(`vector_norm ord must be a number (or ±Infinity), got ${JSON.stringify(ord)}`);
  const { compute, result } = normTypes(a0.dtype);
  const axes = options.axis === null || options.axis === undefined ? a0.shape.map((_, i) => i) : normalizeAxes(options.axis, a0.ndim);
  const rest = a0.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const len = axes.reduce((p, i) => p * a0.shape[i], 1);
  const moved = reshape(transpose(materialize(a0, compute), [...rest, ...axes]), [...rest.map((i) => a0.shape[i]), len]);
  const a = materialize(moved);
  const outShape = rest.map((i) => a0.shape[i]);
  const out = fresh(result, outShape);
  const offs = batchOffsets(a, 1, outShape);
  const stride = a._es[a.ndim - 1];
  for (let t = 0; t < offs.length; t++) {
    (out._data as Float64Array)[t] = vectorNorm(compute, a._data as NumberArray, offs[t], len, stride, ord);
  }
  if (!options.keepdims) return out;
  return reshape(out, a0.shape.map((d, i) => (axes.includes(i) ? 1 : d)));
}

export interface MatrixNormOptions {
  readonly keepdims?: boolean;
  readonly ord?: MatrixNormOrd;
}

/** `matrix_norm(x, { keepdims, ord })` over the last two axes: 'fro' (default), 'nuc', ±1, ±2, ±Infinity. */
export function matrix_norm(x: ArrayInput, options: MatrixNormOptions = {}): FastArray {
  options = checkOptions('linalg.matrix_norm', options);
  const a0 = toFast(x);
  if (a0.ndim < 2) throw new ValueError(`matrix_norm needs at least 2 dimensions, got shape ${shapeStr(a0.shape)}`);
  const ord = options.ord ?? 'fro';
  const { compute, result } = normTypes(a0.dtype);
  const batch = a0.shape.slice(0, -2);
  const rows = a0.shape[a0.ndim - 2];
  const cols = a0.shape[a0.ndim - 1];
  let out: FastArray;
  if (ord === 2 || ord === -2 || ord === 'nuc') {
    if (rows === 0 || cols === 0) throw new ValueError(`matrix_norm ord=${String(ord)} of an empty matrix ${shapeStr(a0.shape)}: no singular values`);
    const sv = svdvals(materialize(a0, compute));
    const k = sv.shape[sv.ndim - 1];
    const d = sv._data as Float64Array;
    out = fresh(result, batch);
    for (let t = 0; t < sizeOf(batch); t++) {
      let r = ord === 'nuc' ? 0 : d[t * k];
      if (ord === -2) r = d[t * k + k - 1];
      if (ord === 'nuc') for (let i = 0; i < k; i++) r += d[t * k + i];
      (out._data as Float64Array)[t] = r;
    }
  } else {
    const a = materialize(a0, compute);
    const offs = batchOffsets(a, 2, batch);
    out = fresh(result, batch);
    for (let t = 0; t < offs.length; t++) {
      (out._data as Float64Array)[t] = matrixNorm(compute, a._data as NumberArray, offs[t], rows, cols, a._es[a.ndim - 2], a._es[a.ndim - 1], ord);
    }
  }
  return options.keepdims ? reshape(out, [...batch, 1, 1]) : out;
}

/** NumPy's `linalg.norm(x, { ord, axis, keepdims })`: vector norms for one axis (or 1-d), matrix norms for two (or 2-d). */
export function norm(
  x: ArrayInput,
  options: { readonly ord?: number | 'fro' | 'nuc' | null; readonly axis?: number | readonly number[] | null; readonly keepdims?: boolean } = {},
): FastArray {
  options = checkOptions('linalg.norm', options);
  const a = toFast(x);
  const ord = options.ord ?? null;
  const keepdims = options.keepdims ?? false;
  let axis = options.axis ?? null;
  if (axis === null) {
    if (ord === null || (ord === 'fro' && a.ndim === 2) || (ord === 2 && a.ndim === 1)) {
      const r = vector_norm(a);
      return keepdims ? reshape(r, a.shape.map(() => 1)) : r;
    }
    if (a.ndim !== 1 && a.ndim !== 2) throw new ValueError(`Improper number of dimensions to norm: ord=${String(ord)} needs a 1-d or 2-d array, got shape ${shapeStr(a.shape)}`);
    axis = a.ndim === 1 ? [0] : [0, 1];
  }
  const axes = typeof axis === 'number' ? [axis] : [...axis];
  if (axes.length === 1) {
    if (typeof ord === 'string') throw new ValueError(`Invalid norm order '${ord}' for vectors`);
    return vector_norm(a, { axis: axes[0], keepdims, ord: ord ?? 2 });
  }
  if (axes.length === 2) {
    const [r, c] = axes.map((v) => normalizeAxis(v, a.ndim));
    if (r === c) throw new ValueError('Duplicate axes given to norm');
    const moved = moveaxis(a, [r, c], [-2, -1]);
    const res = matrix_norm(moved, { ord: (ord ?? 'fro') as MatrixNormOrd });
    if (!keepdims) return res;
    return reshape(res, a.shape.map((d, i) => (i === r || i === c ? 1 : d)));
  }
  throw new ValueError(`Improper number of dimensions to norm: axis ${JSON.stringify(axis)}`);
}

/** The `offset` diagonal of the matrices on axes (axis1, axis2) as a read-only view with the diagonal as the last axis (NumPy's diagonal). */
function diagonalView(a: FastArray, offset: number, axis1: number, axis2: number): FastArray {
  if (!Number.isInteger(offset)) throw new ValueError(`diagonal offset must be an integer, got ${offset}`);
  const ax1 = normalizeAxis(axis1, a.ndim, 'axis1');
  const ax2 = normalizeAxis(axis2, a.ndim, 'axis2');
  if (ax1 === ax2) throw new ValueError('axis1 and axis2 cannot be the same');
  const m = materialize(a);
  const run = diagonalRun(m._off, m.shape[ax1], m.shape[ax2], m._es[ax1], m._es[ax2], offset);
  const keep = m.shape.map((_, i) => i).filter((i) => i !== ax1 && i !== ax2);
  return FastArray._view(m, [...keep.map((i) => m.shape[i]), run.length], [...keep.map((i) => m._es[i]), run.stride], run.offset, false);
}

/** `linalg.diagonal(x, { offset })`: the diagonals of the last two axes (a read-only view). */
export function diagonal(x: ArrayInput, options: { readonly offset?: number } = {}): FastArray {
  options = checkOptions('linalg.diagonal', options);
  const a = toFast(x);
  if (a.ndim < 2) throw new ValueError(`diagonal needs at least 2 dimensions, got shape ${shapeStr(a.shape)}`);
  return diagonalView(a, options.offset ?? 0, -2, -1);
}

/** `linalg.trace(x, { offset, dtype })`: sum of the diagonals of the last two axes (dtype as `sum`). */
export function linalgTrace(x: ArrayInput, options: { readonly offset?: number; readonly dtype?: DTypeName | null } = {}): FastArray {
  options = checkOptions('linalg.trace', options);
  const a = toFast(x);
  if (a.ndim < 2) throw new ValueError(`trace needs at least 2 dimensions, got shape ${shapeStr(a.shape)}`);
  const d = diagonalView(a, options.offset ?? 0, -2, -1);
  return materialize(sum(d, { axis: -1, ...(options.dtype ? { dtype: options.dtype } : {}) }));
}

/** NumPy's `trace(x, { offset, axis1 = 0, axis2 = 1, dtype })`. */
export function trace(
  x: ArrayInput,
  options: { readonly offset?: number; readonly axis1?: number; readonly axis2?: number; readonly dtype?: DTypeName | null } = {},
): FastArray {
  options = checkOptions('trace', options);
  const a = toFast(x);
  if (a.ndim < 2) throw new ValueError(`trace needs at least 2 dimensions, got shape ${shapeStr(a.shape)}`);
  const d = diagonalView(a, options.offset ?? 0, options.axis1 ?? 0, options.axis2 ?? 1);
  return materialize(sum(d, { axis: -1, ...(options.dtype ? { dtype: options.dtype } : {}) }));
}

/** NumPy's `diag(x, { k })`: the k-th diagonal of a 2-d array (a copy), or a 2-d array with the 1-d x on its k-th diagonal. */
export function diag(x: ArrayInput, options: { readonly k?: number } = {}): FastArray {
  options = checkOptions('diag', options);
  const a = toFast(x);
  const k = options.k ?? 0;
  if (a.ndim === 2) return materialize(diagonalView(a, k, 0, 1).copy());
  if (a.ndim !== 1) throw new ValueError(`diag needs a 1-d or 2-d array, got shape ${shapeStr(a.shape)}`);
  const n = a.shape[0] + Math.abs(k);
  const out = fresh(a.dtype, [n, n]);
  const v = diagonalView(out, k, 0, 1);
  const w = FastArray._view(out, v.shape, v._es, v._off, true);
  if (a.size > 0) w.set('...', a);
  return out;
}

/**
 * `cross(x1, x2, { axis = -1 })`: cross products of 3-vectors along `axis` (the other axes
 * broadcast), computed with NumPy's multiply/subtract order and promotion.
 */
export function cross(x1: ArrayInput, x2: ArrayInput, options: { readonly axis?: number } = {}): FastArray {
  options = checkOptions('cross', options);
  const a0 = toFast(x1);
  const b0 = toFast(x2);
  const axis = options.axis ?? -1;
  if (a0.ndim === 0 || b0.ndim === 0) throw new ShapeError(`cross needs arrays of 3-vectors, got shapes ${shapeStr(a0.shape)} and ${shapeStr(b0.shape)}`);
  const a = moveaxis(a0, normalizeAxis(axis, a0.ndim), -1);
  const b = moveaxis(b0, normalizeAxis(axis, b0.ndim), -1);
  if (a.shape[a.ndim - 1] !== 3 || b.shape[b.ndim - 1] !== 3) {
    throw new ShapeError(
      `cross: both arrays must be (arrays of) 3-dimensional vectors along axis ${axis}, but they are ${a.shape[a.ndim - 1]} and ${b.shape[b.ndim - 1]} dimensional (shapes ${shapeStr(a0.shape)} and ${shapeStr(b0.shape)})`,
    );
  }
  const dtype = promoteTypes(a.dtype, b.dtype);
  if (dtype === 'bool') throw new DTypeError('cross of bool arrays: NumPy has no boolean subtract; cast to an integer dtype first');
  const comp = (v: FastArray, i: number): FastArray => v.at(`..., ${i}`);
  const [p0, p1, p2] = [0, 1, 2].map((i) => comp(a, i));
  const [q0, q1, q2] = [0, 1, 2].map((i) => comp(b, i));
  const parts = [
    subtract(multiply(p1, q2), multiply(p2, q1)),
    subtract(multiply(p2, q0), multiply(p0, q2)),
    subtract(multiply(p0, q1), multiply(p1, q0)),
  ];
  const shape = broadcastShapes(a.shape.slice(0, -1), b.shape.slice(0, -1));
  const out = fresh(parts[0].dtype, [...shape, 3]);
  parts.forEach((p, i) => out.set(`..., ${i}`, p));
  const outAxis = normalizeAxis(axis, out.ndim);
  return outAxis === out.ndim - 1 ? out : moveaxis(out, -1, outAxis);
}
