/**
 * convolve, correlate, einsum, polyval, vander, polyfit, interp, logspace, geomspace, tri against
 * NumPy at test time. Tolerances: integers exact; convolve/correlate/einsum/polyval/vander/interp
 * 1e-14 relative to the largest |value| (same products, sums possibly in another order);
 * logspace/geomspace 4 ulps (libm pow/log10 vs V8's); polyfit 1e-10 relative (another SVD).
 */
import { describe, expect, it } from 'vitest';
import type { DTypeName } from '../../common/dtypes.js';
import { NotSupportedError, ShapeError, ValueError } from '../../common/errors.js';
import type { FastArray } from '../array.js';
import { numpyEval, type Enc } from '../testing/numpy-oracle.js';
import { build, expectNear, py, type Spec } from '../linalg/testing.js';
import { convolve, correlate, einsum, geomspace, interp, logspace, polyfit, polyval, random, trapezoid, tri, vander } from './index.js';

const s = (dtype: DTypeName, shape: number[], seed: number, view?: string): Spec => ({ dtype, shape, seed, view });

interface Row {
  label: string;
  run: () => FastArray;
  py: string;
  rtol: number;
}

function table(): Row[] {
  const rows: Row[] = [];
  const add = (label: string, run: () => FastArray, expr: string, rtol = 1e-14): void => {
    rows.push({ label, run, py: expr, rtol });
  };
  const A = s('float64', [7], 1);
  const Y2 = s('float64', [3, 5], 30);
  const X1 = s('float64', [5], 31);
  const X0 = s('float64', [3], 32);
  add('trapezoid 1-d', () => trapezoid(build(A)), `np.trapezoid(${py(A)})`);
  add('trapezoid dx', () => trapezoid(build(A), { dx: 0.25 }), `np.trapezoid(${py(A)}, dx=0.25)`);
  add('trapezoid x 1-d', () => trapezoid(build(Y2), { x: build(X1) }), `np.trapezoid(${py(Y2)}, ${py(X1)})`);
  add('trapezoid axis 0 x', () => trapezoid(build(Y2), { x: build(X0), axis: 0 }), `np.trapezoid(${py(Y2)}, x=${py(X0)}, axis=0)`);
  add('trapezoid x 2-d', () => trapezoid(build(Y2), { x: build(s('float64', [3, 5], 33)) }), `np.trapezoid(${py(Y2)}, ${py(s('float64', [3, 5], 33))})`);
  add('trapezoid int32', () => trapezoid(build(s('int32', [3, 4], 34)), { axis: 0 }), `np.trapezoid(${py(s('int32', [3, 4], 34))}, axis=0)`);
  add('trapezoid float32', () => trapezoid(build(s('float32', [6], 35))), `np.trapezoid(${py(s('float32', [6], 35))})`, 1e-6);
  add('trapezoid one sample', () => trapezoid(build(s('float64', [1], 36))), `np.trapezoid(${py(s('float64', [1], 36))})`);
  for (const mode of ['full', 'same', 'valid'] as const) {
    for (const [la, lb] of [[7, 3], [7, 4], [3, 6], [5, 5], [1, 4]] as const) {
      const X = s('float64', [la], la);
      const Y = s('float64', [lb], 10 + lb);
      add(`convolve ${la} ${lb} ${mode}`, () => convolve(build(X), build(Y), { mode }), `np.convolve(${py(X)}, ${py(Y)}, mode='${mode}')`);
      add(`correlate ${la} ${lb} ${mode}`, () => correlate(build(X), build(Y), { mode }), `np.correlate(${py(X)}, ${py(Y)}, mode='${mode}')`);
    }
    const C1 = s('complex128', [5], 20);
    const C2 = s('complex128', [3], 21);
    add(`correlate complex ${mode}`, () => correlate(build(C1), build(C2), { mode }), `np.correlate(${py(C1)}, ${py(C2)}, mode='${mode}')`);
    add(`correlate complex swapped ${mode}`, () => correlate(build(C2), build(C1), { mode }), `np.correlate(${py(C2)}, ${py(C1)}, mode='${mode}')`);
    add(`convolve complex ${mode}`, () => convolve(build(C1), build(C2), { mode }), `np.convolve(${py(C1)}, ${py(C2)}, mode='${mode}')`);
  }
  add('convolve int32 view', () => convolve(build(s('int32', [6], 22, '::-1')), build(s('int32', [3], 23))), `np.convolve(${py(s('int32', [6], 22, '::-1'))}, ${py(s('int32', [3], 23))})`, 0);
  add('convolve int8 wraps', () => convolve(build(s('int8', [4], 24)).mul(30), build(s('int8', [3], 25)).mul(20)), `np.convolve(${py(s('int8', [4], 24))} * np.int8(30), ${py(s('int8', [3], 25))} * np.int8(20))`, 0);
  add('correlate default mode', () => correlate(build(A), build(s('float64', [3], 26))), `np.correlate(${py(A)}, ${py(s('float64', [3], 26))})`);
  const E1 = s('float64', [3, 4], 30);
  const E2 = s('float64', [4, 2], 31);
  for (const [sub, ops] of [
    ['ij,jk->ik', [E1, E2]],
    ['ij,jk', [E1, E2]],
    ['i,i->', [s('float64', [5], 32), s('float64', [5], 33)]],
    ['ij,j->i', [s('float64', [2, 3], 34), s('float64', [3], 35)]],
    ['ii->', [s('float64', [4, 4], 36)]],
    ['ii->i', [s('float64', [4, 4], 37)]],
    ['ij->ji', [s('float64', [2, 3], 38)]],
    ['ij', [s('float64', [2, 3], 38)]],
    ['ji', [s('float64', [2, 3], 38)]],
    ['bij,bjk->bik', [s('float64', [2, 3, 4], 39), s('float64', [2, 4, 2], 40)]],
    ['i,j->ij', [s('int32', [3], 41), s('int32', [4], 42)]],
    ['ij,ij->', [s('complex128', [2, 3], 43), s('complex128', [2, 3], 44)]],
    ['ijk->k', [s('float32', [2, 3, 4], 45, '::-1, :, ::2')]],
  ] as const) {
    add(`einsum ${sub} ${ops.map((o) => o.dtype).join(',')}`, () => einsum(sub, ...ops.map((o) => build(o))), `np.einsum('${sub}', ${ops.map((o) => py(o)).join(', ')})`, ops[0].dtype === 'float32' ? 1e-6 : ops[0].dtype === 'int32' ? 0 : 1e-14);
  }
  const P = s('float64', [4], 50);
  add('polyval', () => polyval(build(P), build(s('float64', [6], 51))), `np.polyval(${py(P)}, ${py(s('float64', [6], 51))})`, 0);
  add('polyval int coefficients, float x', () => polyval(build(s('int32', [3], 52)), build(s('float64', [2, 2], 53))), `np.polyval(${py(s('int32', [3], 52))}, ${py(s('float64', [2, 2], 53))})`, 0);
  add('polyval empty p', () => polyval(build(s('float64', [0], 54)), build(s('float64', [3], 55))), `np.polyval(np.zeros(0), ${py(s('float64', [3], 55))})`, 0);
  add('vander', () => vander(build(s('float64', [4], 56)), 3), `np.vander(${py(s('float64', [4], 56))}, 3)`, 0);
  add('vander increasing int32 default N', () => vander(build(s('int32', [5], 57)), null, { increasing: true }), `np.vander(${py(s('int32', [5], 57))}, increasing=True).astype('int32')`, 0);
  const X8 = 'np.arange(8.0)';
  add('polyfit deg 2', () => polyfit([0, 1, 2, 3, 4, 5, 6, 7], build(s('float64', [8], 58)), 2), `np.polyfit(${X8}, ${py(s('float64', [8], 58))}, 2)`, 1e-10);
  add('polyfit deg 1 two columns', () => polyfit([-2, -1, 0, 1, 2], build(s('float64', [5, 2], 59)), 1), `np.polyfit(np.array([-2., -1, 0, 1, 2]), ${py(s('float64', [5, 2], 59))}, 1)`, 1e-10);
  const XP = [-3, -1, 0.5, 2, 6];
  const FP = s('float64', [5], 60);
  add('interp', () => interp(build(s('float64', [9], 61)).mul(4), XP, build(FP)), `np.interp(${py(s('float64', [9], 61))} * 4, np.array(${JSON.stringify(XP)}), ${py(FP)})`);
  add('interp knots, ends, nan', () => interp([-5, -3, -1, 0.5, 6, 7, NaN], XP, build(FP), { left: -10 }), `np.interp(np.array([-5, -3, -1, 0.5, 6, 7, np.nan]), np.array(${JSON.stringify(XP)}), ${py(FP)}, left=-10)`);
  add('interp one point', () => interp([0, 1, 2], [1], [5]), `np.interp(np.array([0., 1, 2]), np.array([1.]), np.array([5.]))`);
  add('interp inf slope', () => interp([0.5, 1], [0, 1, 2], [0, Infinity, 3]), `np.interp(np.array([0.5, 1]), np.array([0., 1, 2]), np.array([0, np.inf, 3]))`);
  for (const [a, b, n] of [[0, 2, 5], [-1, 1, 4], [0, 1, 1]] as const) add(`logspace ${a} ${b} ${n}`, () => logspace(a, b, n), `np.logspace(${a}, ${b}, ${n})`, 4 * 2 ** -52);
  add('logspace base 2 no endpoint', () => logspace(0, 10, 6, { base: 2, endpoint: false }), `np.logspace(0, 10, 6, base=2, endpoint=False)`, 4 * 2 ** -52);
  for (const [a, b, n] of [[1, 1000, 4], [2, 0.5, 5], [-1, -100, 3], [5, 7, 1]] as const) add(`geomspace ${a} ${b} ${n}`, () => geomspace(a, b, n), `np.geomspace(${a}, ${b}, ${n})`, 4 * 2 ** -52);
  add('tri 3 4 k=1', () => tri(3, 4, { k: 1 }), `np.tri(3, 4, k=1)`, 0);
  add('tri int32 k=-1', () => tri(4, null, { k: -1, dtype: 'int32' }), `np.tri(4, k=-1, dtype='int32')`, 0);
  return rows;
}

function scaleOf(e: Enc | undefined): number {
  if (!e || !('data' in e)) return 1;
  let m = 0;
  for (const v of e.data.flat()) if (typeof v === 'number') m = Math.max(m, Math.abs(v));
  return m;
}

describe('NumPy extras against NumPy', () => {
  const rows = table();
  const expected = numpyEval(Object.fromEntries(rows.map((r) => [r.label, r.py])));
  for (const r of rows) {
    it(r.label, () => {
      const e = expected[r.label];
      // log/pow based: relative per element; sums: relative to the largest magnitude
      const perElement = r.label.startsWith('logspace') || r.label.startsWith('geomspace');
      expectNear(r.run(), e, r.label, perElement ? { rtol: r.rtol } : { atol: r.rtol * scaleOf(e) });
    });
  }
});

describe('NumPy extras: bad input and unsupported corners', () => {
  it('convolve and correlate', () => {
    expect(() => convolve([], [1])).toThrow(ValueError);
    expect(() => convolve([[1]], [1])).toThrow(ShapeError);
    expect(() => correlate([1, 2], [1], { mode: 'half' as never })).toThrow(ValueError);
  });
  it('einsum', () => {
    expect(() => einsum('ij,jk->ik', [[1, 2]], [[1, 2], [3, 4], [5, 6]])).toThrow(ShapeError);
    expect(() => einsum('ij->i', [1, 2])).toThrow(ValueError);
    expect(() => einsum('...i->i', [1, 2])).toThrow(NotSupportedError);
  });
  it('interp, geomspace, random', () => {
    expect(() => interp([1], [1, 2], [1])).toThrow(ShapeError);
    expect(() => geomspace(0, 1, 3)).toThrow(ValueError);
    expect(() => random.default_rng(0)).toThrow(NotSupportedError);
  });
});
