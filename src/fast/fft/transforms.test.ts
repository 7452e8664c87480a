/**
 * fast.fft against NumPy's pocketfft at test time. Tolerance for the transforms: every element
 * within 4·eps·log2(n)·max|result| (absolute, per transformed axis length n; a few ulps·log n of
 * the largest magnitude), float32/complex64 inputs within 2e-6·max|result| (NumPy 2 computes those
 * in single precision, fast in double). fftfreq, rfftfreq, fftshift, ifftshift: exact.
 */
import { describe, expect, it } from 'vitest';
import type { DTypeName } from '../../common/dtypes.js';
import { DTypeError, ValueError } from '../../common/errors.js';
import type { FastArray } from '../array.js';
import { numpyEval, type Enc } from '../testing/numpy-oracle.js';
import { build, expectNear, py, type Spec } from '../linalg/testing.js';
import { fft, fft2, fftfreq, fftn, fftshift, hfft, ifft, ifft2, ifftn, ifftshift, ihfft, irfft, irfftn, rfft, rfftfreq, rfftn } from './transforms.js';

const s = (dtype: DTypeName, shape: number[], seed: number, view?: string): Spec => ({ dtype, shape, seed, view });

interface Row {
  label: string;
  run: () => FastArray;
  py: string;
  /** transform length for the tolerance (0: exact) */
  n: number;
  single?: boolean;
}

function table(): Row[] {
  const rows: Row[] = [];
  const add = (label: string, run: () => FastArray, expr: string, n: number, single = false): void => {
    rows.push({ label, run, py: expr, n, single });
  };
  for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 16, 30, 49, 64, 97, 100, 127, 128, 210, 256, 343, 1000, 1024, 1031]) {
    const X = s('complex128', [n], n);
    add(`fft n=${n}`, () => fft(build(X)), `np.fft.fft(${py(X)})`, n);
    add(`ifft n=${n}`, () => ifft(build(X)), `np.fft.ifft(${py(X)})`, n);
    const R = s('float64', [n], n + 1);
    add(`rfft n=${n}`, () => rfft(build(R)), `np.fft.rfft(${py(R)})`, n);
    add(`irfft n=${n}`, () => irfft(build(X), { n }), `np.fft.irfft(${py(X)}, n=${n})`, n);
  }
  for (const norm of ['backward', 'ortho', 'forward'] as const) {
    const X = s('complex128', [3, 5], 2, '::-1');
    add(`fft norm=${norm} axis 0 padded`, () => fft(build(X), { n: 6, axis: 0, norm }), `np.fft.fft(${py(X)}, n=6, axis=0, norm='${norm}')`, 6);
    add(`ifft norm=${norm} cut`, () => ifft(build(X), { n: 3, norm }), `np.fft.ifft(${py(X)}, n=3, norm='${norm}')`, 3);
    add(`rfft norm=${norm}`, () => rfft(build(s('float64', [3, 7], 3, '::-1')), { n: 10, norm }), `np.fft.rfft(${py(s('float64', [3, 7], 3, '::-1'))}, n=10, norm='${norm}')`, 10);
    add(`irfft norm=${norm} odd n`, () => irfft(build(s('complex128', [5], 4)), { n: 9, norm }), `np.fft.irfft(${py(s('complex128', [5], 4))}, n=9, norm='${norm}')`, 9);
    add(`hfft norm=${norm}`, () => hfft(build(s('complex128', [4], 5)), { n: 7, norm }), `np.fft.hfft(${py(s('complex128', [4], 5))}, n=7, norm='${norm}')`, 7);
    add(`ihfft norm=${norm}`, () => ihfft(build(s('float64', [8], 6)), { norm }), `np.fft.ihfft(${py(s('float64', [8], 6))}, norm='${norm}')`, 8);
  }
  add('fft of float64 -> complex128', () => fft(build(s('float64', [7], 7)), { n: 4 }), `np.fft.fft(${py(s('float64', [7], 7))}, n=4)`, 4);
  add('fft of int32 -> complex128', () => fft(build(s('int32', [6], 8))), `np.fft.fft(${py(s('int32', [6], 8))})`, 6);
  add('fft float32 -> complex64', () => fft(build(s('float32', [16], 9))), `np.fft.fft(${py(s('float32', [16], 9))})`, 16, true);
  add('rfft float32 -> complex64', () => rfft(build(s('float32', [8], 10))), `np.fft.rfft(${py(s('float32', [8], 10))})`, 8, true);
  add('irfft complex64 -> float32', () => irfft(build(s('complex64', [5], 11))), `np.fft.irfft(${py(s('complex64', [5], 11))})`, 8, true);
  add('fft strided 2-d axis -1', () => fft(build(s('complex128', [4, 12], 12, '1::2, ::3'))), `np.fft.fft(${py(s('complex128', [4, 12], 12, '1::2, ::3'))})`, 4);
  add('fftn all axes', () => fftn(build(s('complex128', [4, 6], 13))), `np.fft.fftn(${py(s('complex128', [4, 6], 13))})`, 24);
  add('fftn s and axes', () => fftn(build(s('complex128', [2, 3, 4], 14)), { s: [4, 4], axes: [1, 2], norm: 'ortho' }), `np.fft.fftn(${py(s('complex128', [2, 3, 4], 14))}, s=(4, 4), axes=(1, 2), norm='ortho')`, 16);
  add('ifftn', () => ifftn(build(s('complex128', [3, 5], 15))), `np.fft.ifftn(${py(s('complex128', [3, 5], 15))})`, 15);
  add('rfftn', () => rfftn(build(s('float64', [4, 6], 16))), `np.fft.rfftn(${py(s('float64', [4, 6], 16))})`, 24);
  add('rfftn axes', () => rfftn(build(s('float64', [3, 4, 5], 17)), { axes: [0, 2] }), `np.fft.rfftn(${py(s('float64', [3, 4, 5], 17))}, axes=(0, 2))`, 15);
  add('irfftn s', () => irfftn(build(s('complex128', [4, 4], 18)), { s: [4, 6] }), `np.fft.irfftn(${py(s('complex128', [4, 4], 18))}, s=(4, 6))`, 24);
  add('fft2', () => fft2(build(s('float64', [4, 6], 19))), `np.fft.fft2(${py(s('float64', [4, 6], 19))})`, 24);
  add('ifft2 of 3-d', () => ifft2(build(s('complex128', [2, 3, 5], 20))), `np.fft.ifft2(${py(s('complex128', [2, 3, 5], 20))})`, 15);
  for (const [n, d] of [[8, 1], [7, 0.1], [1, 3], [10, 0.3]] as const) {
    add(`fftfreq ${n} ${d}`, () => fftfreq(n, { d }), `np.fft.fftfreq(${n}, d=${d})`, 0);
    add(`rfftfreq ${n} ${d}`, () => rfftfreq(n, { d }), `np.fft.rfftfreq(${n}, d=${d})`, 0);
  }
  add('fftshift all axes', () => fftshift(build(s('float64', [7], 21))), `np.fft.fftshift(${py(s('float64', [7], 21))})`, 0);
  add('fftshift axis 1 int32', () => fftshift(build(s('int32', [3, 4], 22)), { axes: [1] }), `np.fft.fftshift(${py(s('int32', [3, 4], 22))}, axes=(1,))`, 0);
  add('fftshift complex view', () => fftshift(build(s('complex128', [5, 4], 23, '::-1'))), `np.fft.fftshift(${py(s('complex128', [5, 4], 23, '::-1'))})`, 0);
  add('ifftshift axis 0', () => ifftshift(build(s('int64', [5, 2], 24)), { axes: 0 }), `np.fft.ifftshift(${py(s('int64', [5, 2], 24))}, axes=0)`, 0);
  add('ifftshift odd', () => ifftshift(build(s('float64', [3, 5], 25))), `np.fft.ifftshift(${py(s('float64', [3, 5], 25))})`, 0);
  return rows;
}

function maxAbs(e: Enc | undefined): number {
  if (!e || !('data' in e)) return 1;
  let m = 0;
  for (const v of e.data.flat()) if (typeof v === 'number') m = Math.max(m, Math.abs(v));
  return m;
}

describe('fft against NumPy (pocketfft)', () => {
  const rows = table();
  const expected = numpyEval(Object.fromEntries(rows.map((r) => [r.label, r.py])));
  for (const r of rows) {
    it(r.label, () => {
      const e = expected[r.label];
      const atol = r.n === 0 ? 0 : r.single ? 2e-6 * maxAbs(e) : 4 * 2 ** -52 * Math.max(1, Math.log2(r.n)) * maxAbs(e);
      expectNear(r.run(), e, r.label, { atol });
    });
  }
});

describe('fft: bad input', () => {
  it('rejects bad n, norm, 0-d input and complex input to rfft', () => {
    const x = build(s('float64', [4], 1));
    expect(() => fft(x, { n: 0 })).toThrow(ValueError);
    expect(() => fft(x, { norm: 'both' as never })).toThrow(/Invalid norm/);
    expect(() => fft(build(s('float64', [], 1)))).toThrow(ValueError);
    expect(() => rfft(build(s('complex128', [4], 1)))).toThrow(DTypeError);
    expect(() => fftfreq(0)).toThrow(ValueError);
  });
});
