/** JS scalars <-> dtype values: weak kinds, range checks, element reads and writes. */
import { DTYPES, type DTypeName } from '../../common/dtypes.js';
import { DTypeError, ValueError } from '../../common/errors.js';
import type { Complex, Scalar } from '../../common/ndarray.js';
import type { WeakKind } from './promotion.js';
import type { TypedData } from './storage.js';

export function isComplexLike(v: unknown): v is Complex {
  return typeof v === 'object' && v !== null && typeof (v as Complex).re === 'number' && typeof (v as Complex).im === 'number';
}

/** The weak kind of a JS scalar, or null when `v` is not a scalar. -0 counts as a float (it is not an integer value in NumPy). */
export function weakKindOf(v: unknown): WeakKind | null {
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return Number.isSafeInteger(v) && !Object.is(v, -0) ? 'int' : 'float';
    default:
      return isComplexLike(v) ? 'complex' : null;
  }
}

export const INT_RANGE: Partial<Record<DTypeName, readonly [bigint, bigint]>> = {
  int8: [-128n, 127n],
  int16: [-32768n, 32767n],
  int32: [-2147483648n, 2147483647n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint8: [0n, 255n],
  uint16: [0n, 65535n],
  uint32: [0n, 4294967295n],
  uint64: [0n, 2n ** 64n - 1n],
};

/** True when the integer `v` fits dtype `d` (always true for non-integer dtypes). */
export function intFits(v: number | bigint, d: DTypeName): boolean {
  const r = INT_RANGE[d];
  if (!r) return true;
  if (typeof v === 'number') return v >= Number(r[0]) && v <= Number(r[1]);
  return v >= r[0] && v <= r[1];
}

/**
 * Convert a weak JS scalar to a value of dtype `d` as the kernels represent it (numbers, bigints,
 * bool as 0/1, complex as {re, im}). An integer that does not fit an integer dtype is an error, as in
 * NumPy 2 ("Python integer 300 out of bounds for int8").
 */
export function scalarToDType(v: number | bigint | boolean | Complex, d: DTypeName): number | bigint | Complex {
  const k = DTYPES[d].kind;
  if (typeof v === 'boolean') v = v ? 1 : 0;
  if (isComplexLike(v)) {
    if (k === 'complex') return d === 'complex64' ? { re: Math.fround(v.re), im: Math.fround(v.im) } : { re: v.re, im: v.im };
    if (k === 'bool') return v.re !== 0 || v.im !== 0 ? 1 : 0;
    throw new DTypeError(`cannot use the complex value ${v.re}+${v.im}j with dtype ${d} without a complex dtype`);
  }
  if (k === 'bool') return v !== 0 && v !== 0n ? 1 : 0;
  if (k === 'complex') {
    const re = Number(v);
    return { re: d === 'complex64' ? Math.fround(re) : re, im: 0 };
  }
  if (k === 'float') return d === 'float32' ? Math.fround(Number(v)) : Number(v);
  // integer dtypes
  if (typeof v === 'number' && !Number.isInteger(v)) {
    throw new DTypeError(`cannot use the float value ${v} with integer dtype ${d} here; cast explicitly with astype`);
  }
  if (!intFits(v, d)) throw new ValueError(`integer ${v} is out of bounds for ${d}`);
  return d === 'int64' || d === 'uint64' ? BigInt(v) : Number(v);
}

/** Read element `k` (element index; complex: slots 2k, 2k+1) as a public Scalar. */
export function readElement(data: TypedData, dtype: DTypeName, k: number): Scalar {
  const kind = DTYPES[dtype].kind;
  if (kind === 'complex') return { re: data[2 * k] as number, im: data[2 * k + 1] as number };
  if (kind === 'bool') return data[k] !== 0;
  return data[k];
}

/** Write a JS value (any scalar kind, converted with NumPy's unsafe casting) to element `k`. */
export function writeElement(data: TypedData, dtype: DTypeName, k: number, v: unknown): void {
  const kind = DTYPES[dtype].kind;
  if (isComplexLike(v)) {
    if (kind === 'complex') {
      data[2 * k] = v.re;
      data[2 * k + 1] = v.im;
      return;
    }
    if (kind === 'bool') {
      data[k] = v.re !== 0 || v.im !== 0 ? 1 : 0;
      return;
    }
    v = v.re;
  }
  if (typeof v === 'boolean') v = v ? 1 : 0;
  if (typeof v !== 'number' && typeof v !== 'bigint') {
    throw new DTypeError(`cannot store ${describe(v)} in a ${dtype} array; values must be numbers, bigints, booleans or {re, im}`);
  }
  switch (kind) {
    case 'complex':
      data[2 * k] = Number(v);
      data[2 * k + 1] = 0;
      return;
    case 'bool':
      data[k] = v !== 0 && v !== 0n ? 1 : 0; // NaN is true, as NumPy
      return;
    case 'float':
      data[k] = Number(v);
      return;
    default:
      if (dtype === 'int64' || dtype === 'uint64') {
        const b =
          typeof v === 'bigint' ? v : Number.isFinite(v) ? BigInt(Math.trunc(v)) : dtype === 'int64' ? -(2n ** 63n) : 2n ** 63n;
        data[k] = dtype === 'int64' ? BigInt.asIntN(64, b) : BigInt.asUintN(64, b);
      } else {
        data[k] = typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : v; // typed arrays truncate and wrap
      }
  }
}

export function describe(v: unknown): string {
  if (typeof v === 'string') return `the string ${JSON.stringify(v)}`;
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'object') return `an object (${Object.prototype.toString.call(v)})`;
  return `${typeof v} ${String(v)}`;
}
