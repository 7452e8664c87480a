/**
 * Test support: evaluate NumPy expressions in one `python3` call and compare fast arrays with the
 * results. Values travel as JSON with NaN, infinities and -0.0 spelled out and 64-bit integers as
 * strings, so nothing is lost on the way. Not used by the runtime.
 */
import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';
import { DTYPES, type DTypeName } from '../../common/dtypes.js';
import { FastArray } from '../array.js';

export type EncValue = number | string | boolean | [number | string, number | string];
export interface EncArray {
  readonly dtype: string;
  readonly shape: number[];
  readonly data: EncValue[];
}
export interface EncError {
  readonly error: string;
  readonly message: string;
}
export interface EncString {
  readonly str: string;
}
export type Enc = EncArray | EncError | EncString;

const PRELUDE = `
import json, sys, math
import numpy as np
def _f(v):
    v = float(v)
    if math.isnan(v): return "nan"
    if math.isinf(v): return "inf" if v > 0 else "-inf"
    if v == 0 and math.copysign(1, v) < 0: return "-0"
    return v
def _v(v, kind):
    if kind == "c": return [_f(v.real), _f(v.imag)]
    if kind == "f": return _f(v)
    if kind == "b": return bool(v)
    return str(int(v))
def enc(x):
    if isinstance(x, str): return {"str": x}
    a = np.asarray(x)
    k = a.dtype.kind
    return {"dtype": str(a.dtype), "shape": list(a.shape), "data": [_v(v, k) for v in a.ravel().tolist()] if k != "c" else [_v(v, k) for v in a.ravel()]}
`;

/**
 * Evaluate each Python expression (with `np` imported and `setup` run first) and return the encoded
 * results; an expression that raises gives `{ error: <exception type>, message }`.
 */
export function numpyEval(cases: Readonly<Record<string, string>>, setup = ''): Record<string, Enc> {
  const script = `${PRELUDE}
${setup}
CASES = json.loads(sys.stdin.read())
res = {}
for k, e in CASES.items():
    try:
        res[k] = enc(eval(e))
    except Exception as ex:
        res[k] = {"error": type(ex).__name__, "message": str(ex)}
print(json.dumps(res))
`;
  const out = execFileSync('python3', ['-c', script], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 1 << 28 });
  return JSON.parse(out) as Record<string, Enc>;
}

function encNum(v: number): number | string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (Object.is(v, -0)) return '-0';
  return v;
}

/** Encode a fast array the way the oracle encodes NumPy arrays. */
export function encode(a: FastArray): EncArray {
  const flat = a.reshape([-1]);
  const kind = DTYPES[a.dtype].kind;
  const data: EncValue[] = [];
  for (let i = 0; i < flat.size; i++) {
    const v = flat.get(i);
    if (kind === 'complex') {
      const c = v as { re: number; im: number };
      data.push([encNum(c.re), encNum(c.im)]);
    } else if (kind === 'float') data.push(encNum(v as number));
    else if (kind === 'bool') data.push(v as boolean);
    else data.push(String(v));
  }
  return { dtype: a.dtype, shape: a.shape.slice(), data };
}

function decode(v: number | string): number {
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  if (v === '-0') return -0;
  return v as number;
}

function closeEnough(a: number | string, b: number | string, rtol: number): boolean {
  const x = decode(a);
  const y = decode(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y);
  if (rtol === 0) return Object.is(x, y);
  if (x === y) return true;
  return Math.abs(x - y) <= rtol * Math.max(Math.abs(x), Math.abs(y));
}

export interface CompareOptions {
  /** Relative tolerance for float values (0: bit-exact, -0.0 distinguished). */
  rtol?: number;
  /** Expected dtype when it intentionally differs from NumPy's (fast's int32 default). */
  dtype?: DTypeName;
}

/** Assert that a fast array equals a NumPy result (dtype, shape and values). */
export function expectSame(actual: FastArray, expected: Enc | undefined, label: string, options: CompareOptions = {}): void {
  expect(expected, `${label}: no NumPy result`).toBeDefined();
  if (expected === undefined || 'error' in expected || 'str' in expected) {
    throw new Error(`${label}: NumPy gave ${JSON.stringify(expected)} but fast gave an array`);
  }
  const got = encode(actual);
  expect(got.dtype, `${label}: dtype`).toBe(options.dtype ?? expected.dtype);
  expect(got.shape, `${label}: shape`).toEqual(expected.shape);
  const rtol = options.rtol ?? 0;
  for (let i = 0; i < got.data.length; i++) {
    const g = got.data[i];
    const e = expected.data[i];
    let ok: boolean;
    if (Array.isArray(g) && Array.isArray(e)) ok = closeEnough(g[0], e[0], rtol) && closeEnough(g[1], e[1], rtol);
    else if (typeof g === 'boolean' || typeof e === 'boolean') ok = g === e;
    else if (typeof e === 'string' && /^-?\d+$/.test(e)) ok = String(g) === e;
    else ok = closeEnough(g as number | string, e as number | string, rtol);
    if (!ok) throw new Error(`${label}: element ${i} is ${JSON.stringify(g)}, NumPy has ${JSON.stringify(e)} (all: ${JSON.stringify(got.data.slice(0, 20))} vs ${JSON.stringify(expected.data.slice(0, 20))})`);
  }
}

/** The NumPy error of a case (fails when NumPy did not raise). */
export function numpyError(expected: Enc | undefined, label: string): EncError {
  if (expected === undefined || !('error' in expected)) throw new Error(`${label}: NumPy did not raise (${JSON.stringify(expected)})`);
  return expected;
}

export function numpyString(expected: Enc | undefined, label: string): string {
  if (expected === undefined || !('str' in expected)) throw new Error(`${label}: NumPy gave no string (${JSON.stringify(expected)})`);
  return expected.str;
}
