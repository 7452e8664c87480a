/**
 * Array API data-type functions for the fast namespace: can_cast, result_type, isdtype, finfo,
 * iinfo (NumPy's values), plus broadcast_shapes.
 */
import { DTYPES, type DTypeName } from '../../common/dtypes.js';
import { DTypeError, ValueError } from '../../common/errors.js';
import { FastArray } from '../array.js';
import { canCast, checkDType, resultType, type Casting, type TypeOperand } from '../engine/promotion.js';
import { INT_RANGE, weakKindOf } from '../engine/scalars.js';
import { broadcastShapes as broadcast, checkShape } from '../engine/shape.js';
import { checkOptions } from '../engine/options.js';

type DTypeLike = DTypeName | FastArray;

function dtypeOf(x: DTypeLike): DTypeName {
  return x instanceof FastArray ? x.dtype : checkDType(x);
}

/** `can_cast(from, to)` with the 'safe' rule (Array API), or another rule via `{ casting }`. */
export function can_cast(from: DTypeLike, to: DTypeName, options: { casting?: Casting } = {}): boolean {
  options = checkOptions('can_cast', options);
  return canCast(dtypeOf(from), checkDType(to), options.casting ?? 'safe');
}

/** `result_type(...)` over arrays, dtype names and JS scalars (weak, NEP 50). */
export function result_type(...items: readonly (DTypeLike | number | bigint | boolean)[]): DTypeName {
  const ops: TypeOperand[] = items.map((x) => {
    if (x instanceof FastArray) return x.dtype;
    if (typeof x === 'string') return checkDType(x);
    const w = weakKindOf(x);
    if (w === null) throw new DTypeError(`result_type takes arrays, dtypes and scalars, got ${String(x)}`);
    return { weak: w };
  });
  return resultType(...ops);
}

const KINDS: Record<string, (d: DTypeName) => boolean> = {
  bool: (d) => DTYPES[d].kind === 'bool',
  'signed integer': (d) => DTYPES[d].kind === 'signed',
  'unsigned integer': (d) => DTYPES[d].kind === 'unsigned',
  integral: (d) => DTYPES[d].kind === 'signed' || DTYPES[d].kind === 'unsigned',
  'real floating': (d) => DTYPES[d].kind === 'float',
  'complex floating': (d) => DTYPES[d].kind === 'complex',
  numeric: (d) => DTYPES[d].kind !== 'bool',
};

/** Array API `isdtype(dtype, kind)`: kind is a dtype, a kind name, or a list of them. */
export function isdtype(dtype: DTypeName, kind: string | readonly string[]): boolean {
  const d = checkDType(dtype);
  const kinds = typeof kind === 'string' ? [kind] : kind;
  return kinds.some((k) => {
    if (k in KINDS) return KINDS[k](d);
    if (k in DTYPES) return k === d;
    throw new ValueError(`unknown dtype kind '${k}'; use a dtype or one of ${Object.keys(KINDS).join(', ')}`);
  });
}

export interface FInfo {
  readonly bits: number;
  readonly eps: number;
  readonly max: number;
  readonly min: number;
  readonly smallest_normal: number;
  readonly dtype: DTypeName;
}

/** NumPy's finfo for float32/float64 (complex dtypes give their part's float info). */
export function finfo(dtype: DTypeLike): FInfo {
  const d = dtypeOf(dtype);
  const k = DTYPES[d].kind;
  if (k !== 'float' && k !== 'complex') throw new DTypeError(`finfo needs a floating dtype, got ${d}`);
  if (d === 'float32' || d === 'complex64') {
    const max = 3.4028234663852886e38;
    return { bits: 32, eps: 2 ** -23, max, min: -max, smallest_normal: 2 ** -126, dtype: 'float32' };
  }
  return { bits: 64, eps: Number.EPSILON, max: Number.MAX_VALUE, min: -Number.MAX_VALUE, smallest_normal: 2 ** -1022, dtype: 'float64' };
}

export interface IInfo {
  readonly bits: number;
  /** bigint for 64-bit dtypes */
  readonly max: number | bigint;
  readonly min: number | bigint;
  readonly dtype: DTypeName;
}

export function iinfo(dtype: DTypeLike): IInfo {
  const d = dtypeOf(dtype);
  const r = INT_RANGE[d];
  if (!r) throw new DTypeError(`iinfo needs an integer dtype, got ${d}`);
  const big = d === 'int64' || d === 'uint64';
  return { bits: DTYPES[d].itemsize * 8, max: big ? r[1] : Number(r[1]), min: big ? r[0] : Number(r[0]), dtype: d };
}

/** NumPy's broadcast_shapes. */
export function broadcast_shapes(...shapes: readonly (readonly number[] | number)[]): number[] {
  return broadcast(...shapes.map((s) => checkShape(s)));
}
