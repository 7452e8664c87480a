/**
 * NumPy's ufunc keywords on fast's element-wise functions: `out`, `where`, `casting`, `order`, `dtype`
 * and `subok` (`signature` is refused). The rules are NumPy's:
 * - `dtype=D` picks the loop whose output is D: operands are cast to D under `casting` and the
 *   operation runs in D; predicates (comparisons, isnan, logical_*) have only bool outputs, so any
 *   other D is NumPy's "No loop matching" TypeError.
 * - `casting` governs the operands' casts to the loop and the result's cast into `out`.
 * - `out` must have the broadcast shape (operands broadcast to it, never it to them); the call writes
 *   it and returns it. With `where`, only the selected elements are written; without `out`, the
 *   others are 0 (NumPy leaves them uninitialised).
 * - `order` lays out a new result ('K' and 'A' follow the operands' layout); ignored with `out`.
 */
import { DTYPES, type DTypeName } from '../../common/dtypes.js';
import { DTypeError, OverflowError, ValueError } from '../../common/errors.js';
import { FastArray } from '../array.js';
import { asarray } from '../creation/creation.js';
import { checkOptions } from '../engine/options.js';
import { opRow } from '../engine/ops-table.js';
import { canCast, checkDType, resultType, type Casting, type TypeOperand } from '../engine/promotion.js';
import { intFits, weakKindOf } from '../engine/scalars.js';
import { broadcastShapes, shapeStr } from '../engine/shape.js';
import { setIndex } from '../indexing/indexing.js';
import { layoutLike, resolveOrder } from '../manipulation/views.js';
import { where as select } from '../searching/searching.js';

/** NumPy's ufunc keywords as fast takes them (defaults: NumPy's). */
export interface UfuncOptions {
  /** Write the result into this array (or a one-element list of it) and return it. */
  readonly out?: FastArray | readonly [FastArray] | null;
  /** Compute only where true (broadcast against the operands); a bool array or a boolean. */
  readonly where?: boolean | FastArray | readonly unknown[];
  readonly casting?: Casting;
  readonly order?: 'K' | 'A' | 'C' | 'F';
  /** The loop's (and the result's) dtype. */
  readonly dtype?: DTypeName | string | null;
  readonly subok?: boolean;
  readonly signature?: null;
}

const CASTINGS: readonly Casting[] = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'];

/** Ufuncs whose loops all have a bool output. */
const PREDICATES = new Set([
  'equal', 'not_equal', 'less', 'less_equal', 'greater', 'greater_equal', 'isfinite', 'isinf', 'isnan', 'signbit',
  'logical_and', 'logical_or', 'logical_xor', 'logical_not',
]);

type Operand = FastArray | number | bigint | boolean | { re: number; im: number };

function noLoop(name: string): DTypeError {
  return new DTypeError(`No loop matching the specified signature and casting was found for ufunc ${name}`);
}

function inputCastError(name: string, i: number, from: string, to: string, casting: Casting): DTypeError {
  return new DTypeError(`Cannot cast ufunc '${name}' input ${i} from dtype('${from}') to dtype('${to}') with casting rule '${casting}'`);
}

function outArray(name: string, out: unknown): FastArray {
  const o = Array.isArray(out) ? (out.length === 1 ? (out[0] as unknown) : undefined) : out;
  if (!(o instanceof FastArray)) {
    throw new TypeError(`${name}: out must be a fast array (or a one-element list of one), got ${Array.isArray(out) ? `a list of ${out.length}` : typeof out}; convert NumPy arrays with asarray() first`);
  }
  if (!o.writeable) throw new ValueError(`${name}: output array is read-only`);
  return o;
}

function whereMask(name: string, w: unknown): FastArray {
  const m = w instanceof FastArray ? w : asarray(w as never);
  // NumPy casts where= to bool under the 'safe' rule: only booleans qualify
  if (m.dtype !== 'bool') throw new DTypeError(`${name}: Cannot cast array data from dtype('${m.dtype}') to dtype('bool') according to the rule 'safe' (where= takes booleans)`);
  return m;
}

/** The dtype NumPy's loop reads its operands in, for the natural (no dtype=) resolution. */
function loopInput(promoted: DTypeName, result: DTypeName): DTypeName {
  if (result === 'bool') return promoted;
  if (DTYPES[promoted].kind === 'complex' && DTYPES[result].kind === 'float') return promoted;
  return result;
}

/**
 * `name(...operands)` under NumPy's ufunc keywords. `plain` computes the operation with NumPy's natural
 * type resolution (the function's usual path).
 */
export function applyUfunc(name: string, operands: readonly Operand[], options: UfuncOptions, plain: (ops: readonly Operand[]) => FastArray): FastArray {
  const o = checkOptions(name, options) as UfuncOptions;
  const casting = o.casting ?? 'same_kind';
  if (!CASTINGS.includes(casting)) throw new ValueError(`casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe' (got ${JSON.stringify(casting)})`);
  if (o.subok !== undefined && typeof o.subok !== 'boolean') throw new TypeError(`${name}: subok must be true or false`);
  const arrays = operands.map((x, i) => [x, i] as const).filter((e): e is readonly [FastArray, number] => e[0] instanceof FastArray);
  let r: FastArray;
  if (o.dtype !== undefined && o.dtype !== null) {
    const d = checkDType(o.dtype);
    if (PREDICATES.has(name)) {
      if (d !== 'bool') throw noLoop(name);
      r = plain(operands);
    } else {
      const t = opRow(name).types(d);
      if (t.result !== d) throw noLoop(name);
      for (const [x, i] of arrays) if (!canCast(x.dtype, d, casting)) throw inputCastError(name, i, x.dtype, d, casting);
      const kind = DTYPES[d].kind;
      for (const x of operands) {
        if ((kind === 'signed' || kind === 'unsigned') && (typeof x === 'bigint' || (typeof x === 'number' && Number.isInteger(x))) && !intFits(x, d)) {
          throw new OverflowError(`Python integer ${String(x)} out of bounds for ${d}`);
        }
      }
      r = plain(operands.map((x) => (x instanceof FastArray && x.dtype !== d ? x.astype(d) : x)));
      if (r.dtype !== d) {
        // a weak JS scalar of a higher kind (1.5 with dtype int32): NumPy refuses its cast to the loop
        const i = operands.findIndex((x) => !(x instanceof FastArray));
        throw inputCastError(name, Math.max(i, 0), i >= 0 ? resultType({ weak: weakKindOf(operands[i])! }) : r.dtype, d, casting);
      }
    }
  } else {
    r = plain(operands);
    if (casting === 'no' || casting === 'equiv' || casting === 'safe') {
      const tys: TypeOperand[] = operands.map((x) => (x instanceof FastArray ? x.dtype : { weak: weakKindOf(x)! }));
      const loop = loopInput(resultType(...tys), r.dtype);
      for (const [x, i] of arrays) if (!canCast(x.dtype, loop, casting)) throw inputCastError(name, i, x.dtype, loop, casting);
    }
  }
  // where=false is a 0-d false mask: nothing is written
  const mask = o.where !== undefined && o.where !== true ? whereMask(name, o.where) : null;
  if (o.out !== undefined && o.out !== null) {
    const out = outArray(name, o.out);
    if (!canCast(r.dtype, out.dtype, casting)) {
      throw new DTypeError(`Cannot cast ufunc '${name}' output from dtype('${r.dtype}') to dtype('${out.dtype}') with casting rule '${casting}'`);
    }
    const b = mask === null ? broadcastShapes(r.shape, out.shape) : broadcastShapes(r.shape, out.shape, mask.shape);
    if (b.length !== out.ndim || b.some((n, k) => n !== out.shape[k])) {
      throw new ValueError(`non-broadcastable output operand with shape ${shapeStr(out.shape)} doesn't match the broadcast shape ${shapeStr(b)}`);
    }
    if (o.where !== false) setIndex(out, '...', mask === null ? r : (select(mask, r, out) as FastArray));
    return out;
  }
  if (mask !== null) r = select(mask, r, asarray(0, { dtype: r.dtype })) as FastArray;
  if (o.order !== undefined && o.order !== 'C') {
    if (o.order === 'K') {
      // the layout of an operand of the result's own shape (NumPy keeps the operands' memory order)
      const template = arrays.find(([x]) => x.ndim === r.ndim && x.shape.every((n, k) => n === r.shape[k]))?.[0];
      if (template !== undefined) r = layoutLike(r, template, 'K', name);
    } else if (o.order === 'A') {
      if (arrays.length > 0 && arrays.every(([x]) => resolveOrder(x, 'A', name) === 'F')) r = layoutLike(r, r, 'F', name);
    } else r = layoutLike(r, r, o.order, name);
  }
  return r;
}
