/**
 * @tensorflow/tfjs-core with its cpu backend (@tensorflow/tfjs-backend-cpu), in production mode.
 * tfjs computes in float32 only: inputs are the same numbers rounded to float32, results are checked
 * against NumPy's float64 results with a float32 tolerance.
 */
import { type BenchCase, type Contender, unavailable } from '../contender.js';
import { packageVersion } from '../packages.js';
import { weightedChecksum } from '../stats.js';
import { convolveOutSide, INPUT_MODULI, pattern, type CaseSpec, type Sizes } from '../workloads.js';

type Tf = typeof import('@tensorflow/tfjs-core');
type Tensor = import('@tensorflow/tfjs-core').Tensor;

/** Relative tolerance of float32 results against float64 ones. */
const F32_RTOL = 1e-3;

function prepare(tf: Tf, spec: CaseSpec, s: Sizes): BenchCase | ReturnType<typeof unavailable> {
  const n = s.n;
  const f32 = (data: Float64Array): Float32Array => Float32Array.from(data);
  const inputs: Tensor[] = [];
  const input = (data: Float32Array, shape: number[] = [data.length]): Tensor => {
    const t = tf.tensor(data, shape, 'float32');
    inputs.push(t);
    return t;
  };
  const dispose = (): void => {
    for (const t of inputs) t.dispose();
  };
  /** Runs `f` in a tidy scope and reads the values out: tfjs is eager, but data stays in the backend until read. */
  const tensorCase = (f: () => Tensor): BenchCase => ({
    run: () => {
      const r = tf.tidy(f);
      const values = r.dataSync();
      r.dispose();
      return values;
    },
    checksum: (r) => weightedChecksum(r as Float32Array),
    dispose,
  });
  const scalarCase = (run: () => number): BenchCase => ({ run, checksum: (r) => r as number, dispose });
  switch (spec.workload) {
    case 'add': {
      const a = input(new Float32Array(n));
      return tensorCase(() => tf.add(tf.add(tf.add(tf.add(a, a), a), a), a));
    }
    case 'iterate': {
      const a = input(f32(pattern(n, INPUT_MODULI.a)));
      return scalarCase(() => {
        const buf = a.bufferSync();
        let acc = 0;
        for (let i = 0; i < n; i++) acc += buf.get(i);
        return acc;
      });
    }
    case 'sum': {
      const a = input(f32(pattern(n, INPUT_MODULI.a)));
      return scalarCase(() => {
        const r = tf.sum(a);
        const v = r.dataSync()[0];
        r.dispose();
        return v;
      });
    }
    case 'mean':
    case 'sum-ab': {
      const a = input(f32(pattern(n, INPUT_MODULI.a)));
      const b = input(f32(pattern(n, INPUT_MODULI.b)));
      const mean = spec.workload === 'mean';
      return scalarCase(() => {
        const r = tf.tidy(() => (mean ? tf.mean(a) : tf.sum(tf.mul(a, b))));
        const v = r.dataSync()[0];
        r.dispose();
        return v;
      });
    }
    case 'std': {
      const a = input(f32(pattern(n, INPUT_MODULI.a)));
      return scalarCase(() => {
        const r = tf.tidy(() => tf.sqrt(tf.moments(a).variance));
        const v = r.dataSync()[0];
        r.dispose();
        return v;
      });
    }
    case 'hypot': {
      const a = input(f32(pattern(n, INPUT_MODULI.a)));
      const b = input(f32(pattern(n, INPUT_MODULI.b)));
      return tensorCase(() => tf.sqrt(tf.add(tf.mul(a, a), tf.mul(b, b))));
    }
    case 'convolve-loops': {
      const w = s.image;
      const k = s.kernel;
      const m = convolveOutSide(s);
      const img = input(f32(pattern(w * w, INPUT_MODULI.a)), [w, w]);
      const ker = input(f32(pattern(k * k, INPUT_MODULI.kernel)), [k, k]);
      return {
        run: () => {
          const ib = img.bufferSync();
          const kb = ker.bufferSync();
          const out = tf.buffer([m, m], 'float32');
          for (let i = 0; i < m; i++) {
            for (let j = 0; j < m; j++) {
              let acc = 0;
              for (let u = 0; u < k; u++) {
                for (let v = 0; v < k; v++) acc += ib.get(i + u, j + v) * kb.get(k - 1 - u, k - 1 - v);
              }
              out.set(acc, i, j);
            }
          }
          return out.values;
        },
        checksum: (r) => weightedChecksum(r as Float32Array),
        dispose,
      };
    }
    case 'convolve-slices': {
      const w = s.image;
      const k = s.kernel;
      const m = convolveOutSide(s);
      const img = input(f32(pattern(w * w, INPUT_MODULI.a)), [w, w]);
      const ker = pattern(k * k, INPUT_MODULI.kernel);
      return tensorCase(() => {
        let out: Tensor = tf.zeros([m, m], 'float32');
        for (let u = 0; u < k; u++) {
          for (let v = 0; v < k; v++) {
            out = tf.add(out, tf.mul(tf.slice(img, [u, v], [m, m]), ker[(k - 1 - u) * k + (k - 1 - v)]));
          }
        }
        return out;
      });
    }
    case 'matmul': {
      const d = s.matmul;
      const A = input(f32(pattern(d * d, INPUT_MODULI.a)), [d, d]);
      const B = input(f32(pattern(d * d, INPUT_MODULI.b)), [d, d]);
      return tensorCase(() => tf.matMul(A, B));
    }
    case 'copy-fresh':
    case 'copy-reused':
      return unavailable('tfjs tensors are immutable: clone shares the buffer, there is no copy to time');
    case 'asarray-to-numpy':
    case 'asarray-from-numpy':
      return unavailable('no NumPy conversion in tfjs');
  }
}

export const tfjs: Contender = {
  id: 'tfjs',
  label: 'tfjs-core cpu (float32)',
  note: '@tensorflow/tfjs-core + @tensorflow/tfjs-backend-cpu, production mode; float32 only (inputs rounded to float32, results checked to 1e-3)',
  load: async () => {
    const tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-backend-cpu');
    tf.enableProdMode();
    if (!(await tf.setBackend('cpu'))) return unavailable('tfjs could not initialise its cpu backend');
    return {
      version: `tfjs-core ${packageVersion('@tensorflow/tfjs-core')}, tfjs-backend-cpu ${packageVersion('@tensorflow/tfjs-backend-cpu')}`,
      rtol: F32_RTOL,
      prepare: (spec, s) => prepare(tf, spec, s),
    };
  },
};
