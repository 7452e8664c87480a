/**
 * Statistical, utility, searching, sorting, set, manipulation and indexing functions of the standard.
 */
import type { DTypeName } from '../../src/common/dtypes.js';
import type { Case, TrialSpec } from '../case.js';
import type { Domain } from '../inputs.js';
import { call, items } from '../xp.js';
import { kase, one, opts, trial } from './helpers.js';

/** Reduction trials: axis None / int / negative / tuple, keepdims, a reversed view, an empty axis. */
function reduceTrials(dtypes: readonly DTypeName[], domain: Domain = 'any', extra: Record<string, unknown> = {}): TrialSpec[] {
  const out: TrialSpec[] = [];
  for (const [i, d] of dtypes.entries()) {
    out.push(trial({ x: one(d, [9], { domain }) }, { axis: null, keepdims: false, ...extra }));
    if (i === 0 || d === 'int32' || d === 'float32') {
      out.push(trial({ x: one(d, [3, 4], { domain }) }, { axis: 0, keepdims: false, ...extra }));
      out.push(trial({ x: one(d, [2, 3, 4], { domain, view: '::-1, :, ::2' }) }, { axis: -1, keepdims: true, ...extra }));
      out.push(trial({ x: one(d, [2, 3, 4], { domain }) }, { axis: [0, 2], keepdims: false, ...extra }));
      out.push(trial({ x: one(d, [3, 0], { domain }) }, { axis: 1, keepdims: false, ...extra }));
    }
  }
  return out;
}

const REDUCE_PY = (name: string, extra = '') => `np.${name}(x, axis=axis, keepdims=keepdims${extra})`;
const reduceRun = (name: string, ...extraKeys: string[]) => (xp: Parameters<Case['run']>[0], a: Parameters<Case['run']>[1], p: Parameters<Case['run']>[2]) =>
  call(xp, name, a.x, opts(p, 'axis', 'keepdims', ...extraKeys));

const FLOATS: readonly DTypeName[] = ['float64', 'float32'];
const REALS: readonly DTypeName[] = ['float64', 'int32', 'float32', 'int8', 'uint16', 'int64', 'uint64'];
const SMALL_INTS: readonly DTypeName[] = ['int8', 'int16', 'uint8', 'uint32'];

export const ARRAY_FUNCTION_CASES: readonly Case[] = [
  // statistical
  kase('statistical.sum', REDUCE_PY('sum'), reduceRun('sum'), reduceTrials(['float64', 'float32', 'int64', 'uint64', 'complex128']), { tol: { ulps: 2 } }),
  // integers of 32 bits and less sum in the runtime's default integer (the Array API standard's rule; NumPy: int64)
  kase('statistical.sum', REDUCE_PY('sum'), reduceRun('sum'), reduceTrials([...SMALL_INTS, 'int32'], 'small'), { defaultInt: true }),
  kase('statistical.sum', "np.sum(x, dtype=dtype)", (xp, a, p) => call(xp, 'sum', a.x, { dtype: p.dtype }), [trial({ x: one('int8', [9]) }, { dtype: 'int8' }), trial({ x: one('float32', [9], { domain: 'noedge' }) }, { dtype: 'float64' })], { tol: { ulps: 2 } }),
  kase('statistical.prod', REDUCE_PY('prod'), reduceRun('prod'), reduceTrials(['float64', 'float32', 'int64', 'complex128'], 'small'), { tol: { ulps: 4 } }),
  kase('statistical.prod', REDUCE_PY('prod'), reduceRun('prod'), reduceTrials(['int8', 'uint8', 'int32'], 'small'), { defaultInt: true }),
  kase('statistical.max', REDUCE_PY('max'), reduceRun('max'), reduceTrials(REALS).filter((t) => !(t.inputs.x.shape.includes(0)))),
  kase('statistical.min', REDUCE_PY('min'), reduceRun('min'), reduceTrials(REALS).filter((t) => !(t.inputs.x.shape.includes(0)))),
  kase('statistical.mean', REDUCE_PY('mean'), reduceRun('mean'), reduceTrials(['float64', 'float32', 'complex128']), { tol: { ulps: 4 } }),
  kase('statistical.std', 'np.std(x, axis=axis, keepdims=keepdims, ddof=correction)', reduceRun('std', 'correction'), reduceTrials(FLOATS, 'any', { correction: 0 }).concat(reduceTrials(['float64'], 'noedge', { correction: 1 })), { tol: { ulps: 8, rtol: 1e-12 } }),
  kase('statistical.var', 'np.var(x, axis=axis, keepdims=keepdims, ddof=correction)', reduceRun('var', 'correction'), reduceTrials(FLOATS, 'any', { correction: 0 }).concat(reduceTrials(['float64'], 'noedge', { correction: 1 })), { tol: { ulps: 8, rtol: 1e-12 } }),
  kase('statistical.cumulative_sum', 'np.cumulative_sum(x, axis=axis, include_initial=include_initial)', (xp, a, p) => call(xp, 'cumulative_sum', a.x, opts(p, 'axis', 'include_initial')), [
    trial({ x: one('float64', [7]) }, { axis: null, include_initial: false }),
    trial({ x: one('int32', [3, 4], { domain: 'small' }) }, { axis: 1, include_initial: false }),
    trial({ x: one('int64', [3, 4]) }, { axis: 0, include_initial: true }),
    trial({ x: one('float32', [5], { view: '::-1', domain: 'noedge' }) }, { axis: null, include_initial: true }),
  ], { tol: { ulps: 4 }, defaultInt: true }),
  kase('statistical.cumulative_prod', 'np.cumulative_prod(x, axis=axis, include_initial=include_initial)', (xp, a, p) => call(xp, 'cumulative_prod', a.x, opts(p, 'axis', 'include_initial')), [
    trial({ x: one('float64', [7], { domain: 'small' }) }, { axis: null, include_initial: false }),
    trial({ x: one('int64', [3, 4], { domain: 'small' }) }, { axis: 1, include_initial: true }),
    trial({ x: one('float32', [2, 5], { view: ':, ::-1', domain: 'small' }) }, { axis: 0, include_initial: false }),
  ], { tol: { ulps: 4 } }),

  // utility
  kase('utility.all', REDUCE_PY('all'), reduceRun('all'), reduceTrials(['bool', 'float64', 'int32'], 'small')),
  kase('utility.any', REDUCE_PY('any'), reduceRun('any'), reduceTrials(['bool', 'float64', 'int32'], 'small')),
  kase('utility.diff', 'np.diff(x, axis=axis, n=n)', (xp, a, p) => call(xp, 'diff', a.x, opts(p, 'axis', 'n')), [
    trial({ x: one('float64', [8]) }, { axis: -1, n: 1 }),
    trial({ x: one('int32', [4, 5]) }, { axis: 0, n: 2 }),
    trial({ x: one('uint8', [6], { view: '::-1' }) }, { axis: -1, n: 1 }),
  ], { tol: { signedZeros: true } }),
  kase('utility.diff', 'np.diff(x, prepend=pre, append=app)', (xp, a) => call(xp, 'diff', a.x, { prepend: a.pre, append: a.app }), [
    trial({ x: one('float64', [5]), pre: one('float64', [1]), app: one('float64', [2]) }),
  ]),

  // searching
  kase('searching.argmax', 'np.argmax(x, axis=axis, keepdims=keepdims)', reduceRun('argmax'), reduceTrials(REALS).filter((t) => !t.inputs.x.shape.includes(0) && !Array.isArray(t.params?.axis)), { defaultInt: true }),
  kase('searching.argmin', 'np.argmin(x, axis=axis, keepdims=keepdims)', reduceRun('argmin'), reduceTrials(REALS).filter((t) => !t.inputs.x.shape.includes(0) && !Array.isArray(t.params?.axis)), { defaultInt: true }),
  kase('searching.count_nonzero', 'np.count_nonzero(x, axis=axis, keepdims=keepdims)', reduceRun('count_nonzero'), reduceTrials(['bool', 'float64', 'int8'], 'small'), { defaultInt: true }),
  kase('searching.nonzero', 'np.nonzero(x)', (xp, a) => call(xp, 'nonzero', a.x), [
    trial({ x: one('int32', [8], { domain: 'unit' }) }),
    trial({ x: one('float64', [3, 4], { domain: 'unit', view: '::-1' }) }),
    trial({ x: one('bool', [2, 2, 3]) }),
  ], { defaultInt: true }),
  kase('searching.searchsorted', 'np.searchsorted(np.sort(x1), x2, side=side)', (xp, a, p) => call(xp, 'searchsorted', call(xp, 'sort', a.x1), a.x2, { side: p.side }), [
    trial({ x1: one('float64', [10], { domain: 'noedge' }), x2: one('float64', [6], { domain: 'noedge' }) }, { side: 'left' }),
    trial({ x1: one('int32', [9], { domain: 'small' }), x2: one('int32', [5], { domain: 'small' }) }, { side: 'right' }),
  ], { defaultInt: true }),
  kase('searching.where', 'np.where(c, x1, x2)', (xp, a) => call(xp, 'where', a.c, a.x1, a.x2), [
    trial({ c: one('bool', [6]), x1: one('float64', [6]), x2: one('float64', [6]) }),
    trial({ c: one('bool', [3, 1]), x1: one('int32', [4]), x2: one('int32', [3, 4], { view: '::-1' }) }),
    trial({ c: one('bool', [5]), x1: one('int8', [5]), x2: one('float32', [5]) }),
  ], { tol: { signedZeros: true } }),

  // sorting
  kase('sorting.sort', 'np.sort(x, axis=axis)', (xp, a, p) => call(xp, 'sort', a.x, opts(p, 'axis')), [
    trial({ x: one('float64', [12]) }, { axis: -1 }),
    trial({ x: one('int32', [3, 5]) }, { axis: 0 }),
    trial({ x: one('uint64', [7]) }, { axis: -1 }),
  ]),
  // the standard's descending=True: NumPy 2.4 has no such keyword, so these trials show as NumPy-unsupported
  kase('sorting.sort', 'np.sort(x, axis=axis, descending=True)', (xp, a, p) => call(xp, 'sort', a.x, { axis: p.axis, descending: true }), [
    trial({ x: one('float32', [3, 5], { view: '::-1' }) }, { axis: -1 }),
  ]),
  kase('sorting.argsort', 'np.argsort(x, axis=axis, stable=True)', (xp, a, p) => call(xp, 'argsort', a.x, opts(p, 'axis')), [
    trial({ x: one('int8', [12], { domain: 'small' }) }, { axis: -1 }),
    trial({ x: one('float64', [3, 5], { domain: 'noedge' }) }, { axis: 0 }),
    trial({ x: one('float64', [9]) }, { axis: -1 }),
  ], { defaultInt: true }),

  // set
  // the standard leaves the order of unique_values unspecified (NumPy 2.4 returns integers in hash
  // order): both sides are sorted before comparing
  kase('set.unique_values', 'np.sort(np.unique_values(x))', (xp, a) => call(xp, 'sort', call(xp, 'unique_values', a.x)), [
    trial({ x: one('int32', [12], { domain: 'small' }) }),
    trial({ x: one('float64', [3, 4], { domain: 'small' }) }),
  ]),
  kase('set.unique_counts', 'tuple(np.unique_counts(x))', (xp, a) => items(call(xp, 'unique_counts', a.x), ['values', 'counts']), [trial({ x: one('int16', [12], { domain: 'small' }) }), trial({ x: one('float64', [10], { domain: 'small' }) })], { defaultInt: true }),
  kase('set.unique_inverse', 'tuple(np.unique_inverse(x))', (xp, a) => items(call(xp, 'unique_inverse', a.x), ['values', 'inverse_indices']), [trial({ x: one('uint8', [12], { domain: 'small' }) }), trial({ x: one('int32', [3, 4], { domain: 'small' }) })], { defaultInt: true }),
  kase('set.unique_all', 'tuple(np.unique_all(x))', (xp, a) => items(call(xp, 'unique_all', a.x), ['values', 'indices', 'inverse_indices', 'counts']), [trial({ x: one('int8', [12], { domain: 'small' }) })], { defaultInt: true }),
  kase('set.isin', 'np.isin(x1, x2, invert=invert)', (xp, a, p) => call(xp, 'isin', a.x1, a.x2, { invert: p.invert }), [
    trial({ x1: one('int32', [10], { domain: 'small' }), x2: one('int32', [4], { domain: 'small' }) }, { invert: false }),
    trial({ x1: one('float64', [3, 3], { domain: 'small' }), x2: one('float64', [5], { domain: 'small' }) }, { invert: true }),
  ]),

  // manipulation
  kase('manipulation.broadcast_arrays', 'np.broadcast_arrays(x1, x2)', (xp, a) => call(xp, 'broadcast_arrays', a.x1, a.x2), [
    trial({ x1: one('float64', [3, 1]), x2: one('float64', [4]) }),
    trial({ x1: one('int8', []), x2: one('int8', [2, 2], { view: '::-1' }) }),
  ]),
  kase('manipulation.broadcast_shapes', 'np.broadcast_shapes(*shapes)', (xp, _a, p) => call(xp, 'broadcast_shapes', ...(p.shapes as number[][])), [
    trial({}, { shapes: [[3, 1], [4]] }),
    trial({}, { shapes: [[2, 1, 5], [3, 1], [1]] }),
    trial({}, { shapes: [[0, 1], [3]] }),
  ]),
  kase('manipulation.broadcast_to', 'np.broadcast_to(x, shape)', (xp, a, p) => call(xp, 'broadcast_to', a.x, p.shape), [
    trial({ x: one('float64', [3, 1]) }, { shape: [2, 3, 4] }),
    trial({ x: one('int32', [4], { view: '::-1' }) }, { shape: [3, 4] }),
  ]),
  kase('manipulation.concat', 'np.concat((x1, x2), axis=axis)', (xp, a, p) => call(xp, 'concat', [a.x1, a.x2], { axis: p.axis }), [
    trial({ x1: one('float64', [2, 3]), x2: one('float64', [4, 3]) }, { axis: 0 }),
    trial({ x1: one('int32', [2, 3], { view: '::-1' }), x2: one('int32', [2, 2]) }, { axis: -1 }),
    trial({ x1: one('int8', [2, 2]), x2: one('float32', [3]) }, { axis: null }),
  ]),
  kase('manipulation.expand_dims', 'np.expand_dims(x, axis=axis)', (xp, a, p) => call(xp, 'expand_dims', a.x, p.axis), [
    trial({ x: one('float64', [3, 4]) }, { axis: 0 }),
    trial({ x: one('int16', [3], { view: '::-1' }) }, { axis: -1 }),
  ]),
  kase('manipulation.flip', 'np.flip(x, axis=axis)', (xp, a, p) => call(xp, 'flip', a.x, opts(p, 'axis')), [
    trial({ x: one('float64', [3, 4]) }, { axis: null }),
    trial({ x: one('int32', [2, 3, 4]) }, { axis: [0, 2] }),
    trial({ x: one('uint8', [5], { view: '::2' }) }, { axis: 0 }),
  ]),
  kase('manipulation.moveaxis', 'np.moveaxis(x, src, dst)', (xp, a, p) => call(xp, 'moveaxis', a.x, p.src, p.dst), [
    trial({ x: one('float64', [2, 3, 4]) }, { src: 0, dst: -1 }),
    trial({ x: one('int8', [2, 3, 4]) }, { src: [0, 1], dst: [2, 0] }),
  ]),
  kase('manipulation.permute_dims', 'np.permute_dims(x, axes)', (xp, a, p) => call(xp, 'permute_dims', a.x, p.axes), [
    trial({ x: one('float64', [2, 3, 4]) }, { axes: [2, 0, 1] }),
    trial({ x: one('complex64', [3, 2], { view: '::-1' }) }, { axes: [1, 0] }),
  ]),
  kase('manipulation.repeat', 'np.repeat(x, r, axis=axis)', (xp, a, p) => call(xp, 'repeat', a.x, p.r, opts(p, 'axis')), [
    trial({ x: one('float64', [2, 3]) }, { r: 2, axis: null }),
    trial({ x: one('int32', [2, 3]) }, { r: 3, axis: 1 }),
  ]),
  kase('manipulation.repeat', 'np.repeat(x, r, axis=axis)', (xp, a, p) => call(xp, 'repeat', a.x, a.r, opts(p, 'axis')), [
    trial({ x: one('float64', [3, 2]), r: one('int64', [3], { values: [1n, 0n, 2n] }) }, { axis: 0 }),
  ]),
  kase('manipulation.reshape', 'np.reshape(x, shape)', (xp, a, p) => call(xp, 'reshape', a.x, p.shape), [
    trial({ x: one('float64', [3, 4]) }, { shape: [2, 6] }),
    trial({ x: one('int32', [3, 4], { view: '::-1' }) }, { shape: [-1] }),
    trial({ x: one('uint8', [2, 3, 4], { view: ':, ::2' }) }, { shape: [4, -1] }),
    trial({ x: one('float32', [1]) }, { shape: [] }),
  ]),
  kase('manipulation.roll', 'np.roll(x, shift, axis=axis)', (xp, a, p) => call(xp, 'roll', a.x, p.shift, opts(p, 'axis')), [
    trial({ x: one('float64', [7]) }, { shift: 2, axis: null }),
    trial({ x: one('int32', [3, 4]) }, { shift: -1, axis: 1 }),
    trial({ x: one('int8', [3, 4]) }, { shift: [1, 2], axis: [0, 1] }),
  ]),
  kase('manipulation.squeeze', 'np.squeeze(x, axis=axis)', (xp, a, p) => call(xp, 'squeeze', a.x, p.axis), [
    trial({ x: one('float64', [1, 3, 1]) }, { axis: 0 }),
    trial({ x: one('int32', [1, 3, 1]) }, { axis: [0, 2] }),
  ]),
  kase('manipulation.stack', 'np.stack((x1, x2), axis=axis)', (xp, a, p) => call(xp, 'stack', [a.x1, a.x2], opts(p, 'axis')), [
    trial({ x1: one('float64', [2, 3]), x2: one('float64', [2, 3]) }, { axis: 0 }),
    trial({ x1: one('int16', [3], { view: '::-1' }), x2: one('int16', [3]) }, { axis: -1 }),
  ]),
  kase('manipulation.tile', 'np.tile(x, reps)', (xp, a, p) => call(xp, 'tile', a.x, p.reps), [
    trial({ x: one('float64', [2, 3]) }, { reps: [2, 1] }),
    trial({ x: one('int8', [3]) }, { reps: [2, 2] }),
  ]),
  kase('manipulation.unstack', 'np.unstack(x, axis=axis)', (xp, a, p) => call(xp, 'unstack', a.x, opts(p, 'axis')), [
    trial({ x: one('float64', [3, 2]) }, { axis: 0 }),
    trial({ x: one('int32', [2, 3, 2]) }, { axis: -1 }),
  ]),

  // indexing functions
  kase('indexing.take', 'np.take(x, i, axis=axis)', (xp, a, p) => call(xp, 'take', a.x, a.i, opts(p, 'axis')), [
    trial({ x: one('float64', [5, 3]), i: one('int64', [4], { values: [4n, 0n, 2n, 4n] }) }, { axis: 0 }),
    trial({ x: one('int32', [3, 4], { view: '::-1' }), i: one('int32', [2], { values: [3, 1] }) }, { axis: 1 }),
  ]),
  kase('indexing.take_along_axis', 'np.take_along_axis(x, np.argsort(x, axis=axis), axis=axis)', (xp, a, p) => call(xp, 'take_along_axis', a.x, call(xp, 'argsort', a.x, { axis: p.axis }), { axis: p.axis }), [
    trial({ x: one('float64', [3, 4], { domain: 'noedge' }) }, { axis: 1 }),
    trial({ x: one('int32', [3, 4]) }, { axis: 0 }),
  ]),
];
