import { describe, expect, it } from 'vitest';
import { DTYPE_NAMES } from '../../common/dtypes.js';
import { ValueError } from '../../common/errors.js';
import * as fast from '../index.js';
import { MK_PY, mk } from '../testing/fixtures.js';
import { expectSame, numpyEval } from '../testing/numpy-oracle.js';

const KINDS = ['sum', 'prod', 'min', 'max', 'mean', 'all', 'any'] as const;
const AXES: [string, string, fast.FastArray extends never ? never : { axis?: number | number[] | null; keepdims?: boolean }][] = [
  ['none', 'axis=None', {}],
  ['ax0', 'axis=0', { axis: 0 }],
  ['ax1', 'axis=1', { axis: 1 }],
  ['axm1k', 'axis=-1, keepdims=True', { axis: -1, keepdims: true }],
  ['ax01k', 'axis=(0, 1), keepdims=True', { axis: [0, 1], keepdims: true }],
];

const cases: Record<string, string> = {};
const thunks: Record<string, () => fast.FastArray> = {};
/**
 * fast's sum/prod accumulate small integers in its default integer (int32, uint32 for unsigned), as the
 * Array API standard asks; NumPy widens to int64. NumPy computes the same with that dtype= given.
 */
const ACC: Partial<Record<string, string>> = { bool: 'np.int32', int8: 'np.int32', int16: 'np.int32', int32: 'np.int32', uint8: 'np.uint32', uint16: 'np.uint32', uint32: 'np.uint32' };
const accArg = (k: string, d: string): string => ((k === 'sum' || k === 'prod') && ACC[d] ? `, dtype=${ACC[d]}` : '');
for (const d of DTYPE_NAMES) {
  for (const k of KINDS) {
    for (const [name, pyAx, jsAx] of AXES) {
      const key = `${k}/${d}/${name}`;
      cases[key] = `np.${k}(mk("${d}").reshape(2, 4), ${pyAx}${accArg(k, d)})`;
      thunks[key] = () => fast[k](mk(d).reshape([2, 4]), jsAx);
    }
    // strided, negative-stride view
    cases[`${k}/${d}/view`] = `np.${k}(mk("${d}").reshape(2, 4).T[::-1], axis=1${accArg(k, d)})`;
    thunks[`${k}/${d}/view`] = () => mk(d).reshape([2, 4]).T.at('::-1')[k]({ axis: 1 });
  }
}
// fused reductions over expressions, longer float data (pairwise summation), 3-d axes, dtype=
const big = () => fast.arange(5000).mul(0.37).sub(fast.arange(5000).mul(fast.arange(5000)).div(4999 * 7));
cases.longsum = 'np.sum(np.arange(5000) * 0.37 - np.arange(5000) * np.arange(5000) / (4999 * 7))';
thunks.longsum = () => fast.sum(big().copy());
cases.fusedsum = cases.longsum;
thunks.fusedsum = () => fast.sum(big());
cases.fusedmean32 = 'np.mean((np.arange(3000, dtype=np.float32) * np.float32(0.1)).reshape(30, 100), axis=1)';
thunks.fusedmean32 = () => fast.arange(3000, null, null, { dtype: 'float32' }).mul(0.1).reshape([30, 100]).mean({ axis: 1 });
cases.cube0 = 'np.arange(60, dtype=np.int32).reshape(3, 4, 5).sum(axis=(0, 2), dtype=np.int32)';
thunks.cube0 = () => fast.arange(60).reshape([3, 4, 5]).sum({ axis: [0, 2] });
cases.cube1 = 'np.arange(60, dtype=np.int32).reshape(3, 4, 5).transpose(2, 0, 1).max(axis=-1, keepdims=True)';
thunks.cube1 = () => fast.arange(60).reshape([3, 4, 5]).transpose([2, 0, 1]).max({ axis: -1, keepdims: true });
cases.dtypeopt = 'np.sum(np.arange(10, dtype=np.int8) * np.int8(30), dtype=np.int8)';
thunks.dtypeopt = () => fast.sum(fast.arange(10, null, null, { dtype: 'int8' }).mul(30), { dtype: 'int8' });
cases.dtypeopt2 = 'np.arange(12, dtype=np.int32).reshape(3, 4).prod(axis=0, dtype=np.float32)';
thunks.dtypeopt2 = () => fast.arange(12).reshape([3, 4]).prod({ axis: 0, dtype: 'float32' });
cases.emptysum = 'np.zeros((0, 3)).sum(axis=0)';
thunks.emptysum = () => fast.zeros([0, 3]).sum({ axis: 0 });
cases.emptyprod = 'np.zeros((3, 0), dtype=np.int32).prod(axis=1, dtype=np.int32)';
thunks.emptyprod = () => fast.zeros([3, 0], { dtype: 'int32' }).prod({ axis: 1 });
cases.emptymax = 'np.zeros((0, 3)).max(axis=1)';
thunks.emptymax = () => fast.zeros([0, 3]).max({ axis: 1 });
cases.emptyall = 'np.zeros(0, dtype=bool).all()';
thunks.emptyall = () => fast.zeros([0], { dtype: 'bool' }).all();
cases.bcastsum = 'np.sum(np.arange(4.)[:, None] * np.arange(3.), axis=0)';
thunks.bcastsum = () => fast.sum(fast.arange(4).astype('float64').reshape([4, 1]).mul(fast.arange(3).astype('float64')), { axis: 0 });

cases.cminmax = 'np.array([[1+2j, 1+1j, 3-1j], [complex(np.nan, 0), 0j, complex(0, -1)], [2+0j, complex(2, np.nan), 2-5j]]).min(axis=1)';
thunks.cminmax = () =>
  fast.asarray([
    [{ re: 1, im: 2 }, { re: 1, im: 1 }, { re: 3, im: -1 }],
    [{ re: NaN, im: 0 }, { re: 0, im: 0 }, { re: 0, im: -1 }],
    [{ re: 2, im: 0 }, { re: 2, im: NaN }, { re: 2, im: -5 }],
  ]).min({ axis: 1 });
cases.cmax = 'np.array([[1+2j, 1+1j, 3-1j], [complex(-np.inf, 0), complex(0, -1), complex(0, -2)]]).max(axis=1)';
thunks.cmax = () => fast.asarray([[{ re: 1, im: 2 }, { re: 1, im: 1 }, { re: 3, im: -1 }], [{ re: -Infinity, im: 0 }, { re: 0, im: -1 }, { re: 0, im: -2 }]]).max({ axis: 1 });

const expected = numpyEval(cases, `${MK_PY}\nimport warnings\nwarnings.simplefilter("ignore")\nnp.seterr(all="ignore")`);

describe('reductions match NumPy', () => {
  for (const key of Object.keys(cases)) {
    it(key, () => {
      const exp = expected[key];
      const [k, d] = key.split('/');
      if ('error' in exp) {
        expect(() => thunks[key]().toArray(), `${key}: NumPy raised ${exp.error}`).toThrow();
        return;
      }
      const inexact = key.startsWith('mean') || key.startsWith('fused') || key.startsWith('long') || (k === 'sum' && /float|complex/.test(d ?? '') && key.endsWith('ax0'));
      expectSame(thunks[key](), exp, key, { rtol: inexact ? 1e-6 : 0 });
    });
  }

  it('contiguous float64 sums are bit-identical to NumPy (pairwise summation), fused or not', () => {
    expectSame(thunks.longsum(), expected.longsum, 'longsum', { rtol: 0 });
    expectSame(thunks.fusedsum(), expected.fusedsum, 'fusedsum', { rtol: 0 });
  });

  it('min/max of an empty axis is a ValueError', () => {
    expect(() => fast.zeros([3, 0]).max({ axis: 1 })).toThrow(ValueError);
    expect(() => fast.min(fast.zeros([0]))).toThrow(/zero-size array to reduction operation minimum/);
    expect(() => fast.sum(fast.zeros([2, 2]), { axis: 2 })).toThrow(/out of bounds/);
    expect(() => fast.sum(fast.zeros([2, 2]), { axis: [0, 0] })).toThrow(/duplicate/);
  });
});

describe('integer sums', () => {
  const exp = numpyEval({
    big: 'np.sum(np.full(5000, 2**31 - 1, dtype=np.int32))',
    neg: 'np.sum(np.full((3, 4000), -2**31, dtype=np.int32), axis=1)',
    u32: 'np.sum(np.full(3000, 2**32 - 1, dtype=np.uint32))',
    expr: 'np.sum(np.arange(4000, dtype=np.int32) * np.int32(1000000))',
  });
  it('accumulate exactly in int64/uint64 when asked (dtype: NumPy\'s sum dtypes), fused with the expression', () => {
    expectSame(fast.sum(fast.full([5000], 2 ** 31 - 1), { dtype: 'int64' }), exp.big, 'big');
    expectSame(fast.full([3, 4000], -(2 ** 31)).sum({ axis: 1, dtype: 'int64' }), exp.neg, 'neg');
    expectSame(fast.sum(fast.full([3000], 2 ** 32 - 1, { dtype: 'uint32' }), { dtype: 'uint64' }), exp.u32, 'u32');
    expectSame(fast.sum(fast.arange(4000).mul(1000000), { dtype: 'int64' }), exp.expr, 'expr');
  });
});
