/**
 * One case per optional parameter of the standard's functions (the corners spec/generate.ts makes from
 * the standard's listing), each written with the kit in param-kit.ts: every spelling, and inputs where
 * leaving the parameter out changes NumPy's answer.
 */
import type { DTypeName } from '../../src/common/dtypes.js';
import type { NdArray } from '../../src/common/ndarray.js';
import type { Case } from '../case.js';
import type { InputSpec } from '../inputs.js';
import { dtypeName } from '../values.js';
import { call, method, toPlain } from '../xp.js';
import { one, trial } from './helpers.js';
import { $, outCase, paramCase, SHAPE_DTYPE, WRITE_THEN_X, type Arg, type Kw, type ParamCaseSpec, type View } from './param-kit.js';

const f = (shape: number[], extra: Partial<InputSpec> = {}): InputSpec => one('float64', shape, { domain: 'noedge', ...extra });
const X = $('x');
const X1 = $('x1');
const X2 = $('x2');
const LOOSE = { rtol: 1e-9, atol: 1e-9 };
const P = (corner: string, fn: string, args: readonly Arg[], kw: Kw, inputs: Record<string, InputSpec>, more: Partial<ParamCaseSpec> = {}): Case =>
  paramCase({ corner, fn, args, kw, trials: [trial(inputs)], ...more });

/** `device=`: NumPy's only device is 'cpu'; the call must accept it (leaving it out cannot change the answer). */
const device = (corner: string, fn: string, args: readonly Arg[], inputs: Record<string, InputSpec> = {}, view?: View): Case =>
  P(corner, fn, args, { device: 'cpu' }, inputs, { view, extra: { defaultInt: true } });

const SPD = one('float64', [3, 3], { values: [4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2] });
const NEAR_SINGULAR = one('float64', [3, 3], { values: [1, 0, 0, 0, 1, 0, 0, 0, 1e-3] });

/** Reductions: axis, keepdims, dtype, correction. */
function reductionParams(area: string, name: string, params: readonly string[], dtype: DTypeName = 'float64'): Case[] {
  const corner = `${area}.${name}`;
  const x = { x: one(dtype, [3, 4], { domain: dtype.startsWith('float') ? 'finite' : 'small' }) };
  const out: Case[] = [];
  for (const param of params) {
    switch (param) {
      case 'axis':
        out.push(P(`${corner}.axis`, name, [X], { axis: 1 }, x, { pos: name.startsWith('cumulative') ? undefined : [X, 1], extra: { tol: LOOSE, defaultInt: name.startsWith('arg') || name === 'count_nonzero' } }));
        break;
      case 'keepdims':
        out.push(P(`${corner}.keepdims`, name, [X], { axis: 0, keepdims: true }, x, { mixed: [[X, 0], { keepdims: true }], extra: { tol: LOOSE, defaultInt: name.startsWith('arg') || name === 'count_nonzero' } }));
        break;
      case 'dtype':
        if (name.startsWith('cumulative')) out.push(P(`${corner}.dtype`, name, [X], { axis: 0, dtype: 'float32' }, { x: one('int16', [3, 4], { domain: 'small' }) }, { extra: { tol: { ulps: 2 } } }));
        else out.push(P(`${corner}.dtype`, name, [X], { dtype: 'float32' }, { x: one('int16', [3, 4], { domain: 'small' }) }, { pos: [X, null, 'float32'], extra: { tol: { ulps: 2 } } }));
        break;
      case 'correction':
        out.push(P(`${corner}.correction`, name, [X], { correction: 1 }, x, { extra: { tol: LOOSE } }));
        break;
      case 'include_initial':
        out.push(P(`${corner}.include_initial`, name, [X], { axis: 0, include_initial: true }, x, { extra: { tol: LOOSE } }));
        break;
      default:
        throw new Error(`no reduction template for ${param}`);
    }
  }
  return out;
}

const FFT_1D = ['fft', 'ifft', 'rfft', 'irfft', 'hfft', 'ihfft'];
const FFT_ND = ['fftn', 'ifftn', 'rfftn', 'irfftn'];

function fftParams(): Case[] {
  const x = { x: f([3, 8]) };
  const tol = { extra: { tol: { rtol: 1e-9, atol: 1e-9 } } };
  return [
    ...FFT_1D.flatMap((n) => [
      P(`fft.${n}.n`, `fft.${n}`, [X], { n: 6 }, x, { pos: [X, 6], ...tol }),
      P(`fft.${n}.axis`, `fft.${n}`, [X], { axis: 0 }, x, { pos: [X, null, 0], ...tol }),
      P(`fft.${n}.norm`, `fft.${n}`, [X], { norm: 'ortho' }, x, { pos: [X, null, -1, 'ortho'], ...tol }),
    ]),
    ...FFT_ND.flatMap((n) => [
      P(`fft.${n}.s`, `fft.${n}`, [X], { s: [2, 6] }, x, { pos: [X, [2, 6]], ...tol }),
      P(`fft.${n}.axes`, `fft.${n}`, [X], { axes: [0] }, x, { pos: [X, null, [0]], ...tol }),
      P(`fft.${n}.norm`, `fft.${n}`, [X], { norm: 'forward' }, x, { pos: [X, null, null, 'forward'], ...tol }),
    ]),
    ...['fftfreq', 'rfftfreq'].flatMap((n) => [
      P(`fft.${n}.d`, `fft.${n}`, [8], { d: 0.5 }, {}, { pos: [8, 0.5] }),
      P(`fft.${n}.dtype`, `fft.${n}`, [8], { dtype: 'float32' }, {}),
      device(`fft.${n}.device`, `fft.${n}`, [8]),
    ]),
    ...['fftshift', 'ifftshift'].map((n) => P(`fft.${n}.axes`, `fft.${n}`, [X], { axes: 0 }, { x: f([3, 4]) }, { pos: [X, 0] })),
  ];
}

const infoCall = (kw: Kw): Case => {
  const [param] = Object.keys(kw);
  return {
    corner: `info.dtypes.${param}`,
    py: `(lambda r: [r, r])({k: str(v) for k, v in np.__array_namespace_info__().dtypes(${Object.entries(kw).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}).items()})`,
    ignored: `(lambda r: [r, r])({k: str(v) for k, v in np.__array_namespace_info__().dtypes().items()})`,
    trials: [trial({})],
    run(xp) {
      const r = Object.fromEntries(Object.entries(toPlain(method(call(xp, '__array_namespace_info__'), 'dtypes', kw)) as Record<string, unknown>).map(([k, v]) => [k, dtypeName(v)]));
      return [r, r];
    },
  };
};

/** Array methods: the spelling is a method call on x. */
const arrayMethod = (corner: string, py: string, ignored: string, run: Case['run'], inputs: Record<string, InputSpec>, extra: Partial<Case> = {}): Case => ({
  corner,
  py,
  ignored,
  run,
  trials: [trial(inputs)],
  ...extra,
});

export const STD_PARAM_CASES: readonly Case[] = [
  // array methods
  arrayMethod(
    'array.__array_namespace__.api_version',
    "x.__array_namespace__(api_version='1999.12')",
    'x.__array_namespace__()',
    (_xp, a) => method(a.x, '__array_namespace__', { api_version: '1999.12' }),
    { x: f([3]) },
    { expectError: true },
  ),
  ...(['stream', 'max_version', 'dl_device', 'copy'] as const).map((param) => {
    const value = { stream: 'None', max_version: '(1, 0)', dl_device: '(1, 0)', copy: 'True' }[param];
    const jsValue = { stream: null, max_version: [1, 0], dl_device: [1, 0], copy: true }[param];
    // from_dlpack of a capsule made with the parameter, then a write into x: copy=True must not see it
    const capsule = (kw: string) => `np.from_dlpack(type('C', (), {'__dlpack__': lambda s, **k: x.__dlpack__(${kw}), '__dlpack_device__': lambda s: x.__dlpack_device__()})())`;
    return arrayMethod(
      `array.__dlpack__.${param}`,
      `(lambda r: (x.__setitem__(0, 99), r)[1])(${capsule(`${param}=${value}`)})`,
      `(lambda r: (x.__setitem__(0, 99), r)[1])(${capsule('')})`,
      (_xp, a, _p, ctx) => {
        const x = a.x;
        // NumPy reads the capsule x.__dlpack__(**kw) made (the consumer side is NumPy's on every runtime)
        if (!ctx.pyEval) throw new Error('compat is unavailable: this case reads the capsule with the embedded NumPy');
        const cap = method(x, '__dlpack__', { [param]: jsValue });
        const r = ctx.pyEval("np.from_dlpack(type('C', (), {'__dlpack__': lambda s, **k: cap, '__dlpack_device__': lambda s: (1, 0)})())", { cap });
        x.set('0', 99);
        return r;
      },
      { x: f([4]) },
    );
  }),
  arrayMethod('array.to_device.stream', "x.to_device('cpu', stream=None)", "x.to_device('cpu')", (_xp, a) => method(a.x, 'to_device', 'cpu', { stream: null }), { x: f([3]) }),

  // creation
  P('creation.arange.stop', 'arange', [2], { stop: 9 }, {}, { fastArgs: [2, 9], fastKw: {}, pos: [2, 9], extra: { defaultInt: true } }),
  P('creation.arange.step', 'arange', [1, 10], { step: 3 }, {}, { fastArgs: [1, 10, 3], fastKw: {}, pos: [1, 10, 3], extra: { defaultInt: true } }),
  P('creation.arange.dtype', 'arange', [5], { dtype: 'float32' }, {}, { pos: [0, 5, 1, 'float32'] }),
  device('creation.arange.device', 'arange', [4]),
  P('creation.asarray.dtype', 'asarray', [X], { dtype: 'float32' }, { x: f([4]) }, { pos: [X, 'float32'] }),
  device('creation.asarray.device', 'asarray', [X], { x: f([3]) }),
  P('creation.asarray.copy', 'asarray', [X], { copy: true }, { x: f([4]) }, { view: WRITE_THEN_X }),
  P('creation.empty.dtype', 'empty', [[2, 3]], { dtype: 'int16' }, {}, { pos: [[2, 3], 'int16'], view: SHAPE_DTYPE }),
  device('creation.empty.device', 'empty', [[2]], {}, SHAPE_DTYPE),
  P('creation.empty_like.dtype', 'empty_like', [X], { dtype: 'int16' }, { x: f([2, 3]) }, { pos: [X, 'int16'], view: SHAPE_DTYPE }),
  device('creation.empty_like.device', 'empty_like', [X], { x: f([2]) }, SHAPE_DTYPE),
  P('creation.eye.n_cols', 'eye', [3, 5], {}, {}, { param: 'n_cols', ignoredArgs: [3] }),
  P('creation.eye.k', 'eye', [3], { k: 1 }, {}, { pos: [3, 3, 1] }),
  P('creation.eye.dtype', 'eye', [3], { dtype: 'int8' }, {}, { pos: [3, null, 0, 'int8'] }),
  device('creation.eye.device', 'eye', [2]),
  device('creation.from_dlpack.device', 'from_dlpack', [X], { x: f([3]) }),
  P('creation.from_dlpack.copy', 'from_dlpack', [X], { copy: true }, { x: f([4]) }, { view: WRITE_THEN_X }),
  P('creation.full.dtype', 'full', [[2, 2], 3], { dtype: 'float32' }, {}, { pos: [[2, 2], 3, 'float32'], extra: { defaultInt: true } }),
  device('creation.full.device', 'full', [[2], 1.5]),
  P('creation.full_like.dtype', 'full_like', [X, 3], { dtype: 'float32' }, { x: one('int32', [2, 3]) }, { pos: [X, 3, 'float32'] }),
  device('creation.full_like.device', 'full_like', [X, 2.5], { x: f([3]) }),
  P('creation.linspace.dtype', 'linspace', [0, 1, 5], { dtype: 'float32' }, {}, { pos: [0, 1, 5, true, false, 'float32'] }),
  device('creation.linspace.device', 'linspace', [0, 1, 3]),
  P('creation.linspace.endpoint', 'linspace', [0, 1, 4], { endpoint: false }, {}, { pos: [0, 1, 4, false] }),
  P('creation.meshgrid.indexing', 'meshgrid', [X1, X2], { indexing: 'ij' }, { x1: f([3]), x2: f([4]) }),
  ...(['ones', 'zeros'] as const).flatMap((n) => [
    P(`creation.${n}.dtype`, n, [[2, 3]], { dtype: 'int8' }, {}, { pos: [[2, 3], 'int8'] }),
    device(`creation.${n}.device`, n, [[2]]),
    P(`creation.${n}_like.dtype`, `${n}_like`, [X], { dtype: 'int8' }, { x: f([2, 3]) }, { pos: [X, 'int8'] }),
    device(`creation.${n}_like.device`, `${n}_like`, [X], { x: f([3]) }),
  ]),
  P('creation.tril.k', 'tril', [X], { k: 1 }, { x: f([4, 4]) }, { pos: [X, 1] }),
  P('creation.triu.k', 'triu', [X], { k: -1 }, { x: f([4, 4]) }, { pos: [X, -1] }),

  // data types
  P('data_type.astype.copy', 'astype', [X, 'float64'], { copy: false }, { x: f([4]) }, { view: WRITE_THEN_X }),
  device('data_type.astype.device', 'astype', [X, 'float32'], { x: f([3]) }),

  // element-wise
  P('elementwise.clip.min', 'clip', [X], { min: -0.5 }, { x: f([9], { domain: 'unit' }) }, { pos: [X, -0.5, null] }),
  P('elementwise.clip.max', 'clip', [X], { max: 0.5 }, { x: f([9], { domain: 'unit' }) }, { pos: [X, null, 0.5] }),

  ...fftParams(),

  // indexing
  P('indexing.take.axis', 'take', [X, $('i')], { axis: 1 }, { x: f([3, 4]), i: one('int64', [2], { values: [2n, 0n] }) }, { pos: [X, $('i'), 1] }),
  P('indexing.take_along_axis.axis', 'take_along_axis', [X, $('i')], { axis: 0 }, { x: f([3, 3]), i: one('int64', [3, 3], { values: [2n, 0n, 1n, 1n, 2n, 0n, 0n, 1n, 2n] }) }, { pos: [X, $('i'), 0] }),

  // info
  {
    corner: 'info.default_dtypes.device',
    py: "(lambda r: [r, r])({k: str(v) for k, v in np.__array_namespace_info__().default_dtypes(device='cpu').items()})",
    ignored: '(lambda r: [r, r])({k: str(v) for k, v in np.__array_namespace_info__().default_dtypes().items()})',
    trials: [trial({})],
    defaultInt: true,
    run(xp) {
      const r = Object.fromEntries(Object.entries(toPlain(method(call(xp, '__array_namespace_info__'), 'default_dtypes', { device: 'cpu' })) as Record<string, unknown>).map(([k, v]) => [k, dtypeName(v)]));
      return [r, r];
    },
  },
  infoCall({ device: 'cpu' }),
  infoCall({ kind: 'integral' }),

  // linalg
  P('linalg.cholesky.upper', 'linalg.cholesky', [X], { upper: true }, { x: SPD }, { extra: { tol: LOOSE } }),
  P('linalg.cross.axis', 'linalg.cross', [X1, X2], { axis: 0 }, { x1: f([3, 2]), x2: f([3, 2]) }, { extra: { tol: LOOSE } }),
  P('linalg.diagonal.offset', 'linalg.diagonal', [X], { offset: 1 }, { x: f([3, 4]) }),
  P('linalg.matrix_norm.keepdims', 'linalg.matrix_norm', [X], { keepdims: true }, { x: f([3, 3]) }, { extra: { tol: LOOSE } }),
  P('linalg.matrix_norm.ord', 'linalg.matrix_norm', [X], { ord: 1 }, { x: f([3, 3]) }, { extra: { tol: LOOSE } }),
  P('linalg.matrix_rank.rtol', 'linalg.matrix_rank', [X], { rtol: 0.01 }, { x: NEAR_SINGULAR }, { extra: { defaultInt: true } }),
  P('linalg.pinv.rtol', 'linalg.pinv', [X], { rtol: 0.01 }, { x: NEAR_SINGULAR }, { extra: { tol: LOOSE } }),
  P('linalg.qr.mode', 'linalg.qr', [X], { mode: 'complete' }, { x: f([4, 3]) }, { fields: ['Q', 'R'], view: { py: '[list(r[0].shape), list(r[1].shape), np.abs(r[1])]', js: (r) => { const [q, rr] = r as NdArray[]; return [[...q.shape], [...rr.shape], rr.abs()]; } }, extra: { tol: LOOSE } }),
  P('linalg.svd.full_matrices', 'linalg.svd', [X], { full_matrices: false }, { x: f([4, 3]) }, { fields: ['U', 'S', 'Vh'], view: { py: '[list(r[0].shape), r[1], list(r[2].shape)]', js: (r) => { const [u, sv, vh] = r as NdArray[]; return [[...u.shape], sv, [...vh.shape]]; } }, extra: { tol: LOOSE } }),
  P('linalg.tensordot.axes', 'linalg.tensordot', [X1, X2], { axes: 1 }, { x1: f([3, 4]), x2: f([4, 2]) }, { extra: { tol: LOOSE } }),
  P('linear_algebra.tensordot.axes', 'tensordot', [X1, X2], { axes: 1 }, { x1: f([3, 4]), x2: f([4, 2]) }, { pos: [X1, X2, 1], extra: { tol: LOOSE } }),
  P('linalg.trace.offset', 'linalg.trace', [X], { offset: 1 }, { x: f([3, 4]) }, { extra: { tol: LOOSE } }),
  P('linalg.trace.dtype', 'linalg.trace', [X], { dtype: 'float32' }, { x: one('int16', [3, 3], { domain: 'small' }) }),
  P('linalg.vecdot.axis', 'linalg.vecdot', [X1, X2], { axis: 0 }, { x1: f([3, 3]), x2: f([3, 3]) }, { extra: { tol: LOOSE } }),
  P('linear_algebra.vecdot.axis', 'vecdot', [X1, X2], { axis: 0 }, { x1: f([3, 3]), x2: f([3, 3]) }, { extra: { tol: LOOSE } }),
  P('linalg.vector_norm.axis', 'linalg.vector_norm', [X], { axis: 1 }, { x: f([3, 4]) }, { extra: { tol: LOOSE } }),
  P('linalg.vector_norm.keepdims', 'linalg.vector_norm', [X], { keepdims: true }, { x: f([3, 4]) }, { extra: { tol: LOOSE } }),
  P('linalg.vector_norm.ord', 'linalg.vector_norm', [X], { ord: 1 }, { x: f([3, 4]) }, { extra: { tol: LOOSE } }),

  // manipulation
  P('manipulation.concat.axis', 'concat', [[X1, X2]], { axis: 1 }, { x1: f([2, 3]), x2: f([2, 3]) }, { pos: [[X1, X2], 1] }),
  P('manipulation.flip.axis', 'flip', [X], { axis: 0 }, { x: f([3, 4]) }, { pos: [X, 0] }),
  P('manipulation.repeat.axis', 'repeat', [X, 2], { axis: 1 }, { x: f([2, 3]) }, { pos: [X, 2, 1] }),
  P('manipulation.reshape.copy', 'reshape', [X, [6]], { copy: true }, { x: f([2, 3]) }, { view: WRITE_THEN_X }),
  P('manipulation.roll.axis', 'roll', [X, 1], { axis: 0 }, { x: f([3, 4]) }, { pos: [X, 1, 0] }),
  P('manipulation.stack.axis', 'stack', [[X1, X2]], { axis: 1 }, { x1: f([2, 3]), x2: f([2, 3]) }, { pos: [[X1, X2], 1] }),
  P('manipulation.unstack.axis', 'unstack', [X], { axis: 1 }, { x: f([2, 3]) }),

  // reductions (statistical, searching, utility)
  ...reductionParams('statistical', 'sum', ['axis', 'keepdims', 'dtype']),
  ...reductionParams('statistical', 'prod', ['axis', 'keepdims', 'dtype']),
  ...reductionParams('statistical', 'max', ['axis', 'keepdims']),
  ...reductionParams('statistical', 'min', ['axis', 'keepdims']),
  ...reductionParams('statistical', 'mean', ['axis', 'keepdims']),
  ...reductionParams('statistical', 'std', ['axis', 'keepdims', 'correction']),
  ...reductionParams('statistical', 'var', ['axis', 'keepdims', 'correction']),
  ...reductionParams('statistical', 'cumulative_sum', ['axis', 'dtype', 'include_initial']),
  ...reductionParams('statistical', 'cumulative_prod', ['axis', 'dtype', 'include_initial']),
  ...reductionParams('searching', 'argmax', ['axis', 'keepdims']),
  ...reductionParams('searching', 'argmin', ['axis', 'keepdims']),
  ...reductionParams('searching', 'count_nonzero', ['axis', 'keepdims']),
  ...reductionParams('utility', 'all', ['axis', 'keepdims'], 'int8'),
  ...reductionParams('utility', 'any', ['axis', 'keepdims'], 'int8'),
  P('utility.diff.axis', 'diff', [X], { axis: 0 }, { x: f([3, 4]) }, { pos: [X, 1, 0] }),
  P('utility.diff.n', 'diff', [X], { n: 2 }, { x: f([6]) }, { pos: [X, 2] }),
  P('utility.diff.prepend', 'diff', [X], { prepend: $('p') }, { x: f([5]), p: f([1]) }, { mixed: [[X, 1, -1], { prepend: $('p') }] }),
  P('utility.diff.append', 'diff', [X], { append: $('p') }, { x: f([5]), p: f([2]) }, { mixed: [[X, 1, -1], { append: $('p') }] }),

  // searching and sorting
  P('searching.searchsorted.side', 'searchsorted', [X1, X2], { side: 'right' }, { x1: one('int32', [6], { values: [1, 2, 2, 3, 5, 5] }), x2: one('int32', [4], { values: [2, 5, 0, 3] }) }, { pos: [X1, X2, 'right'], extra: { defaultInt: true } }),
  P('searching.searchsorted.sorter', 'searchsorted', [X1, X2], { sorter: $('s') }, { x1: one('int32', [5], { values: [5, 1, 4, 2, 3] }), x2: one('int32', [3], { values: [2, 4, 0] }), s: one('int64', [5], { values: [1n, 3n, 4n, 2n, 0n] }) }, { pos: [X1, X2, 'left', $('s')], extra: { defaultInt: true } }),
  ...(['sort', 'argsort'] as const).flatMap((n) => [
    P(`sorting.${n}.axis`, n, [X], { axis: 0 }, { x: f([3, 4]) }, { pos: [X, 0], extra: { defaultInt: n === 'argsort' } }),
    P(`sorting.${n}.descending`, n, [X], { descending: true }, { x: f([6]) }, { extra: { defaultInt: n === 'argsort' } }),
    P(`sorting.${n}.stable`, n, [X], { stable: true }, { x: one('int8', [64], { domain: 'unit' }) }, { extra: { defaultInt: n === 'argsort' } }),
  ]),

  // sets
  P('set.isin.invert', 'isin', [X1, X2], { invert: true }, { x1: one('int32', [8], { domain: 'small' }), x2: one('int32', [4], { domain: 'small' }) }),
];

/** `out=` of a reduction along axis 1 (the out corners of NumPy's reductions, numpy-params.ts). */
export const reductionOut = (area: string, name: string, dtype: DTypeName = 'float64', extra: Partial<Case> = {}): Case =>
  outCase({ corner: `${area}.${name}.out`, fn: name, args: [X], kw: { axis: 1 }, trials: [trial({ x: one(dtype, [3, 4], { domain: 'small' }) })], extra: { tol: LOOSE, ...extra } });

