import { describe, expect, it } from 'vitest';
import type { DTypeName } from '../../../common/dtypes.js';
import { f64Bits, hexToF64Array, runNumpy } from './numpy-oracle.js';
import type { KernelArray } from './types.js';
import { uniqueAll, uniqueCounts, uniqueInverse, uniqueValues } from './unique.js';

const DTYPES: DTypeName[] = [
  'float64', 'float32', 'complex128', 'complex64', 'int8', 'int16', 'int32', 'int64',
  'uint8', 'uint16', 'uint32', 'uint64', 'bool',
];
const LENGTHS = [0, 1, 7, 400];

type Enc = string | Array<number | string>;
interface Case {
  buf: Enc; // the run is buf[::-3] (offset len-1, stride -3)
  all: { values: Enc; indices: number[]; inverse: number[]; counts: number[] };
  counts: { values: Enc; counts: number[] };
  inverse: { values: Enc; inverse: number[] };
  values: Enc; // np.sort(np.unique_values(x)): NumPy >= 2.3 returns hash order
}

const expected = runNumpy<Record<string, Case[]>>(
  `
rng = np.random.default_rng(5)
def make(dt, n):
    if dt in ('float64', 'float32'):
        pool = np.array([np.nan, -np.inf, np.inf, -0.0, 0.0, 1.5, -2.0, 5e-324, 1e308], dtype=dt)
        return pool[rng.integers(0, len(pool), n)]
    if dt in ('complex128', 'complex64'):
        parts = np.array([np.nan, 0.0, -0.0, 1.0, -1.0, np.inf])
        return (parts[rng.integers(0, 6, n)] + 1j * parts[rng.integers(0, 6, n)]).astype(dt) if n else np.zeros(0, dt)
    if dt == 'bool':
        return rng.integers(0, 2, n).astype(bool)
    info = np.iinfo(dt)
    pool = np.array([info.min, info.max, 0, 1, 2, 3], dtype=dt)
    return pool[rng.integers(0, len(pool), n)]
def enc(x):
    dt = x.dtype
    if dt.kind == 'f':
        return hs(x)
    if dt.kind == 'c':
        return hs(x.view(np.float64 if dt == np.complex128 else np.float32))
    if dt in (np.int64, np.uint64):
        return [str(int(v)) for v in x]
    return [int(v) for v in x]
out = {}
for dt in INPUT['dtypes']:
    cases = []
    for n in INPUT['lengths']:
        buf = make(dt, 3 * n + 1)
        x = buf[::-3][:n]
        a = np.unique_all(x)
        c = np.unique_counts(x)
        i = np.unique_inverse(x)
        cases.append({'buf': enc(buf),
            'all': {'values': enc(a.values), 'indices': a.indices.tolist(), 'inverse': a.inverse_indices.tolist(), 'counts': a.counts.tolist()},
            'counts': {'values': enc(c.values), 'counts': c.counts.tolist()},
            'inverse': {'values': enc(i.values), 'inverse': i.inverse_indices.tolist()},
            'values': enc(np.sort(np.unique_values(x)))})
    out[dt] = cases
print(json.dumps(out))
`,
  { dtypes: DTYPES, lengths: LENGTHS },
);

function decode(dtype: DTypeName, x: Enc): KernelArray {
  switch (dtype) {
    case 'float64':
    case 'complex128':
      return hexToF64Array(x as string);
    case 'float32':
    case 'complex64':
      return Float32Array.from(hexToF64Array(x as string));
    case 'int64':
      return BigInt64Array.from((x as string[]).map(BigInt));
    case 'uint64':
      return BigUint64Array.from((x as string[]).map(BigInt));
    case 'int8':
      return Int8Array.from(x as number[]);
    case 'int16':
      return Int16Array.from(x as number[]);
    case 'int32':
      return Int32Array.from(x as number[]);
    case 'uint16':
      return Uint16Array.from(x as number[]);
    case 'uint32':
      return Uint32Array.from(x as number[]);
    default:
      return Uint8Array.from(x as number[]);
  }
}

// Exact bits (-0.0 distinct, NaN == NaN); with `zeroSign: false`, -0.0 and 0.0 are the same.
function bits(a: KernelArray, zeroSign = true): string[] {
  return Array.from(a as ArrayLike<number | bigint>, (v) =>
    typeof v === 'number' ? f64Bits(Number.isNaN(v) ? NaN : !zeroSign && v === 0 ? 0 : v) : String(v),
  );
}

describe('unique kernels agree with NumPy 2', () => {
  for (const dtype of DTYPES) {
    LENGTHS.forEach((n, t) => {
      it(`${dtype} n=${n} on a stride -3 view`, () => {
        const c = expected[dtype][t];
        const buf = decode(dtype, c.buf);
        const off = (dtype.startsWith('complex') ? buf.length / 2 : buf.length) - 1;
        const all = uniqueAll(dtype, buf, off, n, -3);
        // unique_all is a stable sort in NumPy: everything exact, including the sign of zero.
        expect(bits(all.values)).toEqual(bits(decode(dtype, c.all.values)));
        expect(Array.from(all.indices)).toEqual(c.all.indices);
        expect(Array.from(all.inverse)).toEqual(c.all.inverse);
        expect(Array.from(all.counts)).toEqual(c.all.counts);
        // The others pick a zero's sign by hashing or unstable sorting in NumPy: compare without it.
        const cnt = uniqueCounts(dtype, buf, off, n, -3);
        expect(bits(cnt.values, false)).toEqual(bits(decode(dtype, c.counts.values), false));
        expect(Array.from(cnt.counts)).toEqual(c.counts.counts);
        const inv = uniqueInverse(dtype, buf, off, n, -3);
        expect(bits(inv.values, false)).toEqual(bits(decode(dtype, c.inverse.values), false));
        // NumPy's unique_inverse sorts unstably, so which NaN slot a NaN element maps to varies;
        // ours is unique_all's (stable) inverse. Non-NaN elements must map exactly as NumPy's.
        expect(Array.from(inv.inverse)).toEqual(Array.from(all.inverse));
        const isNanSlot = (k: number): boolean => {
          const v = dtype.startsWith('complex') ? [inv.values[2 * k], inv.values[2 * k + 1]] : [inv.values[k]];
          return v.some((e) => typeof e === 'number' && Number.isNaN(e));
        };
        const wantInv = c.inverse.inverse.map((k) => (isNanSlot(k) ? 'nan' : k));
        expect(Array.from(inv.inverse, (k) => (isNanSlot(k) ? 'nan' : k))).toEqual(wantInv);
        expect(new Set(Array.from(inv.inverse).filter(isNanSlot)).size).toBe(Array.from(inv.inverse).filter(isNanSlot).length);
        expect(bits(uniqueValues(dtype, buf, off, n, -3), false)).toEqual(bits(decode(dtype, c.values), false));
      });
    });
  }
});
