/**
 * The computations the browser test runs twice, in headless Chromium (on the browser bundle) and in
 * Node (on src/fast), to compare. Self-contained: it receives the fast namespace as an argument and
 * imports nothing at run time, so esbuild bundles it on its own for the test page.
 */
import type * as Fast from '../../src/fast/index.js';

export type FastModule = typeof Fast;
type A = Fast.FastArray;

/** One result, in a form that crosses page.evaluate (JSON) unchanged. */
export type Outcome =
  | { readonly kind: 'array'; readonly dtype: string; readonly shape: readonly number[]; readonly ints?: readonly string[]; readonly floats?: readonly (number | string)[] }
  | { readonly kind: 'value'; readonly value: string | number | boolean }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'error'; readonly name: string; readonly message: string };

const FLOAT_DTYPES = new Set(['float32', 'float64', 'complex64', 'complex128']);

/** A float as JSON: numbers as they are, -0 and non-finite values spelt out. */
function encodeFloat(v: number): number | string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  if (Object.is(v, -0)) return '-0';
  return v;
}

function encode(x: unknown): Outcome {
  if (typeof x === 'string') return { kind: 'string', value: x };
  if (typeof x === 'number') return { kind: 'value', value: encodeFloat(x) };
  if (typeof x === 'bigint') return { kind: 'value', value: `${x}n` };
  if (typeof x === 'boolean') return { kind: 'value', value: x };
  const a = x as A;
  if (a === null || typeof a !== 'object' || typeof a.toTypedArray !== 'function') throw new Error(`cannot encode ${String(x)}`);
  const data = Array.from(a.toTypedArray() as ArrayLike<number | bigint>);
  if (FLOAT_DTYPES.has(a.dtype)) return { kind: 'array', dtype: a.dtype, shape: [...a.shape], floats: data.map((v) => encodeFloat(Number(v))) };
  return { kind: 'array', dtype: a.dtype, shape: [...a.shape], ints: data.map((v) => String(v)) };
}

/** Deterministic pseudo-random floats in [-1, 1) (a 32-bit LCG: the same in every engine). */
function noise(n: number, seed: number): number[] {
  let s = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out.push(s / 2 ** 31 - 1);
  }
  return out;
}

/** name -> computation; each returns an array, a scalar or a string, or throws. */
function scenarios(f: FastModule): Record<string, () => unknown> {
  const m = (rows: number, cols: number, seed: number): A => f.asarray(noise(rows * cols, seed)).reshape([rows, cols]);
  const spd = (n: number): A => {
    const b = m(n, n, 7);
    return f.add(f.matmul(b, b.T), f.multiply(f.eye(n), n));
  };
  return {
    // creation
    'arange.reshape': () => f.arange(12).reshape([3, 4]),
    'zeros': () => f.zeros([2, 3]),
    'ones.float32': () => f.ones([4], { dtype: 'float32' }),
    'full.int64': () => f.full([2, 2], 7, { dtype: 'int64' }),
    'linspace': () => f.linspace(0, 1, 11),
    'eye': () => f.eye(3, 4, { k: 1 }),
    'asarray.nested': () => f.asarray([[1.5, -2], [3, 4.25]]),
    'asarray.uint8': () => f.asarray(new Uint8Array([0, 127, 255])),
    // fused element-wise
    'fused.float': () => {
      const a = f.arange(1000, { dtype: 'float64' });
      return f.subtract(f.add(f.multiply(f.sin(a), 2), f.sqrt(a)), f.exp(f.divide(f.negative(a), 100)));
    },
    'fused.int': () => f.remainder(f.add(f.multiply(f.arange(20), 3), 7), 5),
    'fused.methods': () => f.arange(24).reshape([2, 3, 4]).mul(2).sub(5).abs().floordiv(3),
    'broadcast': () => f.add(f.arange(3).reshape([3, 1]), f.arange(4)),
    'compare.where': () => f.where(f.greater(f.arange(10), 4), f.arange(10), -1),
    'float32.math': () => f.log1p(f.asarray(noise(64, 3).map(Math.abs), { dtype: 'float32' })),
    'int64.wrap': () => f.multiply(f.full([3], 2n ** 62n, { dtype: 'int64' }), 2),
    'nan.inf': () => f.divide(f.asarray([1, -1, 0, 2]), f.asarray([0, 0, 0, -0])),
    // reductions
    'sum': () => f.sum(f.arange(100)),
    'sum.axis': () => f.sum(f.arange(24).reshape([2, 3, 4]), { axis: 1 }),
    'prod.int64': () => f.prod(f.arange(1, 21, 1, { dtype: 'int64' })),
    'mean.std.var': () => f.stack([f.mean(m(10, 10, 1)), f.std(m(10, 10, 1)), f.var(m(10, 10, 1), { ddof: 1 })]),
    'min.max': () => f.stack([f.min(m(5, 7, 2), { axis: 0 }), f.max(m(5, 7, 2), { axis: 0 })]),
    'argmax': () => f.argmax(m(6, 6, 4), { axis: 1 }),
    'cumsum': () => f.cumsum(f.arange(10)),
    'all.any': () => f.stack([f.all(f.greater(f.arange(5), -1)), f.any(f.greater(f.arange(5), 10))]),
    'sort': () => f.sort(f.asarray(noise(50, 5))),
    'unique': () => f.unique_values(f.remainder(f.arange(30), 7)),
    // indexing
    'index.slice': () => f.arange(20).reshape([4, 5]).at(f.slice(1, null, 2), f.slice(null, null, -1)),
    'index.string': () => f.arange(20).reshape([4, 5]).at('1:, ::2'),
    'index.mask': () => {
      const a = f.arange(12);
      return a.at(f.greater(f.remainder(a, 3), 0));
    },
    'index.fancy': () => f.arange(10).take([9, 0, -1, 3]),
    'index.newaxis': () => f.arange(3).at(f.newaxis, f.ellipsis).at(0, 2),
    'index.get': () => f.arange(12).reshape([3, 4]).get(2, -1),
    'set': () => {
      const a = f.zeros([3, 3], { dtype: 'int32' });
      a.set([1, 1], 5);
      return a;
    },
    // linalg
    'matmul.small': () => f.matmul(m(3, 4, 11), m(4, 2, 12)),
    'matmul.large': () => f.matmul(m(64, 64, 13), m(64, 64, 14)),
    'matmul.int': () => f.matmul(f.arange(6).reshape([2, 3]), f.arange(6).reshape([3, 2])),
    'det': () => f.linalg.det(m(5, 5, 15)),
    'inv': () => f.linalg.inv(spd(4)),
    'solve': () => f.linalg.solve(spd(4), f.arange(4, { dtype: 'float64' })),
    'cholesky': () => f.linalg.cholesky(spd(4)),
    'qr.r': () => (f.linalg.qr(m(5, 3, 16)) as [A, A])[1],
    'svdvals': () => f.linalg.svdvals(m(6, 4, 17)),
    'eigvalsh': () => f.linalg.eigvalsh(spd(5)),
    'norm': () => f.linalg.norm(m(4, 4, 18)),
    // fft
    'fft': () => f.fft.fft(f.asarray(noise(16, 19))),
    'fft.odd': () => f.fft.fft(f.asarray(noise(15, 20))),
    'rfft': () => f.fft.rfft(f.asarray(noise(32, 21))),
    'ifft.roundtrip': () => f.fft.ifft(f.fft.fft(f.asarray(noise(12, 22)))),
    'fft2': () => f.fft.fft2(m(4, 6, 23)),
    'fftfreq': () => f.fft.fftfreq(8, { d: 0.5 }),
    // repr strings
    'repr.int': () => String(f.arange(12).reshape([3, 4])),
    'repr.float': () => String(f.linspace(0, 1, 7)),
    'repr.float32': () => String(f.asarray([1.5, 1e-8, 3e10], { dtype: 'float32' })),
    'repr.complex': () => String(f.fft.fft(f.asarray([1, 2, 3, 4]))),
    'repr.bool': () => String(f.greater(f.arange(4), 1)),
    'repr.summarised': () => String(f.arange(3000).reshape([30, 100])),
    'repr.int64': () => String(f.full([2], -(2n ** 63n), { dtype: 'int64' })),
    'repr.nan': () => String(f.asarray([NaN, Infinity, -0, 1e300])),
    // errors (refused loudly, the same way in both)
    'error.positional-axis': () => (f.sum as (...args: unknown[]) => unknown)(f.arange(3), 0),
    'error.unknown-key': () => (f.sum as (...args: unknown[]) => unknown)(f.arange(3), { axes: 0 }),
    'error.not-supported': () => f.linalg.svd(f.eye(3)),
    'error.reshape': () => f.arange(6).reshape([4, 2]),
    'error.index': () => f.arange(5).get(7),
    'error.broadcast': () => f.add(f.arange(3), f.arange(4)),
    'error.singular': () => f.linalg.inv(f.zeros([2, 2])),
  };
}

/** Runs every scenario; a throw is an outcome too (its name and message; error.name, as minifying renames classes). */
export function runScenarios(f: FastModule): Record<string, Outcome> {
  const out: Record<string, Outcome> = {};
  for (const [name, run] of Object.entries(scenarios(f))) {
    try {
      out[name] = encode(run());
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      out[name] = { kind: 'error', name: err.name, message: err.message };
    }
  }
  return out;
}
