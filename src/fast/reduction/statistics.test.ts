import { describe, expect, it } from 'vitest';
import { DTYPE_NAMES, type DTypeName } from '../../common/dtypes.js';
import { ValueError } from '../../common/errors.js';
import type { FastArray } from '../array.js';
import { asarray } from '../creation/creation.js';
import * as st from './statistics.js';
import { mk, MK_PY } from '../testing/fixtures.js';
import { expectSame, numpyEval, numpyError, type CompareOptions } from '../testing/numpy-oracle.js';

const REAL: DTypeName[] = DTYPE_NAMES.filter((d) => d !== 'complex64' && d !== 'complex128');
const FLOATS: DTypeName[] = ['float32', 'float64'];
const SETUP = `${MK_PY}
def m2(dt, shift=0): return mk(dt, shift).reshape(2, 4)
def m3(dt): return np.concatenate([mk(dt), mk(dt, 3), mk(dt, 5)]).reshape(2, 3, 4)
`;
const m2 = (d: DTypeName, shift = 0) => mk(d, shift).reshape([2, 4]);
const m3 = (d: DTypeName) => asarray([...(mk(d).toArray() as never[]), ...(mk(d, 3).toArray() as never[]), ...(mk(d, 5).toArray() as never[])] as never, { dtype: d }).reshape([2, 3, 4]);

interface Row {
  label: string;
  py: string;
  run: () => FastArray;
  opts?: CompareOptions;
}

function check(rows: Row[]): void {
  const res = numpyEval(Object.fromEntries(rows.map((r) => [r.label, r.py])), SETUP);
  for (const r of rows) expectSame(r.run(), res[r.label], r.label, r.opts);
}

const tol = (d: DTypeName, f64: number, f32: number): CompareOptions => ({ rtol: d === 'float32' || d === 'complex64' ? f32 : f64 });

describe('var / std (tolerance: 1e-12 relative for float64, 1e-6 for float32; exact where NumPy is)', () => {
  it('match NumPy on every dtype, axes, keepdims, correction, views', () => {
    const rows: Row[] = [];
    for (const d of DTYPE_NAMES) {
      const o = tol(d, 1e-12, 1e-6);
      rows.push({ label: `var ${d}`, py: `np.var(mk('${d}'))`, run: () => st.var(mk(d)), opts: o });
      rows.push({ label: `std ${d} ddof1`, py: `np.std(mk('${d}'), ddof=1)`, run: () => st.std(mk(d), { correction: 1 }), opts: o });
      rows.push({ label: `var ${d} axis0`, py: `np.var(m2('${d}'), axis=0)`, run: () => st.var(m2(d), { axis: 0 }), opts: o });
      rows.push({ label: `std ${d} axis-1 keep`, py: `np.std(m2('${d}')[:, ::-1], axis=-1, keepdims=True)`, run: () => st.std(m2(d).at(':, ::-1'), { axis: -1, keepdims: true }), opts: o });
    }
    for (const d of FLOATS) {
      const o = tol(d, 1e-12, 1e-6);
      rows.push({ label: `var ${d} axes`, py: `np.var(m3('${d}')[:, ::2], axis=(0, 2))`, run: () => st.var(m3(d).at(':, ::2'), { axis: [0, 2] }), opts: o });
      rows.push({ label: `std ${d} empty axis`, py: `np.std(np.zeros((3, 0), '${d}'), axis=1)`, run: () => st.std(asarray([[], [], []] as never, { dtype: d }), { axis: 1 }), opts: o });
      rows.push({ label: `var ${d} ddof=n`, py: `np.var(np.array([1, 2], '${d}'), ddof=2)`, run: () => st.var(asarray([1, 2], { dtype: d }), { correction: 2 }), opts: o });
      rows.push({ label: `std ${d} 0-d`, py: `np.std(np.array(2.5, '${d}'))`, run: () => st.std(asarray(2.5, { dtype: d })), opts: o });
    }
    check(rows);
  });
});

/** fast accumulates small integers in its default integer (int32; uint32 for unsigned), NumPy in int64: NumPy's call with that dtype. */
const accPy = (d: string): string =>
  ['bool', 'int8', 'int16', 'int32'].includes(d) ? ', dtype=np.int32' : ['uint8', 'uint16', 'uint32'].includes(d) ? ', dtype=np.uint32' : '';

describe('cumulative_sum / cumulative_prod / cumsum / cumprod (exact: same left-to-right order as NumPy)', () => {
  it('match NumPy on every dtype', () => {
    const rows: Row[] = [];
    for (const d of DTYPE_NAMES) {
      rows.push({ label: `csum ${d}`, py: `np.cumulative_sum(mk('${d}')${accPy(d)})`, run: () => st.cumulative_sum(mk(d)), opts: { rtol: d.startsWith('complex') ? 1e-6 : 0 } });
      rows.push({ label: `cprod ${d} init`, py: `np.cumulative_prod(mk('${d}', 2)[::-1], include_initial=True${accPy(d)})`, run: () => st.cumulative_prod(mk(d, 2).at('::-1'), { include_initial: true }), opts: { rtol: d.startsWith('complex') ? 1e-6 : 0 } });
      rows.push({ label: `cumsum ${d} 2d`, py: `np.cumsum(m2('${d}')${accPy(d)})`, run: () => st.cumsum(m2(d)), opts: { rtol: d.startsWith('complex') ? 1e-6 : 0 } });
    }
    for (const d of ['int8', 'uint16', 'float32', 'int64'] as DTypeName[]) {
      rows.push({ label: `csum ${d} axis0 init`, py: `np.cumulative_sum(m2('${d}'), axis=0, include_initial=True${accPy(d)})`, run: () => st.cumulative_sum(m2(d), { axis: 0, include_initial: true }) });
      rows.push({ label: `cprod ${d} axis1 dtype`, py: `np.cumulative_prod(m2('${d}'), axis=1, dtype='${d}')`, run: () => st.cumulative_prod(m2(d), { axis: 1, dtype: d }) });
      rows.push({ label: `cumprod ${d} axis -1`, py: `np.cumprod(m3('${d}')[::-1], axis=-1${accPy(d)})`, run: () => st.cumprod(m3(d).at('::-1'), { axis: -1 }) });
    }
    rows.push({ label: 'csum empty', py: `np.cumulative_sum(np.zeros(0), include_initial=True)`, run: () => st.cumulative_sum(asarray([]), { include_initial: true }) });
    check(rows);
  });
  it('needs an axis for more than one dimension and at least one dimension', () => {
    const res = numpyEval({ nd: `np.cumulative_sum(m2('float64'))`, zd: `np.cumulative_sum(np.array(1.0))` }, SETUP);
    expect(numpyError(res.nd, 'nd').error).toBe('ValueError');
    expect(() => st.cumulative_sum(m2('float64'))).toThrow(ValueError);
    expect(() => st.cumulative_sum(asarray(1))).toThrow(ValueError);
    expect(() => st.cumulative_sum(mk('float64'), { axis: 1 })).toThrow(/axis 1 is out of bounds/);
  });
});

describe('argmin / argmax / nanargmin / nanargmax / count_nonzero (exact; int32 indices for NumPy intp)', () => {
  it('match NumPy (first NaN wins, ties keep the first)', () => {
    const rows: Row[] = [];
    for (const d of DTYPE_NAMES) {
      for (const f of ['argmax', 'argmin'] as const) {
        rows.push({ label: `${f} ${d}`, py: `np.${f}(mk('${d}'))`, run: () => st[f](mk(d)), opts: { dtype: 'int32' } });
        rows.push({ label: `${f} ${d} axis0`, py: `np.${f}(m2('${d}', 1)[::-1], axis=0)`, run: () => st[f](m2(d, 1).at('::-1'), { axis: 0 }), opts: { dtype: 'int32' } });
        rows.push({ label: `${f} ${d} axis-1 keep`, py: `np.${f}(m3('${d}'), axis=-1, keepdims=True)`, run: () => st[f](m3(d), { axis: -1, keepdims: true }), opts: { dtype: 'int32' } });
      }
      rows.push({ label: `count_nonzero ${d}`, py: `np.count_nonzero(mk('${d}'))`, run: () => st.count_nonzero(mk(d)), opts: { dtype: 'int32' } });
      rows.push({ label: `count_nonzero ${d} axes`, py: `np.count_nonzero(m3('${d}'), axis=(0, 2), keepdims=True)`, run: () => st.count_nonzero(m3(d), { axis: [0, 2], keepdims: true }), opts: { dtype: 'int32' } });
    }
    for (const d of FLOATS) {
      rows.push({ label: `nanargmax ${d}`, py: `np.nanargmax(mk('${d}'))`, run: () => st.nanargmax(mk(d)), opts: { dtype: 'int32' } });
      rows.push({ label: `nanargmin ${d} axis1`, py: `np.nanargmin(m2('${d}', 3), axis=1)`, run: () => st.nanargmin(m2(d, 3), { axis: 1 }), opts: { dtype: 'int32' } });
    }
    check(rows);
  });
  it('raise as NumPy on empty input and all-NaN lanes', () => {
    const res = numpyEval({ e: 'np.argmax(np.zeros(0))', n: 'np.nanargmax(np.array([np.nan]))' });
    expect(numpyError(res.e, 'e').error).toBe('ValueError');
    expect(numpyError(res.n, 'n').error).toBe('ValueError');
    expect(() => st.argmax(asarray([]))).toThrow(ValueError);
    expect(() => st.nanargmax(asarray([NaN]))).toThrow(ValueError);
  });
});

describe('nan-reductions (tolerance: 1e-12 relative float64, 1e-6 float32)', () => {
  it('match NumPy', () => {
    const rows: Row[] = [];
    for (const d of [...FLOATS, 'int16', 'uint8'] as DTypeName[]) {
      const o = tol(d, 1e-12, 1e-6);
      for (const f of ['nansum', 'nanmean', 'nanmin', 'nanmax', 'nanvar', 'nanstd'] as const) {
        const acc = f === 'nansum' ? accPy(d) : '';
        rows.push({ label: `${f} ${d}`, py: `np.${f}(mk('${d}')${acc})`, run: () => st[f](mk(d)), opts: o });
        rows.push({ label: `${f} ${d} axis0`, py: `np.${f}(m2('${d}', 1)[:, ::-1], axis=0${acc})`, run: () => st[f](m2(d, 1).at(':, ::-1'), { axis: 0 }), opts: o });
      }
    }
    rows.push({ label: 'nanmean all-nan', py: 'np.nanmean(np.array([[np.nan, 1.0], [np.nan, 2.0]]), axis=0)', run: () => st.nanmean(asarray([[NaN, 1], [NaN, 2]]), { axis: 0 }) });
    rows.push({ label: 'nanmax all-nan', py: 'np.nanmax(np.array([[np.nan, 1.0], [np.nan, 2.0]]), axis=0)', run: () => st.nanmax(asarray([[NaN, 1], [NaN, 2]]), { axis: 0 }) });
    rows.push({ label: 'nanvar ddof', py: 'np.nanvar(np.array([1.0, np.nan, 4.0, 2.5]), ddof=1)', run: () => st.nanvar(asarray([1, NaN, 4, 2.5]), { ddof: 1 }), opts: { rtol: 1e-12 } });
    check(rows);
  });
});

describe('median / quantile / percentile / ptp / average / gradient (tolerance 1e-12 relative; float32 1e-6)', () => {
  it('match NumPy', () => {
    const rows: Row[] = [];
    for (const d of ['float64', 'float32', 'int32', 'uint8', 'int64', 'bool'] as DTypeName[]) {
      const o = tol(d, 1e-12, 1e-6);
      rows.push({ label: `median ${d}`, py: `np.median(mk('${d}'))`, run: () => st.median(mk(d)), opts: o });
      rows.push({ label: `median ${d} axis1`, py: `np.median(m2('${d}', 2), axis=1)`, run: () => st.median(m2(d, 2), { axis: 1 }), opts: o });
      if (d !== 'bool') {
        rows.push({ label: `quantile ${d}`, py: `np.quantile(mk('${d}', 1)[::-1], [0, 0.3, 0.5, 1])`, run: () => st.quantile(mk(d, 1).at('::-1'), [0, 0.3, 0.5, 1]), opts: o });
        rows.push({ label: `percentile ${d} axis0 keep`, py: `np.percentile(m2('${d}', 4), 37.5, axis=0, keepdims=True)`, run: () => st.percentile(m2(d, 4), 37.5, { axis: 0, keepdims: true }), opts: o });
        rows.push({ label: `ptp ${d}`, py: `np.ptp(m2('${d}', 1), axis=0)`, run: () => st.ptp(m2(d, 1), { axis: 0 }), opts: o });
      }
      if (d !== 'bool' && d !== 'int64') rows.push({ label: `gradient ${d}`, py: `np.gradient(mk('${d}', 1))`, run: () => st.gradient(mk(d, 1)) as FastArray, opts: o });
    }
    rows.push({ label: 'median even', py: 'np.median(np.array([3.0, -1.0, 2.0, 10.0]))', run: () => st.median(asarray([3, -1, 2, 10])) });
    for (const d of ['float64', 'float32'] as DTypeName[]) {
      const o = tol(d, 1e-12, 1e-6);
      const py = `np.array([[np.nan, 3, -1, 2], [10, np.nan, np.nan, 4], [np.nan] * 4], dtype=np.${d})`;
      const js = () => asarray([[NaN, 3, -1, 2], [10, NaN, NaN, 4], [NaN, NaN, NaN, NaN]], { dtype: d });
      rows.push({ label: `nanmedian ${d} axis1`, py: `np.nanmedian(${py}, axis=1)`, run: () => st.nanmedian(js(), { axis: 1 }), opts: o });
      rows.push({ label: `nanmedian ${d} axis0 keep`, py: `np.nanmedian(${py}, axis=0, keepdims=True)`, run: () => st.nanmedian(js(), { axis: 0, keepdims: true }), opts: o });
      rows.push({ label: `nanmedian ${d} all`, py: `np.nanmedian(${py})`, run: () => st.nanmedian(js()), opts: o });
      rows.push({ label: `nanmedian ${d} mk`, py: `np.nanmedian(mk('${d}'))`, run: () => st.nanmedian(mk(d)), opts: o });
    }
    rows.push({ label: 'nanmedian int32 axis1', py: "np.nanmedian(m2('int32', 2), axis=1)", run: () => st.nanmedian(m2('int32', 2), { axis: 1 }) });
    rows.push({ label: 'gradient 2d axis0', py: 'np.gradient(np.arange(12.0).reshape(3, 4) ** 2)[0]', run: () => (st.gradient(asarray([[0, 1, 4, 9], [16, 25, 36, 49], [64, 81, 100, 121]])) as FastArray[])[0] });
    rows.push({ label: 'gradient 2d axis1', py: 'np.gradient(np.arange(12.0).reshape(3, 4) ** 2)[1]', run: () => (st.gradient(asarray([[0, 1, 4, 9], [16, 25, 36, 49], [64, 81, 100, 121]])) as FastArray[])[1] });
    rows.push({ label: 'average w', py: 'np.average(np.arange(12.0).reshape(3, 4), axis=1, weights=np.array([1.0, 2.0, 0.5, 3.0]))', run: () => st.average(asarray([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]), { axis: 1, weights: [1, 2, 0.5, 3] }), opts: { rtol: 1e-15 } });
    rows.push({ label: 'average plain', py: 'np.average(m2("int16"))', run: () => st.average(m2('int16')), opts: { rtol: 1e-15 } });
    check(rows);
  });
  it('reject quantiles outside [0, 1] as NumPy', () => {
    const res = numpyEval({ q: 'np.quantile(np.arange(3.0), 1.5)' });
    expect(numpyError(res.q, 'q').error).toBe('ValueError');
    expect(() => st.quantile(asarray([0, 1, 2]), 1.5)).toThrow(ValueError);
    expect(() => st.percentile(asarray([0, 1, 2]), -1)).toThrow(ValueError);
  });
});

// keep the REAL list used (dtype coverage of count_nonzero etc. above uses DTYPE_NAMES)
void REAL;

describe('bincount / digitize / histogram / cov / corrcoef (counts exact; cov/corrcoef 1e-12 relative)', () => {
  it('match NumPy', () => {
    const xs = [3, 0, 1, 3, 7, 1, 1, 0];
    const vals = [-3.5, 0, 2.5, 2.49, 7, 100, NaN, -Infinity, 1];
    const data = [0.5, -1.25, 3, 2.75, 0.5, 9, -4, 1.5, 2, 2, 7.125, -0.5];
    const rows: Row[] = [
      { label: 'bincount', py: `np.bincount(np.array(${JSON.stringify(xs)}))`, run: () => st.bincount(asarray(xs)), opts: { dtype: 'int32' } },
      { label: 'bincount minlength', py: `np.bincount(np.array(${JSON.stringify(xs)}, dtype=np.uint8), minlength=12)`, run: () => st.bincount(asarray(xs, { dtype: 'uint8' }), { minlength: 12 }), opts: { dtype: 'int32' } },
      { label: 'bincount weights', py: `np.bincount(np.array(${JSON.stringify(xs)}), weights=np.linspace(-1, 2, 8))`, run: () => st.bincount(asarray(xs), { weights: asarray([-1, -0.5714285714285714, -0.1428571428571429, 0.2857142857142856, 0.7142857142857142, 1.1428571428571428, 1.5714285714285714, 2]) }), opts: { rtol: 1e-15 } },
      { label: 'digitize', py: `np.digitize(np.array([${vals.map(String).join(', ').replace('NaN', 'np.nan').replace('-Infinity', '-np.inf')}]), np.array([0.0, 1.0, 2.5, 7.0]))`, run: () => st.digitize(asarray(vals), asarray([0, 1, 2.5, 7])), opts: { dtype: 'int32' } },
      { label: 'digitize right dec', py: `np.digitize(np.array([${vals.map(String).join(', ').replace('NaN', 'np.nan').replace('-Infinity', '-np.inf')}]), np.array([7.0, 2.5, 1.0, 0.0]), right=True)`, run: () => st.digitize(asarray(vals), asarray([7, 2.5, 1, 0]), { right: true }), opts: { dtype: 'int32' } },
      { label: 'histogram counts', py: `np.histogram(np.array(${JSON.stringify(data)}), bins=5)[0]`, run: () => st.histogram(asarray(data), { bins: 5 })[0], opts: { dtype: 'int32' } },
      { label: 'histogram edges', py: `np.histogram(np.array(${JSON.stringify(data)}), bins=5)[1]`, run: () => st.histogram(asarray(data), { bins: 5 })[1] },
      { label: 'histogram range', py: `np.histogram(np.array(${JSON.stringify(data)}), bins=3, range=(0, 3))[0]`, run: () => st.histogram(asarray(data), { bins: 3, range: [0, 3] })[0], opts: { dtype: 'int32' } },
      { label: 'histogram edges given', py: `np.histogram(np.array(${JSON.stringify(data)}), bins=np.array([-5.0, 0.0, 0.5, 3.0, 9.0]))[0]`, run: () => st.histogram(asarray(data), { bins: asarray([-5, 0, 0.5, 3, 9]) })[0], opts: { dtype: 'int32' } },
      { label: 'cov', py: `np.cov(np.array(${JSON.stringify(data)}).reshape(3, 4))`, run: () => st.cov(asarray(data).reshape([3, 4])), opts: { rtol: 1e-12 } },
      { label: 'cov 1d', py: `np.cov(np.array(${JSON.stringify(data)}))`, run: () => st.cov(asarray(data)), opts: { rtol: 1e-12 } },
      { label: 'cov cols bias', py: `np.cov(np.array(${JSON.stringify(data)}).reshape(4, 3), rowvar=False, bias=True)`, run: () => st.cov(asarray(data).reshape([4, 3]), { rowvar: false, bias: true }), opts: { rtol: 1e-12 } },
      { label: 'corrcoef', py: `np.corrcoef(np.array(${JSON.stringify(data)}).reshape(3, 4))`, run: () => st.corrcoef(asarray(data).reshape([3, 4])), opts: { rtol: 1e-12 } },
    ];
    check(rows);
  });
  it('reject bad input as NumPy', () => {
    const res = numpyEval({ neg: 'np.bincount(np.array([1, -1]))', mono: 'np.digitize(np.array([1.0]), np.array([0.0, 2.0, 1.0]))', nan: 'np.histogram(np.array([1.0, np.nan]))' });
    for (const k of ['neg', 'mono', 'nan']) expect(numpyError(res[k], k).error).toBe('ValueError');
    expect(() => st.bincount(asarray([1, -1]))).toThrow(ValueError);
    expect(() => st.digitize(asarray([1]), asarray([0, 2, 1]))).toThrow(ValueError);
    expect(() => st.histogram(asarray([1, NaN]))).toThrow(ValueError);
  });
});

describe('FastArray methods of these functions match NumPy', () => {
  it('std, var, argmax, argmin, cumsum, cumprod, cumulative_*, count_nonzero, argsort, nonzero, searchsorted, repeat, take', () => {
    const a = () => m2('float64', 1);
    const rows: Row[] = [
      { label: 'm std', py: "m2('float64', 1).std(axis=1, ddof=1)", run: () => a().std({ axis: 1, correction: 1 }), opts: { rtol: 1e-12 } },
      { label: 'm var', py: "m2('float64', 1).var()", run: () => a().var(), opts: { rtol: 1e-12 } },
      { label: 'm argmax', py: "m2('float64', 1).argmax(axis=0)", run: () => a().argmax({ axis: 0 }), opts: { dtype: 'int32' } },
      { label: 'm argmin', py: "m2('float64', 1).argmin()", run: () => a().argmin(), opts: { dtype: 'int32' } },
      { label: 'm cumsum', py: "m2('float64', 1).cumsum()", run: () => a().cumsum() },
      { label: 'm cumprod', py: "m2('float64', 1).cumprod(axis=1)", run: () => a().cumprod({ axis: 1 }) },
      { label: 'm cumulative_sum', py: "np.cumulative_sum(m2('float64', 1), axis=0)", run: () => a().cumulative_sum({ axis: 0 }) },
      { label: 'm cumulative_prod', py: "np.cumulative_prod(m2('float64', 1), axis=1, include_initial=True)", run: () => a().cumulative_prod({ axis: 1, include_initial: true }) },
      { label: 'm count_nonzero', py: "np.count_nonzero(m2('float64', 1), axis=1)", run: () => a().count_nonzero({ axis: 1 }), opts: { dtype: 'int32' } },
      { label: 'm argsort', py: "m2('float64', 1).argsort(axis=0, stable=True)", run: () => a().argsort({ axis: 0 }), opts: { dtype: 'int32' } },
      { label: 'm nonzero', py: "m2('float64', 1).nonzero()[1]", run: () => a().nonzero()[1], opts: { dtype: 'int32' } },
      { label: 'm searchsorted', py: "np.arange(5.0).searchsorted(m2('float64', 1))", run: () => asarray([0, 1, 2, 3, 4], { dtype: 'float64' }).searchsorted(a()), opts: { dtype: 'int32' } },
      { label: 'm repeat', py: "m2('float64', 1).repeat(2, axis=0)", run: () => a().repeat(2, { axis: 0 }) },
      { label: 'm take', py: "m2('float64', 1).take([1, 0], axis=1)", run: () => a().take([1, 0], { axis: 1 }) },
    ];
    check(rows);
  });
});

describe('what fast leaves to NumPy throws NotSupportedError naming the corner (nd routes it to NumPy)', () => {
  it('complex input to the real-only NumPy statistics, other quantile methods', async () => {
    const { NotSupportedError } = await import('../../common/errors.js');
    const m = await import('../manipulation/manipulation.js');
    const so = await import('../sorting/sorting.js');
    const se = await import('../sets/sets.js');
    const z = mk('complex128');
    const cases: [string, () => unknown][] = [
      ['numpy.median', () => st.median(z)],
      ['numpy.nanmean', () => st.nanmean(z)],
      ['numpy.quantile', () => st.quantile(mk('float64'), 0.5, { method: 'nearest' as never })],
      ['numpy.cov', () => st.cov(z)],
      ['numpy.pad', () => m.pad(mk('float64'), 1, { mode: 'mean' as never })],
      ['numpy.pad.constant', () => m.pad(mk('float64'), 1, { constant_values: [1, 2] as never })],
      ['numpy.insert', () => m.insert(m2('float64'), [0, 1], asarray([1, 2]), { axis: 0 })],
      ['numpy.lexsort', () => so.lexsort([m2('float64')])],
      ['numpy.unique', () => se.unique(m2('float64'), { axis: 0 })],
    ];
    for (const [corner, f] of cases) {
      let err: unknown;
      try {
        f();
      } catch (e) {
        err = e;
      }
      expect(err, corner).toBeInstanceOf(NotSupportedError);
      expect((err as InstanceType<typeof NotSupportedError>).corner).toBe(corner);
    }
  });
});
