import { describe, expect, it } from 'vitest';
import type { DTypeName } from '../../../common/dtypes.js';
import { DTypeError, ValueError } from '../../../common/errors.js';
import { hexToF64Array, runNumpy } from './numpy-oracle.js';
import { loadGemmWasm } from './gemm-wasm.js';
import { gemmF64, gemmF64Js, type KernelArray, matmul, matmulBatch, naiveGemmF64 } from './matmul.js';

// Each case: shapes and a strided view (offset, row stride, column stride) of A and B into flat
// buffers. NumPy builds the same views with as_strided over buffers drawn from a seed and
// computes A @ B; buffers and results come back (floats as hex bits, integers as decimal strings).
interface Case {
  dtype: DTypeName;
  m: number;
  n: number;
  k: number;
  a: [number, number, number];
  b: [number, number, number];
}

function view(rows: number, cols: number, kind: 'c' | 't' | 'neg' | 'gap'): { v: [number, number, number]; size: number } {
  switch (kind) {
    case 'c':
      return { v: [3, cols, 1], size: 3 + rows * cols };
    case 't': // Fortran order: a transposed C array
      return { v: [1, 1, rows], size: 1 + rows * cols };
    case 'neg': // both axes reversed
      return { v: [rows * cols - 1, -cols, -1], size: rows * cols };
    case 'gap': // every other row and column of a bigger array
      return { v: [2, 4 * cols, 2], size: 2 + 4 * cols * rows };
  }
}

const SHAPES: Array<[number, number, number]> = [
  [1, 1, 1],
  [2, 3, 4],
  [5, 7, 3],
  [4, 4, 4],
  [17, 9, 33],
  [67, 70, 300],
  [3, 5, 0],
  [0, 4, 2],
  [2, 4100, 3],
  [5, 4099, 20], // float64 only: the n > 4096 column blocks of the blocked kernels
  [300, 6, 40], // float64 only: more than one 256-row block of C in the WebAssembly path
];
const KINDS = ['c', 't', 'neg', 'gap'] as const;
const cases: Array<Case & { aSize: number; bSize: number }> = [];
for (const dtype of ['float64', 'float32', 'complex128', 'complex64', 'int32', 'int8', 'uint32', 'int64', 'uint64', 'bool'] as DTypeName[]) {
  SHAPES.forEach(([m, n, k], s) => {
    if (dtype !== 'float64' && m * n * k > 50000) return;
    const A = view(m, k, KINDS[s % 4]);
    const B = view(k, n, KINDS[(s + 1 + (dtype.length % 3)) % 4]);
    cases.push({ dtype, m, n, k, a: A.v, b: B.v, aSize: A.size, bSize: B.size });
  });
}

interface Out {
  a: string | Array<number | string>;
  b: string | Array<number | string>;
  c: string | Array<number | string>;
  bound: string;
}
const results = runNumpy<Out[]>(
  `
from numpy.lib.stride_tricks import as_strided
rng = np.random.default_rng(7)
def make(dt, size):
    if dt in ('float64', 'float32'):
        return (rng.standard_normal(size) * 10.0 ** rng.integers(-3, 4, size)).astype(dt)
    if dt in ('complex128', 'complex64'):
        return (rng.standard_normal(size) + 1j * rng.standard_normal(size)).astype(dt)
    if dt == 'bool':
        return rng.integers(0, 2, size).astype(bool)
    info = np.iinfo(dt)
    return rng.integers(info.min, info.max, size, dtype=dt, endpoint=True)
def enc(x, dt):
    if dt in ('float64', 'float32'):
        return hs(x)
    if dt in ('complex128', 'complex64'):
        return hs(x.view(np.float64 if dt == 'complex128' else np.float32))
    if dt == 'bool':
        return [int(v) for v in x.ravel()]
    return [str(int(v)) for v in x.ravel()] if dt in ('int64', 'uint64') else [int(v) for v in x.ravel()]
out = []
for c in INPUT:
    dt = c['dtype']
    abuf, bbuf = make(dt, max(c['aSize'], 1)), make(dt, max(c['bSize'], 1))
    it = abuf.itemsize
    def v(buf, spec, shape):
        off, rs, cs = spec
        return as_strided(buf[off:], shape=shape, strides=(rs * it, cs * it))
    A = v(abuf, c['a'], (c['m'], c['k']))
    B = v(bbuf, c['b'], (c['k'], c['n']))
    C = A @ B
    bound = ''
    if dt in ('float64', 'float32', 'complex128', 'complex64'):
        bound = hs((np.abs(A).astype(np.float64) @ np.abs(B).astype(np.float64)).ravel())
    out.append({'a': enc(abuf, dt), 'b': enc(bbuf, dt), 'c': enc(np.ascontiguousarray(C).ravel(), dt), 'bound': bound})
print(json.dumps(out))
`,
  cases,
);

function decode(dtype: DTypeName, x: string | Array<number | string>): KernelArray {
  switch (dtype) {
    case 'float64':
      return hexToF64Array(x as string);
    case 'complex128':
      return hexToF64Array(x as string);
    case 'float32':
      return Float32Array.from(hexToF64Array(x as string));
    case 'complex64':
      return Float32Array.from(hexToF64Array(x as string));
    case 'int64':
      return BigInt64Array.from((x as string[]).map((s) => BigInt(s)));
    case 'uint64':
      return BigUint64Array.from((x as string[]).map((s) => BigInt(s)));
    case 'int32':
      return Int32Array.from(x as number[]);
    case 'int8':
      return Int8Array.from(x as number[]);
    case 'uint32':
      return Uint32Array.from(x as number[]);
    default:
      return Uint8Array.from(x as number[]);
  }
}

const EPS: Partial<Record<DTypeName, number>> = {
  float64: 2 ** -52,
  complex128: 2 ** -52,
  float32: 2 ** -23,
  complex64: 2 ** -23,
};

describe('matmul kernels agree with np.matmul', () => {
  // Floats: |ours - numpy| <= 2·k·eps·(|A|·|B|)[i,j] + 1 ulp of the result (complex: 4·k·eps, per
  // component), the classical error bound of dot products in any summation order: both results
  // are within k·eps·(|A||B|) of the exact one. Integers and bool: exact.
  for (let t = 0; t < cases.length; t++) {
    const cs = cases[t];
    it(`${cs.dtype} ${cs.m}x${cs.k} @ ${cs.k}x${cs.n}, views ${cs.a.join(',')} / ${cs.b.join(',')}`, () => {
      const r = results[t];
      const a = decode(cs.dtype, r.a);
      const b = decode(cs.dtype, r.b);
      const want = decode(cs.dtype, r.c);
      const complex = cs.dtype.startsWith('complex');
      const got = new (want.constructor as new (n: number) => KernelArray)(cs.m * cs.n * (complex ? 2 : 1));
      matmul(cs.dtype, cs.m, cs.n, cs.k,
        { data: a, offset: cs.a[0], rowStride: cs.a[1], colStride: cs.a[2] },
        { data: b, offset: cs.b[0], rowStride: cs.b[1], colStride: cs.b[2] },
        got, 0);
      const eps = EPS[cs.dtype];
      if (eps === undefined) {
        expect(Array.from(got as ArrayLike<number | bigint>)).toEqual(Array.from(want as ArrayLike<number | bigint>));
        return;
      }
      const bound = hexToF64Array(r.bound);
      const bad: string[] = [];
      for (let i = 0; i < got.length; i++) {
        const g = got[i] as number;
        const w = want[i] as number;
        const tol = (complex ? 4 : 2) * Math.max(cs.k, 1) * eps * bound[complex ? i >> 1 : i] + eps * Math.abs(w);
        if (!(Math.abs(g - w) <= tol)) bad.push(`[${i}] got ${g} want ${w} tol ${tol}`);
      }
      expect(bad.slice(0, 5)).toEqual([]);
    });
  }

  it('the WebAssembly SIMD and JavaScript micro-kernels give bit-identical float64 results', () => {
    expect(loadGemmWasm()).toBeDefined(); // Node 20 has WebAssembly SIMD
    for (const t of cases.keys()) {
      const cs = cases[t];
      if (cs.dtype !== 'float64') continue;
      const a = decode('float64', results[t].a) as Float64Array;
      const b = decode('float64', results[t].b) as Float64Array;
      const viaWasm = new Float64Array(cs.m * cs.n + 3).fill(7);
      const viaJs = new Float64Array(cs.m * cs.n + 3).fill(7);
      gemmF64(cs.m, cs.n, cs.k, a, cs.a[0], cs.a[1], cs.a[2], b, cs.b[0], cs.b[1], cs.b[2], viaWasm, 2);
      gemmF64Js(cs.m, cs.n, cs.k, a, cs.a[0], cs.a[1], cs.a[2], b, cs.b[0], cs.b[1], cs.b[2], viaJs, 2);
      expect(Array.from(viaWasm)).toEqual(Array.from(viaJs));
      // untouched outside the output block
      expect([viaWasm[0], viaWasm[1], viaWasm[viaWasm.length - 1]]).toEqual([7, 7, 7]);
    }
  });

  it('batched entry with broadcast offsets matches per-matrix results', () => {
    const m = 3, n = 5, k = 4;
    const a = Float64Array.from({ length: 2 * m * k }, (_, i) => Math.sin(i + 1));
    const b = Float64Array.from({ length: k * n }, (_, i) => Math.cos(i));
    const c = new Float64Array(3 * m * n);
    // batch of 3: A batches 0, 1, 0 against one broadcast B
    matmulBatch('float64', m, n, k, { data: a, offset: 0, rowStride: k, colStride: 1 }, [0, m * k, 0],
      { data: b, offset: 0, rowStride: n, colStride: 1 }, [0, 0, 0], c, 0);
    for (const [t, ao] of [[0, 0], [1, m * k], [2, 0]]) {
      const want = new Float64Array(m * n);
      naiveGemmF64(m, n, k, a, ao, k, 1, b, 0, n, 1, want, 0);
      const got = c.subarray(t * m * n, (t + 1) * m * n);
      for (let i = 0; i < m * n; i++) expect(Math.abs(got[i] - want[i])).toBeLessThanOrEqual(8 * 2 ** -52 * k * 4);
    }
  });

  it('rejects mismatched storage and bad dimensions with typed errors', () => {
    const f = new Float64Array(4);
    const v = { data: f, offset: 0, rowStride: 2, colStride: 1 };
    expect(() => matmul('float32', 2, 2, 2, v, v, f, 0)).toThrow(DTypeError);
    expect(() => matmul('float64', -1, 2, 2, v, v, f, 0)).toThrow(ValueError);
    expect(() => matmulBatch('float64', 2, 2, 2, v, [0], v, [0, 0], f, 0)).toThrow(ValueError);
  });
});
