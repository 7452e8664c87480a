import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DTYPE_NAMES } from '../src/common/dtypes.js';
import { fromHex, generateInput, nest, toHex } from './inputs.js';
import { rngFor } from './prng.js';
import { parsePyFloat } from './values.js';

describe('generated inputs', () => {
  it('are a pure function of the seed', () => {
    const a = generateInput(rngFor(7, 'x'), { dtype: 'float64', shape: [20] });
    const b = generateInput(rngFor(7, 'x'), { dtype: 'float64', shape: [20] });
    const c = generateInput(rngFor(8, 'x'), { dtype: 'float64', shape: [20] });
    expect(Object.is(a.values[0], b.values[0]) && a.values.every((v, i) => Object.is(v, b.values[i]))).toBe(true);
    expect(a.values.every((v, i) => Object.is(v, c.values[i]))).toBe(false);
  });
  it('mix in edge values and respect the domain', () => {
    const f = generateInput(rngFor(1, 'e'), { dtype: 'float64', shape: [40] }).values as number[];
    expect(f.some((v) => Number.isNaN(v))).toBe(true);
    expect(f.some((v) => v === Infinity || v === -Infinity || Object.is(v, -0))).toBe(true);
    const pos = generateInput(rngFor(1, 'p'), { dtype: 'float32', shape: [40], domain: 'positive' }).values as number[];
    expect(pos.every((v) => Number.isNaN(v) || v > 0)).toBe(true);
    const i8 = generateInput(rngFor(1, 'i'), { dtype: 'int8', shape: [40] }).values as number[];
    expect(i8.every((v) => Number.isInteger(v) && v >= -128 && v <= 127)).toBe(true);
    expect(i8.includes(-128) || i8.includes(127)).toBe(true);
    const u64 = generateInput(rngFor(1, 'u'), { dtype: 'uint64', shape: [10] }).values;
    expect(u64.every((v) => typeof v === 'bigint' && v >= 0n)).toBe(true);
  });
  it('round-trip through bytes, and NumPy reads the same values from those bytes', () => {
    const cases = DTYPE_NAMES.map((d) => {
      const g = generateInput(rngFor(3, d), { dtype: d, shape: [6] });
      const hex = toHex(d, g.values);
      expect(toHex(d, fromHex(d, hex))).toBe(hex);
      return { d, hex, values: g.values.map((v) => (typeof v === 'object' ? [v.re, v.im] : typeof v === 'bigint' ? String(v) : v)) };
    });
    // NumPy decodes the bytes and re-encodes its own tolist(): same values (floats by repr, ints exactly).
    const script = `
import json, sys, numpy as np
out = []
for c in json.loads(sys.stdin.read()):
    a = np.frombuffer(bytes.fromhex(c['hex']), dtype=np.dtype(c['d']).newbyteorder('<'))
    out.append([a.dtype.name, [[repr(x.real), repr(x.imag)] if isinstance(x, complex) else (str(x) if isinstance(x, int) and not isinstance(x, bool) else (repr(x) if isinstance(x, float) else x)) for x in a.tolist()]])
print(json.dumps(out))`;
    const numpy = JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(cases, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)), encoding: 'utf8' })) as [string, unknown[]][];
    const same = (a: number, b: number) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
    numpy.forEach(([dtype, values], i) => {
      const c = cases[i];
      expect(dtype).toBe(c.d);
      values.forEach((v, j) => {
        const mine = c.values[j];
        if (Array.isArray(v)) expect(same(parsePyFloat(v[0] as string), (mine as number[])[0]) && same(parsePyFloat(v[1] as string), (mine as number[])[1])).toBe(true);
        else if (typeof v === 'string' && /^-?\d+$/.test(v)) expect(v).toBe(String(mine));
        else if (typeof v === 'string') expect(same(parsePyFloat(v), mine as number)).toBe(true);
        else expect(v).toBe(mine);
      });
    });
  });
  it('nest flat values like tolist()', () => {
    expect(nest([1, 2, 3, 4, 5, 6], [2, 3])).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(nest([7], [])).toBe(7);
    expect(nest([], [0, 3])).toEqual([]);
  });
});
