import { describe, expect, it } from 'vitest';
import type { DTypeName } from '../../../common/dtypes.js';
import { DTypeError, NotSupportedError, ValueError } from '../../../common/errors.js';
import { f64Bits, hexToF64Array, runNumpy } from './numpy-oracle.js';
import { cross3, diagonalRun, matrixNorm, outer, traceFloat, vectorNorm } from './linalg-small.js';

// Matrix layouts as (offset, rowStride, colStride) into a buffer: C order, F order (a transposed
// C array), both axes reversed, and every other row/column of a bigger array.
const R = 13;
const C = 9;
const LAYOUTS: Array<[number, number, number]> = [
  [0, C, 1],
  [0, 1, R],
  [R * C - 1, -C, -1],
  [1, 4 * C, 2],
];
const BUF = 4 * C * R + 2;
const INEXACT: DTypeName[] = ['float64', 'float32', 'complex128', 'complex64'];
const VORDS = [2, 1, Infinity, -Infinity, 0, 3, 0.5, -1];
const MORDS = ['fro', 1, -1, Infinity, -Infinity] as const;
const enc = (v: number | string): number | string => (v === Infinity ? 'inf' : v === -Infinity ? '-inf' : v);

interface Exp {
  buf: Record<string, string>;
  vnorm: Record<string, Record<string, string>>; // dtype -> `${start},${n},${stride}|${ord}` -> hex
  mnorm: Record<string, Record<string, string>>; // dtype -> `${layout}|${ord}` -> hex
  trace: Record<string, string>;
  diag: Record<string, string>;
  cross: { a: string; b: string; f64: string; f32: string; i32a: number[]; i32b: number[]; i32: number[] };
  outer: { i32: number[] };
}

const RUNS: Array<[number, number, number]> = [
  [0, 50, 1],
  [100, 33, -3],
  [5, 1, 1],
  [7, 0, 1],
  [2, 200, 2],
];

const exp = runNumpy<Exp>(
  `
from numpy.lib.stride_tricks import as_strided
import warnings
warnings.simplefilter('ignore')
rng = np.random.default_rng(21)
N = INPUT['buf']
base = rng.standard_normal(2 * N) * 10.0 ** rng.integers(-3, 4, 2 * N)
base[17] = -0.0
bufs = {'float64': base[:N].copy(), 'float32': base[:N].astype(np.float32),
        'complex128': base.view(np.complex128)[:N].copy(), 'complex64': base.view(np.complex128)[:N].astype(np.complex64)}
def ordv(o):
    return {'inf': np.inf, '-inf': -np.inf}.get(o, o)
def view(buf, off, shape, strides):
    it = buf.itemsize
    return as_strided(buf[off:], shape=shape, strides=tuple(s * it for s in strides))
out = {'buf': {}, 'vnorm': {}, 'mnorm': {}}
for dt, b in bufs.items():
    out['buf'][dt] = hs(b.view(np.float64) if dt == 'complex128' else b.view(np.float32) if dt == 'complex64' else b)
    out['vnorm'][dt] = {}
    for start, n, st in INPUT['runs']:
        x = view(b, start, (n,), (st,)) if n else b[:0]
        for o in INPUT['vords']:
            if n == 0 and o == '-inf':
                continue  # NumPy raises: minimum has no identity
            out['vnorm'][dt][f'{start},{n},{st}|{o}'] = h(np.linalg.vector_norm(x, ord=ordv(o)))
    out['mnorm'][dt] = {}
    for li, (off, rs, cs) in enumerate(INPUT['layouts']):
        m = view(b, off, (INPUT['R'], INPUT['C']), (rs, cs))
        for o in INPUT['mords']:
            out['mnorm'][dt][f'{li}|{o}'] = h(np.linalg.matrix_norm(m, ord=ordv(o)))
out['trace'] = {}
out['diag'] = {}
for li, (off, rs, cs) in enumerate(INPUT['layouts']):
    for dt in ('float64', 'float32'):
        m = view(bufs[dt], off, (INPUT['R'], INPUT['C']), (rs, cs))
        for k in (-20, -12, -3, 0, 4, 8, 9):
            out['trace'][f'{dt}|{li}|{k}'] = h(np.trace(m, offset=k))
            out['diag'][f'{dt}|{li}|{k}'] = hs(np.diagonal(m, offset=k))
a = base[:30].reshape(10, 3); b = base[30:60].reshape(10, 3)
ia = rng.integers(-2**31, 2**31, 30, dtype=np.int32); ib = rng.integers(-2**31, 2**31, 30, dtype=np.int32)
out['cross'] = {'a': hs(a.ravel()), 'b': hs(b.ravel()), 'f64': hs(np.cross(a, b).ravel()),
    'f32': hs(np.cross(a.astype(np.float32), b.astype(np.float32)).ravel()),
    'i32a': ia.tolist(), 'i32b': ib.tolist(), 'i32': np.cross(ia.reshape(10, 3), ib.reshape(10, 3)).ravel().tolist()}
out['outer'] = {'i32': np.outer(ia[:7], ib[:5]).ravel().tolist()}
print(json.dumps(out))
`,
  { buf: BUF, runs: RUNS, vords: VORDS.map(enc), layouts: LAYOUTS, R, C, mords: MORDS.map(enc) },
);

function storage(dtype: DTypeName): Float64Array | Float32Array {
  const raw = hexToF64Array(exp.buf[dtype]);
  return dtype === 'float64' || dtype === 'complex128' ? raw : Float32Array.from(raw);
}

function ulps(a: number, b: number, single: boolean): number {
  if (Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b))) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  const eps = single ? 2 ** -23 : 2 ** -52;
  return Math.abs(a - b) / (eps * Math.max(Math.abs(b), Number.MIN_VALUE));
}

describe('small linear algebra kernels agree with NumPy', () => {
  for (const dtype of INEXACT) {
    it(`vector_norm ${dtype}: exact for ord 2, 1, ±inf, 0; within 4 ulps for other p (libm pow)`, () => {
      const x = storage(dtype);
      const bad: string[] = [];
      for (const [start, n, st] of RUNS) {
        for (const ord of VORDS) {
          if (ord === -Infinity && n === 0) {
            expect(() => vectorNorm(dtype, x, start, n, st, ord)).toThrow(ValueError);
            continue;
          }
          const want = hexToF64Array(exp.vnorm[dtype][`${start},${n},${st}|${enc(ord)}`])[0];
          const got = vectorNorm(dtype, x, start, n, st, ord);
          const exact = [2, 1, Infinity, -Infinity, 0].includes(ord);
          const d = ulps(got, want, dtype === 'float32' || dtype === 'complex64');
          if (exact ? !Object.is(got, want) : d > 4) bad.push(`run ${start},${n},${st} ord ${ord}: got ${got} want ${want}`);
        }
      }
      expect(bad).toEqual([]);
    });

    it(`matrix_norm ${dtype}: fro, ±1, ±inf exact on C, F, reversed and gapped layouts; 2/nuc not supported`, () => {
      const x = storage(dtype);
      const bad: string[] = [];
      LAYOUTS.forEach(([off, rs, cs], li) => {
        for (const ord of MORDS) {
          const want = hexToF64Array(exp.mnorm[dtype][`${li}|${enc(ord)}`])[0];
          const got = matrixNorm(dtype, x, off, R, C, rs, cs, ord);
          if (!Object.is(got, want)) bad.push(`layout ${li} ord ${ord}: got ${got} want ${want}`);
        }
      });
      expect(bad).toEqual([]);
      expect(() => matrixNorm(dtype, x, 0, R, C, C, 1, 2)).toThrow(NotSupportedError);
      expect(() => matrixNorm(dtype, x, 0, R, C, C, 1, 'nuc')).toThrow(NotSupportedError);
    });
  }

  it('diagonal runs and traces (pairwise over the diagonal), float64 and float32, every layout and offset', () => {
    for (const dtype of ['float64', 'float32'] as const) {
      const x = storage(dtype);
      LAYOUTS.forEach(([off, rs, cs], li) => {
        for (const k of [-20, -12, -3, 0, 4, 8, 9]) {
          const d = diagonalRun(off, R, C, rs, cs, k);
          const vals = Array.from({ length: d.length }, (_, i) => f64Bits(x[d.offset + i * d.stride]));
          const want = Array.from(hexToF64Array(exp.diag[`${dtype}|${li}|${k}`]), f64Bits);
          expect([li, k, vals]).toEqual([li, k, want]);
          const tr = traceFloat(x, off, R, C, rs, cs, k);
          expect([li, k, f64Bits(tr)]).toEqual([li, k, f64Bits(hexToF64Array(exp.trace[`${dtype}|${li}|${k}`])[0])]);
        }
      });
    }
  });

  it('cross (float64, float32 bit-exact; int32 wrapping) and outer (int32 wrapping)', () => {
    const a = hexToF64Array(exp.cross.a);
    const b = hexToF64Array(exp.cross.b);
    const a32 = Float32Array.from(a);
    const b32 = Float32Array.from(b);
    const o64 = new Float64Array(30);
    const o32 = new Float32Array(30);
    const ia = Int32Array.from(exp.cross.i32a);
    const ib = Int32Array.from(exp.cross.i32b);
    const oi = new Int32Array(30);
    for (let v = 0; v < 10; v++) {
      cross3(a, 3 * v, 1, b, 3 * v, 1, o64, 3 * v, 1);
      cross3(a32, 3 * v, 1, b32, 3 * v, 1, o32, 3 * v, 1);
      cross3(ia, 3 * v, 1, ib, 3 * v, 1, oi, 3 * v, 1);
    }
    expect(Array.from(o64, f64Bits)).toEqual(Array.from(hexToF64Array(exp.cross.f64), f64Bits));
    expect(Array.from(o32, f64Bits)).toEqual(Array.from(hexToF64Array(exp.cross.f32), f64Bits));
    expect(Array.from(oi)).toEqual(exp.cross.i32);
    const oo = new Int32Array(35);
    outer(ia, 0, 7, 1, ib, 0, 5, 1, oo, 0);
    expect(Array.from(oo)).toEqual(exp.outer.i32);
  });

  it('rejects integer storage for norms with a DTypeError', () => {
    expect(() => vectorNorm('int32', new Int32Array(3), 0, 3, 1)).toThrow(DTypeError);
  });
});
