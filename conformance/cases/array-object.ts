/**
 * Members of the array object (`array.<name>`): attributes, operators (as the NdArray methods `add`,
 * `sub`... and, where NdArray has none, the method named after the operator), indexing, conversions.
 */
import type { NdArray } from '../../src/common/ndarray.js';
import type { Case } from '../case.js';
import { dtypeName } from '../values.js';
import { attr, call, method, methodAny } from '../xp.js';
import { binaryTrials, CATEGORIES, kase, one, trial, unaryTrials, type Category } from './helpers.js';

interface OpRow {
  readonly dunder: string;
  /** The NdArray method, or the method name a runtime is expected to have. */
  readonly method: string;
  readonly arity: 1 | 2;
  readonly py: string;
  readonly cat: Category;
  readonly domain2?: 'shift' | 'nonneg' | 'small';
  readonly ulps?: number;
  /** Tolerance in ulps for complex operands when it differs. */
  readonly complexUlps?: number;
}

const OPS: readonly OpRow[] = [
  { dunder: '__abs__', method: 'abs', arity: 1, py: 'abs(x)', cat: 'numeric', ulps: 1 },
  { dunder: '__add__', method: 'add', arity: 2, py: 'x1 + x2', cat: 'numeric' },
  { dunder: '__and__', method: 'and', arity: 2, py: 'x1 & x2', cat: 'int-bool' },
  { dunder: '__eq__', method: 'eq', arity: 2, py: 'x1 == x2', cat: 'all' },
  { dunder: '__floordiv__', method: 'floordiv', arity: 2, py: 'x1 // x2', cat: 'real' },
  { dunder: '__ge__', method: 'ge', arity: 2, py: 'x1 >= x2', cat: 'real' },
  { dunder: '__gt__', method: 'gt', arity: 2, py: 'x1 > x2', cat: 'real' },
  { dunder: '__invert__', method: 'not', arity: 1, py: '~x', cat: 'int-bool' },
  { dunder: '__le__', method: 'le', arity: 2, py: 'x1 <= x2', cat: 'real' },
  { dunder: '__lshift__', method: 'lshift', arity: 2, py: 'x1 << x2', cat: 'integer', domain2: 'shift' },
  { dunder: '__lt__', method: 'lt', arity: 2, py: 'x1 < x2', cat: 'real' },
  { dunder: '__mod__', method: 'mod', arity: 2, py: 'x1 % x2', cat: 'real' },
  { dunder: '__mul__', method: 'mul', arity: 2, py: 'x1 * x2', cat: 'numeric', complexUlps: 2 },
  { dunder: '__ne__', method: 'ne', arity: 2, py: 'x1 != x2', cat: 'all' },
  { dunder: '__neg__', method: 'neg', arity: 1, py: '-x', cat: 'numeric' },
  { dunder: '__or__', method: 'or', arity: 2, py: 'x1 | x2', cat: 'int-bool' },
  { dunder: '__pos__', method: 'pos', arity: 1, py: '+x', cat: 'numeric' },
  { dunder: '__pow__', method: 'pow', arity: 2, py: 'x1 ** x2', cat: 'numeric', domain2: 'nonneg', ulps: 8 },
  { dunder: '__rshift__', method: 'rshift', arity: 2, py: 'x1 >> x2', cat: 'integer', domain2: 'shift' },
  { dunder: '__sub__', method: 'sub', arity: 2, py: 'x1 - x2', cat: 'numeric' },
  { dunder: '__truediv__', method: 'div', arity: 2, py: 'x1 / x2', cat: 'numeric', complexUlps: 4 },
  { dunder: '__xor__', method: 'xor', arity: 2, py: 'x1 ^ x2', cat: 'int-bool' },
];

function opCases(r: OpRow): Case[] {
  const dtypes = CATEGORIES[r.cat];
  const tol = { ulps: r.ulps ?? 0, signedZeros: r.dunder !== '__mod__' };
  const corner = `array.${r.dunder}`;
  const names = [r.method, r.dunder];
  if (r.arity === 1) return [kase(corner, r.py, (_xp, a) => methodAny(a.x, names), unaryTrials(dtypes), { tol })];
  const cases = [
    kase(corner, r.py, (_xp, a) => methodAny(a.x1, names, a.x2), binaryTrials(dtypes, r.domain2 ? 'small' : 'any', r.domain2 ?? 'any'), { tol }),
  ];
  if (r.complexUlps !== undefined) {
    const base = cases[0];
    const isComplexTrial = (t: Case['trials'][number]) => Object.values(t.inputs).some((i) => i.dtype.startsWith('complex'));
    cases[0] = { ...base, trials: base.trials.filter((t) => !isComplexTrial(t)) };
    cases.push({ ...base, trials: base.trials.filter(isComplexTrial), tol: { ...tol, ulps: r.complexUlps } });
  }
  // a weak Python scalar on the right (NEP 50): the array's dtype wins
  if (['__add__', '__mul__', '__sub__', '__truediv__'].includes(r.dunder)) {
    cases.push(
      kase(corner, r.py.replace('x2', 's'), (_xp, a, p) => methodAny(a.x1, names, p.s), [
        trial({ x1: one('float32', [5]) }, { s: 2.5 }),
        trial({ x1: one('int16', [5], { domain: 'small' }) }, { s: 3 }),
      ], { tol }),
    );
  }
  return cases;
}

const F64_2D = (view?: string) => one('float64', [3, 4], view ? { view } : {});

export const ARRAY_OBJECT_CASES: readonly Case[] = [
  ...OPS.flatMap(opCases),
  kase('array.__matmul__', 'x1 @ x2', (_xp, a) => methodAny(a.x1, ['matmul', '__matmul__'], a.x2), [
    trial({ x1: one('float64', [3, 4], { domain: 'noedge' }), x2: one('float64', [4, 2], { domain: 'noedge' }) }),
    trial({ x1: one('float32', [2, 3], { domain: 'noedge' }), x2: one('float32', [3], { domain: 'noedge' }) }),
    trial({ x1: one('int32', [2, 2, 3], { domain: 'small' }), x2: one('int32', [3, 2], { domain: 'small' }) }),
  ], { tol: { ulps: 4, rtol: 1e-12, atol: 1e-12 } }),
  kase('array.dtype', 'str(x.dtype)', (_xp, a) => dtypeName(a.x.dtype), CATEGORIES.all.map((d) => trial({ x: one(d, [2]) }))),
  kase('array.device', "str(x.device)", (_xp, a) => String(attr(a.x, 'device')), [trial({ x: one('float64', [2]) })]),
  kase('array.mT', 'x.mT', (_xp, a) => attr(a.x, 'mT'), [trial({ x: F64_2D() }), trial({ x: one('int8', [2, 3, 4]) }), trial({ x: one('float32', [4, 3], { view: '::-1' }) })]),
  kase('array.ndim', 'x.ndim', (_xp, a) => a.x.ndim, [trial({ x: one('float64', []) }), trial({ x: F64_2D() }), trial({ x: one('int8', [2, 3, 1, 2]) })]),
  kase('array.shape', 'x.shape', (_xp, a) => a.x.shape, [trial({ x: one('float64', []) }), trial({ x: F64_2D('::2, None, 1:') }), trial({ x: one('int8', [0, 3]) })]),
  kase('array.size', 'x.size', (_xp, a) => a.x.size, [trial({ x: one('float64', []) }), trial({ x: F64_2D('::2') }), trial({ x: one('int8', [0, 3]) })]),
  kase('array.T', 'x.T', (_xp, a) => a.x.T, [trial({ x: F64_2D() }), trial({ x: one('uint16', [5]) }), trial({ x: one('complex128', [2, 3], { view: '::-1' }) })]),
  kase('array.__array_namespace__', 'x.__array_namespace__() is np', (_xp, a, _p, ctx) => method(a.x, '__array_namespace__') === ctx.arrayNamespace, [trial({ x: one('float64', [2]) })]),
  kase('array.__bool__', 'bool(x)', (_xp, a) => method(a.x, '__bool__'), [trial({ x: one('float64', [], { values: [0.5] }) }), trial({ x: one('int8', [1], { values: [0] }) }), trial({ x: one('bool', [], { values: [true] }) })]),
  kase('array.__complex__', 'complex(x)', (_xp, a) => method(a.x, '__complex__'), [trial({ x: one('complex128', [], { values: [{ re: 1.5, im: -2 }] }) }), trial({ x: one('float64', [], { values: [3] }) })]),
  kase('array.__float__', 'float(x)', (_xp, a) => method(a.x, '__float__'), [trial({ x: one('float64', [], { values: [-0.25] }) }), trial({ x: one('int32', [], { values: [7] }) }), trial({ x: one('float32', [], { values: [NaN] }) })]),
  kase('array.__int__', 'int(x)', (_xp, a) => method(a.x, '__int__'), [trial({ x: one('float64', [], { values: [-2.75] }) }), trial({ x: one('int64', [], { values: [2n ** 62n] }) }), trial({ x: one('uint8', [], { values: [200] }) })]),
  kase('array.__index__', 'x.__index__()', (_xp, a) => method(a.x, '__index__'), [trial({ x: one('int16', [], { values: [-12] }) }), trial({ x: one('uint64', [], { values: [2n ** 63n + 5n] }) })]),
  kase(
    'array.__dlpack__',
    'np.from_dlpack(x)',
    (xp, a) => {
      if (typeof attr(a.x, '__dlpack__') !== 'function') throw new TypeError('__dlpack__ is not a method');
      return call(xp, 'from_dlpack', a.x);
    },
    [trial({ x: one('float64', [3, 2]) }), trial({ x: one('int8', [4], { view: '::-1' }) })],
  ),
  kase('array.__dlpack_device__', 'tuple(int(v) for v in x.__dlpack_device__())', (_xp, a) => [...(method(a.x, '__dlpack_device__') as Iterable<unknown>)].map(Number), [trial({ x: one('float64', [2]) })]),
  kase('array.__getitem__', 'x[1:, ::-2]', (_xp, a) => a.x.at('1:, ::-2'), [trial({ x: F64_2D() }), trial({ x: one('int8', [4, 5], { view: '::-1' }) }), trial({ x: one('complex64', [3, 3]) })]),
  kase(
    'array.__setitem__',
    '(lambda y: (y.__setitem__((slice(None), 1), v), y)[1])(x.copy())',
    (_xp, a, p) => {
      const y: NdArray = a.x.copy();
      y.set(':, 1', p.v as number);
      return y;
    },
    [trial({ x: F64_2D() }, { v: -1.5 }), trial({ x: one('int16', [2, 3]) }, { v: 7 }), trial({ x: one('uint8', [3, 2], { view: '::-1' }) }, { v: 255 })],
  ),
  kase('array.to_device', "x.to_device('cpu')", (_xp, a) => method(a.x, 'to_device', 'cpu'), [trial({ x: one('float64', [3]) })]),
];
