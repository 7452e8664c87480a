/**
 * Statistical functions of the Array API standard and NumPy: var, std (correction), cumulative_sum,
 * cumulative_prod, cumsum, cumprod, argmin/argmax, count_nonzero, the nan-reductions, median,
 * quantile/percentile (method 'linear'), average, ptp, gradient.
 *
 * var/std follow NumPy's _var: mean with keepdims, deviations, squares, sum over the axes (the
 * engine's pairwise sum), divided by max(n - correction, 0). Cumulative functions accumulate left to
 * right in the result dtype (kernels/cumulative.ts), bit-identical to NumPy's accumulate.
 */
import { DTYPES, type DTypeName, type DTypeSpelling } from '../../common/dtypes.js';
import { DTypeError, NotSupportedError, ValueError } from '../../common/errors.js';
import type { ReduceOptions } from '../../common/ndarray.js';
import { FastArray } from '../array.js';
import { freshArray, gather, lanesOf, reductionLanes, toFast, type ArrayInput } from '../manipulation/along-axis.js';
import { astype, copy } from '../data-types/convert.js';
import { linspace } from '../creation/creation.js';
import { apply } from '../elementwise/elementwise.js';
import { cumulativeComplex, cumulativeProd, cumulativeSum } from '../engine/kernels/cumulative.js';
import { numpySumF32, numpySumF64 } from '../engine/kernels/pairwise.js';
import { checkDType } from '../engine/promotion.js';
import * as red from './reduce.js';
import { normalizeAxes, normalizeAxis } from '../engine/shape.js';
import { DATA_CTOR } from '../engine/storage.js';
import { ravel, reshape } from '../manipulation/views.js';
import { checkOptions } from '../engine/options.js';
import { sumDType } from './reduce.js';

type Axis = number | readonly number[] | null | undefined;

/** Options of var/std: `correction` (Array API) or NumPy's `ddof`. */
export interface VarOptions extends ReduceOptions {
  correction?: number;
  ddof?: number;
}

const kindOf = (d: DTypeName) => DTYPES[d].kind;

/** The float dtype of a complex dtype's parts (complex64 -> float32). */
function partDType(d: DTypeName): DTypeName {
  return d === 'complex64' ? 'float32' : 'float64';
}

function variance(xIn: ArrayInput, options: VarOptions, root: boolean): FastArray {
  let x = toFast(xIn);
  if (options.dtype !== undefined) x = astype(x, checkDType(options.dtype));
  const axes = normalizeAxes(options.axis, x.ndim);
  const correction = options.correction ?? options.ddof ?? 0;
  if (typeof correction !== 'number' || !Number.isFinite(correction)) throw new ValueError(`correction must be a finite number, got ${String(correction)}`);
  let n = 1;
  for (const ax of axes) n *= x.shape[ax];
  const mean = red.mean(x, { axis: axes, keepdims: true });
  const dev = apply('subtract', [x, mean]);
  let sq: FastArray;
  if (kindOf(dev.dtype) === 'complex') {
    // NumPy squares the real and imaginary parts in the part dtype and adds them
    dev._force();
    const pd = partDType(dev.dtype);
    sq = freshArray(pd, dev.shape);
    const src = dev._data as Float64Array;
    const dst = sq._data as Float64Array;
    const f = pd === 'float32' ? Math.fround : (v: number) => v;
    for (let i = 0; i < dst.length; i++) dst[i] = f(f(src[2 * i] * src[2 * i]) + f(src[2 * i + 1] * src[2 * i + 1]));
  } else sq = apply('multiply', [dev, dev]);
  const total = red.sum(sq, { axis: axes, keepdims: options.keepdims ?? false });
  total._force();
  const data = total._data as Float64Array;
  const div = Math.max(n - correction, 0);
  const f32 = total.dtype === 'float32';
  for (let i = 0; i < data.length; i++) {
    let v = data[i] / div;
    if (f32) v = Math.fround(v);
    if (root) v = f32 ? Math.fround(Math.sqrt(v)) : Math.sqrt(v);
    data[i] = v;
  }
  return total;
}

/** Variance over `axis` with `correction` (NumPy's ddof); float64 for integer input, the part dtype for complex. */
function var_(x: ArrayInput, options: VarOptions = {}): FastArray {
  options = checkOptions('var', options);
  return variance(x, options, false);
}
export { var_ as var };

/** Standard deviation: the square root of {@link var}. */
export function std(x: ArrayInput, options: VarOptions = {}): FastArray {
  options = checkOptions('std', options);
  return variance(x, options, true);
}

// ---- cumulative -------------------------------------------------------------------------------

export interface CumulativeOptions {
  axis?: number | null;
  dtype?: DTypeSpelling;
  include_initial?: boolean;
}

/** The accumulator dtype of running sums/products: the same rule as sum/prod (fast's default integer, int32/uint32; see reduce.ts). */
const accumulatorDType = sumDType;

function cumulative(xIn: ArrayInput, options: CumulativeOptions, prod: boolean, name: string): FastArray {
  let x = toFast(xIn);
  if (x.ndim === 0) throw new ValueError(`${name} needs an array with at least one dimension, got a 0-d array`);
  let axis: number;
  if (options.axis === undefined || options.axis === null) {
    if (x.ndim > 1) throw new ValueError(`${name}: axis must be given for arrays with more than one dimension (this one has shape (${x.shape.join(', ')}))`);
    axis = 0;
  } else axis = normalizeAxis(options.axis, x.ndim);
  const dt = options.dtype !== undefined ? checkDType(options.dtype) : accumulatorDType(x.dtype);
  if (x.dtype !== dt) x = astype(x, dt);
  const init = options.include_initial === true;
  const outShape = x.shape.slice();
  outShape[axis] += init ? 1 : 0;
  const out = freshArray(dt, outShape);
  const src = lanesOf(x, axis);
  const dst = lanesOf(out, axis);
  const complex = kindOf(dt) === 'complex';
  for (let k = 0; k < src.offsets.length; k++) {
    const o = { data: dst.data, offset: dst.offsets[k], stride: dst.stride };
    if (complex) cumulativeComplex(src.data as Float64Array, src.offsets[k], src.n, src.stride, o as { data: Float64Array; offset: number; stride: number }, prod, init);
    else if (prod) cumulativeProd(src.data, src.offsets[k], src.n, src.stride, o, init);
    else cumulativeSum(src.data, src.offsets[k], src.n, src.stride, o, init);
  }
  return out;
}

/** Array API cumulative_sum: running sums along `axis` (required for more than one dimension). */
export function cumulative_sum(x: ArrayInput, options: CumulativeOptions = {}): FastArray {
  options = checkOptions('cumulative_sum', options);
  return cumulative(x, options, false, 'cumulative_sum');
}
/** Array API cumulative_prod: running products along `axis`. */
export function cumulative_prod(x: ArrayInput, options: CumulativeOptions = {}): FastArray {
  options = checkOptions('cumulative_prod', options);
  return cumulative(x, options, true, 'cumulative_prod');
}

export interface CumsumOptions {
  axis?: number | null;
  dtype?: DTypeSpelling;
}

function npCumulative(xIn: ArrayInput, options: CumsumOptions | undefined, prod: boolean, name: string): FastArray {
  const o: CumsumOptions = typeof options === 'object' && options !== null ? options : { axis: options };
  const x = toFast(xIn);
  if (o.axis === undefined || o.axis === null) return cumulative(ravel(x), { dtype: o.dtype }, prod, name);
  return cumulative(x, { axis: o.axis, dtype: o.dtype }, prod, name);
}

/** NumPy cumsum: axis null (default) works on the flattened array. */
export function cumsum(x: ArrayInput, options?: CumsumOptions): FastArray {
  options = checkOptions('cumsum', options);
  return npCumulative(x, options, false, 'cumsum');
}
/** NumPy cumprod: axis null (default) works on the flattened array. */
export function cumprod(x: ArrayInput, options?: CumsumOptions): FastArray {
  options = checkOptions('cumprod', options);
  return npCumulative(x, options, true, 'cumprod');
}

// ---- argmin / argmax ----------------------------------------------------------------------------

export interface ArgOptions {
  axis?: number | null;
  keepdims?: boolean;
}

/**
 * Index of the first maximum (max = true) or minimum of one lane, as NumPy: a NaN wins at once
 * (the first NaN), ties keep the first; complex values compare lexicographically.
 */
function argLane(data: ArrayLike<number | bigint>, dtype: DTypeName, off: number, n: number, stride: number, max: boolean, skipNaN: boolean): number {
  const k = kindOf(dtype);
  if (k === 'complex') {
    const d = data as Float64Array;
    let best = -1;
    let br = 0;
    let bi = 0;
    for (let i = 0, p = off; i < n; i++, p += stride) {
      const r = d[2 * p];
      const im = d[2 * p + 1];
      const nan = r !== r || im !== im;
      if (nan) {
        if (skipNaN) continue;
        return i;
      }
      if (best < 0 || (max ? r > br || (r === br && im > bi) : r < br || (r === br && im < bi))) {
        best = i;
        br = r;
        bi = im;
      }
    }
    return best;
  }
  if (k === 'float') {
    if (!skipNaN) return data instanceof Float64Array ? argFloat64(data, off, n, stride, max) : argFloat32(data as Float32Array, off, n, stride, max);
    const d = data as Float64Array;
    let best = -1;
    let bv = 0;
    for (let i = 0, p = off; i < n; i++, p += stride) {
      const v = d[p];
      if (v !== v) {
        if (skipNaN) continue;
        return i;
      }
      if (best < 0 || (max ? v > bv : v < bv)) {
        best = i;
        bv = v;
      }
    }
    return best;
  }
  let best = 0;
  let bv = data[off];
  for (let i = 1, p = off + stride; i < n; i++, p += stride) {
    const v = data[p];
    if (max ? v > bv : v < bv) {
      best = i;
      bv = v;
    }
  }
  return best;
}

// monomorphic loops for the common float cases (a NaN wins at once, as NumPy)
function argFloat64(d: Float64Array, off: number, n: number, stride: number, max: boolean): number {
  let best = 0;
  let bv = d[off];
  if (bv !== bv) return 0;
  for (let i = 1, p = off + stride; i < n; i++, p += stride) {
    const v = d[p];
    if (max ? !(v <= bv) : !(v >= bv)) {
      best = i;
      bv = v;
      if (v !== v) return i;
    }
  }
  return best;
}
function argFloat32(d: Float32Array, off: number, n: number, stride: number, max: boolean): number {
  let best = 0;
  let bv = d[off];
  if (bv !== bv) return 0;
  for (let i = 1, p = off + stride; i < n; i++, p += stride) {
    const v = d[p];
    if (max ? !(v <= bv) : !(v >= bv)) {
      best = i;
      bv = v;
      if (v !== v) return i;
    }
  }
  return best;
}

function argReduce(xIn: ArrayInput, options: ArgOptions | undefined, max: boolean, skipNaN: boolean, name: string): FastArray {
  const o: ArgOptions = typeof options === 'object' && options !== null ? options : { axis: options };
  const x = toFast(xIn);
  const axis = o.axis === undefined || o.axis === null ? null : normalizeAxis(o.axis, x.ndim);
  const l = axis === null ? reductionLanes(x, null, o.keepdims) : reductionLanes(x, axis, o.keepdims);
  if (l.n === 0) throw new ValueError(`attempt to get ${name} of an empty sequence`);
  const out = freshArray('int32', l.outShape);
  const od = out._data as Int32Array;
  for (let k = 0; k < l.offsets.length; k++) {
    const i = argLane(l.data, x.dtype, l.offsets[k], l.n, l.stride, max, skipNaN);
    if (i < 0) throw new ValueError('All-NaN slice encountered');
    od[k] = i;
  }
  return out;
}

/** Index of the maximum along `axis` (flattened when null); the first NaN wins, as NumPy. int32 result. */
export function argmax(x: ArrayInput, options?: ArgOptions): FastArray {
  options = checkOptions('argmax', options);
  return argReduce(x, options, true, false, 'argmax');
}
/** Index of the minimum along `axis` (flattened when null); the first NaN wins, as NumPy. int32 result. */
export function argmin(x: ArrayInput, options?: ArgOptions): FastArray {
  options = checkOptions('argmin', options);
  return argReduce(x, options, false, false, 'argmin');
}
/** NumPy nanargmax: NaNs ignored; an all-NaN lane is a ValueError. */
export function nanargmax(x: ArrayInput, options?: ArgOptions): FastArray {
  options = checkOptions('nanargmax', options);
  return argReduce(x, options, true, true, 'nanargmax');
}
/** NumPy nanargmin: NaNs ignored; an all-NaN lane is a ValueError. */
export function nanargmin(x: ArrayInput, options?: ArgOptions): FastArray {
  options = checkOptions('nanargmin', options);
  return argReduce(x, options, false, true, 'nanargmin');
}

/** Number of non-zero elements over `axis` (all axes when null); int32 result (fast's default integer). */
export function count_nonzero(x: ArrayInput, options: { axis?: Axis; keepdims?: boolean } = {}): FastArray {
  options = checkOptions('count_nonzero', options);
  const a = toFast(x);
  return red.sum(apply('not_equal', [a, 0]), { axis: options.axis, keepdims: options.keepdims, dtype: 'int32' });
}

// ---- nan-reductions -----------------------------------------------------------------------------

export interface NanOptions {
  axis?: Axis;
  keepdims?: boolean;
  ddof?: number;
  correction?: number;
}

function nanOpts(options: NanOptions | undefined): NanOptions {
  return typeof options === 'object' && options !== null && !Array.isArray(options) ? (options as NanOptions) : { axis: options as Axis };
}

const isFloatish = (d: DTypeName) => kindOf(d) === 'float';

/**
 * Per lane of a reduction: the non-NaN values gathered into a float64/float32 scratch array; `fn`
 * computes the lane's result from (values, count of non-NaN, count of NaN).
 */
function nanReduce(x: FastArray, o: NanOptions, outDType: DTypeName, fn: (v: Float64Array | Float32Array, m: number, n: number) => number): FastArray {
  const l = reductionLanes(x, o.axis, o.keepdims);
  const out = freshArray(outDType, l.outShape);
  const od = out._data as Float64Array;
  const f32 = x.dtype === 'float32';
  const tmp = f32 ? new Float32Array(l.n) : new Float64Array(l.n);
  const all = f32 ? new Float32Array(l.n) : new Float64Array(l.n);
  for (let k = 0; k < l.offsets.length; k++) {
    gather(l, k, all);
    let m = 0;
    for (let i = 0; i < l.n; i++) if (all[i] === all[i]) tmp[m++] = all[i];
    od[k] = fn(tmp, m, l.n);
  }
  return out;
}

function sumOf(v: Float64Array | Float32Array, m: number): number {
  return v instanceof Float32Array ? numpySumF32(v, 0, m, 1) : numpySumF64(v as Float64Array, 0, m, 1);
}

function onlyReal(x: FastArray, name: string): void {
  if (kindOf(x.dtype) === 'complex') throw new NotSupportedError(`numpy.${name}`, `fast's ${name} takes real arrays, got ${x.dtype}`);
}

/** NumPy nansum: NaNs count as zero (integer and bool input: plain sum). */
export function nansum(xIn: ArrayInput, options?: NanOptions): FastArray {
  options = checkOptions('nansum', options);
  const x = toFast(xIn);
  const o = nanOpts(options);
  if (!isFloatish(x.dtype)) {
    onlyReal(x, 'nansum');
    return red.sum(x, { axis: o.axis, keepdims: o.keepdims });
  }
  // NaNs replaced by zeros in place (as NumPy's _replace_nan), then the pairwise sum
  const l = reductionLanes(x, o.axis, o.keepdims);
  const out = freshArray(x.dtype, l.outShape);
  const od = out._data as Float64Array;
  const tmp = x.dtype === 'float32' ? new Float32Array(l.n) : new Float64Array(l.n);
  for (let k = 0; k < l.offsets.length; k++) {
    gather(l, k, tmp);
    for (let i = 0; i < l.n; i++) if (tmp[i] !== tmp[i]) tmp[i] = 0;
    od[k] = sumOf(tmp, l.n);
  }
  return out;
}

/** NumPy nanmean: the mean of the non-NaN values (NaN for an all-NaN lane). */
export function nanmean(xIn: ArrayInput, options?: NanOptions): FastArray {
  options = checkOptions('nanmean', options);
  const x = toFast(xIn);
  const o = nanOpts(options);
  if (!isFloatish(x.dtype)) {
    onlyReal(x, 'nanmean');
    return red.mean(x, { axis: o.axis, keepdims: o.keepdims });
  }
  const f32 = x.dtype === 'float32';
  return nanReduce(x, o, x.dtype, (v, m) => {
    const s = sumOf(v, m);
    return f32 ? Math.fround(s / m) : s / m;
  });
}

function nanExtreme(xIn: ArrayInput, options: NanOptions | undefined, max: boolean): FastArray {
  const x = toFast(xIn);
  const o = nanOpts(options);
  if (!isFloatish(x.dtype)) {
    onlyReal(x, max ? 'nanmax' : 'nanmin');
    return max ? red.max(x, { axis: o.axis, keepdims: o.keepdims }) : red.min(x, { axis: o.axis, keepdims: o.keepdims });
  }
  const l = reductionLanes(x, o.axis, o.keepdims);
  if (l.n === 0 && l.offsets.length > 0) throw new ValueError(`zero-size array to reduction operation ${max ? 'fmax' : 'fmin'} which has no identity`);
  return nanReduce(x, o, x.dtype, (v, m) => {
    if (m === 0) return NaN;
    let b = v[0];
    for (let i = 1; i < m; i++) if (max ? v[i] > b : v[i] < b) b = v[i];
    return b;
  });
}

/** NumPy nanmax: the maximum ignoring NaNs (NaN for an all-NaN lane). */
export function nanmax(x: ArrayInput, options?: NanOptions): FastArray {
  options = checkOptions('nanmax', options);
  return nanExtreme(x, options, true);
}
/** NumPy nanmin: the minimum ignoring NaNs (NaN for an all-NaN lane). */
export function nanmin(x: ArrayInput, options?: NanOptions): FastArray {
  options = checkOptions('nanmin', options);
  return nanExtreme(x, options, false);
}

function nanVariance(xIn: ArrayInput, options: NanOptions | undefined, root: boolean): FastArray {
  const x = toFast(xIn);
  const o = nanOpts(options);
  const ddof = o.correction ?? o.ddof ?? 0;
  if (!isFloatish(x.dtype)) {
    onlyReal(x, root ? 'nanstd' : 'nanvar');
    return variance(x, { axis: o.axis, keepdims: o.keepdims, correction: ddof }, root);
  }
  const f32 = x.dtype === 'float32';
  const f = f32 ? Math.fround : (v: number) => v;
  return nanReduce(x, o, x.dtype, (v, m) => {
    const mean = f(sumOf(v, m) / m);
    const sq = f32 ? new Float32Array(m) : new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const d = f(v[i] - mean);
      sq[i] = f(d * d);
    }
    const r = f(sumOf(sq, m) / Math.max(m - ddof, 0));
    return root ? f(Math.sqrt(r)) : r;
  });
}

/** NumPy nanvar: variance of the non-NaN values (`ddof` or `correction`). */
export function nanvar(x: ArrayInput, options?: NanOptions): FastArray {
  options = checkOptions('nanvar', options);
  return nanVariance(x, options, false);
}
/** NumPy nanstd: standard deviation of the non-NaN values. */
export function nanstd(x: ArrayInput, options?: NanOptions): FastArray {
  options = checkOptions('nanstd', options);
  return nanVariance(x, options, true);
}

// ---- order statistics -----------------------------------------------------------------------------

export interface QuantileOptions {
  axis?: Axis;
  keepdims?: boolean;
  method?: 'linear';
}

/** Ascending sort of a scratch lane with NaNs last (the lane's result is NaN when it holds one). */
function sortLane(v: Float64Array | Float32Array): boolean {
  v.sort();
  return v.length > 0 && v[v.length - 1] !== v[v.length - 1];
}

/**
 * NumPy's _lerp: a + (b - a) t, or b - (b - a)(1 - t) when t >= 0.5. `b - a` is computed in the
 * input dtype (`wrapTo`: a one-element array of it), so it wraps for integers exactly as NumPy's does.
 */
function lerp(a: number, b: number, t: number, wrapTo: Float64Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array | null): number {
  let d = b - a;
  if (wrapTo !== null) {
    wrapTo[0] = d;
    d = wrapTo[0];
  }
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

function quantileCore(xIn: ArrayInput, qIn: number | readonly number[] | FastArray, options: QuantileOptions | undefined, scale: number, name: string): FastArray {
  const x = toFast(xIn);
  const o: QuantileOptions = typeof options === 'object' && options !== null && !Array.isArray(options) ? options : { axis: options as Axis };
  if (o.method !== undefined && o.method !== 'linear') throw new NotSupportedError(`numpy.${name}`, `fast implements method 'linear' only, got '${String(o.method)}'`);
  onlyReal(x, name);
  const qa = toFast(qIn as ArrayInput);
  qa._force();
  const qs: number[] = [];
  const ql = reshape(qa, [-1]);
  for (let i = 0; i < ql.size; i++) {
    const q = Number(ql.get(i)) / scale;
    if (!(q >= 0 && q <= 1)) throw new ValueError(scale === 100 ? 'Percentiles must be in the range [0, 100]' : 'Quantiles must be in the range [0, 1]');
    qs.push(q);
  }
  const l = reductionLanes(x, o.axis, o.keepdims);
  // float32 input keeps float32 only with a scalar q (a weak Python float); a list of q is float64 and promotes
  const outDType: DTypeName = x.dtype === 'float32' && typeof qIn === 'number' ? 'float32' : 'float64';
  const f = outDType === 'float32' ? Math.fround : (v: number) => v;
  const out = freshArray(outDType, [...qa.shape, ...l.outShape]);
  const od = out._data as Float64Array;
  const lanesN = l.offsets.length;
  const tmp = new Float64Array(l.n);
  const k0 = kindOf(x.dtype);
  const wrapTo = (k0 === 'signed' || k0 === 'unsigned') && x.dtype !== 'int64' && x.dtype !== 'uint64' ? (new DATA_CTOR[x.dtype](new ArrayBuffer(8), 0, 1) as Int32Array) : null;
  const big = x.dtype === 'int64' ? new BigInt64Array(l.n) : x.dtype === 'uint64' ? new BigUint64Array(l.n) : null;
  for (let k = 0; k < lanesN; k++) {
    if (big !== null && l.n > 0) {
      // 64-bit integers: sorted exactly, b - a wrapped in the dtype as NumPy's subtract does
      for (let i = 0, p = l.offsets[k]; i < l.n; i++, p += l.stride) big[i] = l.data[p] as bigint;
      big.sort();
      for (let j = 0; j < qs.length; j++) {
        const vi = (l.n - 1) * qs[j];
        const lo = vi >= l.n - 1 ? l.n - 1 : Math.floor(vi);
        const hi = vi >= l.n - 1 ? l.n - 1 : lo + 1;
        const g = vi - Math.floor(vi);
        const diff = big[hi] - big[lo];
        const d = Number(x.dtype === 'int64' ? BigInt.asIntN(64, diff) : BigInt.asUintN(64, diff));
        const a = Number(big[lo]);
        const b = Number(big[hi]);
        od[j * lanesN + k] = g >= 0.5 ? b - d * (1 - g) : a + d * g;
      }
      continue;
    }
    gather(l, k, tmp);
    const hasNaN = sortLane(tmp);
    for (let j = 0; j < qs.length; j++) {
      let r: number;
      if (hasNaN || l.n === 0) r = NaN;
      else {
        const vi = (l.n - 1) * qs[j];
        let lo = Math.floor(vi);
        let hi = lo + 1;
        if (vi >= l.n - 1) lo = hi = l.n - 1;
        const g = vi - Math.floor(vi);
        r = lerp(tmp[lo], tmp[hi], g, wrapTo);
      }
      od[j * lanesN + k] = f(r);
    }
  }
  return out;
}

/** NumPy quantile (method 'linear'): q in [0, 1], a number or a list (its axes come first in the result). */
export function quantile(x: ArrayInput, q: number | readonly number[] | FastArray, options?: QuantileOptions): FastArray {
  options = checkOptions('quantile', options);
  return quantileCore(x, q, options, 1, 'quantile');
}
/** NumPy percentile (method 'linear'): q in [0, 100]. */
export function percentile(x: ArrayInput, q: number | readonly number[] | FastArray, options?: QuantileOptions): FastArray {
  options = checkOptions('percentile', options);
  return quantileCore(x, q, options, 100, 'percentile');
}

/**
 * The median of each lane: the mean of the middle element(s) after sorting, NaN for an empty lane;
 * a NaN makes the lane's median NaN unless `skipNaN` (nanmedian), which takes the non-NaN values only.
 */
function medianOf(xIn: ArrayInput, options: QuantileOptions | undefined, name: string, skipNaN: boolean): FastArray {
  const x = toFast(xIn);
  const o: QuantileOptions = options ?? {};
  onlyReal(x, name);
  const l = reductionLanes(x, o.axis, o.keepdims);
  const outDType: DTypeName = x.dtype === 'float32' ? 'float32' : 'float64';
  const out = freshArray(outDType, l.outShape);
  const od = out._data as Float64Array;
  const tmp = new Float64Array(l.n);
  const f = outDType === 'float32' ? Math.fround : (v: number) => v;
  for (let k = 0; k < l.offsets.length; k++) {
    gather(l, k, tmp);
    const hasNaN = sortLane(tmp); // NaNs last
    let m = l.n;
    if (hasNaN) {
      if (skipNaN) while (m > 0 && tmp[m - 1] !== tmp[m - 1]) m--;
      else m = 0;
    }
    if (m === 0) {
      od[k] = NaN;
      continue;
    }
    const h = m >> 1;
    // NumPy takes the mean of the middle one or two: (0 + a [+ b]) / count
    od[k] = m % 2 === 1 ? f(0 + tmp[h]) : f(f(f(0 + tmp[h - 1]) + tmp[h]) / 2);
  }
  return out;
}

/** NumPy median: the mean of the middle element(s) of each sorted lane; NaN when a lane holds NaN. */
export function median(x: ArrayInput, options?: QuantileOptions): FastArray {
  return medianOf(x, checkOptions('median', options), 'median', false);
}

/**
 * NumPy nanmedian: the median of each lane's non-NaN values; NaN for a lane with none (NumPy also warns
 * "All-NaN slice encountered"). Integer and bool input has no NaN: the median.
 */
export function nanmedian(x: ArrayInput, options?: QuantileOptions): FastArray {
  return medianOf(x, checkOptions('nanmedian', options), 'nanmedian', true);
}

/** NumPy ptp: max - min over `axis` (integers wrap as NumPy's subtract). */
export function ptp(xIn: ArrayInput, options?: { axis?: Axis; keepdims?: boolean }): FastArray {
  options = checkOptions('ptp', options);
  const x = toFast(xIn);
  const o = nanOpts(options as NanOptions);
  const r = apply('subtract', [red.max(x, { axis: o.axis, keepdims: o.keepdims }), red.min(x, { axis: o.axis, keepdims: o.keepdims })]);
  r._force();
  return r;
}

export interface AverageOptions {
  axis?: Axis;
  weights?: ArrayInput | null;
  keepdims?: boolean;
}

/** NumPy average: the mean, or with `weights` sum(x * w) / sum(w) over `axis` (1-d weights lie along the axis). */
export function average(xIn: ArrayInput, options: AverageOptions = {}): FastArray {
  options = checkOptions('average', options);
  const x = toFast(xIn);
  if (options.weights === undefined || options.weights === null) return red.mean(x, { axis: options.axis, keepdims: options.keepdims });
  let w = toFast(options.weights);
  const axes = normalizeAxes(options.axis, x.ndim);
  if (w.ndim !== x.ndim || w.shape.some((d, i) => d !== x.shape[i])) {
    if (options.axis === undefined || options.axis === null) throw new DTypeError('Axis must be specified when shapes of a and weights differ.');
    if (w.ndim !== 1) throw new DTypeError('1D weights expected when shapes of a and weights differ.');
    if (axes.length !== 1 || w.shape[0] !== x.shape[axes[0]]) throw new ValueError(`Length of weights (${w.shape[0]}) not compatible with specified axis.`);
    const shp = x.shape.map((_, i) => (i === axes[0] ? w.shape[0] : 1));
    w = reshape(w, shp);
  }
  const num = red.sum(apply('multiply', [x, w]), { axis: axes, keepdims: options.keepdims });
  const den = red.sum(w, { axis: axes, keepdims: options.keepdims });
  const r = apply('divide', [num, den]);
  r._force();
  return r;
}

/** NumPy gradient with unit spacing: central differences inside, one-sided at the edges; one array per axis (a list for ndim > 1). */
export function gradient(xIn: ArrayInput, options: { axis?: Axis } = {}): FastArray | FastArray[] {
  options = checkOptions('gradient', options);
  const x = toFast(xIn);
  const axes = normalizeAxes(options.axis, x.ndim);
  if (x.ndim === 0) throw new ValueError('gradient needs an array with at least one dimension');
  onlyReal(x, 'gradient');
  const outDType: DTypeName = isFloatish(x.dtype) ? x.dtype : 'float64';
  const f = outDType === 'float32' ? Math.fround : (v: number) => v;
  const res = axes.map((ax) => {
    const n = x.shape[ax];
    if (n < 2) throw new ValueError('Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements are required.');
    const src = lanesOf(x, ax);
    const out = freshArray(outDType, x.shape);
    const dst = lanesOf(out, ax);
    const v = new Float64Array(n);
    const od = dst.data as Float64Array;
    for (let k = 0; k < src.offsets.length; k++) {
      gather(src, k, v);
      const o = dst.offsets[k];
      const s = dst.stride;
      od[o] = f(f(v[1] - v[0]) / 1);
      for (let i = 1; i < n - 1; i++) od[o + i * s] = f(f(v[i + 1] - v[i - 1]) / 2);
      od[o + (n - 1) * s] = f(f(v[n - 1] - v[n - 2]) / 1);
    }
    return out;
  });
  return res.length === 1 && (options.axis !== undefined && options.axis !== null ? typeof options.axis === 'number' : x.ndim === 1) ? res[0] : res;
}

// ---- counting and binning (NumPy) -------------------------------------------------------------------

/** NumPy bincount: occurrences of each non-negative integer (int32), or the sums of `weights` (float64). */
export function bincount(xIn: ArrayInput, options: { weights?: ArrayInput | null; minlength?: number } = {}): FastArray {
  options = checkOptions('bincount', options);
  const x = toFast(xIn);
  const k = kindOf(x.dtype);
  if (x.ndim !== 1) throw new ValueError(`object too deep for desired array: bincount takes a 1-d array, got ${x.ndim} dimensions`);
  if (k !== 'signed' && k !== 'unsigned' && k !== 'bool' && !(x.size === 0)) throw new DTypeError(`Cannot cast array data from dtype('${x.dtype}') to dtype('int64') according to the rule 'safe'`);
  const minlength = options.minlength ?? 0;
  if (!Number.isInteger(minlength) || minlength < 0) throw new ValueError(`'minlength' must not be negative, got ${minlength}`);
  const vals: number[] = [];
  let max = -1;
  for (let i = 0; i < x.size; i++) {
    const v = Number(x.get(i));
    if (v < 0) throw new ValueError("'list' argument must have no negative elements");
    vals.push(v);
    if (v > max) max = v;
  }
  const n = Math.max(max + 1, minlength);
  if (options.weights === undefined || options.weights === null) {
    const out = freshArray('int32', [n]);
    const od = out._data as Int32Array;
    for (const v of vals) od[v]++;
    return out;
  }
  const w = astype(toFast(options.weights), 'float64');
  if (w.ndim !== 1 || w.size !== x.size) throw new ValueError("The weights and list don't have the same length.");
  const out = freshArray('float64', [n]);
  const od = out._data as Float64Array;
  for (let i = 0; i < vals.length; i++) od[vals[i]] += w.get(i) as number;
  return out;
}

/** NumPy digitize: the bin of each value (bins monotonic, increasing or decreasing); `right` closes bins on the right. int32. */
export function digitize(xIn: ArrayInput, binsIn: ArrayInput, options: { right?: boolean } = {}): FastArray {
  options = checkOptions('digitize', options);
  const x = toFast(xIn);
  const bins = copy(astype(toFast(binsIn), 'float64'));
  if (bins.ndim !== 1) throw new ValueError('bins must be one-dimensional');
  const b = bins._data as Float64Array;
  let inc = true;
  let dec = true;
  for (let i = 1; i < b.length; i++) {
    if (b[i] < b[i - 1]) inc = false;
    if (b[i] > b[i - 1]) dec = false;
  }
  if (!inc && !dec) throw new ValueError('bins must be monotonically increasing or decreasing');
  const xs = copy(astype(x, kindOf(x.dtype) === 'complex' ? x.dtype : 'float64'));
  if (kindOf(xs.dtype) === 'complex') throw new DTypeError('x may not be complex');
  const xd = xs._data as Float64Array;
  const right = options.right === true;
  const out = freshArray('int32', x.shape);
  const od = out._data as Int32Array;
  const n = b.length;
  // NumPy: searchsorted(bins, x, side='left' if right else 'right') (NaN sorts last)
  const lessThan = (a: number, c: number) => a < c || (c !== c && a === a);
  for (let i = 0; i < xd.length; i++) {
    const v = xd[i];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const e = inc ? b[mid] : b[n - 1 - mid];
      // left: first e with !(e < v); right: first e with v < e
      if (right ? lessThan(e, v) : !lessThan(v, e)) lo = mid + 1;
      else hi = mid;
    }
    od[i] = inc ? lo : n - lo;
  }
  return out;
}

/** NumPy histogram: counts (int32) and bin edges (float64); `bins` a count (equal bins over `range` or the data's range) or the edges. */
export function histogram(aIn: ArrayInput, options: { bins?: number | readonly number[] | FastArray; range?: readonly [number, number] | null } = {}): FastArray[] {
  options = checkOptions('histogram', options);
  const a = copy(astype(ravel(toFast(aIn)), 'float64'));
  const ad = a._data as Float64Array;
  const binsOpt = options.bins ?? 10;
  if (typeof binsOpt === 'number') {
    if (!Number.isInteger(binsOpt) || binsOpt < 1) throw new ValueError('`bins` must be positive, when an integer');
    let first: number;
    let last: number;
    if (options.range !== undefined && options.range !== null) {
      [first, last] = options.range;
      if (first > last) throw new ValueError('max must be larger than min in range parameter.');
      if (!Number.isFinite(first) || !Number.isFinite(last)) throw new ValueError(`supplied range of [${first}, ${last}] is not finite`);
    } else if (ad.length === 0) {
      first = 0;
      last = 1;
    } else {
      first = Infinity;
      last = -Infinity;
      for (const v of ad) {
        if (v !== v) {
          first = last = NaN;
          break;
        }
        if (v < first) first = v;
        if (v > last) last = v;
      }
      if (!Number.isFinite(first) || !Number.isFinite(last)) throw new ValueError(`autodetected range of [${first}, ${last}] is not finite`);
    }
    if (first === last) {
      first -= 0.5;
      last += 0.5;
    }
    const edges = linspace(first, last, binsOpt + 1);
    const e = edges._data as Float64Array;
    const counts = freshArray('int32', [binsOpt]);
    const cd = counts._data as Int32Array;
    const denom = last - first;
    for (const v of ad) {
      if (!(v >= first && v <= last)) continue;
      let i = Math.trunc(((v - first) / denom) * binsOpt);
      if (i === binsOpt) i--;
      if (v < e[i]) i--;
      else if (v >= e[i + 1] && i !== binsOpt - 1) i++;
      cd[i]++;
    }
    return [counts, edges];
  }
  // the edges come back in their own dtype (NumPy returns the bins array as given)
  const edgesIn = copy(toFast(binsOpt as ArrayInput));
  const e = copy(astype(edgesIn, 'float64'))._data as Float64Array;
  for (let i = 1; i < e.length; i++) if (e[i] < e[i - 1]) throw new ValueError('`bins` must increase monotonically, when an array');
  const sorted = Float64Array.from(ad).sort();
  const cum = (v: number, right: boolean): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const s = sorted[mid];
      const before = right ? !(v < s || (s !== s && v === v)) : s < v || (v !== v && s === s);
      if (before) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const m = e.length - 1;
  const counts = freshArray('int32', [Math.max(m, 0)]);
  const cd = counts._data as Int32Array;
  for (let i = 0; i < m; i++) cd[i] = (i + 1 === m ? cum(e[i + 1], true) : cum(e[i + 1], false)) - cum(e[i], false);
  return [counts, edgesIn];
}

/** NumPy cov: covariance of the rows (variables) of a 1-d or 2-d array; ddof 1 unless `bias` (or `ddof`). */
export function cov(mIn: ArrayInput, options: { rowvar?: boolean; bias?: boolean; ddof?: number | null } = {}): FastArray {
  options = checkOptions('cov', options);
  let m = toFast(mIn);
  if (m.ndim > 2) throw new ValueError('m has more than 2 dimensions');
  if (kindOf(m.dtype) === 'complex') throw new NotSupportedError('numpy.cov', `fast's cov takes real arrays, got ${m.dtype}`);
  m = astype(m, m.dtype === 'float32' ? 'float32' : 'float64');
  if (m.ndim < 2) m = reshape(m, [1, m.size]);
  if (options.rowvar === false) m = m.T;
  m = copy(astype(m, 'float64'));
  const [vars, obs] = m.shape;
  const ddof = options.ddof ?? (options.bias ? 0 : 1);
  const fact = Math.max(obs - ddof, 0);
  const d = m._data as Float64Array;
  const centered = new Float64Array(d.length);
  for (let i = 0; i < vars; i++) {
    const mean = numpySumF64(d, i * obs, obs, 1) / obs;
    for (let j = 0; j < obs; j++) centered[i * obs + j] = d[i * obs + j] - mean;
  }
  const out = freshArray('float64', [vars, vars]);
  const od = out._data as Float64Array;
  for (let i = 0; i < vars; i++) {
    for (let j = 0; j < vars; j++) {
      let s = 0;
      for (let t = 0; t < obs; t++) s += centered[i * obs + t] * centered[j * obs + t];
      od[i * vars + j] = s * (1 / fact);
    }
  }
  return vars === 1 ? reshape(out, []) : out;
}

/** NumPy corrcoef: Pearson correlation coefficients of the rows, clipped to [-1, 1]. */
export function corrcoef(xIn: ArrayInput, options: { rowvar?: boolean } = {}): FastArray {
  options = checkOptions('corrcoef', options);
  const c = cov(xIn, { rowvar: options.rowvar });
  if (c.ndim === 0) {
    const v = c.item() as number;
    return reshape(asarrayF64([v / v]), []);
  }
  const n = c.shape[0];
  const cd = c._data as Float64Array;
  const sd = new Float64Array(n);
  for (let i = 0; i < n; i++) sd[i] = Math.sqrt(cd[i * n + i]);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = cd[i * n + j] / sd[i] / sd[j];
      cd[i * n + j] = v > 1 ? 1 : v < -1 ? -1 : v;
    }
  }
  return c;
}

function asarrayF64(values: readonly number[]): FastArray {
  const a = freshArray('float64', [values.length]);
  (a._data as Float64Array).set(values);
  return a;
}
