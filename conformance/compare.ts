/**
 * Comparison of a runtime's result with the oracle's: shape, dtype (with the default-integer rule of
 * DESIGN.md), values exact for integers and booleans, floats within a tolerance in ulps (of the expected
 * dtype's width) and/or rtol/atol, NaN equal to NaN, signed zeros distinguished where the corner says so.
 */
import { DTYPES, isDTypeName, type DTypeName } from '../src/common/dtypes.js';
import type { Scalar } from '../src/common/ndarray.js';
import { isComplex, scalarText, showValue, type Value } from './values.js';

export interface Tolerance {
  /** Allowed distance in units in the last place of the expected dtype (float32 ulps for float32/complex64). */
  readonly ulps?: number;
  readonly rtol?: number;
  readonly atol?: number;
  /** When true, 0.0 and -0.0 differ (the standard specifies the sign of zero results of element-wise functions). */
  readonly signedZeros?: boolean;
}

export interface CompareOptions {
  readonly tol: Tolerance;
  /** The result's dtype is the default integer: NumPy's int64 matches the runtime's default integer. */
  readonly defaultInt?: boolean;
  /** The runtime's default integer dtype (fast: int32, NumPy: int64). */
  readonly runtimeDefaultInt: 'int32' | 'int64';
  /** Skip the dtype check (only the values matter, e.g. Python floats). */
  readonly ignoreDtype?: boolean;
}

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

function ordered64(x: number): bigint {
  f64[0] = x;
  const b = i64[0];
  return b < 0n ? -(2n ** 63n) - b : b;
}

function ordered32(x: number): number {
  f32[0] = x;
  const b = i32[0];
  return b < 0 ? -2147483648 - b : b;
}

/** Distance in ulps between two finite floats, counted in float32 or float64 steps. */
export function ulpDistance(a: number, b: number, width: 32 | 64): number {
  if (width === 32) return Math.abs(ordered32(a) - ordered32(b));
  const d = ordered64(a) - ordered64(b);
  return Number(d < 0n ? -d : d);
}

export function floatsMatch(expected: number, actual: number, width: 32 | 64, tol: Tolerance): boolean {
  if (Number.isNaN(expected) || Number.isNaN(actual)) return Number.isNaN(expected) && Number.isNaN(actual);
  if (expected === actual) return !(tol.signedZeros && expected === 0 && !Object.is(expected, actual));
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return false;
  if ((tol.ulps ?? 0) > 0 && ulpDistance(expected, actual, width) <= (tol.ulps ?? 0)) return true;
  if (tol.atol !== undefined || tol.rtol !== undefined) {
    return Math.abs(actual - expected) <= (tol.atol ?? 0) + (tol.rtol ?? 0) * Math.abs(expected);
  }
  return false;
}

function isIntegral(x: Scalar): x is number | bigint {
  return typeof x === 'bigint' || (typeof x === 'number' && Number.isInteger(x));
}

/** One element. `exact`: the expected dtype is integer or bool. */
export function scalarsMatch(expected: Scalar, actual: Scalar, width: 32 | 64, exact: boolean, tol: Tolerance): boolean {
  if (typeof expected === 'boolean' || typeof actual === 'boolean') return expected === actual;
  if (isComplex(expected) || isComplex(actual)) {
    if (!isComplex(expected) || !isComplex(actual)) return false;
    return floatsMatch(expected.re, actual.re, width, tol) && floatsMatch(expected.im, actual.im, width, tol);
  }
  if (typeof expected === 'bigint' || typeof actual === 'bigint' || exact) {
    if (!isIntegral(expected) || !isIntegral(actual)) return false;
    return BigInt(expected) === BigInt(actual);
  }
  return floatsMatch(expected, actual, width, tol);
}

function widthOf(dtype: string): 32 | 64 {
  return dtype === 'float32' || dtype === 'complex64' ? 32 : 64;
}

function isExactDtype(dtype: string): boolean {
  if (!isDTypeName(dtype)) return false;
  const k = DTYPES[dtype].kind;
  return k === 'bool' || k === 'signed' || k === 'unsigned';
}

/** Does the runtime's dtype match NumPy's, given the default-integer rule? */
export function dtypesMatch(expected: string, actual: string, opts: Pick<CompareOptions, 'defaultInt' | 'runtimeDefaultInt'>): boolean {
  if (expected === actual) return true;
  if (!opts.defaultInt || opts.runtimeDefaultInt === 'int64') return false;
  if (expected === 'int64') return actual === opts.runtimeDefaultInt;
  if (expected === 'uint64') return actual === 'uint32';
  return false;
}

function unravel(i: number, shape: readonly number[]): string {
  const idx: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    idx.unshift(shape[d] === 0 ? 0 : i % shape[d]);
    i = shape[d] === 0 ? 0 : Math.floor(i / shape[d]);
  }
  return `[${idx.join(', ')}]`;
}

function compareArrays(
  e: Extract<Value, { kind: 'array' }>,
  a: Extract<Value, { kind: 'array' }>,
  opts: CompareOptions,
  path: string,
): string | null {
  if (e.shape.length !== a.shape.length || e.shape.some((n, i) => n !== a.shape[i])) {
    return `${path}shape: expected (${e.shape.join(', ')}), got (${a.shape.join(', ')})`;
  }
  if (!opts.ignoreDtype && !dtypesMatch(e.dtype, a.dtype, opts)) return `${path}dtype: expected ${e.dtype}, got ${a.dtype}`;
  if (e.data.length !== a.data.length) return `${path}size: expected ${e.data.length} elements, got ${a.data.length}`;
  const exact = isExactDtype(e.dtype);
  const width = widthOf(e.dtype);
  let first = -1;
  let count = 0;
  for (let i = 0; i < e.data.length; i++) {
    if (!scalarsMatch(e.data[i], a.data[i], width, exact, opts.tol)) {
      if (first < 0) first = i;
      count++;
    }
  }
  if (first < 0) return null;
  return (
    `${path}value at ${unravel(first, e.shape)}: expected ${scalarText(e.data[first])}, got ${scalarText(a.data[first])}` +
    ` (${count} of ${e.data.length} elements differ)`
  );
}

/** null when the values match, else a one-line description of the first difference. */
export function compareValues(expected: Value, actual: Value, opts: CompareOptions, path = ''): string | null {
  // A 0-d array and a bare scalar are interchangeable (value only).
  if (expected.kind === 'array' && expected.shape.length === 0 && actual.kind === 'scalar') {
    return scalarsMatch(expected.data[0], actual.value, widthOf(expected.dtype), isExactDtype(expected.dtype), opts.tol)
      ? null
      : `${path}value: expected ${scalarText(expected.data[0])}, got ${scalarText(actual.value)}`;
  }
  if (expected.kind === 'scalar' && actual.kind === 'array' && actual.shape.length === 0) {
    return scalarsMatch(expected.value, actual.data[0], widthOf(actual.dtype), false, opts.tol)
      ? null
      : `${path}value: expected ${scalarText(expected.value)}, got ${scalarText(actual.data[0])}`;
  }
  if (expected.kind !== actual.kind) return `${path}expected ${expected.kind} ${showValue(expected)}, got ${actual.kind} ${showValue(actual)}`;
  switch (expected.kind) {
    case 'array':
      return compareArrays(expected, actual as typeof expected, opts, path);
    case 'scalar': {
      const a = (actual as typeof expected).value;
      return scalarsMatch(expected.value, a, 64, false, opts.tol) ? null : `${path}value: expected ${scalarText(expected.value)}, got ${scalarText(a)}`;
    }
    case 'string': {
      const a = (actual as typeof expected).value;
      if (a === expected.value) return null;
      if (opts.defaultInt && isDTypeName(expected.value) && isDTypeName(a) && dtypesMatch(expected.value, a, opts)) return null;
      return `${path}expected ${JSON.stringify(expected.value)}, got ${JSON.stringify(a)}`;
    }
    case 'none':
      return null;
    case 'list': {
      const a = (actual as typeof expected).items;
      if (a.length !== expected.items.length) return `${path}length: expected ${expected.items.length} items, got ${a.length}`;
      for (let i = 0; i < a.length; i++) {
        const d = compareValues(expected.items[i], a[i], opts, `${path}[${i}] `);
        if (d) return d;
      }
      return null;
    }
    case 'record': {
      const a = (actual as typeof expected).fields;
      for (const [k, v] of Object.entries(expected.fields)) {
        if (!(k in a)) return `${path}missing field '${k}' (has ${Object.keys(a).join(', ') || 'none'})`;
        const d = compareValues(v, a[k], opts, `${path}.${k} `);
        if (d) return d;
      }
      return null;
    }
  }
}

export type { DTypeName };
