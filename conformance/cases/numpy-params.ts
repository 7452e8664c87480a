/**
 * Cases for NumPy's own parameters of catalogued functions (spec/numpy-params.ts): reductions' out,
 * initial and where, creation and manipulation keywords, dtype spellings, and nd's calling conventions.
 * NumPy users write most of these positionally: nd and compat are called both ways.
 */
import type { Case } from '../case.js';
import type { InputSpec } from '../inputs.js';
import { call } from '../xp.js';
import { one, trial } from './helpers.js';
import { $, $dt, outCase, orderCase, paramCase, type Arg, type Kw, type ParamCaseSpec } from './param-kit.js';
import { reductionOut } from './std-params.js';

const f = (shape: number[], extra: Partial<InputSpec> = {}): InputSpec => one('float64', shape, { domain: 'noedge', ...extra });
const X = $('x');
const M = $('m');
const LOOSE = { rtol: 1e-9, atol: 1e-9 };
const P = (corner: string, fn: string, args: readonly Arg[], kw: Kw, inputs: Record<string, InputSpec>, more: Partial<ParamCaseSpec> = {}): Case =>
  paramCase({ corner, fn, args, kw, trials: [trial(inputs)], ...more });

const small = (shape: number[]) => one('float64', shape, { domain: 'finite' });
const mask = (shape: number[]) => one('bool', shape);

function reductionExtras(): Case[] {
  const out: Case[] = [];
  for (const n of ['sum', 'prod', 'max', 'min']) {
    out.push(reductionOut('statistical', n));
    // an initial value beyond every element, so that it is the answer of max/min
    const initial = n === 'max' ? 1e6 : n === 'min' ? -1e6 : 100;
    const mixedArgs: Arg[] = n === 'max' || n === 'min' ? [X, null, null, false] : [X, null, null, null, false];
    out.push(P(`statistical.${n}.initial`, n, [X], { initial }, { x: small([3, 4]) }, { mixed: [mixedArgs, { initial }], extra: { tol: LOOSE } }));
    const needsInitial = n === 'max' || n === 'min';
    // max/min: the extreme element is masked out
    const xm = needsInitial
      ? { x: one('float64', [2, 3], { values: n === 'max' ? [1, 9, 3, 4, 2, 2.5] : [5, -9, 3, 4, 2, 2.5] }), m: one('bool', [2, 3], { values: [true, false, true, true, true, false] }) }
      : { x: small([3, 4]), m: mask([3, 4]) };
    out.push(P(`statistical.${n}.where`, n, [X], needsInitial ? { initial: n === 'max' ? -1e6 : 1e6, where: M } : { where: M }, xm, { extra: { tol: LOOSE } }));
  }
  for (const n of ['mean', 'std', 'var']) {
    out.push(reductionOut('statistical', n));
    out.push(P(`statistical.${n}.where`, n, [X], { where: M }, { x: small([3, 4]), m: mask([3, 4]) }, { extra: { tol: LOOSE } }));
    out.push(P(`statistical.${n}.dtype`, n, [X], { dtype: 'float32' }, { x: f([3, 4]) }, { pos: [X, null, 'float32'], extra: { tol: { rtol: 1e-6 } } }));
  }
  out.push(P('statistical.std.ddof', 'std', [X], { ddof: 1 }, { x: small([6]) }, { pos: [X, null, null, null, 1], fastKw: { correction: 1 }, extra: { tol: LOOSE } }));
  out.push(P('statistical.var.ddof', 'var', [X], { ddof: 1 }, { x: small([6]) }, { pos: [X, null, null, null, 1], fastKw: { correction: 1 }, extra: { tol: LOOSE } }));
  for (const n of ['all', 'any']) {
    out.push(reductionOut('utility', n, 'int8'));
    // the one element that decides the answer is masked out
    const values = n === 'all' ? [1, 1, 0, 1] : [0, 0, 1, 0];
    out.push(P(`utility.${n}.where`, n, [X], { where: M }, { x: one('int8', [4], { values }), m: one('bool', [4], { values: [true, true, false, true] }) }));
  }
  out.push(reductionOut('searching', 'argmax', 'float64', { defaultInt: true }));
  out.push(reductionOut('searching', 'argmin', 'float64', { defaultInt: true }));
  out.push(reductionOut('statistical', 'cumulative_sum'));
  out.push(reductionOut('statistical', 'cumulative_prod'));
  return out;
}

/** dtype spellings: NumPy's names, type codes, aliases and the runtime's dtype objects. */
const SPELLINGS: readonly Arg[] = ['f4', '<f8', 'i8', 'u1', 'int', 'float', 'complex', 'double', 'uint', 'i2', 'c8', '?', $dt('float32'), $dt('int16')];

function spellingCase(corner: string, fn: string, args: (s: Arg) => readonly Arg[], kwOf: (s: Arg) => Kw, inputs: Record<string, InputSpec>, pos?: (s: Arg) => readonly Arg[]): Case[] {
  // spellings are about how a dtype is named: the same dtype spelled two ways must give one answer, so
  // there is no 'left out' form to differ from (params.test.ts exempts these corners)
  return SPELLINGS.map((s) => ({
    ...paramCase({
      corner,
      fn,
      args: args(s),
      kw: kwOf(s),
      param: 'dtype',
      pos: pos?.(s),
      view: { py: '[r, str(r.dtype)]', js: (r) => [r, String((r as { dtype: unknown }).dtype)] },
      trials: [trial(inputs, undefined, `dtype spelled ${typeof s === 'string' ? JSON.stringify(s) : `the ${s && typeof s === 'object' && '$dtype' in s ? s.$dtype : '?'} object`}`)],
      ignoredArgs: args(s),
      extra: { tol: { rtol: 1e-6 } },
    }),
    ignored: undefined,
  }));
}

export const NUMPY_PARAM_CASES: readonly Case[] = [
  ...reductionExtras(),

  // creation and manipulation
  P('creation.linspace.num', 'linspace', [0, 1], { num: 4 }, {}, { pos: [0, 1, 4] }),
  P('creation.linspace.retstep', 'linspace', [0, 1, 5], { retstep: true }, {}, { fields: ['samples', 'step'], pos: [0, 1, 5, true, true] }),
  P('creation.eye.M', 'eye', [3], { M: 5 }, {}, { pos: [3, 5], fastArgs: [3, 5], fastKw: {} }),
  orderCase({ corner: 'creation.full.order', fn: 'full', args: [[3, 4], 1.5], kw: { order: 'F' }, pos: [[3, 4], 1.5, null, 'F'], trials: [trial({})] }),
  orderCase({ corner: 'creation.zeros.order', fn: 'zeros', args: [[3, 4]], kw: { order: 'F' }, pos: [[3, 4], null, 'F'], trials: [trial({})] }),
  P('creation.meshgrid.sparse', 'meshgrid', [$('x1'), $('x2')], { sparse: true }, { x1: f([3]), x2: f([4]) }),
  P('elementwise.round.decimals', 'round', [X], { decimals: -1 }, { x: f([6], { values: [1234.5678, 15, -25, 4.9, 55, 0.1] }) }, { pos: [X, -1] }),
  outCase({ corner: 'elementwise.round.out', fn: 'round', args: [X], kw: { decimals: 1 }, trials: [trial({ x: f([3, 4]) })] }),
  P('elementwise.clip.a_min', 'clip', [X], { a_min: -0.5, a_max: null }, { x: f([9], { domain: 'unit' }) }, { pos: [X, -0.5, null], fastKw: { min: -0.5 } }),
  P('elementwise.clip.a_max', 'clip', [X], { a_min: null, a_max: 0.5 }, { x: f([9], { domain: 'unit' }) }, { pos: [X, null, 0.5], fastKw: { max: 0.5 } }),
  outCase({ corner: 'elementwise.clip.out', fn: 'clip', args: [X], kw: { min: -0.5, max: 0.5 }, trials: [trial({ x: f([3, 4], { domain: 'unit' }) })] }),
  P('indexing.take.mode', 'take', [X, $('i')], { mode: 'clip' }, { x: f([5]), i: one('int64', [3], { values: [0n, 9n, -7n] }) }, { pos: [X, $('i'), null, null, 'clip'] }),
  outCase({ corner: 'indexing.take.out', fn: 'take', args: [X, $('i')], kw: { axis: 0 }, trials: [trial({ x: f([4, 3]), i: one('int64', [2], { values: [3n, 1n] }) })] }),
  P('manipulation.reshape.order', 'reshape', [X, [3, 2]], { order: 'F' }, { x: f([2, 3]) }, { pos: [X, [3, 2], 'F'] }),
  P('manipulation.concat.dtype', 'concat', [[$('x1'), $('x2')]], { dtype: 'float32' }, { x1: f([3]), x2: f([2]) }),
  outCase({ corner: 'manipulation.concat.out', fn: 'concat', args: [[$('x1'), $('x2')]], trials: [trial({ x1: f([2, 3]), x2: f([1, 3]) })] }),
  P('manipulation.stack.dtype', 'stack', [[$('x1'), $('x2')]], { dtype: 'float32' }, { x1: f([3]), x2: f([3]) }),
  P('sorting.sort.kind', 'sort', [$('k')], { kind: 'stable' }, { k: one('int8', [64], { domain: 'unit' }) }, { view: { py: 'r', js: (r) => r } }),
  P('sorting.argsort.kind', 'argsort', [X], { kind: 'stable' }, { x: one('int8', [64], { domain: 'unit' }) }, { pos: [X, -1, 'stable'], extra: { defaultInt: true } }),
  P('linalg.svd.compute_uv', 'linalg.svd', [X], { compute_uv: false }, { x: f([4, 3]) }, { view: { py: '[r] if not isinstance(r, tuple) else [list(x.shape) for x in r]', js: (r) => [r] }, extra: { tol: LOOSE } }),
  P('linalg.eigh.UPLO', 'linalg.eigh', [X], { UPLO: 'U' }, { x: one('float64', [3, 3], { values: [2, 7, -1, 0.5, 3, 4, -2, 1, 5] }) }, { pos: [X, 'U'], fields: ['eigenvalues', 'eigenvectors'], view: { py: 'r[0]', js: (r) => (r as unknown[])[0] }, extra: { tol: LOOSE } }),
  P('linalg.pinv.hermitian', 'linalg.pinv', [X], { hermitian: true }, { x: one('float64', [3, 3], { values: [2, 7, -1, 0.5, 3, 4, -2, 1, 5] }) }, { extra: { tol: LOOSE } }),
  P('numpy.bincount.weights', 'bincount', [X], { weights: $('w') }, { x: one('int64', [8], { domain: 'nonneg' }), w: f([8]) }, { pos: [X, $('w')], extra: { tol: LOOSE } }),
  P('numpy.bincount.minlength', 'bincount', [X], { minlength: 30 }, { x: one('int64', [8], { domain: 'nonneg' }) }, { pos: [X, null, 30], extra: { defaultInt: true } }),
  P('numpy.ravel.order', 'ravel', [X], { order: 'F' }, { x: f([2, 3]) }, { pos: [X, 'F'] }),
  P('numpy.diag.k', 'diag', [X], { k: -1 }, { x: f([3, 3]) }, { pos: [X, -1] }),
  P('numpy.around.decimals', 'around', [X], { decimals: 1 }, { x: f([6]) }, { pos: [X, 1], extra: { tol: { ulps: 1 } } }),
  P('numpy.cumsum.axis', 'cumsum', [X], { axis: 1 }, { x: f([3, 4]) }, { pos: [X, 1], extra: { tol: LOOSE } }),
  P('numpy.cumsum.dtype', 'cumsum', [X], { dtype: 'float32' }, { x: one('int16', [6], { domain: 'small' }) }, { pos: [X, null, 'float32'] }),
  outCase({ corner: 'numpy.cumsum.out', fn: 'cumsum', args: [X], kw: { axis: 0 }, trials: [trial({ x: f([3, 4]) })], extra: { tol: LOOSE } }),
  P('numpy.percentile.method', 'percentile', [X, 40], { method: 'nearest' }, { x: f([9]) }, { extra: { tol: LOOSE } }),
  P('numpy.median.keepdims', 'median', [X], { axis: 1, keepdims: true }, { x: f([3, 4]) }, { pos: [X, 1, null, false, true], extra: { tol: LOOSE } }),
  P('numpy.histogram.range', 'histogram', [X, 4], { range: [-1, 1] }, { x: f([20], { domain: 'small' }) }, { fields: ['hist', 'bin_edges'], pos: [X, 4, [-1, 1]], fastArgs: [X], fastKw: { bins: 4, range: [-1, 1] }, extra: { defaultInt: true, tol: LOOSE } }),
  P('numpy.histogram.density', 'histogram', [X, 4], { density: true }, { x: f([20]) }, { fields: ['hist', 'bin_edges'], mixed: [[X, 4], { density: true }], fastArgs: [X], fastKw: { bins: 4, density: true }, extra: { tol: LOOSE } }),
  P('numpy.pad.constant.mode', 'pad', [X, 1], { mode: 'constant', constant_values: -1 }, { x: f([3]) }, { param: 'constant_values', mixed: [[X, 1, 'constant'], { constant_values: -1 }] }),
  P('numpy.pad.reflect.mode', 'pad', [X, 2], { mode: 'reflect' }, { x: f([4]) }, { pos: [X, 2, 'reflect'] }),
  P('numpy.pad.edge.mode', 'pad', [X, 1], { mode: 'edge' }, { x: f([2, 3]) }, { pos: [X, 1, 'edge'] }),
  P('numpy.unique.return_index', 'unique', [X], { return_index: true }, { x: one('int32', [10], { domain: 'small' }) }, { pos: [X, true], fields: ['values', 'indices'], extra: { defaultInt: true } }),
  P('numpy.unique.return_inverse', 'unique', [X], { return_inverse: true }, { x: one('int32', [10], { domain: 'small' }) }, { pos: [X, false, true], fields: ['values', 'inverse'], extra: { defaultInt: true } }),
  P('numpy.unique.axis', 'unique', [X], { axis: 0 }, { x: one('int32', [4, 2], { values: [1, 2, 0, 5, 1, 2, 0, 5] }) }),
  P('numpy.nan_to_num.nan', 'nan_to_num', [X], { nan: -1 }, { x: f([4], { values: [1, NaN, 2, NaN] }) }),
  P('numpy.isclose.atol', 'isclose', [$('x1'), $('x2')], { atol: 0.5 }, { x1: f([4], { values: [0, 1, 2, 3] }), x2: f([4], { values: [0.25, 1, 2.4, 4] }) }, { pos: [$('x1'), $('x2'), 1e-5, 0.5] }),
  P('numpy.allclose.rtol', 'allclose', [$('x1'), $('x2')], { rtol: 0.1 }, { x1: f([3], { values: [10, 20, 30] }), x2: f([3], { values: [10.5, 21, 29] }) }, { pos: [$('x1'), $('x2'), 0.1] }),
  P('numpy.average.returned', 'average', [X], { weights: $('w'), returned: true }, { x: f([5]), w: one('float64', [5], { domain: 'positive' }) }, { pos: [X, null, $('w'), true], extra: { tol: LOOSE } }),
  P('numpy.split.axis', 'split', [X, 2], { axis: 1 }, { x: f([2, 4]) }, { pos: [X, 2, 1] }),
  P('numpy.tri.dtype', 'tri', [3, 4, 1], { dtype: 'int8' }, {}, { pos: [3, 4, 1, 'int8'], fastArgs: [3, 4], fastKw: { k: 1, dtype: 'int8' } }),
  P('numpy.trace.axis1', 'trace', [X], { axis1: 1, axis2: 2 }, { x: f([2, 3, 3]) }, { pos: [X, 0, 1, 2], extra: { tol: LOOSE } }),
  P('numpy.linalg.norm.axis', 'linalg.norm', [X], { axis: 1 }, { x: f([3, 4]) }, { pos: [X, null, 1], extra: { tol: LOOSE } }),
  P('numpy.linalg.norm.keepdims', 'linalg.norm', [X], { axis: 1, keepdims: true }, { x: f([3, 4]) }, { pos: [X, null, 1, true], extra: { tol: LOOSE } }),
  P('numpy.fft.fft2.s', 'fft.fft2', [X], { s: [2, 6] }, { x: f([3, 4]) }, { pos: [X, [2, 6]], extra: { tol: LOOSE } }),
  P('numpy.fft.fft2.norm', 'fft.fft2', [X], { norm: 'ortho' }, { x: f([3, 4]) }, { pos: [X, null, [-2, -1], 'ortho'], extra: { tol: LOOSE } }),

  // dtype spellings
  ...spellingCase('creation.zeros.dtype-spellings', 'zeros', () => [3], (s) => ({ dtype: s }), {}, (s) => [3, s]),
  ...spellingCase('creation.arange.dtype-spellings', 'arange', () => [4], (s) => ({ dtype: s }), {}),
  ...spellingCase('creation.asarray.dtype-spellings', 'asarray', () => [X], (s) => ({ dtype: s }), { x: one('float64', [4], { values: [0, 1.5, -2, 3] }) }, (s) => [X, s]),
  ...spellingCase('data_type.astype.dtype-spellings', 'astype', (s) => [X, s], () => ({}), { x: one('float64', [4], { values: [0, 1.5, -2, 3] }) }),
  ...spellingCase('statistical.sum.dtype-spellings', 'sum', () => [X], (s) => ({ axis: 0, dtype: s }), { x: one('int8', [3, 2], { values: [100, 1, 100, 2, 100, -3] }) }, (s) => [X, 0, s]),
];

/** nd's calling conventions: NumPy's binding, positional arguments included; fast: its own spelling. */
const x23 = { x: one('float64', [2, 3], { values: [1, 5, 3, 4, 2, 6] }) };

function calling(corner: string, py: string, nd: (xp: Parameters<Case['run']>[0], a: Parameters<Case['run']>[1]) => unknown, fastSpelling: (xp: Parameters<Case['run']>[0], a: Parameters<Case['run']>[1]) => unknown, inputs: Record<string, InputSpec>, extra: Partial<Case> = {}): Case {
  return { corner, py, trials: [trial(inputs)], run: (xp, a, _p, ctx) => (ctx.runtime === 'fast' ? fastSpelling(xp, a) : nd(xp, a)), ...extra };
}

export const CALLING_CASES: readonly Case[] = [
  calling('nd.positional', 'np.sum(x, 0)', (xp, a) => call(xp, 'sum', a.x, 0), (xp, a) => call(xp, 'sum', a.x, { axis: 0 }), x23),
  calling('nd.positional', 'np.mean(x, 1)', (xp, a) => call(xp, 'mean', a.x, 1), (xp, a) => call(xp, 'mean', a.x, { axis: 1 }), x23),
  calling('nd.positional', 'np.max(x, 0)', (xp, a) => call(xp, 'max', a.x, 0), (xp, a) => call(xp, 'max', a.x, { axis: 0 }), x23),
  calling('nd.positional', 'np.std(x, 0)', (xp, a) => call(xp, 'std', a.x, 0), (xp, a) => call(xp, 'std', a.x, { axis: 0 }), x23, { tol: { rtol: 1e-12 } }),
  calling('nd.positional', 'np.linspace(0, 1, 3, False)', (xp) => call(xp, 'linspace', 0, 1, 3, false), (xp) => call(xp, 'linspace', 0, 1, 3, { endpoint: false }), {}),
  calling('nd.positional', "np.zeros(3, 'float32')", (xp) => call(xp, 'zeros', 3, 'float32'), (xp) => call(xp, 'zeros', 3, { dtype: 'float32' }), {}),
  calling('nd.positional', 'np.eye(3, 3, 1)', (xp) => call(xp, 'eye', 3, 3, 1), (xp) => call(xp, 'eye', 3, 3, { k: 1 }), {}),
  calling('nd.positional', 'np.diag(x, -1)', (xp, a) => call(xp, 'diag', a.x, -1), (xp, a) => call(xp, 'diag', a.x, { k: -1 }), { x: f([3, 3]) }),
  calling('nd.positional', "np.pad(x, 1, 'edge')", (xp, a) => call(xp, 'pad', a.x, 1, 'edge'), (xp, a) => call(xp, 'pad', a.x, 1, { mode: 'edge' }), { x: one('int32', [2], { values: [1, 2] }) }, { defaultInt: true }),
  calling('nd.positional', 'np.bincount(i, w)', (xp, a) => call(xp, 'bincount', a.i, a.w), (xp, a) => call(xp, 'bincount', a.i, { weights: a.w }), { i: one('int64', [5], { values: [0n, 1n, 1n, 3n, 1n] }), w: f([5]) }),
  calling('nd.positional', "np.ravel(x, 'F')", (xp, a) => call(xp, 'ravel', a.x, 'F'), (xp, a) => call(xp, 'ravel', a.x, { order: 'F' }), x23),
  calling('nd.keyword-object', 'np.sum(x, 0, keepdims=True)', (xp, a) => call(xp, 'sum', a.x, 0, { keepdims: true }), (xp, a) => call(xp, 'sum', a.x, { axis: 0, keepdims: true }), x23),
  calling('nd.keyword-object', 'np.linspace(0, 1, num=4, endpoint=False)', (xp) => call(xp, 'linspace', 0, 1, { num: 4, endpoint: false }), (xp) => call(xp, 'linspace', 0, 1, 4, { endpoint: false }), {}),
  calling('nd.unknown-keyword', 'np.sum(x, axsi=0)', (xp, a) => call(xp, 'sum', a.x, { axsi: 0 }), (xp, a) => call(xp, 'sum', a.x, { axsi: 0 }), x23, { expectError: true }),
  calling('nd.unknown-keyword', 'np.zeros(3, dtpye="float32")', (xp) => call(xp, 'zeros', 3, { dtpye: 'float32' }), (xp) => call(xp, 'zeros', 3, { dtpye: 'float32' }), {}, { expectError: true }),
  calling('nd.too-many-positional', 'np.mean(x, 0, None, None, False, 7)', (xp, a) => call(xp, 'mean', a.x, 0, null, null, false, 7), (xp, a) => call(xp, 'mean', a.x, 0), x23, { expectError: true }),
  calling('nd.too-many-positional', 'np.zeros(3, None, "C", 5)', (xp) => call(xp, 'zeros', 3, null, 'C', 5), (xp) => call(xp, 'zeros', 3, 'float64'), {}, { expectError: true }),
  calling('nd.keyword-and-positional', 'np.sum(x, 0, axis=1)', (xp, a) => call(xp, 'sum', a.x, 0, { axis: 1 }), (xp, a) => call(xp, 'sum', a.x, 0, { axis: 1 }), x23, { expectError: true }),
];

