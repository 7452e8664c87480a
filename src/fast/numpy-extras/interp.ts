/**
 * NumPy's interp for real data: piecewise-linear interpolation with NumPy's exact formula
 * (slope·(x - xp[j]) + fp[j], the right-hand form when that gives NaN, fp[j] at exact knots),
 * left/right defaults fp[0]/fp[-1], NaN x passing through. `period` and complex fp are NotSupported.
 */
import { NotSupportedError, ShapeError, ValueError } from '../../common/errors.js';
import type { FastArray } from '../array.js';
import { shapeStr } from '../engine/shape.js';
import { fresh, isComplex, materialize, toFast, type ArrayInput } from '../linalg/support.js';
import { checkOptions } from '../engine/options.js';

function floats(a: FastArray): Float64Array {
  const m = materialize(a, 'float64');
  const out = new Float64Array(m.size);
  const d = m._data as Float64Array;
  for (let i = 0; i < m.size; i++) out[i] = d[m._off + i * m._es[0]];
  return out;
}

/** NumPy's `interp(x, xp, fp, { left, right })` (xp increasing, not checked, as NumPy). */
export function interp(x: ArrayInput, xp: ArrayInput, fp: ArrayInput, options: { readonly left?: number | null; readonly right?: number | null; readonly period?: number | null } = {}): FastArray {
  options = checkOptions('interp', options);
  if (options.period != null) throw new NotSupportedError('numpy.interp', 'the period option');
  const xs0 = toFast(x);
  const xpa = toFast(xp);
  const fpa = toFast(fp);
  if (isComplex(fpa.dtype) || isComplex(xpa.dtype) || isComplex(xs0.dtype)) throw new NotSupportedError('numpy.interp', 'complex values');
  if (xpa.ndim !== 1 || fpa.ndim !== 1) throw new ValueError(`xp and fp must be 1-d sequences, got shapes ${shapeStr(xpa.shape)} and ${shapeStr(fpa.shape)}`);
  if (xpa.size !== fpa.size) throw new ShapeError(`fp and xp are not of the same length (${fpa.size} and ${xpa.size})`);
  if (xpa.size === 0) throw new ValueError('array of sample points is empty');
  const dx = floats(xpa);
  const dy = floats(fpa);
  const n = dx.length;
  const left = options.left ?? dy[0];
  const right = options.right ?? dy[n - 1];
  const xs = materialize(xs0, 'float64').copy();
  const out = fresh('float64', xs.shape);
  const src = xs._data as Float64Array;
  const od = out._data as Float64Array;
  for (let i = 0; i < xs.size; i++) {
    const v = src[i];
    if (v !== v) {
      od[i] = v;
      continue;
    }
    if (n === 1) {
      od[i] = v < dx[0] ? left : v > dx[0] ? right : dy[0];
      continue;
    }
    if (v < dx[0]) {
      od[i] = left;
      continue;
    }
    if (v > dx[n - 1]) {
      od[i] = right;
      continue;
    }
    // largest j with dx[j] <= v
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (dx[mid] <= v) lo = mid;
      else hi = mid - 1;
    }
    const j = lo;
    if (j === n - 1 || dx[j] === v) {
      od[i] = dy[j];
      continue;
    }
    const slope = (dy[j + 1] - dy[j]) / (dx[j + 1] - dx[j]);
    let r = slope * (v - dx[j]) + dy[j];
    if (r !== r) {
      r = slope * (v - dx[j + 1]) + dy[j + 1];
      if (r !== r && dy[j] === dy[j + 1]) r = dy[j];
    }
    od[i] = r;
  }
  return out;
}
