/**
 * NumPy's ufunc keywords on every ufunc corner: `out` (positional and keyword), `where` (with out),
 * `dtype`, `casting='no'` and `order='F'`. One table row per ufunc: its arity and what its result is.
 */
import type { DTypeName } from '../../src/common/dtypes.js';
import type { Case } from '../case.js';
import type { InputSpec } from '../inputs.js';
import { NUMPY_UFUNCS, STANDARD_UFUNCS, ufuncCorner } from '../../spec/numpy-params.js';
import { trial } from './helpers.js';
import { call } from '../xp.js';
import { $, jsVal, outCase, orderCase, paramCase, pyCall, type Arg } from './param-kit.js';

/** float: float64 in and out; int: int16 in and out; bool: float64 in, bool out; logical: bool in and out. */
type Kind = 'float' | 'int' | 'bool' | 'logical';

const BINARY = new Set([
  'add', 'atan2', 'bitwise_and', 'bitwise_left_shift', 'bitwise_or', 'bitwise_right_shift', 'bitwise_xor', 'copysign', 'divide',
  'equal', 'floor_divide', 'greater', 'greater_equal', 'hypot', 'less', 'less_equal', 'logaddexp', 'logical_and', 'logical_or',
  'logical_xor', 'maximum', 'minimum', 'multiply', 'nextafter', 'not_equal', 'pow', 'remainder', 'subtract', 'fmod', 'heaviside',
]);

function kindOf(name: string): Kind {
  if (name.startsWith('bitwise_')) return 'int';
  if (name.startsWith('logical_')) return 'logical';
  if (['equal', 'not_equal', 'greater', 'greater_equal', 'less', 'less_equal', 'isfinite', 'isinf', 'isnan', 'signbit'].includes(name)) return 'bool';
  return 'float';
}

const INPUT: Readonly<Record<Kind, DTypeName>> = { float: 'float64', int: 'int16', bool: 'float64', logical: 'bool' };
/** A dtype= that changes the result (float, int), or that NumPy refuses (bool results: no such loop). */
const DTYPE: Readonly<Record<Kind, DTypeName>> = { float: 'float32', int: 'int32', bool: 'float32', logical: 'float32' };
/** An out dtype the result must be cast to: allowed by the default casting, refused by casting='no'. */
const CAST_OUT: Readonly<Record<Kind, DTypeName>> = { float: 'float32', int: 'int32', bool: 'int8', logical: 'int8' };

function inputs(name: string, kind: Kind, shape: number[]): Record<string, InputSpec> {
  const dtype = INPUT[kind];
  const domain = kind === 'int' ? 'small' : kind === 'logical' ? 'any' : 'unit';
  const x1: InputSpec = { dtype, shape, domain };
  if (!BINARY.has(name)) return { x1 };
  return { x1, x2: { dtype, shape, domain: kind === 'int' && name.includes('shift') ? 'shift' : domain } };
}

function ufuncCases(name: string): Case[] {
  const corner = ufuncCorner(name);
  const kind = kindOf(name);
  const args: Arg[] = BINARY.has(name) ? [$('x1'), $('x2')] : [$('x1')];
  // logaddexp(2) is x + log1p(...): near 0 the sum cancels, so libm's and V8's last-place differences in
  // the terms show as an absolute error of a few ulps of the terms (about 1), not of the result
  const tol = name.startsWith('logaddexp') ? { ulps: 4, atol: 4 * Number.EPSILON } : { ulps: 4 };
  const flat = inputs(name, kind, [9]);
  const square = inputs(name, kind, [3, 4]);
  const castFill = kind === 'float' ? 7 : 1;
  const cast: Case = {
    corner: `${corner}.casting`,
    // out of another dtype: the default casting ('same_kind') writes it, casting='no' raises (the out
    // array is a Python expression, passed through pyCall as a raw name)
    py: `${pyCall(name, [...args, { $in: `np.full_like(${pyCall(name, args, {})}, ${castFill}, dtype='${CAST_OUT[kind]}')` }], { casting: 'no' })}`,
    ignored: `${pyCall(name, [...args, { $in: `np.full_like(${pyCall(name, args, {})}, ${castFill}, dtype='${CAST_OUT[kind]}')` }], {})}`,
    trials: [trial(flat)],
    expectError: true,
    run(xp, a, _p, ctx) {
      const xs = args.map((v) => jsVal(v, a, xp));
      const out = call(xp, 'full_like', call(xp, name, ...xs), castFill, { dtype: CAST_OUT[kind] });
      return ctx.runtime === 'fast' ? call(xp, name, ...xs, { out, casting: 'no' }) : call(xp, name, ...xs, out, { casting: 'no' });
    },
  };
  return [
    outCase({ corner: `${corner}.out`, fn: name, args, outPositional: true, trials: [trial(flat), trial(square)], extra: { tol } }),
    // out's fill differs from most results (not_equal and isfinite are mostly True, the other predicates mostly False)
    outCase({ corner: `${corner}.where`, fn: name, args, outPositional: true, where: 'm', fill: name === 'not_equal' || name === 'isfinite' ? 0 : 7, trials: [trial({ ...inputs(name, kind, [6, 8]), m: { dtype: 'bool', shape: [6, 8] } })], extra: { tol } }),
    paramCase({ corner: `${corner}.dtype`, fn: name, args, kw: { dtype: DTYPE[kind] }, trials: [trial(flat)], extra: kind === 'bool' || kind === 'logical' ? { expectError: true } : { tol } }),
    cast,
    orderCase({ corner: `${corner}.order`, fn: name, args, kw: { order: 'F' }, trials: [trial(square)], extra: { tol } }),
  ];
}

export const UFUNC_PARAM_CASES: readonly Case[] = [...STANDARD_UFUNCS, ...NUMPY_UFUNCS].flatMap(ufuncCases);
