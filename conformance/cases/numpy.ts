/**
 * NumPy beyond the standard: functions real code uses, indexing forms, dtype promotion and repr
 * formatting. Names are NumPy's (the standard has none for these), options in a trailing object.
 */
import type { DTypeName } from '../../src/common/dtypes.js';
import type { NdArray } from '../../src/common/ndarray.js';
import type { Case } from '../case.js';
import type { InputSpec } from '../inputs.js';
import { call, items, method } from '../xp.js';
import { kase, one, opts, trial } from './helpers.js';

const f = (shape: number[], extra: Partial<InputSpec> = {}) => one('float64', shape, { domain: 'noedge', ...extra });
const TOL = { ulps: 4, rtol: 1e-12, atol: 1e-12 };
const LOOSE = { rtol: 1e-8, atol: 1e-8 };
const np = (name: string, py: string, run: Case['run'], trials: Case['trials'], extra: Partial<Case> = {}): Case =>
  kase(`numpy.${name}`, py, run, trials, { tol: TOL, ...extra });

const reductions = (name: string, dtypes: readonly DTypeName[], extra: Partial<Case> = {}): Case =>
  np(name, `np.${name}(x, axis=axis)`, (xp, a, p) => call(xp, name, a.x, opts(p, 'axis')), dtypes.flatMap((d) => [
    trial({ x: one(d, [9]) }, { axis: null }),
    trial({ x: one(d, [3, 4]) }, { axis: 1 }),
    trial({ x: one(d, [4, 3], { view: '::-1' }) }, { axis: 0 }),
  ]), extra);

export const NUMPY_CASES: readonly Case[] = [
  np('convolve', 'np.convolve(x1, x2, mode=mode)', (xp, a, p) => call(xp, 'convolve', a.x1, a.x2, { mode: p.mode }), [
    trial({ x1: f([7]), x2: f([3]) }, { mode: 'full' }),
    trial({ x1: f([7]), x2: f([4]) }, { mode: 'same' }),
    trial({ x1: f([3]), x2: f([6]) }, { mode: 'valid' }),
    trial({ x1: one('int32', [6], { domain: 'small' }), x2: one('int32', [3], { domain: 'small' }) }, { mode: 'full' }),
  ]),
  np('correlate', 'np.correlate(x1, x2, mode=mode)', (xp, a, p) => call(xp, 'correlate', a.x1, a.x2, { mode: p.mode }), [
    trial({ x1: f([7]), x2: f([3]) }, { mode: 'valid' }),
    trial({ x1: f([5]), x2: f([3]) }, { mode: 'full' }),
  ]),
  np('einsum', 'np.einsum(sub, x1, x2)', (xp, a, p) => call(xp, 'einsum', p.sub, a.x1, a.x2), [
    trial({ x1: f([3, 4]), x2: f([4, 2]) }, { sub: 'ij,jk->ik' }),
    trial({ x1: f([5]), x2: f([5]) }, { sub: 'i,i->' }),
    trial({ x1: f([2, 3]), x2: f([3]) }, { sub: 'ij,j->i' }),
  ]),
  np('einsum', 'np.einsum(sub, x)', (xp, a, p) => call(xp, 'einsum', p.sub, a.x), [trial({ x: f([4, 4]) }, { sub: 'ii->' }), trial({ x: f([2, 3]) }, { sub: 'ij->ji' })]),
  np('cumsum', 'np.cumsum(x, axis=axis)', (xp, a, p) => call(xp, 'cumsum', a.x, opts(p, 'axis')), [
    trial({ x: one('float64', [8]) }, { axis: null }),
    trial({ x: one('float32', [3, 4], { domain: 'noedge' }) }, { axis: 1 }),
    trial({ x: one('int64', [3, 4]) }, { axis: 0 }),
  ]),
  np('cumsum', 'np.cumsum(x)', (xp, a) => call(xp, 'cumsum', a.x), [trial({ x: one('int8', [6], { domain: 'small' }) })], { defaultInt: true }),
  np('cumprod', 'np.cumprod(x, axis=axis)', (xp, a, p) => call(xp, 'cumprod', a.x, opts(p, 'axis')), [
    trial({ x: one('float64', [8], { domain: 'small' }) }, { axis: null }),
    trial({ x: one('int64', [3, 4], { domain: 'small' }) }, { axis: 1 }),
  ]),
  np('percentile', 'np.percentile(x, q, axis=axis)', (xp, a, p) => call(xp, 'percentile', a.x, p.q, opts(p, 'axis')), [
    trial({ x: f([9]) }, { q: 30, axis: null }),
    trial({ x: f([3, 5]) }, { q: [10, 50, 95], axis: 1 }),
    trial({ x: one('int32', [7]) }, { q: 50, axis: null }),
  ]),
  np('quantile', 'np.quantile(x, q, axis=axis)', (xp, a, p) => call(xp, 'quantile', a.x, p.q, opts(p, 'axis')), [
    trial({ x: f([9]) }, { q: 0.3, axis: null }),
    trial({ x: f([4, 3], { view: '::-1' }) }, { q: [0, 0.5, 1], axis: 0 }),
  ]),
  np('median', 'np.median(x, axis=axis)', (xp, a, p) => call(xp, 'median', a.x, opts(p, 'axis')), [
    trial({ x: f([9]) }, { axis: null }),
    trial({ x: f([8]) }, { axis: null }),
    trial({ x: f([3, 4]) }, { axis: 1 }),
    trial({ x: one('float64', [6]) }, { axis: null }),
  ]),
  reductions('nansum', ['float64', 'float32']),
  reductions('nanmean', ['float64', 'float32']),
  reductions('nanmin', ['float64', 'float32']),
  reductions('nanmax', ['float64', 'float32']),
  reductions('nanstd', ['float64'], { tol: { ulps: 16, rtol: 1e-12 } }),
  reductions('nanvar', ['float64'], { tol: { ulps: 16, rtol: 1e-12 } }),
  reductions('nanargmax', ['float64'], { defaultInt: true }),
  reductions('nanargmin', ['float64'], { defaultInt: true }),
  np('histogram', 'tuple(np.histogram(x, bins=bins))', (xp, a, p) => items(call(xp, 'histogram', a.x, { bins: p.bins }), ['hist', 'bin_edges']), [
    trial({ x: f([20]) }, { bins: 5 }),
    trial({ x: f([20]) }, { bins: [-100, -1, 0, 1, 100] }),
  ], { defaultInt: true }),
  np('bincount', 'np.bincount(x, minlength=m)', (xp, a, p) => call(xp, 'bincount', a.x, { minlength: p.m }), [
    trial({ x: one('int64', [12], { domain: 'nonneg' }) }, { m: 0 }),
    trial({ x: one('int32', [5], { domain: 'shift' }) }, { m: 40 }),
  ], { defaultInt: true }),
  np('bincount', 'np.bincount(x, weights=w)', (xp, a) => call(xp, 'bincount', a.x, { weights: a.w }), [trial({ x: one('int64', [8], { domain: 'nonneg' }), w: f([8]) })]),
  kase('numpy.pad.constant', "np.pad(x, w, mode='constant', constant_values=v)", (xp, a, p) => call(xp, 'pad', a.x, p.w, { mode: 'constant', constant_values: p.v }), [
    trial({ x: f([2, 3]) }, { w: [[1, 2], [0, 1]], v: -1 }),
    trial({ x: one('int32', [4]) }, { w: 2, v: 0 }),
  ]),
  kase('numpy.pad.reflect', "np.pad(x, w, mode='reflect')", (xp, a, p) => call(xp, 'pad', a.x, p.w, { mode: 'reflect' }), [trial({ x: f([5]) }, { w: [2, 3] }), trial({ x: f([3, 4]) }, { w: 1 })]),
  kase('numpy.pad.edge', "np.pad(x, w, mode='edge')", (xp, a, p) => call(xp, 'pad', a.x, p.w, { mode: 'edge' }), [trial({ x: f([5]) }, { w: [2, 3] }), trial({ x: one('uint8', [2, 3]) }, { w: [[1, 0], [2, 1]] })]),
  np('interp', 'np.interp(q, xs, fs)', (xp, a) => call(xp, 'interp', a.q, a.xs, a.fs), [
    trial({ q: one('float64', [9], { domain: 'small' }), xs: one('float64', [5], { values: [-3, -1, 0.5, 2, 6] }), fs: f([5]) }),
  ]),
  np('polyfit', 'np.polyfit(x, y, deg)', (xp, a, p) => call(xp, 'polyfit', a.x, a.y, p.deg), [
    trial({ x: one('float64', [8], { values: [0, 1, 2, 3, 4, 5, 6, 7] }), y: f([8]) }, { deg: 2 }),
    trial({ x: one('float64', [5], { values: [-2, -1, 0, 1, 2] }), y: f([5]) }, { deg: 1 }),
  ], { tol: LOOSE }),
  np('polyval', 'np.polyval(c, x)', (xp, a) => call(xp, 'polyval', a.c, a.x), [trial({ c: f([4]), x: f([6]) })]),
  kase('numpy.random.generator-random', 'np.random.default_rng(seed).random(n)', (xp, _a, p) => method(call(xp, 'random.default_rng', p.seed), 'random', p.n), [trial({}, { seed: 0, n: 5 }), trial({}, { seed: 12345, n: 3 })]),
  kase('numpy.random.generator-integers', 'np.random.default_rng(seed).integers(lo, hi, n)', (xp, _a, p) => method(call(xp, 'random.default_rng', p.seed), 'integers', p.lo, p.hi, p.n), [trial({}, { seed: 0, lo: 0, hi: 10, n: 6 }), trial({}, { seed: 7, lo: -5, hi: 1000, n: 4 })], { defaultInt: true }),
  kase('numpy.random.generator-normal', 'np.random.default_rng(seed).normal(size=n)', (xp, _a, p) => method(call(xp, 'random.default_rng', p.seed), 'normal', { size: p.n }), [trial({}, { seed: 0, n: 5 })]),
  np('average', 'np.average(x, axis=axis, weights=w)', (xp, a, p) => call(xp, 'average', a.x, { axis: p.axis, weights: a.w }), [trial({ x: f([3, 4]), w: one('float64', [4], { domain: 'positive' }) }, { axis: 1 })]),
  np('ptp', 'np.ptp(x, axis=axis)', (xp, a, p) => call(xp, 'ptp', a.x, opts(p, 'axis')), [trial({ x: f([3, 4]) }, { axis: 0 }), trial({ x: one('int16', [7], { domain: 'small' }) }, { axis: null })]),
  np('dot', 'np.dot(x1, x2)', (xp, a) => call(xp, 'dot', a.x1, a.x2), [
    trial({ x1: f([5]), x2: f([5]) }),
    trial({ x1: f([3, 4]), x2: f([4]) }),
    trial({ x1: f([3, 4]), x2: f([4, 2], { view: '::-1' }) }),
  ]),
  np('vdot', 'np.vdot(x1, x2)', (xp, a) => call(xp, 'vdot', a.x1, a.x2), [trial({ x1: one('complex128', [4], { domain: 'noedge' }), x2: one('complex128', [4], { domain: 'noedge' }) }), trial({ x1: f([2, 3]), x2: f([6]) })]),
  np('inner', 'np.inner(x1, x2)', (xp, a) => call(xp, 'inner', a.x1, a.x2), [trial({ x1: f([2, 3]), x2: f([4, 3]) })]),
  np('kron', 'np.kron(x1, x2)', (xp, a) => call(xp, 'kron', a.x1, a.x2), [trial({ x1: f([2, 2]), x2: one('float64', [2, 3], { domain: 'small' }) }), trial({ x1: one('int32', [3], { domain: 'small' }), x2: one('int32', [2], { domain: 'small' }) })]),
  np('trace', 'np.trace(x, offset=k)', (xp, a, p) => call(xp, 'trace', a.x, { offset: p.k }), [trial({ x: f([3, 4]) }, { k: 0 }), trial({ x: f([4, 4]) }, { k: -1 })]),
  np('diag', 'np.diag(x, k=k)', (xp, a, p) => call(xp, 'diag', a.x, { k: p.k }), [trial({ x: f([3, 4]) }, { k: 1 }), trial({ x: one('int32', [3]) }, { k: 0 }), trial({ x: f([3]) }, { k: -1 })]),
  np('allclose', 'np.allclose(x1, x2)', (xp, a) => call(xp, 'allclose', a.x1, a.x2), [
    trial({ x1: f([5], { values: [1, 2, 3, 4, 5] }), x2: f([5], { values: [1, 2, 3, 4, 5.000001] }) }),
    trial({ x1: f([3], { values: [1, NaN, 3] }), x2: f([3], { values: [1, NaN, 3] }) }),
    trial({ x1: f([3]), x2: f([3]) }),
  ]),
  np('isclose', 'np.isclose(x1, x2)', (xp, a) => call(xp, 'isclose', a.x1, a.x2), [
    trial({ x1: f([6], { values: [1, 2, NaN, Infinity, 0, 1e-9] }), x2: f([6], { values: [1.00001, 2.1, NaN, Infinity, 1e-9, 0] }) }),
  ]),
  np('around', 'np.around(x, decimals=d)', (xp, a, p) => call(xp, 'around', a.x, { decimals: p.d }), [
    trial({ x: f([8], { values: [0.5, 1.5, 2.5, -0.5, 1.25, 2.675, -3.14159, 1234.5678] }) }, { d: 0 }),
    trial({ x: f([8], { values: [0.5, 1.5, 2.5, -0.5, 1.25, 2.675, -3.14159, 1234.5678] }) }, { d: 2 }),
    trial({ x: f([3], { values: [1234.5678, 15, -25] }) }, { d: -1 }),
  ], { tol: { ulps: 1, signedZeros: true } }),
  np('nan_to_num', 'np.nan_to_num(x)', (xp, a) => call(xp, 'nan_to_num', a.x), [trial({ x: one('float64', [9]) }), trial({ x: one('float32', [9]) })]),
  np('gradient', 'np.gradient(x)', (xp, a) => call(xp, 'gradient', a.x), [trial({ x: f([7]) }), trial({ x: f([3, 4]) })]),
  np('unique', 'tuple(np.unique(x, return_counts=True))', (xp, a) => items(call(xp, 'unique', a.x, { return_counts: true }), ['values', 'counts']), [trial({ x: one('int32', [12], { domain: 'small' }) })], { defaultInt: true }),
  np('argwhere', 'np.argwhere(x)', (xp, a) => call(xp, 'argwhere', a.x), [trial({ x: one('int8', [3, 4], { domain: 'unit' }) })], { defaultInt: true }),
  np('flatnonzero', 'np.flatnonzero(x)', (xp, a) => call(xp, 'flatnonzero', a.x), [trial({ x: one('float64', [3, 4], { domain: 'unit' }) })], { defaultInt: true }),
  np('lexsort', 'np.lexsort((k1, k2))', (xp, a) => call(xp, 'lexsort', [a.k1, a.k2]), [trial({ k1: one('int32', [10], { domain: 'small' }), k2: one('int32', [10], { domain: 'unit' }) })], { defaultInt: true }),
  np('partition', 'np.partition(x, k)[k]', (xp, a, p) => (call(xp, 'partition', a.x, p.k) as NdArray).at(p.k as number), [trial({ x: f([11]) }, { k: 4 }), trial({ x: one('int32', [9]) }, { k: 0 })]),
  np('argpartition', 'x[np.argpartition(x, k)[k]]', (xp, a, p) => a.x.at(Number((call(xp, 'argpartition', a.x, p.k) as NdArray).get(p.k as number))), [trial({ x: f([11]) }, { k: 6 })]),
  np('digitize', 'np.digitize(x, bins)', (xp, a) => call(xp, 'digitize', a.x, a.bins), [trial({ x: one('float64', [9], { domain: 'small' }), bins: f([4], { values: [-5, 0, 2.5, 7] }) })], { defaultInt: true }),
  np('ravel', 'np.ravel(x)', (xp, a) => call(xp, 'ravel', a.x), [trial({ x: one('float64', [3, 4], { view: '::-1, ::2' }) }), trial({ x: one('int8', [2, 3, 2]) })]),
  np('swapaxes', 'np.swapaxes(x, 0, 2)', (xp, a) => call(xp, 'swapaxes', a.x, 0, 2), [trial({ x: one('float64', [2, 3, 4]) })]),
  np('split', 'np.split(x, s)', (xp, a, p) => call(xp, 'split', a.x, p.s), [trial({ x: f([6]) }, { s: 3 }), trial({ x: f([6]) }, { s: [1, 4] })]),
  np('array_split', 'np.array_split(x, s)', (xp, a, p) => call(xp, 'array_split', a.x, p.s), [trial({ x: f([7]) }, { s: 3 })]),
  np('hstack', 'np.hstack((x1, x2))', (xp, a) => call(xp, 'hstack', [a.x1, a.x2]), [trial({ x1: f([3]), x2: f([2]) }), trial({ x1: f([2, 2]), x2: f([2, 3]) })]),
  np('vstack', 'np.vstack((x1, x2))', (xp, a) => call(xp, 'vstack', [a.x1, a.x2]), [trial({ x1: f([3]), x2: f([3]) })]),
  np('column_stack', 'np.column_stack((x1, x2))', (xp, a) => call(xp, 'column_stack', [a.x1, a.x2]), [trial({ x1: f([3]), x2: f([3]) })]),
  np('concatenate-axis-none', 'np.concatenate((x1, x2), axis=None)', (xp, a) => call(xp, 'concatenate', [a.x1, a.x2], { axis: null }), [trial({ x1: f([2, 2]), x2: f([3]) })]),
  np('append', 'np.append(x1, x2, axis=axis)', (xp, a, p) => call(xp, 'append', a.x1, a.x2, opts(p, 'axis')), [trial({ x1: f([2, 2]), x2: f([3]) }, { axis: null }), trial({ x1: f([2, 2]), x2: f([1, 2]) }, { axis: 0 })]),
  np('insert', 'np.insert(x, i, v)', (xp, a, p) => call(xp, 'insert', a.x, p.i, p.v), [trial({ x: f([5]) }, { i: 2, v: -7.5 })]),
  np('delete', 'np.delete(x, i, axis=axis)', (xp, a, p) => call(xp, 'delete', a.x, p.i, opts(p, 'axis')), [trial({ x: f([4, 3]) }, { i: [0, 2], axis: 0 }), trial({ x: f([5]) }, { i: 1, axis: null })]),
  np('logspace', 'np.logspace(a, b, n)', (xp, _a, p) => call(xp, 'logspace', p.a, p.b, p.n), [trial({}, { a: 0, b: 2, n: 5 }), trial({}, { a: -1, b: 1, n: 4 })]),
  np('geomspace', 'np.geomspace(a, b, n)', (xp, _a, p) => call(xp, 'geomspace', p.a, p.b, p.n), [trial({}, { a: 1, b: 1000, n: 4 }), trial({}, { a: 2, b: 0.5, n: 5 })]),
  np('identity', 'np.identity(n)', (xp, _a, p) => call(xp, 'identity', p.n), [trial({}, { n: 3 }), trial({}, { n: 0 })]),
  np('vander', 'np.vander(x, n)', (xp, a, p) => call(xp, 'vander', a.x, p.n), [trial({ x: f([4]) }, { n: 3 })]),
  np('tri', 'np.tri(n, m, k=k)', (xp, _a, p) => call(xp, 'tri', p.n, p.m, { k: p.k }), [trial({}, { n: 3, m: 4, k: 1 })]),
  np('cov', 'np.cov(x)', (xp, a) => call(xp, 'cov', a.x), [trial({ x: f([3, 6]) })], { tol: LOOSE }),
  np('corrcoef', 'np.corrcoef(x)', (xp, a) => call(xp, 'corrcoef', a.x), [trial({ x: f([3, 6]) })], { tol: LOOSE }),
  kase('numpy.linalg.norm', 'np.linalg.norm(x, ord=ord)', (xp, a, p) => call(xp, 'linalg.norm', a.x, opts(p, 'ord')), [
    trial({ x: f([6]) }, { ord: null }),
    trial({ x: f([3, 4]) }, { ord: null }),
    trial({ x: f([3, 4]) }, { ord: 1 }),
    trial({ x: f([3, 4]) }, { ord: 'fro' }),
  ], { tol: LOOSE }),
  kase('numpy.linalg.lstsq', 'np.linalg.lstsq(x1, x2, rcond=None)[0]', (xp, a) => items(call(xp, 'linalg.lstsq', a.x1, a.x2, { rcond: null }), ['x', 'residuals', 'rank', 's'])[0], [trial({ x1: f([5, 2]), x2: f([5]) })], { tol: LOOSE }),
  kase('numpy.linalg.cond', 'np.linalg.cond(x)', (xp, a) => call(xp, 'linalg.cond', a.x), [trial({ x: one('float64', [3, 3], { values: [4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2] }) })], { tol: LOOSE }),
  kase('numpy.fft.fft2', 'np.fft.fft2(x)', (xp, a) => call(xp, 'fft.fft2', a.x), [trial({ x: f([4, 6]) })], { tol: LOOSE }),
  np('select', 'np.select([c1, c2], [x1, x2], default=0)', (xp, a) => call(xp, 'select', [a.c1, a.c2], [a.x1, a.x2], { default: 0 }), [trial({ c1: one('bool', [6]), c2: one('bool', [6]), x1: f([6]), x2: f([6]) })]),
  np('matmul-batched', 'np.matmul(x1, x2)', (xp, a) => call(xp, 'matmul', a.x1, a.x2), [trial({ x1: f([2, 1, 3, 4]), x2: f([3, 4, 2]) })]),

  // indexing forms: the same index string on both sides
  ...([
    ['basic-slice', 'float64', [4, 5], ['1:3, ::2', '-1:, 1:-1']],
    ['negative-step', 'int32', [6, 3], ['::-1', '4:0:-2, ::-1', '::-3, -1']],
    ['newaxis', 'float32', [3, 4], ['None, :, None', '..., None']],
    ['ellipsis', 'int16', [2, 3, 4], ['..., 0', '0, ...', '1, ..., ::2']],
    ['integer-scalar', 'float64', [3, 4], ['1, -1', '-3']],
    ['integer-arrays-broadcast', 'float64', [3, 4], ['[0, 1], [2, 0]']],
    ['advanced-separated', 'int32', [2, 3, 4], ['[0, 1], :, [1, 0]', '[1], 1:, [3, 2, 0]']],
  ] as const).map(([name, dtype, shape, idxs]) =>
    kase(`indexing.${name}`, "eval('x[' + idx + ']')", (_xp, a, p) => a.x.at(p.idx as string), idxs.map((idx) => trial({ x: one(dtype, [...shape]) }, { idx }))),
  ),
  kase('indexing.boolean-mask', 'x[x > 0]', (_xp, a) => a.x.at(a.x.gt(0)), [trial({ x: one('float64', [3, 4]) }), trial({ x: one('int8', [7], { view: '::-1' }) })]),
  kase('indexing.boolean-mask', 'x[m]', (_xp, a) => a.x.at(a.m), [trial({ x: one('float64', [3, 4]), m: one('bool', [3, 4]) }), trial({ x: one('int32', [4, 2]), m: one('bool', [4]) })]),
  kase('indexing.integer-arrays-broadcast', 'x[i0, i1]', (_xp, a) => a.x.at(a.i0, a.i1), [
    trial({ x: one('float64', [3, 4]), i0: one('int64', [2, 1], { values: [0n, 2n] }), i1: one('int64', [3], { values: [1n, 3n, -1n] }) }),
  ]),
  kase('indexing.integer-array', 'x[[2, 0, 2]]', (_xp, a) => a.x.at([2, 0, 2]), [trial({ x: one('float64', [3, 4]) }), trial({ x: one('uint8', [5], { view: '::-1' }) })]),
  kase('indexing.fancy-assign', '(lambda y: (y.__setitem__([0, 2], v), y)[1])(x.copy())', (_xp, a, p) => {
    const y = a.x.copy();
    y.set('[0, 2]', p.v as number);
    return y;
  }, [trial({ x: one('float64', [4, 3]) }, { v: -1.25 }), trial({ x: one('int32', [5]) }, { v: 9 })]),
  kase('indexing.boolean-mask-assign', '(lambda y: (y.__setitem__(y < 0, 0), y)[1])(x.copy())', (_xp, a) => {
    const y = a.x.copy();
    y.set(y.lt(0), 0);
    return y;
  }, [trial({ x: one('float64', [3, 4]) }), trial({ x: one('int16', [6]) })]),
  kase('indexing.slice-assign-broadcast', '(lambda y: (y.__setitem__((slice(None), slice(1, 3)), r), y)[1])(x.copy())', (_xp, a) => {
    const y = a.x.copy();
    y.set(':, 1:3', a.r);
    return y;
  }, [trial({ x: one('float64', [3, 4]), r: one('float64', [2]) }), trial({ x: one('int32', [2, 5]), r: one('int32', [2, 1]) })]),
  kase('indexing.out-of-bounds', 'x[10]', (_xp, a) => a.x.at(10), [trial({ x: one('float64', [4]) })], { expectError: true }),

  // dtype promotion (NumPy 2 / NEP 50)
  ...([
    ['int8-uint8', 'int8', 'uint8'],
    ['int64-uint64', 'int64', 'uint64'],
    ['int32-float32', 'int32', 'float32'],
    ['bool-int8', 'bool', 'int8'],
    ['uint8-int32', 'uint8', 'int32'],
    ['int16-uint32', 'int16', 'uint32'],
    ['float32-complex64', 'float32', 'complex64'],
    ['float64-complex64', 'float64', 'complex64'],
    ['uint64-float32', 'uint64', 'float32'],
  ] as const).map(([name, d1, d2]) =>
    kase(`dtype.promotion.${name}`, 'x1 + x2', (_xp, a) => a.x1.add(a.x2), [trial({ x1: one(d1, [6], { domain: 'small' }), x2: one(d2, [6], { domain: 'small' }) })], { tol: { ulps: 1 } }),
  ),
  kase('dtype.weak-scalar.int-array-plus-int', 'x + s', (_xp, a, p) => a.x.add(p.s as number), [trial({ x: one('int8', [6], { domain: 'small' }) }, { s: 3 }), trial({ x: one('uint16', [4]) }, { s: 7 })]),
  kase('dtype.weak-scalar.float32-plus-float', 'x + s', (_xp, a, p) => a.x.add(p.s as number), [trial({ x: one('float32', [6]) }, { s: 0.1 })]),
  kase('dtype.weak-scalar.int-array-plus-float', 'x + s', (_xp, a, p) => a.x.add(p.s as number), [trial({ x: one('int16', [6], { domain: 'small' }) }, { s: 2.5 })]),
  kase('dtype.int-true-division', 'x1 / x2', (_xp, a) => a.x1.div(a.x2), [trial({ x1: one('int32', [6], { domain: 'small' }), x2: one('int32', [6], { domain: 'nonzero' }) })]),
  kase('dtype.integer-overflow-wraps', 'x + s', (_xp, a, p) => a.x.add(p.s as number), [
    trial({ x: one('int8', [3], { values: [127, -128, 100] }) }, { s: 1 }),
    trial({ x: one('uint8', [3], { values: [0, 255, 1] }) }, { s: 255 }),
    trial({ x: one('int32', [2], { values: [2147483647, -2147483648] }) }, { s: 1 }),
  ]),
  kase('dtype.astype.float-to-int-truncates', "x.astype('int32')", (_xp, a) => a.x.astype('int32'), [trial({ x: one('float64', [6], { values: [-2.7, 2.7, -0.5, 0.5, 1000.9, -0] }) })]),
  kase('dtype.astype.bool', "x.astype('bool')", (_xp, a) => a.x.astype('bool'), [trial({ x: one('float64', [6], { values: [0, -0, NaN, 0.1, Infinity, -3] }) }), trial({ x: one('int8', [4], { values: [0, 1, -1, 0] }) })]),

  // repr formatting
  ...([
    ['float64', one('float64', [3], { values: [1, -2.5, 0] })],
    ['float32', one('float32', [3], { values: [0.1, 2, -3.5] })],
    ['int32', one('int32', [4], { values: [1, -20, 300, 0] })],
    ['int64', one('int64', [3], { values: [1n, -2n, 3n] })],
    ['uint8', one('uint8', [3], { values: [0, 128, 255] })],
    ['bool', one('bool', [2], { values: [true, false] })],
    ['complex128', one('complex128', [2], { values: [{ re: 1, im: 2 }, { re: 0, im: -1 }] })],
    ['2d', one('float64', [2, 3], { values: [0, 1.5, -2, 3.25, 4, 5] })],
    ['nan-inf', one('float64', [4], { values: [NaN, Infinity, -Infinity, 1] })],
    ['empty', one('float64', [0])],
    ['zero-d', one('float64', [], { values: [3.5] })],
    ['summarised', one('float64', [2000], { domain: 'noedge' })],
  ] as const).map(([name, input]) => kase(`repr.${name}`, 'repr(x)', (_xp, a) => String(a.x), [trial({ x: input })])),
];
