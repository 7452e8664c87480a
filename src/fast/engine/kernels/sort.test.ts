import { describe, expect, it } from 'vitest';
import type { DTypeName } from '../../../common/dtypes.js';
import { DTypeError, ValueError } from '../../../common/errors.js';
import { f64Bits, hexToF64Array, runNumpy } from './numpy-oracle.js';
import { argsort, searchsorted, sortValues } from './sort.js';
import type { KernelArray } from './types.js';

const DTYPES: DTypeName[] = [
  'float64', 'float32', 'complex128', 'complex64', 'int8', 'int16', 'int32', 'int64',
  'uint8', 'uint16', 'uint32', 'uint64', 'bool',
];
const LENGTHS = [0, 1, 5, 300, 2000, 5000]; // 5000: above the radix-sort threshold (2048)

type Enc = string | Array<number | string>;
interface Case {
  x: Enc; // the buffer (2n+1 elements); the run is x[1::2] (offset 1, stride 2)
  asc: number[];
  desc: number[];
  sortedAsc: Enc;
  sortedDesc: Enc;
  ss: { a: Enc; v: Enc; left: number[]; right: number[]; perm: number[]; unsorted: Enc; leftS: number[]; rightS: number[] };
}

// Expected values from NumPy 2.4: stable argsort; descending as array-api-compat defines it for
// NumPy (np.sort has no `descending`): n-1 - flip(argsort(flip(x), stable=True)).
const expected = runNumpy<Record<string, Case[]>>(
  `
rng = np.random.default_rng(99)
SPECIAL = [np.nan, -np.inf, np.inf, -0.0, 0.0, 1.5, -2.0, 3.0, 5e-324, -1e308, 1e308, 0.1, -0.1]
def make(dt, n):
    if dt in ('float64', 'float32'):
        pool = np.array(SPECIAL + list(rng.standard_normal(8)), dtype=dt)
        return pool[rng.integers(0, len(pool), n)]
    if dt in ('complex128', 'complex64'):
        parts = np.array([np.nan, 0.0, -0.0, 1.0, -1.0, 2.0, np.inf, -np.inf])
        return (parts[rng.integers(0, 8, n)] + 1j * parts[rng.integers(0, 8, n)]).astype(dt) if n else np.zeros(0, dt)
    if dt == 'bool':
        return rng.integers(0, 2, n).astype(bool)
    info = np.iinfo(dt)
    pool = np.array([info.min, info.max, 0, 1, info.min + 1, info.max - 1] + list(rng.integers(info.min, info.max, 10, dtype=dt, endpoint=True)), dtype=dt)
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
def desc_idx(x):
    n = len(x)
    return (n - 1 - np.flip(np.argsort(np.flip(x), stable=True))) if n else np.zeros(0, np.intp)
out = {}
for dt in INPUT['dtypes']:
    cases = []
    for n in INPUT['lengths']:
        buf = make(dt, 2 * n + 1)
        x = buf[1::2]
        asc = np.argsort(x, stable=True)
        desc = desc_idx(x)
        a = np.sort(make(dt, 40), stable=True)
        v = make(dt, 25)
        unsorted = make(dt, 40)
        perm = np.argsort(unsorted, stable=True)
        cases.append({
            'x': enc(buf), 'asc': asc.tolist(), 'desc': desc.tolist(),
            'sortedAsc': enc(x[asc]), 'sortedDesc': enc(x[desc]),
            'ss': {'a': enc(a), 'v': enc(v), 'left': np.searchsorted(a, v, 'left').tolist(),
                   'right': np.searchsorted(a, v, 'right').tolist(), 'perm': perm.tolist(), 'unsorted': enc(unsorted),
                   'leftS': np.searchsorted(unsorted, v, 'left', sorter=perm).tolist(),
                   'rightS': np.searchsorted(unsorted, v, 'right', sorter=perm).tolist()},
        })
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

// Exact comparison that tells -0.0 from 0.0 (and treats NaN as equal to NaN).
function bitsOf(a: KernelArray): string[] {
  return Array.from(a as ArrayLike<number | bigint>, (v) => (typeof v === 'number' ? f64Bits(Number.isNaN(v) ? NaN : v) : String(v)));
}

describe('sort kernels agree with NumPy', () => {
  for (const dtype of DTYPES) {
    const width = dtype.startsWith('complex') ? 2 : 1;
    LENGTHS.forEach((n, t) => {
      it(`${dtype} n=${n}: stable argsort and sort, ascending and descending, on a stride-2 view`, () => {
        const c = expected[dtype][t];
        const x = decode(dtype, c.x);
        expect(Array.from(argsort(dtype, x, 1, n, 2))).toEqual(c.asc);
        expect(Array.from(argsort(dtype, x, 1, n, 2, true))).toEqual(c.desc);
        for (const [desc, want] of [[false, c.sortedAsc], [true, c.sortedDesc]] as const) {
          const out = new (x.constructor as new (k: number) => KernelArray)(width * (2 * n + 3));
          // write in reverse into a strided output: element i at 2n+2 - 2i... read back in order
          sortValues(dtype, x, 1, n, 2, desc, out, 2 * n + 2, -2);
          const got = new (x.constructor as new (k: number) => KernelArray)(width * n);
          for (let i = 0; i < n; i++) {
            for (let w = 0; w < width; w++) got[width * i + w] = out[width * (2 * n + 2 - 2 * i) + w];
          }
          expect(bitsOf(got)).toEqual(bitsOf(decode(dtype, want)));
        }
      });
    });
    it(`${dtype}: searchsorted left/right, with and without sorter`, () => {
      const s = expected[dtype][3].ss;
      const a = decode(dtype, s.a);
      const v = decode(dtype, s.v);
      const na = a.length / width;
      const nv = v.length / width;
      expect(Array.from(searchsorted(dtype, a, 0, na, 1, v, 0, nv, 1, 'left'))).toEqual(s.left);
      expect(Array.from(searchsorted(dtype, a, 0, na, 1, v, 0, nv, 1, 'right'))).toEqual(s.right);
      const u = decode(dtype, s.unsorted);
      const sorter = { data: s.perm, offset: 0, stride: 1 };
      expect(Array.from(searchsorted(dtype, u, 0, na, 1, v, 0, nv, 1, 'left', sorter))).toEqual(s.leftS);
      expect(Array.from(searchsorted(dtype, u, 0, na, 1, v, 0, nv, 1, 'right', sorter))).toEqual(s.rightS);
    });
  }

  it('bad input: typed errors', () => {
    const a = new Float64Array([1, 2, 3]);
    expect(() => argsort('float64', a, 0, 4, 1)).toThrow(ValueError);
    expect(() => searchsorted('float64', a, 0, 3, 1, new Float32Array(1), 0, 1, 1)).toThrow(DTypeError);
    expect(() => searchsorted('float64', a, 0, 3, 1, a, 0, 1, 1, 'left', { data: [0, 5, 1], offset: 0, stride: 1 })).toThrow(ValueError);
    expect(() => sortValues('float64', a, 0, 3, 1, false, new Int32Array(3), 0, 1)).toThrow(DTypeError);
  });
});
