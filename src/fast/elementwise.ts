/**
 * Element-wise functions with Array API names. Each call builds an expression node (nothing is
 * computed): operands are promoted as NumPy 2 / NEP 50, weak JS scalars become kernel parameters.
 */
import { DTYPES } from '../common/dtypes.js';
import { DTypeError } from '../common/errors.js';
import type { Complex, NdArray } from '../common/ndarray.js';
import { FastArray } from './array.js';
import { castNode, constNode, opNode, type Node } from './expr.js';
import { opRow } from './ops-table.js';
import { resultType, type TypeOperand } from './promotion.js';
import { intFits, scalarToDType, weakKindOf, describe } from './scalars.js';
import { broadcastShapes } from './shape.js';
import { asarray } from './creation.js';

/** What element-wise functions accept: fast arrays, other NdArrays and nested JS arrays (converted), and scalars. */
export type ArrayLike = FastArray | NdArray | number | bigint | boolean | Complex | readonly unknown[];

type Scalarish = number | bigint | boolean | Complex;

const COMPARISONS = new Set(['equal', 'not_equal', 'less', 'less_equal', 'greater', 'greater_equal']);

function toOperand(x: ArrayLike): FastArray | Scalarish {
  if (x instanceof FastArray) return x;
  if (weakKindOf(x) !== null) return x as Scalarish;
  if (Array.isArray(x) || ArrayBuffer.isView(x)) return asarray(x as never);
  if (typeof x === 'object' && x !== null && 'shape' in x && 'dtype' in x) {
    throw new DTypeError('this array belongs to another runtime; convert it with fast.asarray() (ndbridge/bridge) first');
  }
  throw new DTypeError(`element-wise operations take arrays or numbers, got ${describe(x)}`);
}

/** Apply the operation `name` from the op table to operands; returns a lazy FastArray. */
export function apply(name: string, inputs: readonly ArrayLike[]): FastArray {
  const row = opRow(name);
  if (inputs.length !== row.arity) throw new DTypeError(`${name} takes ${row.arity} operand(s), got ${inputs.length}`);
  const ops = inputs.map(toOperand);
  const tys: TypeOperand[] = ops.map((o) => (o instanceof FastArray ? o.dtype : { weak: weakKindOf(o)! }));
  let promoted = resultType(...tys);
  // NumPy 2 compares integer arrays with out-of-range Python integers correctly instead of failing.
  if (COMPARISONS.has(name) && DTYPES[promoted].kind !== 'float' && DTYPES[promoted].kind !== 'complex') {
    for (const o of ops) {
      if ((typeof o === 'number' || typeof o === 'bigint') && !intFits(o, promoted)) promoted = 'float64';
    }
  }
  const { compute, result } = row.types(promoted);
  const args: Node[] = ops.map((o) => (o instanceof FastArray ? castNode(o._node(), compute) : constNode(compute, scalarToDType(o, compute))));
  const shape = broadcastShapes(...args.map((a) => a.shape));
  return FastArray._lazy(opNode(row, compute, result, args, shape));
}

const bin = (name: string) => (a: ArrayLike, b: ArrayLike) => apply(name, [a, b]);
const un = (name: string) => (a: ArrayLike) => apply(name, [a]);

export const add = bin('add');
export const subtract = bin('subtract');
export const multiply = bin('multiply');
export const divide = bin('divide');
export const floor_divide = bin('floor_divide');
export const remainder = bin('remainder');
export const pow = bin('pow');
export const negative = un('negative');
export const positive = un('positive');
export const abs = un('abs');
export const equal = bin('equal');
export const not_equal = bin('not_equal');
export const less = bin('less');
export const less_equal = bin('less_equal');
export const greater = bin('greater');
export const greater_equal = bin('greater_equal');
export const logical_and = bin('logical_and');
export const logical_or = bin('logical_or');
export const logical_xor = bin('logical_xor');
export const logical_not = un('logical_not');
export const bitwise_and = bin('bitwise_and');
export const bitwise_or = bin('bitwise_or');
export const bitwise_xor = bin('bitwise_xor');
export const bitwise_invert = un('bitwise_invert');
