/**
 * pow(x, c) with a JS-number exponent compiles to products, sqrt or an inline Math.pow
 * (codegen.ts constPowerOf). Compared with NumPy's np.power element by element in units in the
 * last place (ulp distance of the bit patterns): exact for c in {0, ±0, 1, 2, -1}, within 1 ulp for
 * 3, 2 for 4, 3 for the half-integers, and what the general Math.pow path gave before (8) for the
 * rest; NaNs where NumPy has NaN, and the same signs of zero and infinity everywhere.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as fast from '../index.js';
import { f64ArrayToHex, hexToF64Array, runNumpy } from '../engine/kernels/numpy-oracle.js';

const SPECIALS = [
  0, -0, 1, -1, 2, -2, 0.5, -0.5, 3, 1e-200, 1e-160, 1e-110, 1e-105, 1e-80, 1e80, 1e103, 1e154, 1e200, 5e-324, 2.2250738585072014e-308,
  Infinity, -Infinity, NaN, 1.0000000000000002, 0.9999999999999999, 7.5, -7.5, 123.456, -0.001,
];
const RANDOM = fc.sample(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { seed: 42, numRuns: 400 });
const X = Float64Array.from([...SPECIALS, ...RANDOM, ...RANDOM.map((v) => Math.abs(v) / 1e6)]);

/** [exponent, largest ulp distance allowed] */
const EXPONENTS: readonly [number, number][] = [
  [0, 0],
  [-0, 0],
  [1, 0],
  [2, 0],
  [-1, 0],
  [3, 1],
  [4, 2],
  [0.5, 0],
  [1.5, 3],
  [2.5, 3],
  [3.5, 3],
  [5, 8],
  [-2, 8],
  [-2.5, 8],
  [0.3, 8],
  [1e300, 8],
  [Infinity, 8],
  [-Infinity, 8],
  [NaN, 0],
];

function ordered(v: number): bigint {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, v);
  const u = b.getBigInt64(0);
  return u < 0n ? -(u & 0x7fffffffffffffffn) : u;
}

function ulpDistance(a: number, b: number): bigint {
  const d = ordered(a) - ordered(b);
  return d < 0n ? -d : d;
}

const expected64 = runNumpy<string[]>(
  `x = unh(INPUT["x"])
out = []
with np.errstate(all="ignore"):
    for c in INPUT["c"]:
        out.append(hs(np.power(x, float(c))))
print(json.dumps(out))`,
  { x: f64ArrayToHex(X), c: EXPONENTS.map(([c]) => (Number.isNaN(c) ? 'nan' : Object.is(c, -0) ? '-0.0' : String(c))) },
).map(hexToF64Array);

const X32 = Float32Array.from(X);
const expected32 = runNumpy<string[]>(
  `x = unh(INPUT["x"]).astype(np.float32)
out = []
with np.errstate(all="ignore"):
    for c in INPUT["c"]:
        out.append(hs(np.power(x, np.float32(float(c)))))
print(json.dumps(out))`,
  { x: f64ArrayToHex(Float64Array.from(X32)), c: ['2', '3', '2.5', '-1', '0.3'] },
).map(hexToF64Array);

describe('pow with a constant exponent matches NumPy', () => {
  EXPONENTS.forEach(([c, ulps], k) => {
    it(`float64 ** ${Object.is(c, -0) ? '-0' : c} within ${ulps} ulp`, () => {
      const got = fast.pow(fast.asarray(X.slice()), c).toTypedArray() as Float64Array;
      const want = expected64[k];
      for (let i = 0; i < X.length; i++) {
        const g = got[i];
        const w = want[i];
        const where = `x = ${X[i]}: fast ${g}, NumPy ${w}`;
        if (Number.isNaN(w)) expect(Number.isNaN(g), where).toBe(true);
        else {
          expect(Number.isNaN(g), where).toBe(false);
          expect(Math.sign(g) === Math.sign(w) && Object.is(g, 0) === Object.is(w, 0), where).toBe(true);
          expect(ulpDistance(g, w) <= BigInt(ulps), `${where}, ${ulpDistance(g, w)} ulp`).toBe(true);
        }
      }
    });
  });

  it('x.pow(c), a chain around it, and a strided view compute the same as fast.pow', () => {
    const a = fast.asarray(X.slice(0, 100));
    const viaMethod = a.pow(3).toTypedArray() as Float64Array;
    const chained = a.mul(2).pow(3).add(1).toTypedArray() as Float64Array;
    const strided = fast.asarray(X.slice(0, 200)).at('::2').pow(2.5).toTypedArray() as Float64Array;
    const evens = Float64Array.from({ length: 100 }, (_, i) => X[2 * i]);
    for (let i = 0; i < 100; i++) {
      expect(Object.is(viaMethod[i], X[i] * X[i] * X[i])).toBe(true);
      const t = X[i] * 2;
      expect(Object.is(chained[i], t * t * t + 1)).toBe(true);
      const e = evens[i];
      expect(Object.is(strided[i], e > 0 ? e * e * Math.sqrt(e) : Math.pow(e, 2.5))).toBe(true);
    }
  });

  it('float32 arrays keep float32 results within 1 float32 ulp of NumPy', () => {
    ['2', '3', '2.5', '-1', '0.3'].forEach((c, k) => {
      const got = fast.pow(fast.asarray(X32.slice()), Number(c));
      expect(got.dtype).toBe('float32');
      const g = got.toTypedArray() as Float32Array;
      const w = expected32[k];
      for (let i = 0; i < X32.length; i++) {
        if (Number.isNaN(w[i])) expect(Number.isNaN(g[i])).toBe(true);
        else {
          const tol = Math.abs(w[i]) * 2 ** -23 + 1.5e-45;
          expect(Math.abs(g[i] - w[i]) <= tol || g[i] === w[i], `x = ${X32[i]} ** ${c}: fast ${g[i]}, NumPy ${w[i]}`).toBe(true);
        }
      }
    });
  });

  it('integer arrays still raise integer powers exactly (no float path)', () => {
    const a = fast.asarray([1, 2, 3, -4], { dtype: 'int32' });
    expect(fast.pow(a, 3).toArray()).toEqual([1, 8, 27, -64]);
    expect(fast.pow(a, 3).dtype).toBe('int32');
  });
});
