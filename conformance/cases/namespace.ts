/**
 * Namespace-level corners: constants, the version attribute, creation functions, data-type functions,
 * dtype equality and the inspection (info) API.
 */
import type { DTypeName } from '../../src/common/dtypes.js';
import type { NdArray } from '../../src/common/ndarray.js';
import type { Case } from '../case.js';
import { dtypeName } from '../values.js';
import { attr, call, fn, method, toPlain, type Namespace } from '../xp.js';
import { ALL, CATEGORIES, kase, one, opts, positional, trial, withOpts } from './helpers.js';

const shapeDtype = (a: unknown): unknown[] => [(a as NdArray).shape, dtypeName((a as NdArray).dtype)];
const PY_SHAPE_DTYPE = (expr: string) => `(lambda a: (a.shape, str(a.dtype)))(${expr})`;

function dtypeEq(a: unknown, b: unknown): boolean {
  if (typeof a === 'object' && a !== null && typeof (a as { __eq__?: unknown }).__eq__ === 'function') return method(a, '__eq__', b) === true;
  return a === b || (typeof a === 'string' && dtypeName(b) === a);
}

const none = trial({});

export const NAMESPACE_CASES: readonly Case[] = [
  // constants and the version
  ...(['e', 'inf', 'nan', 'pi'] as const).map((n) => kase(`constants.${n}`, `np.${n}`, (xp) => attr(xp, n), [none])),
  kase('constants.newaxis', 'np.newaxis is None', (xp) => (xp as Record<string, unknown>).newaxis === null, [none]),
  kase('namespace.__array_api_version__', 'np.__array_api_version__', (xp) => attr(xp, '__array_api_version__'), [none]),

  // creation
  kase(
    'creation.arange',
    'np.arange(start, stop, step, dtype=dtype)',
    (xp, _a, p) => call(xp, 'arange', ...withOpts(positional(p, 'start', 'stop', 'step'), opts(p, 'dtype'))),
    [
      trial({}, { start: 6, stop: null, step: null, dtype: null }),
      trial({}, { start: 2, stop: 11, step: 3, dtype: null }),
      trial({}, { start: 10, stop: 0, step: -3, dtype: null }),
      trial({}, { start: 0.5, stop: 3, step: 0.25, dtype: null }),
      trial({}, { start: 0, stop: 5, step: 1, dtype: 'float32' }),
      trial({}, { start: 0, stop: 5, step: 1, dtype: 'uint8' }),
      trial({}, { start: 3, stop: 3, step: 1, dtype: null }),
    ],
    { defaultInt: true, tol: { ulps: 1 } },
  ),
  kase('creation.asarray', 'np.asarray(v)', (xp, _a, p) => call(xp, 'asarray', p.v), [
    trial({}, { v: [[1.5, -2], [0, 3]] }),
    trial({}, { v: [true, false, true] }),
    trial({}, { v: 2.5 }),
    trial({}, { v: [] }),
  ]),
  kase('creation.asarray', 'np.asarray(v)', (xp, _a, p) => call(xp, 'asarray', p.v), [trial({}, { v: [[1, 2, 3]] }), trial({}, { v: 7 })], { defaultInt: true }),
  kase('creation.asarray', 'np.asarray(x, dtype=dtype)', (xp, a, p) => call(xp, 'asarray', a.x, { dtype: p.dtype }), [
    trial({ x: one('float64', [2, 3], { domain: 'small' }) }, { dtype: 'float32' }),
    trial({ x: one('int8', [4], { view: '::-1' }) }, { dtype: 'int64' }),
  ], { tol: { ulps: 0 } }),
  kase('creation.empty', PY_SHAPE_DTYPE('np.empty(shape, dtype=dtype)'), (xp, _a, p) => shapeDtype(call(xp, 'empty', p.shape, opts(p, 'dtype'))), [
    trial({}, { shape: [2, 3], dtype: null }),
    trial({}, { shape: [0], dtype: 'int16' }),
    trial({}, { shape: [], dtype: 'complex64' }),
  ]),
  kase('creation.empty_like', PY_SHAPE_DTYPE('np.empty_like(x, dtype=dtype)'), (xp, a, p) => shapeDtype(call(xp, 'empty_like', a.x, opts(p, 'dtype'))), [
    trial({ x: one('uint16', [3, 2]) }, { dtype: null }),
    trial({ x: one('float32', [4], { view: '::-1' }) }, { dtype: 'bool' }),
  ]),
  kase('creation.eye', 'np.eye(n, m, k=k, dtype=dtype)', (xp, _a, p) => call(xp, 'eye', ...withOpts(positional(p, 'n', 'm'), opts(p, 'k', 'dtype'))), [
    trial({}, { n: 3, m: null, k: 0, dtype: null }),
    trial({}, { n: 3, m: 5, k: 1, dtype: 'int8' }),
    trial({}, { n: 4, m: 2, k: -1, dtype: 'float32' }),
    trial({}, { n: 0, m: null, k: 0, dtype: null }),
  ]),
  kase('creation.from_dlpack', 'np.from_dlpack(x)', (xp, a) => call(xp, 'from_dlpack', a.x), [
    trial({ x: one('float64', [2, 3]) }),
    trial({ x: one('int32', [5], { view: '::-1' }) }),
    trial({ x: one('bool', [3]) }),
  ]),
  kase('creation.full', 'np.full(shape, v, dtype=dtype)', (xp, _a, p) => call(xp, 'full', p.shape, p.v, opts(p, 'dtype')), [
    trial({}, { shape: [2, 3], v: 1.5, dtype: null }),
    trial({}, { shape: [3], v: true, dtype: null }),
    trial({}, { shape: [2, 2], v: -3, dtype: 'int8' }),
    trial({}, { shape: [], v: 0.1, dtype: 'float32' }),
  ]),
  kase('creation.full', 'np.full(shape, v)', (xp, _a, p) => call(xp, 'full', p.shape, p.v), [trial({}, { shape: [4], v: 7 })], { defaultInt: true }),
  kase('creation.full_like', 'np.full_like(x, v, dtype=dtype)', (xp, a, p) => call(xp, 'full_like', a.x, p.v, opts(p, 'dtype')), [
    trial({ x: one('int16', [2, 3]) }, { v: 5, dtype: null }),
    trial({ x: one('float64', [4], { view: '::2' }) }, { v: -0.5, dtype: 'float32' }),
  ]),
  kase('creation.linspace', 'np.linspace(start, stop, num, endpoint=endpoint, dtype=dtype)', (xp, _a, p) => call(xp, 'linspace', p.start, p.stop, p.num, opts(p, 'endpoint', 'dtype')), [
    trial({}, { start: 0, stop: 1, num: 5, endpoint: true, dtype: null }),
    trial({}, { start: -2, stop: 3, num: 7, endpoint: false, dtype: null }),
    trial({}, { start: 1, stop: 0, num: 1, endpoint: true, dtype: null }),
    trial({}, { start: 0, stop: 10, num: 0, endpoint: true, dtype: null }),
    trial({}, { start: 0, stop: 1, num: 4, endpoint: true, dtype: 'float32' }),
  ], { tol: { ulps: 1 } }),
  kase("creation.meshgrid", "np.meshgrid(x1, x2, indexing=indexing)", (xp, a, p) => call(xp, 'meshgrid', a.x1, a.x2, { indexing: p.indexing }), [
    trial({ x1: one('float64', [3]), x2: one('float64', [2]) }, { indexing: 'xy' }),
    trial({ x1: one('int32', [3]), x2: one('int32', [4], { view: '::-1' }) }, { indexing: 'ij' }),
  ]),
  kase('creation.ones', 'np.ones(shape, dtype=dtype)', (xp, _a, p) => call(xp, 'ones', p.shape, opts(p, 'dtype')), [
    trial({}, { shape: [2, 3], dtype: null }),
    trial({}, { shape: [4], dtype: 'int64' }),
    trial({}, { shape: [], dtype: 'complex128' }),
    trial({}, { shape: [0, 2], dtype: 'bool' }),
  ]),
  kase('creation.ones_like', 'np.ones_like(x, dtype=dtype)', (xp, a, p) => call(xp, 'ones_like', a.x, opts(p, 'dtype')), [
    trial({ x: one('uint8', [2, 2]) }, { dtype: null }),
    trial({ x: one('float32', [3], { view: '::-1' }) }, { dtype: 'int16' }),
  ]),
  kase('creation.tril', 'np.tril(x, k=k)', (xp, a, p) => call(xp, 'tril', a.x, { k: p.k }), [
    trial({ x: one('float64', [4, 4]) }, { k: 0 }),
    trial({ x: one('int32', [3, 5]) }, { k: 1 }),
    trial({ x: one('float32', [2, 3, 3], { view: '..., ::-1, :' }) }, { k: -1 }),
  ]),
  kase('creation.triu', 'np.triu(x, k=k)', (xp, a, p) => call(xp, 'triu', a.x, { k: p.k }), [
    trial({ x: one('float64', [4, 4]) }, { k: 0 }),
    trial({ x: one('int32', [3, 5]) }, { k: -1 }),
    trial({ x: one('uint8', [2, 3, 3]) }, { k: 2 }),
  ]),
  kase('creation.zeros', 'np.zeros(shape, dtype=dtype)', (xp, _a, p) => call(xp, 'zeros', p.shape, opts(p, 'dtype')), [
    trial({}, { shape: [2, 3], dtype: null }),
    trial({}, { shape: [5], dtype: 'uint64' }),
    trial({}, { shape: [], dtype: 'float32' }),
  ]),
  kase('creation.zeros_like', 'np.zeros_like(x, dtype=dtype)', (xp, a, p) => call(xp, 'zeros_like', a.x, opts(p, 'dtype')), [
    trial({ x: one('complex64', [2, 2]) }, { dtype: null }),
    trial({ x: one('int8', [3], { view: '::-1' }) }, { dtype: 'float64' }),
  ]),

  // data-type functions
  kase('data_type.astype', 'x.astype(dtype)', (xp, a, p) => call(xp, 'astype', a.x, p.dtype), [
    ...(['float32', 'int32', 'uint8', 'int64', 'bool', 'complex128'] as const).map((d) => trial({ x: one('float64', [7], { values: [0, 1.5, 2.5, 3.9, 7, -0, 100.25] }) }, { dtype: d })),
    ...(['int8', 'uint16', 'float64', 'float32', 'bool', 'uint64'] as const).map((d) => trial({ x: one('int32', [7], { domain: 'small' }) }, { dtype: d })),
    trial({ x: one('bool', [5]) }, { dtype: 'float32' }),
    trial({ x: one('uint8', [3, 3], { view: '::-1, ::2' }) }, { dtype: 'int8' }),
  ]),
  kase(
    'data_type.can_cast',
    '[np.can_cast(a, b) for a, b in pairs]',
    (xp, _a, p) => (p.pairs as readonly (readonly [string, string])[]).map(([f, t]) => call(xp, 'can_cast', f, t)),
    [trial({}, { pairs: pairsOf(ALL) })],
  ),
  kase(
    'data_type.finfo',
    "(lambda f: {'bits': f.bits, 'eps': float(f.eps), 'max': float(f.max), 'min': float(f.min), 'smallest_normal': float(f.smallest_normal), 'dtype': str(f.dtype)})(np.finfo(d))",
    (xp, _a, p) => {
      const f = call(xp, 'finfo', p.d) as Record<string, unknown>;
      return { bits: f.bits, eps: Number(f.eps), max: Number(f.max), min: Number(f.min), smallest_normal: Number(f.smallest_normal), dtype: dtypeName(f.dtype) };
    },
    (['float32', 'float64', 'complex64', 'complex128'] as const).map((d) => trial({}, { d })),
  ),
  kase(
    'data_type.iinfo',
    "(lambda f: {'bits': f.bits, 'max': int(f.max), 'min': int(f.min), 'dtype': str(f.dtype)})(np.iinfo(d))",
    (xp, _a, p) => {
      const f = call(xp, 'iinfo', p.d) as Record<string, unknown>;
      return { bits: f.bits, max: f.max, min: f.min, dtype: dtypeName(f.dtype) };
    },
    CATEGORIES.integer.map((d) => trial({}, { d })),
  ),
  kase(
    'data_type.isdtype',
    '[np.isdtype(np.dtype(d), k) for d in dts for k in kinds]',
    (xp, _a, p) => (p.dts as string[]).flatMap((d) => (p.kinds as string[]).map((k) => call(xp, 'isdtype', attr(xp, d), k))),
    [trial({}, { dts: [...ALL], kinds: ['bool', 'signed integer', 'unsigned integer', 'integral', 'real floating', 'complex floating', 'numeric'] })],
  ),
  kase('data_type.result_type', 'str(np.result_type(x1, x2))', (xp, a) => dtypeName(call(xp, 'result_type', a.x1, a.x2)), pairsOf(['bool', 'int8', 'uint8', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64', 'complex64']).map(([f, t]) => trial({ x1: one(f as DTypeName, [1]), x2: one(t as DTypeName, [1]) }))),
  kase('data_types.__eq__', '[np.dtype(a) == np.dtype(b) for a, b in pairs]', (xp, _a, p) => (p.pairs as readonly (readonly [string, string])[]).map(([x, y]) => dtypeEq(attr(xp, x), attr(xp, y))), [
    trial({}, { pairs: [['float32', 'float32'], ['float32', 'float64'], ['int64', 'int64'], ['bool', 'uint8'], ['complex128', 'complex128']] }),
  ]),

  // inspection
  kase('info.__array_namespace_info__', 'np.__array_namespace_info__() is not None', (xp) => call(xp, '__array_namespace_info__') != null, [none]),
  kase('info.capabilities', 'np.__array_namespace_info__().capabilities()', (xp) => toPlain(method(call(xp, '__array_namespace_info__'), 'capabilities')), [none]),
  kase('info.default_device', 'str(np.__array_namespace_info__().default_device())', (xp) => String(method(call(xp, '__array_namespace_info__'), 'default_device')), [none]),
  kase(
    'info.default_dtypes',
    '{k: str(v) for k, v in np.__array_namespace_info__().default_dtypes().items()}',
    (xp) => Object.fromEntries(Object.entries(toPlain(method(call(xp, '__array_namespace_info__'), 'default_dtypes')) as Record<string, unknown>).map(([k, v]) => [k, dtypeName(v)])),
    [none],
    { defaultInt: true },
  ),
  kase('info.devices', '[str(d) for d in np.__array_namespace_info__().devices()]', (xp) => [...(toPlain(method(call(xp, '__array_namespace_info__'), 'devices')) as Iterable<unknown>)].map(String), [none]),
  kase(
    'info.dtypes',
    '{k: str(v) for k, v in np.__array_namespace_info__().dtypes(kind=kind).items()}',
    (xp, _a, p) => Object.fromEntries(Object.entries(toPlain(method(call(xp, '__array_namespace_info__'), 'dtypes', opts(p, 'kind'))) as Record<string, unknown>).map(([k, v]) => [k, dtypeName(v)])),
    [trial({}, { kind: null }), trial({}, { kind: 'real floating' }), trial({}, { kind: 'integral' })],
  ),
];

function pairsOf(dtypes: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const a of dtypes) for (const b of dtypes) out.push([a, b]);
  return out;
}

export { fn, type Namespace };
