import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compareValues, dtypesMatch, floatsMatch, scalarsMatch, ulpDistance } from './compare.js';
import type { Value } from './values.js';

/** NumPy's view of ulp distances, computed at test time. */
function numpyUlps(pairs: readonly (readonly [number, number])[], width: 32 | 64): number[] {
  const script = `
import json, sys, numpy as np
pairs = json.loads(sys.stdin.read())
it, ft = (np.int32, np.float32) if ${width} == 32 else (np.int64, np.float64)
def key(x):
    i = int(np.array(x, dtype=ft).view(it))
    return i if i >= 0 else -(2**(${width}-1)) - i
print(json.dumps([abs(key(a) - key(b)) for a, b in pairs]))`;
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(pairs), encoding: 'utf8' })) as number[];
}

describe('ulp distance', () => {
  const pairs: (readonly [number, number])[] = [
    [1, 1 + 2 ** -52],
    [1, 1 - 2 ** -53],
    [0, 5e-324],
    [-0, 5e-324],
    [-1.5, 1.5],
    [1e300, 1.0000000000000002e300],
    [2 ** -1022, 2 ** -1022 - 5e-324],
  ];
  it('matches NumPy for float64', () => {
    expect(pairs.map(([a, b]) => ulpDistance(a, b, 64))).toEqual(numpyUlps(pairs, 64));
  });
  it('matches NumPy for float32', () => {
    const p32 = pairs.map(([a, b]) => [Math.fround(a), Math.fround(b * 1.0000001)] as const);
    expect(p32.map(([a, b]) => ulpDistance(a, b, 32))).toEqual(numpyUlps(p32, 32));
  });
});

describe('float matching', () => {
  it('treats NaN as equal to NaN and only to NaN', () => {
    expect(floatsMatch(NaN, NaN, 64, {})).toBe(true);
    expect(floatsMatch(NaN, 0, 64, { ulps: 1e9 })).toBe(false);
    expect(floatsMatch(1, NaN, 64, { atol: Infinity })).toBe(false);
  });
  it('distinguishes signed zeros only when asked', () => {
    expect(floatsMatch(0, -0, 64, {})).toBe(true);
    expect(floatsMatch(0, -0, 64, { signedZeros: true })).toBe(false);
    expect(floatsMatch(-0, -0, 64, { signedZeros: true })).toBe(true);
  });
  it('uses the stated ulps and tolerances', () => {
    const next = 1 + 2 ** -52;
    expect(floatsMatch(1, next, 64, {})).toBe(false);
    expect(floatsMatch(1, next, 64, { ulps: 1 })).toBe(true);
    expect(floatsMatch(1, 1 + 2 * 2 ** -52, 64, { ulps: 1 })).toBe(false);
    expect(floatsMatch(1, 1.001, 64, { rtol: 1e-2 })).toBe(true);
    expect(floatsMatch(Infinity, Infinity, 64, {})).toBe(true);
    expect(floatsMatch(Infinity, -Infinity, 64, { ulps: 1e12 })).toBe(false);
    expect(floatsMatch(Infinity, Number.MAX_VALUE, 64, { ulps: 1 })).toBe(false);
  });
  it('compares integers exactly across number and bigint', () => {
    expect(scalarsMatch(5n, 5, 64, true, {})).toBe(true);
    expect(scalarsMatch(2n ** 63n - 1n, 2 ** 63, 64, true, { ulps: 10 })).toBe(false);
    expect(scalarsMatch(3, 3.5, 64, true, { ulps: 1e15 })).toBe(false);
    expect(scalarsMatch(true, 1, 64, true, {})).toBe(false);
    expect(scalarsMatch({ re: 1, im: NaN }, { re: 1, im: NaN }, 64, false, {})).toBe(true);
  });
});

describe('value comparison', () => {
  const arr = (dtype: string, shape: number[], data: Value extends never ? never : (number | bigint | boolean)[]): Value => ({ kind: 'array', dtype, shape, data });
  const opts = { tol: {}, runtimeDefaultInt: 'int32' as const };
  it('checks shape, then dtype, then values', () => {
    expect(compareValues(arr('float64', [2], [1, 2]), arr('float64', [2], [1, 2]), opts)).toBeNull();
    expect(compareValues(arr('float64', [2], [1, 2]), arr('float64', [1, 2], [1, 2]), opts)).toMatch(/shape: expected \(2\), got \(1, 2\)/);
    expect(compareValues(arr('float64', [2], [1, 2]), arr('float32', [2], [1, 2]), opts)).toMatch(/dtype: expected float64, got float32/);
    expect(compareValues(arr('int32', [2, 2], [1, 2, 3, 4]), arr('int32', [2, 2], [1, 2, 3, 5]), opts)).toMatch(/value at \[1, 1\]: expected 4, got 5 \(1 of 4/);
  });
  it('maps NumPy int64 to the runtime default integer only where the case says so', () => {
    expect(compareValues(arr('int64', [1], [3n]), arr('int32', [1], [3]), opts)).toMatch(/dtype/);
    expect(compareValues(arr('int64', [1], [3n]), arr('int32', [1], [3]), { ...opts, defaultInt: true })).toBeNull();
    expect(dtypesMatch('int64', 'int32', { defaultInt: true, runtimeDefaultInt: 'int64' })).toBe(false);
  });
  it('accepts a bare scalar for a 0-d array and compares lists and records item by item', () => {
    expect(compareValues(arr('float64', [], [0.5]), { kind: 'scalar', value: 0.5 }, opts)).toBeNull();
    expect(compareValues({ kind: 'list', items: [arr('bool', [1], [true])] }, { kind: 'list', items: [] }, opts)).toMatch(/length/);
    expect(compareValues({ kind: 'record', fields: { bits: { kind: 'scalar', value: 32 } } }, { kind: 'record', fields: { bits: { kind: 'scalar', value: 64 } } }, opts)).toMatch(/\.bits value: expected 32, got 64/);
  });
});
