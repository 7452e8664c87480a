/**
 * Micro-benchmarks of the fast runtime's standalone kernels (src/fast/engine/kernels), each against
 * simple JavaScript baselines, JavaScript libraries and NumPy in CPython (a python3 subprocess
 * timing itself on the same sizes), in one run.
 *
 *   npm run build && node dist/bench/kernels.js [--quick]
 *
 * Prints one line per measurement: best-of-N wall time in milliseconds (N repeats after warm-up).
 */
import { execFileSync } from 'node:child_process';
import ndarray from 'ndarray';
import { loadGemmWasm } from '../src/fast/engine/kernels/gemm-wasm.js';
import { gemmF64, gemmF64Js, naiveGemmF64 } from '../src/fast/engine/kernels/matmul.js';
import { numpySumF64, numpyVarF64 } from '../src/fast/engine/kernels/pairwise.js';
import { argsort, searchsorted, sortValues } from '../src/fast/engine/kernels/sort.js';
import { uniqueAll } from '../src/fast/engine/kernels/unique.js';

const quick = process.argv.includes('--quick');

function best(reps: number, f: () => void): number {
  f();
  let b = Infinity;
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    f();
    b = Math.min(b, performance.now() - t);
  }
  return b;
}

function report(section: string, name: string, ms: number, ref?: number): void {
  const ratio = ref === undefined ? '' : `  (${(ms / ref).toFixed(2)}x the first line's time)`;
  console.log(`${section.padEnd(10)} ${name.padEnd(44)} ${ms.toFixed(2).padStart(10)} ms${ratio}`);
}

function numpyTimes(code: string): Record<string, number> {
  const script = `
import json, time
import numpy as np
def best(reps, f):
    f()
    b = float('inf')
    for _ in range(reps):
        t = time.perf_counter(); f(); b = min(b, time.perf_counter() - t)
    return b * 1000
out = {}
${code}
print(json.dumps(out))
`;
  try {
    return JSON.parse(execFileSync('python3', ['-c', script], { encoding: 'utf8' })) as Record<string, number>;
  } catch (e) {
    console.log(`numpy: unavailable (${(e as Error).message.split('\n')[0]})`);
    return {};
  }
}

/** A straightforward i-k-j kernel over scijs ndarray objects (what an ndarray user would write). */
function ndarrayMatmul(a: ndarray.NdArray<Float64Array>, b: ndarray.NdArray<Float64Array>, c: ndarray.NdArray<Float64Array>): void {
  const [m, k] = a.shape;
  const n = b.shape[1];
  const ad = a.data, bd = b.data, cd = c.data;
  const [as0, as1] = a.stride, [bs0, bs1] = b.stride, [cs0, cs1] = c.stride;
  cd.fill(0);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const av = ad[a.offset + i * as0 + p * as1];
      const bo = b.offset + p * bs0;
      const co = c.offset + i * cs0;
      for (let j = 0; j < n; j++) cd[co + j * cs1] += av * bd[bo + j * bs1];
    }
  }
}

async function benchMatmul(): Promise<void> {
  const N = 502;
  const reps = quick ? 3 : 10;
  const a = Float64Array.from({ length: N * N }, (_, i) => Math.sin(i));
  const b = Float64Array.from({ length: N * N }, (_, i) => Math.cos(i));
  const c = new Float64Array(N * N);
  const ours = best(reps, () => gemmF64(N, N, N, a, 0, N, 1, b, 0, N, 1, c, 0));
  report('matmul', `fast gemmF64 ${N}x${N} float64 (${loadGemmWasm() ? 'wasm simd' : 'js'} micro-kernel)`, ours);
  report('matmul', 'fast gemmF64Js (blocked, JS 4x4 micro-kernel)', best(reps, () => gemmF64Js(N, N, N, a, 0, N, 1, b, 0, N, 1, c, 0)), ours);
  const bt = best(reps, () => gemmF64(N, N, N, a, 0, 1, N, b, 0, 1, N, c, 0));
  report('matmul', `fast gemmF64, both operands transposed views`, bt, ours);
  report('matmul', 'naive triple loop (i, j, p)', best(quick ? 1 : 3, () => naiveGemmF64(N, N, N, a, 0, N, 1, b, 0, N, 1, c, 0)), ours);
  const na = ndarray(a, [N, N]), nb = ndarray(b, [N, N]), nc = ndarray(c, [N, N]);
  report('matmul', 'ndarray + i-k-j JS kernel', best(reps, () => ndarrayMatmul(na, nb, nc)), ours);
  try {
    const stdlibDgemm: string = '@stdlib/blas/base/dgemm/lib/index.js'; // untyped CommonJS entry
    const { default: dgemm } = (await import(stdlibDgemm)) as {
      default: (o: string, ta: string, tb: string, M: number, N: number, K: number, al: number, A: Float64Array,
        lda: number, B: Float64Array, ldb: number, be: number, C: Float64Array, ldc: number) => Float64Array;
    };
    report('matmul', '@stdlib/blas dgemm', best(reps, () => dgemm('row-major', 'no-transpose', 'no-transpose', N, N, N, 1, a, N, b, N, 0, c, N)), ours);
  } catch (e) {
    console.log(`matmul     @stdlib/blas dgemm: unavailable (${(e as Error).message})`);
  }
  try {
    const tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-backend-cpu');
    await tf.setBackend('cpu');
    const ta = tf.tensor2d(Float32Array.from(a), [N, N], 'float32');
    const tb = tf.tensor2d(Float32Array.from(b), [N, N], 'float32');
    report('matmul', 'tfjs-core cpu matMul (float32: tfjs has no float64)', best(reps, () => tf.matMul(ta, tb).dataSync()), ours);
  } catch (e) {
    console.log(`matmul     tfjs: unavailable (${(e as Error).message})`);
  }
  const np = numpyTimes(`
a = np.sin(np.arange(${N * N}, dtype=np.float64)).reshape(${N}, ${N}); b = np.cos(np.arange(${N * N}, dtype=np.float64)).reshape(${N}, ${N})
out['matmul'] = best(${reps}, lambda: a @ b)
`);
  if (np.matmul !== undefined) report('matmul', 'NumPy a @ b (OpenBLAS, CPython)', np.matmul, ours);
}

function benchSum(): void {
  const n = quick ? 1_000_000 : 10_000_000;
  const reps = quick ? 3 : 10;
  const a = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
  let sink = 0;
  const naive = best(reps, () => {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i];
    sink += s;
  });
  report('sum', `naive left-to-right loop, ${n} float64`, naive);
  report('sum', 'fast numpySumF64 (pairwise, NumPy-exact)', best(reps, () => (sink += numpySumF64(a, 0, n, 1))), naive);
  report('sum', 'fast numpySumF64, stride 2 over 2n', best(reps, () => (sink += numpySumF64(a, 0, n >> 1, 2))), naive);
  const np = numpyTimes(`
a = np.sin(np.arange(${n}, dtype=np.float64))
out['sum'] = best(${reps}, lambda: np.sum(a))
out['var'] = best(${reps}, lambda: np.var(a))
`);
  if (np.sum !== undefined) report('sum', 'NumPy np.sum', np.sum, naive);
  report('sum', 'fast numpyVarF64 (two-pass, NumPy-exact)', best(reps, () => (sink += numpyVarF64(a, 0, n, 1))), naive);
  if (np.var !== undefined) report('sum', 'NumPy np.var', np.var, naive);
  if (sink === 42) console.log('');
}

// A deterministic pseudo-random sequence (xorshift), so every run sorts the same data.
function randomFloats(n: number, seed: number): Float64Array {
  let x = seed >>> 0 || 1;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = (x >>> 0) / 2 ** 32 - 0.5;
  }
  return out;
}

function benchSort(): void {
  const n = quick ? 100_000 : 1_000_000;
  const reps = quick ? 2 : 5;
  const a = randomFloats(n, 12345);
  const out = new Float64Array(n);
  const ours = best(reps, () => sortValues('float64', a, 0, n, 1, false, out, 0, 1));
  report('sort', `fast sortValues float64, n=${n}`, ours);
  report('sort', 'Float64Array.prototype.sort on a copy', best(reps, () => Float64Array.from(a).sort()), ours);
  report('sort', 'fast argsort float64 (stable merge sort)', best(reps, () => argsort('float64', a, 0, n, 1)), ours);
  const sorted = Float64Array.from(a).sort();
  const q = randomFloats(n, 777);
  report('sort', 'fast searchsorted left, n queries into n sorted', best(reps, () => searchsorted('float64', sorted, 0, n, 1, q, 0, n, 1)), ours);
  const ints = Int32Array.from(a, (v) => Math.floor((v + 0.5) * 1000));
  report('sort', 'fast uniqueAll int32, 1000 distinct values', best(reps, () => uniqueAll('int32', ints, 0, n, 1)), ours);
  const np = numpyTimes(`
import numpy as np
rng = np.random.default_rng(1)
a = rng.random(${n}) - 0.5
ints = np.floor(rng.random(${n}) * 1000).astype(np.int32)
s = np.sort(a)
q = rng.random(${n}) - 0.5
out['sort'] = best(${reps}, lambda: np.sort(a, kind='stable'))
out['sortq'] = best(${reps}, lambda: np.sort(a))
out['argsort'] = best(${reps}, lambda: np.argsort(a, kind='stable'))
out['ss'] = best(${reps}, lambda: np.searchsorted(s, q))
out['unique'] = best(${reps}, lambda: np.unique_all(ints))
`);
  if (np.sort !== undefined) {
    report('sort', 'NumPy np.sort(kind="stable")', np.sort, ours);
    report('sort', 'NumPy np.sort (default: SIMD quicksort)', np.sortq, ours);
    report('sort', 'NumPy np.argsort(kind="stable")', np.argsort, ours);
    report('sort', 'NumPy np.searchsorted', np.ss, ours);
    report('sort', 'NumPy np.unique_all int32', np.unique, ours);
  }
}

const sections: Record<string, () => void | Promise<void>> = { matmul: benchMatmul, sum: benchSum, sort: benchSort };
const only = process.argv.slice(2).filter((s) => !s.startsWith('--'));
for (const [name, run] of Object.entries(sections)) {
  if (only.length === 0 || only.includes(name)) await run();
}
