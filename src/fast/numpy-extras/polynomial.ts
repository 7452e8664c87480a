/**
 * NumPy's polyval (Horner's rule with NumPy's operations and promotion), vander (columns by
 * repeated multiplication, as multiply.accumulate) and polyfit (least squares on the column-scaled
 * Vandermonde matrix through lstsq, as NumPy; results within 1e-10 relative of NumPy's).
 */
import { NotSupportedError, ShapeError, ValueError } from '../../common/errors.js';
import type { FastArray } from '../array.js';
import { add, multiply } from '../elementwise/elementwise.js';
import { promoteTypes, DEFAULT_INT } from '../engine/promotion.js';
import { shapeStr } from '../engine/shape.js';
import { lstsq } from '../linalg/decompositions.js';
import { fresh, isComplex, materialize, toFast, type ArrayInput } from '../linalg/support.js';
import { checkOptions } from '../engine/options.js';

/** NumPy's `polyval(p, x)`: y = 0·x, then y = y·x + p[i] for each coefficient (highest power first). */
export function polyval(p: ArrayInput, x: ArrayInput): FastArray {
  const c = toFast(p);
  const xs = toFast(x);
  if (c.ndim !== 1) throw new ShapeError(`polyval needs a 1-d array of coefficients, got shape ${shapeStr(c.shape)}`);
  let y: FastArray = fresh(xs.dtype, xs.shape);
  for (let i = 0; i < c.size; i++) y = add(multiply(y, xs), c.at(i));
  return materialize(y);
}

/** NumPy's `vander(x, N = len(x), { increasing = false })`: columns x^(N-1), ..., x, 1 (or increasing). */
export function vander(x: ArrayInput, N?: number | null, options: { readonly increasing?: boolean } = {}): FastArray {
  options = checkOptions('vander', options);
  const xs = materialize(toFast(x));
  if (xs.ndim !== 1) throw new ValueError(`x must be a one-dimensional array or sequence, got shape ${shapeStr(xs.shape)}`);
  const n = N ?? xs.size;
  if (!Number.isInteger(n) || n < 0) throw new ValueError(`vander N must be a non-negative integer, got ${n}`);
  const dtype = promoteTypes(xs.dtype, DEFAULT_INT);
  const m = xs.size;
  const col = (j: number): number => (options.increasing ? j : n - 1 - j);
  const out = fresh(dtype, [m, n]);
  if (n === 0 || m === 0) return out;
  // column of power j, built as power j-1 times x in the output dtype
  let prev: FastArray | null = null;
  for (let j = 0; j < n; j++) {
    const cur: FastArray = j === 0 ? fresh(dtype, [m]).add(1).astype(dtype) : j === 1 ? xs.astype(dtype) : multiply(prev!, xs).astype(dtype);
    out.set(`:, ${col(j)}`, cur);
    prev = materialize(cur);
  }
  return out;
}

/** NumPy's `polyfit(x, y, deg)` (no weights): least-squares coefficients, highest power first. */
export function polyfit(x: ArrayInput, y: ArrayInput, deg: number, options: { readonly rcond?: number | null } = {}): FastArray {
  options = checkOptions('polyfit', options);
  const xs = materialize(toFast(x).astype('float64'));
  const y0 = toFast(y);
  if (isComplex(y0.dtype) || isComplex(xs.dtype)) throw new NotSupportedError('numpy.polyfit', 'complex data');
  const ys = materialize(y0.astype('float64'));
  if (!Number.isInteger(deg) || deg < 0) throw new ValueError(`expected deg >= 0, got ${deg}`);
  if (xs.ndim !== 1) throw new ShapeError(`expected 1D vector for x, got shape ${shapeStr(xs.shape)}`);
  if (xs.size === 0) throw new ValueError('expected non-empty vector for x');
  if (ys.ndim < 1 || ys.ndim > 2) throw new ShapeError(`expected 1D or 2D array for y, got shape ${shapeStr(ys.shape)}`);
  if (xs.size !== ys.shape[0]) throw new ShapeError(`expected x and y to have same length, got ${xs.size} and ${ys.shape[0]}`);
  const order = deg + 1;
  const rcond = options.rcond ?? xs.size * 2 ** -52;
  const lhs = vander(xs, order);
  const scale = materialize(multiply(lhs, lhs).sum({ axis: 0 }).astype('float64'));
  const sq = new Float64Array(order);
  for (let j = 0; j < order; j++) sq[j] = Math.sqrt(scale.get(j) as number);
  const scaled = fresh('float64', [xs.size, order]);
  for (let i = 0; i < xs.size; i++) for (let j = 0; j < order; j++) (scaled._data as Float64Array)[i * order + j] = (lhs.get(i, j) as number) / sq[j];
  const c = lstsq(scaled, ys, { rcond }).x;
  const out = fresh('float64', c.shape);
  const k = c.ndim === 1 ? 1 : c.shape[1];
  for (let j = 0; j < order; j++) for (let t = 0; t < k; t++) (out._data as Float64Array)[j * k + t] = (c._data as Float64Array)[j * k + t] / sq[j];
  return out;
}
