import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DTYPE_NAMES } from '../common/dtypes.js';
import * as fast from './index.js';
import { MK_PY, mk } from './testing/fixtures.js';
import { numpyEval, numpyString } from './testing/numpy-oracle.js';

const cases: Record<string, [string, () => fast.FastArray]> = {};
for (const d of DTYPE_NAMES) {
  cases[`fixture/${d}`] = [`mk("${d}")`, () => mk(d)];
  cases[`fixture2d/${d}`] = [`mk("${d}").reshape(2, 4)`, () => mk(d).reshape([2, 4])];
  cases[`zerod/${d}`] = [`np.asarray(mk("${d}", 1)[0])`, () => mk(d, 1).at(0)];
  cases[`empty/${d}`] = [`np.zeros(0, "${d}")`, () => fast.zeros([0], { dtype: d })];
}
const more: Record<string, [string, () => fast.FastArray]> = {
  int2d: ['np.arange(12, dtype=np.int32).reshape(3, 4)', () => fast.arange(12).reshape([3, 4])],
  float2d: ['np.arange(4.).reshape(2, 2)', () => fast.arange(4).astype('float64').reshape([2, 2])],
  thirds: ['np.arange(30) / 7', () => fast.arange(30).div(7)],
  negthirds: ['-np.arange(12).reshape(3, 4) / 3', () => fast.arange(12).reshape([3, 4]).neg().div(3)],
  small: ['np.array([1e-5, 1.0, 2.5])', () => fast.asarray([1e-5, 1.0, 2.5])],
  big: ['np.array([1e8, 1.0])', () => fast.asarray([1e8, 1.0], { dtype: "float64" })],
  ratio: ['np.array([1.5e-3, 12345.678])', () => fast.asarray([1.5e-3, 12345.678])],
  huge: ['np.array([1e300, -2e-300, np.nan, -np.inf])', () => fast.asarray([1e300, -2e-300, NaN, -Infinity])],
  nonfinite: ['np.array([np.nan, np.inf])', () => fast.asarray([NaN, Infinity])],
  nanint: ['np.array([np.nan, 1.0, -np.inf])', () => fast.asarray([NaN, 1.0, -Infinity])],
  longrow: ['np.arange(40) * 1.5', () => fast.arange(40).mul(1.5)],
  longint: ['np.arange(100, dtype=np.int32) * 1001', () => fast.arange(100).mul(1001)],
  summary1d: ['np.arange(2000, dtype=np.int32)', () => fast.arange(2000)],
  summary2d: ['np.arange(3000).reshape(30, 100) / 3', () => fast.arange(3000).reshape([30, 100]).div(3)],
  summary3d: ['np.arange(2400, dtype=np.int32).reshape(4, 20, 30)', () => fast.arange(2400).reshape([4, 20, 30])],
  cube: ['np.arange(24., dtype=np.float32).reshape(2, 3, 4)', () => fast.arange(24, null, null, { dtype: 'float32' }).reshape([2, 3, 4])],
  f32tenth: ['np.array([0.1, 0.2, 0.3], dtype=np.float32)', () => fast.asarray([0.1, 0.2, 0.3], { dtype: 'float32' })],
  f32third: ['np.array([1/3, 2/3, 1e-3], dtype=np.float32)', () => fast.asarray([1 / 3, 2 / 3, 1e-3], { dtype: 'float32' })],
  emptyShape: ['np.zeros((0, 3))', () => fast.zeros([0, 3])],
  bools: ['np.array([[True, False], [False, False]])', () => fast.asarray([[true, false], [false, false]])],
  allTrue: ['np.array([True, True])', () => fast.asarray([true, true])],
  cplx: ['np.array([1+2j, -3.5-1j, 0.25j])', () => fast.asarray([{ re: 1, im: 2 }, { re: -3.5, im: -1 }, { re: 0, im: 0.25 }])],
  cplxsci: ['np.array([1e-7+1j, 3-2e9j])', () => fast.asarray([{ re: 1e-7, im: 1 }, { re: 3, im: -2e9 }])],
  linspace: ['np.linspace(0, 1, 7)', () => fast.linspace(0, 1, 7)],
  negzero: ['np.array([-0.0, 0.0, 1.0])', () => fast.asarray([-0, 0, 1])],
  uint64big: ['np.array([2**64 - 1, 0], dtype=np.uint64)', () => fast.asarray([2n ** 64n - 1n, 0n], { dtype: 'uint64' })],
  dtypeWrap: ['np.arange(20, dtype=np.int32) * 100000', () => fast.arange(20).mul(100000)],
  rounding: ['np.array([0.123456789012, 123.456789012345])', () => fast.asarray([0.123456789012, 123.456789012345])],
  ints8: ['np.array([-128, 5, 127], dtype=np.int8).reshape(3, 1)', () => fast.asarray([-128, 5, 127], { dtype: 'int8' }).reshape([3, 1])],
};
Object.assign(cases, more);

const expected = numpyEval(Object.fromEntries(Object.entries(cases).map(([k, [p]]) => [k, `repr(${p})`])), MK_PY);

describe('repr matches NumPy exactly', () => {
  for (const [key, [, js]] of Object.entries(cases)) {
    it(key, () => {
      const want = numpyString(expected[key], key);
      const a = js();
      expect(String(a)).toBe(want);
      expect(inspect(a)).toBe(want);
    });
  }
});
