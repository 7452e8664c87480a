/** The hand-written Float64Array loop: what a careful programmer writes with no library at all. */
import { type BenchCase, type Contender, F64_RTOL, unavailable } from '../contender.js';
import { weightedChecksum } from '../stats.js';
import { convolveOutSide, INPUT_MODULI, pattern, type CaseSpec, type Sizes } from '../workloads.js';

const arrayCase = (run: () => Float64Array): BenchCase => ({
  run,
  checksum: (r) => weightedChecksum(r as Float64Array),
});
const scalarCase = (run: () => number): BenchCase => ({ run, checksum: (r) => r as number });

function prepare(spec: CaseSpec, s: Sizes): BenchCase | ReturnType<typeof unavailable> {
  const n = s.n;
  switch (spec.workload) {
    case 'add': {
      const a = new Float64Array(n);
      return arrayCase(() => {
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) out[i] = a[i] + a[i] + a[i] + a[i] + a[i];
        return out;
      });
    }
    case 'iterate': {
      const a = pattern(n, INPUT_MODULI.a);
      return scalarCase(() => {
        let acc = 0;
        for (let i = 0; i < n; i++) acc += a[i];
        return acc;
      });
    }
    case 'sum': {
      const a = pattern(n, INPUT_MODULI.a);
      return scalarCase(() => {
        let acc = 0;
        for (let i = 0; i < n; i++) acc += a[i];
        return acc;
      });
    }
    case 'mean': {
      const a = pattern(n, INPUT_MODULI.a);
      return scalarCase(() => {
        let acc = 0;
        for (let i = 0; i < n; i++) acc += a[i];
        return acc / n;
      });
    }
    case 'sum-ab': {
      const a = pattern(n, INPUT_MODULI.a);
      const b = pattern(n, INPUT_MODULI.b);
      return scalarCase(() => {
        let acc = 0;
        for (let i = 0; i < n; i++) acc += a[i] * b[i];
        return acc;
      });
    }
    case 'std': {
      const a = pattern(n, INPUT_MODULI.a);
      return scalarCase(() => {
        let acc = 0;
        for (let i = 0; i < n; i++) acc += a[i];
        const mean = acc / n;
        let sq = 0;
        for (let i = 0; i < n; i++) {
          const d = a[i] - mean;
          sq += d * d;
        }
        return Math.sqrt(sq / n);
      });
    }
    case 'hypot': {
      const a = pattern(n, INPUT_MODULI.a);
      const b = pattern(n, INPUT_MODULI.b);
      return arrayCase(() => {
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) out[i] = Math.sqrt(a[i] * a[i] + b[i] * b[i]);
        return out;
      });
    }
    case 'convolve-loops':
    case 'convolve-slices': {
      const w = s.image;
      const k = s.kernel;
      const m = convolveOutSide(s);
      const img = pattern(w * w, INPUT_MODULI.a);
      const ker = pattern(k * k, INPUT_MODULI.kernel);
      if (spec.workload === 'convolve-loops') {
        return arrayCase(() => {
          const out = new Float64Array(m * m);
          for (let i = 0; i < m; i++) {
            for (let j = 0; j < m; j++) {
              let acc = 0;
              for (let u = 0; u < k; u++) {
                for (let v = 0; v < k; v++) acc += img[(i + u) * w + j + v] * ker[(k - 1 - u) * k + (k - 1 - v)];
              }
              out[i * m + j] = acc;
            }
          }
          return out;
        });
      }
      return arrayCase(() => {
        const out = new Float64Array(m * m);
        for (let u = 0; u < k; u++) {
          for (let v = 0; v < k; v++) {
            const kv = ker[(k - 1 - u) * k + (k - 1 - v)];
            for (let i = 0; i < m; i++) {
              const row = (i + u) * w + v;
              const orow = i * m;
              for (let j = 0; j < m; j++) out[orow + j] += kv * img[row + j];
            }
          }
        }
        return out;
      });
    }
    case 'matmul': {
      const d = s.matmul;
      const A = pattern(d * d, INPUT_MODULI.a);
      const B = pattern(d * d, INPUT_MODULI.b);
      return arrayCase(() => {
        const C = new Float64Array(d * d);
        for (let i = 0; i < d; i++) {
          const ci = i * d;
          for (let p = 0; p < d; p++) {
            const aip = A[ci + p];
            const bp = p * d;
            for (let j = 0; j < d; j++) C[ci + j] += aip * B[bp + j];
          }
        }
        return C;
      });
    }
    case 'copy-fresh': {
      const a = pattern(n, INPUT_MODULI.a);
      return arrayCase(() => {
        const out = new Float64Array(n);
        out.set(a);
        return out;
      });
    }
    case 'copy-reused': {
      const a = pattern(n, INPUT_MODULI.a);
      const out = new Float64Array(n);
      return arrayCase(() => {
        out.set(a);
        return out;
      });
    }
    case 'asarray-to-numpy':
    case 'asarray-from-numpy':
      return unavailable('no NumPy on this side: plain typed arrays have no asarray');
  }
}

export const float64array: Contender = {
  id: 'float64array',
  label: 'Float64Array loop',
  note: 'hand-written loops over Float64Array (Float64Array.prototype.set for the copies), fused by hand',
  load: async () => ({ version: `node ${process.versions.node}`, rtol: F64_RTOL, prepare }),
};
