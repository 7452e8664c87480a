/**
 * The Array API fft extension over fast arrays (NumPy 2 semantics): fft, ifft, fftn, ifftn, rfft,
 * irfft, rfftn, irfftn, hfft, ihfft, NumPy's fft2/ifft2, and fftfreq, rfftfreq, fftshift,
 * ifftshift. Results are complex128 (float64 for the real-output transforms), complex64/float32
 * when the input is float32 or complex64 (computed in double precision and rounded once).
 * Normalisation as NumPy: the factor 1/n or 1/sqrt(n) multiplies every output ("backward": on the
 * inverse, "forward": on the forward transform, "ortho": both).
 */
import { DTYPES, type DTypeName } from '../../common/dtypes.js';
import { DTypeError, ValueError } from '../../common/errors.js';
import { normalizeAxis, shapeStr, sizeOf } from '../engine/shape.js';
import { Storage } from '../engine/storage.js';
import { FastArray } from '../array.js';
import { fresh, materialize, toFast, type ArrayInput } from '../linalg/support.js';
import { dftBackward, dftForward } from './kernel.js';
import { checkOptions } from '../engine/options.js';

export type FftNorm = 'backward' | 'ortho' | 'forward';

export interface FftOptions {
  readonly n?: number | null;
  readonly axis?: number;
  readonly norm?: FftNorm | null;
}

export interface FftnOptions {
  readonly s?: readonly number[] | null;
  readonly axes?: readonly number[] | null;
  readonly norm?: FftNorm | null;
}

function checkNorm(norm: FftNorm | null | undefined): FftNorm {
  const v = norm ?? 'backward';
  if (v !== 'backward' && v !== 'ortho' && v !== 'forward') throw new ValueError(`Invalid norm value ${JSON.stringify(norm)}; should be "backward", "ortho" or "forward".`);
  return v;
}

const swap = (n: FftNorm): FftNorm => (n === 'backward' ? 'forward' : n === 'forward' ? 'backward' : 'ortho');

/** NumPy's factor: 1 (unscaled direction), 1/sqrt(n) (ortho) or 1/n. */
function factor(norm: FftNorm, forward: boolean, n: number): number {
  const scaled = forward ? norm === 'forward' : norm === 'backward';
  if (norm === 'ortho') return 1 / Math.sqrt(n);
  return scaled ? 1 / n : 1;
}

const single = (d: DTypeName): boolean => d === 'float32' || d === 'complex64';

/**
 * Apply a 1-d transform along `axis`: each line (length len, zero padded or cut to `inLen` values
 * read) goes through `line` producing `outLen` values of the output dtype.
 */
function alongAxis(
  a: FastArray,
  axis: number,
  inLen: number,
  outLen: number,
  outDtype: DTypeName,
  line: (x: Float64Array) => Float64Array,
): FastArray {
  const complexIn = DTYPES[a.dtype].kind === 'complex';
  const src = materialize(a, complexIn ? a.dtype : single(a.dtype) ? 'float32' : 'float64');
  const shape = src.shape.slice();
  const len = shape[axis];
  const outShape = shape.slice();
  outShape[axis] = outLen;
  const out = fresh(outDtype, outShape);
  const complexOut = DTYPES[outDtype].kind === 'complex';
  const others = shape.map((_, i) => i).filter((i) => i !== axis);
  const count = sizeOf(others.map((i) => shape[i]));
  const idx = new Array<number>(others.length).fill(0);
  const sd = src._data as Float64Array;
  const od = out._data as Float64Array;
  const outStrides = contiguous(outShape);
  const take = Math.min(len, inLen);
  for (let t = 0; t < count; t++) {
    let so = src._off;
    let oo = 0;
    for (let j = 0; j < others.length; j++) {
      so += idx[j] * src._es[others[j]];
      oo += idx[j] * outStrides[others[j]];
    }
    const x = new Float64Array(2 * inLen);
    const ss = src._es[axis];
    for (let i = 0; i < take; i++) {
      const p = so + i * ss;
      if (complexIn) {
        x[2 * i] = sd[2 * p];
        x[2 * i + 1] = sd[2 * p + 1];
      } else x[2 * i] = sd[p];
    }
    const y = line(x);
    const os = outStrides[axis];
    for (let i = 0; i < outLen; i++) {
      const p = oo + i * os;
      if (complexOut) {
        od[2 * p] = y[2 * i];
        od[2 * p + 1] = y[2 * i + 1];
      } else od[p] = y[2 * i];
    }
    for (let j = others.length - 1; j >= 0; j--) {
      if (++idx[j] < shape[others[j]]) break;
      idx[j] = 0;
    }
  }
  return out;
}

function contiguous(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

function scale(y: Float64Array, f: number): Float64Array {
  if (f !== 1) for (let i = 0; i < y.length; i++) y[i] *= f;
  return y;
}

function lengthArg(n: number | null | undefined, dflt: number, what: string): number {
  const v = n ?? dflt;
  if (!Number.isInteger(v) || v < 1) throw new ValueError(`Invalid number of FFT data points (${v}) specified for ${what}; n must be a positive integer`);
  return v;
}

function complexOf(d: DTypeName): DTypeName {
  return single(d) ? 'complex64' : 'complex128';
}
function realOf(d: DTypeName): DTypeName {
  return single(d) ? 'float32' : 'float64';
}

function c2c(x: ArrayInput, options: FftOptions, forward: boolean, name: string): FastArray {
  const a = toFast(x);
  if (a.ndim === 0) throw new ValueError(`${name} needs an array with at least one dimension, got a 0-d array`);
  const axis = normalizeAxis(options.axis ?? -1, a.ndim);
  const n = lengthArg(options.n, a.shape[axis], name);
  const norm = checkNorm(options.norm);
  const f = factor(norm, forward, n);
  return alongAxis(a, axis, n, n, complexOf(a.dtype), (v) => scale(forward ? dftForward(v, n) : dftBackward(v, n), f));
}

/** `fft(x, { n, axis = -1, norm = 'backward' })`: the 1-d discrete Fourier transform. */
export function fft(x: ArrayInput, options: FftOptions = {}): FastArray {
  options = checkOptions('fft.fft', options);
  return c2c(x, options, true, 'fft');
}

/** `ifft(x, { n, axis = -1, norm = 'backward' })`: the 1-d inverse discrete Fourier transform. */
export function ifft(x: ArrayInput, options: FftOptions = {}): FastArray {
  options = checkOptions('fft.ifft', options);
  return c2c(x, options, false, 'ifft');
}

function realInput(a: FastArray, name: string): void {
  if (DTYPES[a.dtype].kind === 'complex') throw new DTypeError(`${name} takes real input, got dtype ${a.dtype}; use fft for complex input`);
}

/** `rfft(x, { n, axis, norm })`: the n//2 + 1 non-negative-frequency terms of the DFT of real input. */
export function rfft(x: ArrayInput, options: FftOptions = {}): FastArray {
  options = checkOptions('fft.rfft', options);
  const a = toFast(x);
  realInput(a, 'rfft');
  if (a.ndim === 0) throw new ValueError('rfft needs an array with at least one dimension, got a 0-d array');
  const axis = normalizeAxis(options.axis ?? -1, a.ndim);
  const n = lengthArg(options.n, a.shape[axis], 'rfft');
  const f = factor(checkNorm(options.norm), true, n);
  const half = Math.floor(n / 2) + 1;
  return alongAxis(a, axis, n, half, complexOf(a.dtype), (v) => scale(dftForward(v, n), f));
}

/** `irfft(x, { n, axis, norm })`: real inverse of rfft; n defaults to 2·(m - 1) for m input terms. */
export function irfft(x: ArrayInput, options: FftOptions = {}): FastArray {
  options = checkOptions('fft.irfft', options);
  const a = toFast(x);
  if (a.ndim === 0) throw new ValueError('irfft needs an array with at least one dimension, got a 0-d array');
  const axis = normalizeAxis(options.axis ?? -1, a.ndim);
  const m = a.shape[axis];
  const n = lengthArg(options.n, 2 * (m - 1), 'irfft');
  const f = factor(checkNorm(options.norm), false, n);
  const half = Math.floor(n / 2) + 1;
  return alongAxis(a, axis, half, n, realOf(a.dtype), (v) => {
    // the Hermitian-symmetric full spectrum; imaginary parts of X[0] (and X[n/2]) drop out of the real part
    const full = new Float64Array(2 * n);
    full.set(v.subarray(0, 2 * half));
    for (let k = half; k < n; k++) {
      full[2 * k] = v[2 * (n - k)];
      full[2 * k + 1] = -v[2 * (n - k) + 1];
    }
    return scale(dftBackward(full, n), f);
  });
}

/** `hfft(x, { n, axis, norm })`: the real spectrum of a Hermitian-symmetric signal (irfft of conj(x), norm swapped). */
export function hfft(x: ArrayInput, options: FftOptions = {}): FastArray {
  options = checkOptions('fft.hfft', options);
  const a = toFast(x);
  return irfft(conjugate(a), { ...options, norm: swap(checkNorm(options.norm)) });
}

/** `ihfft(x, { n, axis, norm })`: inverse of hfft (conj of rfft, norm swapped). */
export function ihfft(x: ArrayInput, options: FftOptions = {}): FastArray {
  options = checkOptions('fft.ihfft', options);
  return conjugate(rfft(x, { ...options, norm: swap(checkNorm(options.norm)) }));
}

function conjugate(a: FastArray): FastArray {
  if (DTYPES[a.dtype].kind !== 'complex') return a;
  const m = materialize(a.copy());
  const d = m._data as Float64Array;
  for (let i = 1; i < d.length; i += 2) d[i] = -d[i];
  return m;
}

function ndAxes(a: FastArray, options: FftnOptions, name: string): { axes: number[]; s: (number | null)[] } {
  const s0 = options.s ?? null;
  let axes: number[];
  if (options.axes != null) axes = options.axes.map((x) => normalizeAxis(x, a.ndim));
  else if (s0 !== null) axes = s0.map((_, i) => a.ndim - s0.length + i);
  else axes = a.shape.map((_, i) => i);
  if (s0 !== null && s0.length !== axes.length) throw new ValueError(`${name}: when given, axes and s must have the same length (s ${JSON.stringify(s0)}, axes ${JSON.stringify(options.axes)})`);
  if (axes.some((x) => x < 0)) throw new ValueError(`${name}: s ${JSON.stringify(s0)} has more entries than the array has axes (shape ${shapeStr(a.shape)})`);
  return { axes, s: s0 === null ? axes.map(() => null) : [...s0] };
}

function c2cN(x: ArrayInput, options: FftnOptions, forward: boolean, name: string): FastArray {
  let a = toFast(x);
  const { axes, s } = ndAxes(a, options, name);
  const norm = options.norm ?? 'backward';
  if (axes.length === 0) return materialize(a, complexOf(a.dtype)).copy();
  for (let i = axes.length - 1; i >= 0; i--) a = c2c(a, { n: s[i], axis: axes[i], norm }, forward, name);
  return a;
}

/** `fftn(x, { s, axes, norm })`: the n-dimensional DFT over `axes` (default: all, or the last len(s)). */
export function fftn(x: ArrayInput, options: FftnOptions = {}): FastArray {
  options = checkOptions('fft.fftn', options);
  return c2cN(x, options, true, 'fftn');
}

/** `ifftn(x, { s, axes, norm })`: the n-dimensional inverse DFT. */
export function ifftn(x: ArrayInput, options: FftnOptions = {}): FastArray {
  options = checkOptions('fft.ifftn', options);
  return c2cN(x, options, false, 'ifftn');
}

/** `rfftn(x, { s, axes, norm })`: rfft over the last axis of `axes`, then fft over the others. */
export function rfftn(x: ArrayInput, options: FftnOptions = {}): FastArray {
  options = checkOptions('fft.rfftn', options);
  const a0 = toFast(x);
  realInput(a0, 'rfftn');
  const { axes, s } = ndAxes(a0, options, 'rfftn');
  if (axes.length === 0) throw new ValueError('rfftn needs at least one axis');
  const norm = options.norm ?? 'backward';
  let a = rfft(a0, { n: s[axes.length - 1], axis: axes[axes.length - 1], norm });
  for (let i = axes.length - 2; i >= 0; i--) a = fft(a, { n: s[i], axis: axes[i], norm });
  return a;
}

/** `irfftn(x, { s, axes, norm })`: ifft over all but the last of `axes`, then irfft over the last. */
export function irfftn(x: ArrayInput, options: FftnOptions = {}): FastArray {
  options = checkOptions('fft.irfftn', options);
  let a = toFast(x);
  const { axes, s } = ndAxes(a, options, 'irfftn');
  if (axes.length === 0) throw new ValueError('irfftn needs at least one axis');
  const norm = options.norm ?? 'backward';
  for (let i = 0; i < axes.length - 1; i++) a = ifft(a, { n: s[i], axis: axes[i], norm });
  return irfft(a, { n: s[axes.length - 1], axis: axes[axes.length - 1], norm });
}

/** NumPy's `fft2(x, { s, axes = [-2, -1], norm })`. */
export function fft2(x: ArrayInput, options: FftnOptions = {}): FastArray {
  options = checkOptions('fft.fft2', options);
  return fftn(x, { ...options, axes: options.axes ?? [-2, -1] });
}

/** NumPy's `ifft2(x, { s, axes = [-2, -1], norm })`. */
export function ifft2(x: ArrayInput, options: FftnOptions = {}): FastArray {
  options = checkOptions('fft.ifft2', options);
  return ifftn(x, { ...options, axes: options.axes ?? [-2, -1] });
}

function checkCount(n: number, name: string): void {
  if (!Number.isInteger(n) || n < 1) throw new ValueError(`${name}: n should be a positive integer, got ${n}`);
}

/** `fftfreq(n, { d = 1 })`: sample frequencies [0, 1, ..., n/2-1, -n/2, ..., -1] / (d·n) (as NumPy: integer · (1/(n·d))). */
export function fftfreq(n: number, options: { readonly d?: number; readonly dtype?: DTypeName } = {}): FastArray {
  options = checkOptions('fft.fftfreq', options);
  checkCount(n, 'fftfreq');
  const val = 1.0 / (n * (options.d ?? 1.0));
  const out = fresh(options.dtype ?? 'float64', [n]);
  const d = out._data as Float64Array;
  const N = Math.floor((n - 1) / 2) + 1;
  for (let i = 0; i < N; i++) d[i] = i * val;
  for (let i = N; i < n; i++) d[i] = (i - n) * val;
  return out;
}

/** `rfftfreq(n, { d = 1 })`: the n//2 + 1 non-negative sample frequencies of rfft. */
export function rfftfreq(n: number, options: { readonly d?: number; readonly dtype?: DTypeName } = {}): FastArray {
  options = checkOptions('fft.rfftfreq', options);
  checkCount(n, 'rfftfreq');
  const val = 1.0 / (n * (options.d ?? 1.0));
  const N = Math.floor(n / 2) + 1;
  const out = fresh(options.dtype ?? 'float64', [N]);
  const d = out._data as Float64Array;
  for (let i = 0; i < N; i++) d[i] = i * val;
  return out;
}

/** Roll each of `axes` by shift(len) (a copy; every dtype). */
function rollAxes(x: ArrayInput, axesOpt: number | readonly number[] | null | undefined, shift: (len: number) => number): FastArray {
  const a = materialize(toFast(x));
  const axes = axesOpt === null || axesOpt === undefined ? a.shape.map((_, i) => i) : (typeof axesOpt === 'number' ? [axesOpt] : axesOpt).map((v) => normalizeAxis(v, a.ndim));
  const shifts = a.shape.map(() => 0);
  for (const ax of axes) shifts[ax] += shift(a.shape[ax]);
  const out = new FastArray(a.dtype, a.shape, Storage.allocate(a.dtype, a.size), 0, null, null);
  const slots = DTYPES[a.dtype].kind === 'complex' ? 2 : 1;
  const sd = a._data!;
  const od = out._data!;
  const nd = a.ndim;
  const os = contiguous(a.shape);
  const idx = new Array<number>(nd).fill(0);
  for (let t = 0; t < a.size; t++) {
    let so = a._off;
    let oo = 0;
    for (let d = 0; d < nd; d++) {
      so += idx[d] * a._es[d];
      const len = a.shape[d];
      oo += ((((idx[d] + shifts[d]) % len) + len) % len) * os[d];
    }
    for (let k = 0; k < slots; k++) (od as Float64Array)[slots * oo + k] = (sd as Float64Array)[slots * so + k];
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < a.shape[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

/** `fftshift(x, { axes })`: the zero-frequency term moved to the centre (roll by n//2 along each axis). */
export function fftshift(x: ArrayInput, options: { readonly axes?: number | readonly number[] | null } = {}): FastArray {
  options = checkOptions('fft.fftshift', options);
  return rollAxes(x, options.axes, (n) => Math.floor(n / 2));
}

/** `ifftshift(x, { axes })`: the inverse of fftshift (roll by -(n//2)). */
export function ifftshift(x: ArrayInput, options: { readonly axes?: number | readonly number[] | null } = {}): FastArray {
  options = checkOptions('fft.ifftshift', options);
  return rollAxes(x, options.axes, (n) => -Math.floor(n / 2));
}
