/**
 * Matrix and vector products over fast arrays: matmul (NumPy's 1-d promotion, broadcast batches,
 * every dtype; float64/float32 through the blocked GEMM), tensordot, vecdot, and NumPy's dot, vdot,
 * inner, outer and kron. Operands are promoted as NumPy promotes them (NEP 50 table); integer
 * products wrap as NumPy's do.
 */
import { ShapeError, ValueError } from '../../common/errors.js';
import { FastArray } from '../array.js';
import { multiply } from '../elementwise/elementwise.js';
import { matmul as matmulKernel } from '../engine/kernels/matmul.js';
import { promoteTypes } from '../engine/promotion.js';
import { broadcastShapes, normalizeAxis, shapeStr, sizeOf } from '../engine/shape.js';
import { moveaxis, reshape, transpose } from '../manipulation/views.js';
import { batchOffsets, fresh, isComplex, materialize, toFast, type ArrayInput } from './support.js';
import { checkOptions } from '../engine/options.js';

/**
 * `matmul(x1, x2)` (`x1 @ x2`): 1-d operands are promoted to a row (x1) or column (x2) matrix and
 * the added axis removed from the result; leading axes broadcast. 0-d operands are rejected.
 * @throws ValueError for 0-d operands, ShapeError when the inner dimensions or batch axes disagree
 */
export function matmul(x1: ArrayInput, x2: ArrayInput): FastArray {
  const a0 = toFast(x1);
  const b0 = toFast(x2);
  if (a0.ndim === 0 || b0.ndim === 0) {
    throw new ValueError(
      `matmul: input operand ${a0.ndim === 0 ? 0 : 1} is 0-d (shapes ${shapeStr(a0.shape)} and ${shapeStr(b0.shape)}); use multiply for scalars`,
    );
  }
  const dtype = promoteTypes(a0.dtype, b0.dtype);
  const a = materialize(a0, dtype);
  const b = materialize(b0, dtype);
  // core shapes and strides after NumPy's 1-d promotion
  const aRow = a.ndim === 1;
  const bCol = b.ndim === 1;
  const m = aRow ? 1 : a.shape[a.ndim - 2];
  const k = a.shape[a.ndim - 1];
  const kb = bCol ? b.shape[0] : b.shape[b.ndim - 2];
  const n = bCol ? 1 : b.shape[b.ndim - 1];
  if (k !== kb) {
    throw new ShapeError(
      `matmul: the last axis of x1 (size ${k}) must equal the ${bCol ? 'only' : 'second-to-last'} axis of x2 (size ${kb}); shapes ${shapeStr(a0.shape)} and ${shapeStr(b0.shape)}`,
    );
  }
  const aBatch = aRow ? [] : a.shape.slice(0, -2);
  const bBatch = bCol ? [] : b.shape.slice(0, -2);
  let batch: number[];
  try {
    batch = broadcastShapes(aBatch, bBatch);
  } catch {
    throw new ShapeError(`matmul: the batch axes ${shapeStr(aBatch)} and ${shapeStr(bBatch)} of shapes ${shapeStr(a0.shape)} and ${shapeStr(b0.shape)} do not broadcast`);
  }
  const ars = aRow ? 0 : a._es[a.ndim - 2];
  const acs = a._es[a.ndim - 1];
  const brs = bCol ? b._es[0] : b._es[b.ndim - 2];
  const bcs = bCol ? 0 : b._es[b.ndim - 1];
  const out = fresh(dtype, [...batch, m, n]);
  const aOffs = aRow ? [a._off] : batchOffsets(a, 2, batch);
  const bOffs = bCol ? [b._off] : batchOffsets(b, 2, batch);
  const total = sizeOf(batch);
  const c = out._data!;
  for (let t = 0; t < total; t++) {
    matmulKernel(
      dtype,
      m,
      n,
      k,
      { data: a._data!, offset: aRow ? aOffs[0] : aOffs[t], rowStride: ars, colStride: acs },
      { data: b._data!, offset: bCol ? bOffs[0] : bOffs[t], rowStride: brs, colStride: bcs },
      c,
      t * m * n,
    );
  }
  const shape = [...batch];
  if (!aRow) shape.push(m);
  if (!bCol) shape.push(n);
  return reshape(out, shape);
}

/** `tensordot` axes: a count N (last N of x1 with first N of x2) or two lists of axes. */
export type TensordotAxes = number | readonly [number | readonly number[], number | readonly number[]];

function axesArg(axes: TensordotAxes | { readonly axes?: TensordotAxes } | undefined): TensordotAxes {
  if (axes === undefined) return 2;
  if (typeof axes === 'number' || Array.isArray(axes)) return axes as TensordotAxes;
  return (axes as { axes?: TensordotAxes }).axes ?? 2;
}

/**
 * `tensordot(x1, x2, axes)` (also `{ axes }`), as NumPy: the summed axes of x1 and x2 are moved to
 * the end / front, both reshaped to matrices and multiplied with matmul; the result has x1's free
 * axes then x2's.
 */
export function tensordot(x1: ArrayInput, x2: ArrayInput, axesOpt?: TensordotAxes | { readonly axes?: TensordotAxes }): FastArray {
  const a = toFast(x1);
  const b = toFast(x2);
  const axes = axesArg(axesOpt);
  let axA: number[];
  let axB: number[];
  if (typeof axes === 'number') {
    if (!Number.isInteger(axes) || axes < 0) throw new ValueError(`tensordot axes must be a non-negative integer or a pair of axis lists, got ${axes}`);
    if (axes > a.ndim || axes > b.ndim) {
      throw new ShapeError(`tensordot: cannot sum over ${axes} axes of shapes ${shapeStr(a.shape)} and ${shapeStr(b.shape)}`);
    }
    axA = Array.from({ length: axes }, (_, i) => a.ndim - axes + i);
    axB = Array.from({ length: axes }, (_, i) => i);
  } else {
    if (axes.length !== 2) throw new ValueError(`tensordot axes must be a pair [axes of x1, axes of x2], got ${JSON.stringify(axes)}`);
    const la = typeof axes[0] === 'number' ? [axes[0]] : [...axes[0]];
    const lb = typeof axes[1] === 'number' ? [axes[1]] : [...axes[1]];
    if (la.length !== lb.length) throw new ShapeError(`tensordot: ${la.length} axes of x1 but ${lb.length} axes of x2 (${JSON.stringify(axes)})`);
    axA = la.map((x) => normalizeAxis(x, a.ndim, 'tensordot axis of x1'));
    axB = lb.map((x) => normalizeAxis(x, b.ndim, 'tensordot axis of x2'));
  }
  for (let i = 0; i < axA.length; i++) {
    if (a.shape[axA[i]] !== b.shape[axB[i]]) {
      throw new ShapeError(
        `tensordot: shape mismatch for sum: axis ${axA[i]} of x1 has size ${a.shape[axA[i]]}, axis ${axB[i]} of x2 has size ${b.shape[axB[i]]} (shapes ${shapeStr(a.shape)} and ${shapeStr(b.shape)})`,
      );
    }
  }
  const freeA = a.shape.map((_, i) => i).filter((i) => !axA.includes(i));
  const freeB = b.shape.map((_, i) => i).filter((i) => !axB.includes(i));
  const kk = axA.reduce((p, i) => p * a.shape[i], 1);
  const mA = freeA.reduce((p, i) => p * a.shape[i], 1);
  const nB = freeB.reduce((p, i) => p * b.shape[i], 1);
  const at = reshape(transpose(a, [...freeA, ...axA]), [mA, kk]);
  const bt = reshape(transpose(b, [...axB, ...freeB]), [kk, nB]);
  return reshape(matmul(at, bt), [...freeA.map((i) => a.shape[i]), ...freeB.map((i) => b.shape[i])]);
}

/** A copy of complex `a` with the imaginary parts negated (other dtypes: `a` itself). */
export function conjOf(a: FastArray): FastArray {
  if (!isComplex(a.dtype)) return a;
  const src = materialize(a);
  const out = fresh(a.dtype, a.shape);
  const d = out._data as Float64Array;
  const s = src._data as Float64Array;
  const nd = a.ndim;
  const idx = new Array<number>(nd).fill(0);
  let off = src._off;
  for (let t = 0; t < a.size; t++) {
    d[2 * t] = s[2 * off];
    d[2 * t + 1] = -s[2 * off + 1];
    for (let ax = nd - 1; ax >= 0; ax--) {
      idx[ax]++;
      off += src._es[ax];
      if (idx[ax] < a.shape[ax]) break;
      off -= src._es[ax] * a.shape[ax];
      idx[ax] = 0;
    }
  }
  return out;
}

/**
 * `vecdot(x1, x2, { axis = -1 })`: Σ conj(x1)·x2 along `axis` (taken in each operand, as NumPy's
 * gufunc), the other axes broadcast.
 */
export function vecdot(x1: ArrayInput, x2: ArrayInput, options: { readonly axis?: number } = {}): FastArray {
  options = checkOptions('linalg.vecdot', options);
  const a0 = toFast(x1);
  const b0 = toFast(x2);
  const axis = options.axis ?? -1;
  if (a0.ndim === 0 || b0.ndim === 0) throw new ValueError(`vecdot needs arrays with at least one axis, got shapes ${shapeStr(a0.shape)} and ${shapeStr(b0.shape)}`);
  const dtype = promoteTypes(a0.dtype, b0.dtype);
  const a = moveaxis(conjOf(materialize(a0, dtype)), normalizeAxis(axis, a0.ndim), -1);
  const b = moveaxis(materialize(b0, dtype), normalizeAxis(axis, b0.ndim), -1);
  const k = a.shape[a.ndim - 1];
  if (b.shape[b.ndim - 1] !== k) {
    throw new ShapeError(`vecdot: axis ${axis} has size ${k} in x1 but ${b.shape[b.ndim - 1]} in x2 (shapes ${shapeStr(a0.shape)} and ${shapeStr(b0.shape)})`);
  }
  const batch = broadcastShapes(a.shape.slice(0, -1), b.shape.slice(0, -1));
  const out = fresh(dtype, batch);
  const aOffs = batchOffsets(a, 1, batch);
  const bOffs = batchOffsets(b, 1, batch);
  const as = a._es[a.ndim - 1];
  const bs = b._es[b.ndim - 1];
  for (let t = 0; t < aOffs.length; t++) {
    matmulKernel(dtype, 1, 1, k, { data: a._data!, offset: aOffs[t], rowStride: 0, colStride: as }, { data: b._data!, offset: bOffs[t], rowStride: bs, colStride: 0 }, out._data!, t);
  }
  return out;
}

/**
 * NumPy's `dot(a, b)`: scalars multiply; 1-d·1-d is the inner product; N-d·1-d sums over the last
 * axis of a; N-d·M-d sums the last axis of a with the second-to-last of b.
 */
export function dot(x1: ArrayInput, x2: ArrayInput): FastArray {
  const a = toFast(x1);
  const b = toFast(x2);
  if (a.ndim === 0 || b.ndim === 0) return materialize(multiply(a, b));
  if (b.ndim === 1) return tensordot(a, b, [[a.ndim - 1], [0]]);
  if (a.shape[a.ndim - 1] !== b.shape[b.ndim - 2]) {
    throw new ShapeError(`dot: shapes ${shapeStr(a.shape)} and ${shapeStr(b.shape)} not aligned: ${a.shape[a.ndim - 1]} (dim ${a.ndim - 1}) != ${b.shape[b.ndim - 2]} (dim ${b.ndim - 2})`);
  }
  return tensordot(a, b, [[a.ndim - 1], [b.ndim - 2]]);
}

/** NumPy's `vdot(a, b)`: both flattened, Σ conj(a)·b, a 0-d array. */
export function vdot(x1: ArrayInput, x2: ArrayInput): FastArray {
  const a = toFast(x1);
  const b = toFast(x2);
  if (a.size !== b.size) throw new ShapeError(`vdot: the operands have ${a.size} and ${b.size} elements (shapes ${shapeStr(a.shape)} and ${shapeStr(b.shape)}); they must have the same size`);
  return vecdot(reshape(a, [-1]), reshape(b, [-1]));
}

/** NumPy's `inner(a, b)`: sums over the last axes of both (scalars multiply). */
export function inner(x1: ArrayInput, x2: ArrayInput): FastArray {
  const a = toFast(x1);
  const b = toFast(x2);
  if (a.ndim === 0 || b.ndim === 0) return materialize(multiply(a, b));
  if (a.shape[a.ndim - 1] !== b.shape[b.ndim - 1]) {
    throw new ShapeError(`inner: the last axes of shapes ${shapeStr(a.shape)} and ${shapeStr(b.shape)} differ (${a.shape[a.ndim - 1]} vs ${b.shape[b.ndim - 1]})`);
  }
  return tensordot(a, b, [[a.ndim - 1], [b.ndim - 1]]);
}

/** `outer(x1, x2)`: out[i, j] = x1[i]·x2[j] of the flattened operands (the Array API's linalg.outer needs 1-d). */
export function outer(x1: ArrayInput, x2: ArrayInput): FastArray {
  const a = toFast(x1);
  const b = toFast(x2);
  return materialize(multiply(reshape(a, [a.size, 1]), reshape(b, [1, b.size])));
}

/** NumPy's `kron(a, b)`: the Kronecker product (block matrix of a[i]·b), dtype as multiply. */
export function kron(x1: ArrayInput, x2: ArrayInput): FastArray {
  const a = toFast(x1);
  const b = toFast(x2);
  const nd = Math.max(a.ndim, b.ndim);
  const as = [...new Array<number>(nd - a.ndim).fill(1), ...a.shape];
  const bs = [...new Array<number>(nd - b.ndim).fill(1), ...b.shape];
  // a as (a0, 1, a1, 1, ...) times b as (1, b0, 1, b1, ...), then the pairs merged
  const ai = reshape(a, as.flatMap((d) => [d, 1]));
  const bi = reshape(b, bs.flatMap((d) => [1, d]));
  const prod = materialize(multiply(ai, bi));
  return reshape(prod, as.map((d, i) => d * bs[i]));
}

