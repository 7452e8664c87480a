import { describe, expect, it } from 'vitest';
import { hexToF64, hexToF64Array, runNumpy } from './numpy-oracle.js';
import {
  numpyMeanF32,
  numpyMeanF64,
  numpyStdF32,
  numpyStdF64,
  numpySumF32,
  numpySumF64,
  numpyVarF32,
  numpyVarF64,
  numpyMeanComplex,
  numpyStdComplex,
  numpyVarComplex,
  pairwiseSumComplex,
} from './pairwise.js';

// NumPy generates the data from a seed and computes every expected value on the same data, once.
// Values span several magnitudes with both signs so that the summation order changes the bits.
interface Expected {
  base: string;
  sum64: string[];
  sum32: string[];
  strided64: string[];
  strided32: string[];
  neg64: string[];
  stats64: string[][];
  stats32: string[][];
  csum128: string[][];
  csum64: string[][];
  big64: string[];
  big32: string[];
}

const MAXLEN = 5000;
const BASE = 3 * MAXLEN + 16;
const STEP_LENGTHS: number[] = [];
for (let n = 1; n <= MAXLEN; n += 7) STEP_LENGTHS.push(n);
const STAT_LENGTHS = [1, 2, 3, 7, 8, 9, 15, 16, 17, 127, 128, 129, 255, 256, 257, 1000, 1023, 4999, 5000];
const BIG = [8192, 8193, 20000, 65537];

const exp = runNumpy<Expected>(
  `
rng = np.random.default_rng(20261122)
N = INPUT['base']
base = rng.standard_normal(N) * 10.0 ** rng.integers(-6, 7, N)
b32 = base.astype(np.float32)
out = {'base': hs(base)}
out['sum64'] = [h(np.sum(base[n % 7: n % 7 + n])) for n in range(1, INPUT['maxlen'] + 1)]
out['sum32'] = [h(np.sum(b32[n % 7: n % 7 + n])) for n in range(1, INPUT['maxlen'] + 1)]
out['strided64'] = [h(np.add.reduce(base[5::3][:n])) for n in INPUT['steps']]
out['strided32'] = [h(np.add.reduce(b32[5::3][:n])) for n in INPUT['steps']]
out['neg64'] = [h(np.sum(base[N - 1 - n % 5::-2][:n])) for n in INPUT['steps']]
def stats(x):
    return [h(np.mean(x)), h(np.var(x)), h(np.var(x, ddof=1)) if len(x) > 1 else h(0), h(np.std(x)), h(np.std(x, ddof=1)) if len(x) > 1 else h(0)]
out['stats64'] = [stats(base[3:3 + n]) for n in INPUT['stats']]
out['stats32'] = [stats(b32[3:3 + n]) for n in INPUT['stats']]
c = base[: 2 * (N // 2)].view(np.complex128)
c64 = b32[: 2 * (N // 2)].view(np.complex64)
def cs(x):
    s = np.sum(x)
    return [h(s.real), h(s.imag)]
out['csum128'] = [cs(c[1:1 + n]) for n in INPUT['steps'] if n <= len(c) - 1] + [cs(c[::-3][:n]) for n in INPUT['stats'] if n <= 2500]
out['csum64'] = [cs(c64[1:1 + n]) for n in INPUT['steps'] if n <= len(c64) - 1]
big = rng.standard_normal(70000) * 10.0 ** rng.integers(-6, 7, 70000)
out['bigbase'] = hs(big)
out['big64'] = [h(np.sum(big[:n])) for n in INPUT['big']]
def cstats(x):
    m = np.mean(x)
    return [h(m.real), h(m.imag), h(np.var(x)), h(np.var(x, ddof=1)) if len(x) > 1 else h(0), h(np.std(x))]
out['cstats128'] = [cstats(c[2:2 + n]) for n in INPUT['stats']] + [cstats(c[::-2][:n]) for n in INPUT['stats'] if n <= 3000]
out['cstats64'] = [cstats(c64[2:2 + n]) for n in INPUT['stats']]
out['big32'] = [h(np.sum(big.astype(np.float32)[:n])) for n in INPUT['big']]
print(json.dumps(out))
`,
  { base: BASE, maxlen: MAXLEN, steps: STEP_LENGTHS, stats: STAT_LENGTHS, big: BIG },
) as Expected & { bigbase: string };

const base = hexToF64Array(exp.base);
const b32 = Float32Array.from(base);

function mismatches(got: number[], wantHex: string[]): string[] {
  const bad: string[] = [];
  for (let i = 0; i < wantHex.length; i++) {
    const want = hexToF64(wantHex[i]);
    if (!Object.is(got[i], want)) bad.push(`#${i}: got ${got[i]} want ${want}`);
  }
  return bad;
}

describe('pairwise summation is bit-identical to NumPy', () => {
  it('float64 contiguous, every length 1..5000', () => {
    const got = [];
    for (let n = 1; n <= MAXLEN; n++) got.push(numpySumF64(base, n % 7, n, 1));
    expect(mismatches(got, exp.sum64)).toEqual([]);
  });

  it('float32 contiguous, every length 1..5000, accumulating in float32', () => {
    const got = [];
    for (let n = 1; n <= MAXLEN; n++) got.push(numpySumF32(b32, n % 7, n, 1));
    expect(mismatches(got, exp.sum32)).toEqual([]);
  });

  it('strided (step 3) float64 and float32, and negative stride float64', () => {
    expect(mismatches(STEP_LENGTHS.map((n) => numpySumF64(base, 5, n, 3)), exp.strided64)).toEqual([]);
    expect(mismatches(STEP_LENGTHS.map((n) => numpySumF32(b32, 5, n, 3)), exp.strided32)).toEqual([]);
    expect(mismatches(STEP_LENGTHS.map((n) => numpySumF64(base, BASE - 1 - (n % 5), n, -2)), exp.neg64)).toEqual([]);
  });

  it('large arrays (beyond NumPy buffer sizes)', () => {
    const big = hexToF64Array((exp as unknown as { bigbase: string }).bigbase);
    const big32 = Float32Array.from(big);
    expect(mismatches(BIG.map((n) => numpySumF64(big, 0, n, 1)), exp.big64)).toEqual([]);
    expect(mismatches(BIG.map((n) => numpySumF32(big32, 0, n, 1)), exp.big32)).toEqual([]);
  });

  it('mean, var, std (ddof 0 and 1) float64 and float32', () => {
    const g64: number[] = [];
    const g32: number[] = [];
    const w64: string[] = [];
    const w32: string[] = [];
    STAT_LENGTHS.forEach((n, k) => {
      g64.push(numpyMeanF64(base, 3, n, 1), numpyVarF64(base, 3, n, 1), n > 1 ? numpyVarF64(base, 3, n, 1, 1) : 0);
      g64.push(numpyStdF64(base, 3, n, 1), n > 1 ? numpyStdF64(base, 3, n, 1, 1) : 0);
      g32.push(numpyMeanF32(b32, 3, n, 1), numpyVarF32(b32, 3, n, 1), n > 1 ? numpyVarF32(b32, 3, n, 1, 1) : 0);
      g32.push(numpyStdF32(b32, 3, n, 1), n > 1 ? numpyStdF32(b32, 3, n, 1, 1) : 0);
      w64.push(...exp.stats64[k]);
      w32.push(...exp.stats32[k]);
    });
    expect(mismatches(g64, w64)).toEqual([]);
    expect(mismatches(g32, w32)).toEqual([]);
  });

  it('complex128 and complex64 on interleaved data, contiguous and strided', () => {
    const nc = Math.floor(BASE / 2);
    const lens = STEP_LENGTHS.filter((n) => n <= nc - 1);
    const out = new Float64Array(2);
    const got: number[] = [];
    for (const n of lens) {
      pairwiseSumComplex(base, 1, n, 1, out);
      got.push(out[0], out[1]);
    }
    for (const n of STAT_LENGTHS.filter((k) => k <= 2500)) {
      pairwiseSumComplex(base, nc - 1, n, -3, out);
      got.push(out[0], out[1]);
    }
    expect(mismatches(got, exp.csum128.flat())).toEqual([]);
    const got32: number[] = [];
    for (const n of lens) {
      pairwiseSumComplex(b32, 1, n, 1, out);
      got32.push(out[0], out[1]);
    }
    expect(mismatches(got32, exp.csum64.flat())).toEqual([]);
  });

  it('complex mean, var, std (complex128 contiguous and reversed, complex64), bit-identical', () => {
    const e = exp as unknown as { cstats128: string[][]; cstats64: string[][] };
    const nc = Math.floor(BASE / 2);
    const stats = (x: Float64Array | Float32Array, off: number, n: number, st: number): number[] => {
      const m = [0, 0];
      numpyMeanComplex(x, off, n, st, m);
      return [m[0], m[1], numpyVarComplex(x, off, n, st), n > 1 ? numpyVarComplex(x, off, n, st, 1) : 0, numpyStdComplex(x, off, n, st)];
    };
    const got: number[] = [];
    for (const n of STAT_LENGTHS) got.push(...stats(base, 2, n, 1));
    for (const n of STAT_LENGTHS.filter((k) => k <= 3000)) got.push(...stats(base, nc - 1, n, -2));
    expect(mismatches(got, e.cstats128.flat())).toEqual([]);
    const got32: number[] = [];
    for (const n of STAT_LENGTHS) got32.push(...stats(b32, 2, n, 1));
    expect(mismatches(got32, e.cstats64.flat())).toEqual([]);
  });

  it('edge values: empty is +0.0, -0.0 sums to +0.0, NaN and inf propagate', () => {
    expect(Object.is(numpySumF64(new Float64Array(0), 0, 0, 1), 0)).toBe(true);
    expect(Object.is(numpySumF64(new Float64Array([-0, -0]), 0, 2, 1), 0)).toBe(true);
    expect(Number.isNaN(numpySumF64(new Float64Array([1, Infinity, -Infinity]), 0, 3, 1))).toBe(true);
    expect(Number.isNaN(numpyMeanF64(new Float64Array(0), 0, 0, 1))).toBe(true);
  });
});
