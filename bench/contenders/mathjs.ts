/** mathjs: DenseMatrix of JavaScript numbers (mathjs's default number type), its public functions. */
import { type BenchCase, type Contender, F64_RTOL, unavailable } from '../contender.js';
import { packageVersion } from '../packages.js';
import { weightedChecksum } from '../stats.js';
import { convolveOutSide, INPUT_MODULI, pattern, type CaseSpec, type Sizes } from '../workloads.js';

type MathJs = typeof import('mathjs');
type Matrix = import('mathjs').Matrix;

/** C-order elements of a mathjs matrix. */
function flatOf(m: Matrix): number[] {
  const out: number[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) for (const y of x) walk(y);
    else out.push(x as number);
  };
  walk(m.valueOf());
  return out;
}

function prepare(math: MathJs, spec: CaseSpec, s: Sizes): BenchCase | ReturnType<typeof unavailable> {
  const n = s.n;
  const vec = (data: Float64Array): Matrix => math.matrix(Array.from(data));
  const mat = (data: Float64Array, side: number): Matrix =>
    math.matrix(Array.from({ length: side }, (_, i) => Array.from(data.subarray(i * side, (i + 1) * side))));
  const matrixCase = (run: () => Matrix): BenchCase => ({ run, checksum: (r) => weightedChecksum(flatOf(r as Matrix)) });
  const scalarCase = (run: () => number): BenchCase => ({ run, checksum: (r) => r as number });
  switch (spec.workload) {
    case 'add': {
      const a = vec(new Float64Array(n));
      return matrixCase(() => math.add(math.add(math.add(math.add(a, a), a), a), a));
    }
    case 'iterate': {
      const a = vec(pattern(n, INPUT_MODULI.a));
      return scalarCase(() => {
        let acc = 0;
        for (let i = 0; i < n; i++) acc += a.get([i]) as number;
        return acc;
      });
    }
    case 'sum': {
      const a = vec(pattern(n, INPUT_MODULI.a));
      return scalarCase(() => math.sum(a) as number);
    }
    case 'mean': {
      const a = vec(pattern(n, INPUT_MODULI.a));
      return scalarCase(() => math.mean(a) as unknown as number);
    }
    case 'sum-ab': {
      const a = vec(pattern(n, INPUT_MODULI.a));
      const b = vec(pattern(n, INPUT_MODULI.b));
      return scalarCase(() => math.dot(a, b) as unknown as number);
    }
    case 'std': {
      const a = vec(pattern(n, INPUT_MODULI.a));
      return scalarCase(() => math.std(a, 'uncorrected') as unknown as number);
    }
    case 'hypot': {
      const a = vec(pattern(n, INPUT_MODULI.a));
      const b = vec(pattern(n, INPUT_MODULI.b));
      return matrixCase(() => math.map(math.add(math.dotMultiply(a, a), math.dotMultiply(b, b)), (x: number) => Math.sqrt(x)));
    }
    case 'convolve-loops': {
      const w = s.image;
      const k = s.kernel;
      const m = convolveOutSide(s);
      const img = mat(pattern(w * w, INPUT_MODULI.a), w);
      const ker = mat(pattern(k * k, INPUT_MODULI.kernel), k);
      return matrixCase(() => {
        const out = math.zeros(m, m) as Matrix;
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < m; j++) {
            let acc = 0;
            for (let u = 0; u < k; u++) {
              for (let v = 0; v < k; v++) acc += (img.get([i + u, j + v]) as number) * (ker.get([k - 1 - u, k - 1 - v]) as number);
            }
            out.set([i, j], acc);
          }
        }
        return out;
      });
    }
    case 'convolve-slices': {
      const w = s.image;
      const k = s.kernel;
      const m = convolveOutSide(s);
      const img = mat(pattern(w * w, INPUT_MODULI.a), w);
      const ker = pattern(k * k, INPUT_MODULI.kernel);
      return matrixCase(() => {
        let out = math.zeros(m, m) as Matrix;
        for (let u = 0; u < k; u++) {
          for (let v = 0; v < k; v++) {
            const view = math.subset(img, math.index(math.range(u, u + m), math.range(v, v + m)));
            out = math.add(out, math.multiply(view, ker[(k - 1 - u) * k + (k - 1 - v)]));
          }
        }
        return out;
      });
    }
    case 'matmul': {
      const d = s.matmul;
      const A = mat(pattern(d * d, INPUT_MODULI.a), d);
      const B = mat(pattern(d * d, INPUT_MODULI.b), d);
      return matrixCase(() => math.multiply(A, B));
    }
    case 'copy-fresh': {
      const a = vec(pattern(n, INPUT_MODULI.a));
      return matrixCase(() => math.clone(a));
    }
    case 'copy-reused':
      return unavailable('mathjs has no copy into an existing matrix');
    case 'asarray-to-numpy':
    case 'asarray-from-numpy':
      return unavailable('no NumPy conversion in mathjs');
  }
}

export const mathjs: Contender = {
  id: 'mathjs',
  label: 'mathjs',
  note: 'mathjs DenseMatrix of numbers; add, dotMultiply, map(Math.sqrt) (mathjs sqrt takes no matrices), sum, std, subset, multiply, clone; get/set for element loops',
  load: async () => {
    const math = await import('mathjs');
    return { version: `mathjs ${packageVersion('mathjs')}`, rtol: F64_RTOL, prepare: (spec, s) => prepare(math, spec, s) };
  },
};
