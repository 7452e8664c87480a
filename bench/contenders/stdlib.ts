/**
 * @stdlib/ndarray: stdlib's ndarray constructor and its element-wise engines (ndarray/base/binary,
 * ndarray/base/unary with stdlib's float64 base functions), one call per NumPy operation;
 * stdlib's ndarray reductions (blas/ext/base/ndarray/dsum, stats/base/ndarray/dstdev) and its BLAS
 * (blas/base/dgemm, a JavaScript implementation). These are CommonJS packages, so they are required.
 */
import { createRequire } from 'node:module';
import { type BenchCase, type Contender, F64_RTOL, unavailable } from '../contender.js';
import { packageVersion } from '../packages.js';
import { weightedChecksum } from '../stats.js';
import { convolveOutSide, INPUT_MODULI, pattern, type CaseSpec, type Sizes } from '../workloads.js';

/** The members of a stdlib ndarray the benchmark uses. */
interface StdNd {
  readonly data: Float64Array;
  readonly shape: number[];
  readonly strides: number[];
  readonly offset: number;
  get(...idx: number[]): number;
  set(...idxAndValue: number[]): void;
}

interface Stdlib {
  ctor: new (dtype: 'float64', data: Float64Array, shape: number[], strides: number[], offset: number, order: 'row-major') => StdNd;
  binary: (arrays: readonly StdNd[], f: (x: number, y: number) => number) => void;
  unary: (arrays: readonly StdNd[], f: (x: number) => number) => void;
  add: (x: number, y: number) => number;
  mul: (x: number, y: number) => number;
  sqrt: (x: number) => number;
  dsum: (arrays: readonly [StdNd]) => number;
  dstdev: (arrays: readonly [StdNd, StdNd]) => number;
  fromScalar: (x: number) => StdNd;
  slice: (x: StdNd, ...s: unknown[]) => StdNd;
  Slice: new (start: number, stop: number) => unknown;
  assign: (arrays: readonly [StdNd, StdNd]) => void;
  dgemm: (
    order: 'row-major',
    transA: 'no-transpose',
    transB: 'no-transpose',
    M: number,
    N: number,
    K: number,
    alpha: number,
    A: Float64Array,
    lda: number,
    B: Float64Array,
    ldb: number,
    beta: number,
    C: Float64Array,
    ldc: number,
  ) => Float64Array;
}

function loadStdlib(): Stdlib {
  const require = createRequire(import.meta.url);
  return {
    ctor: require('@stdlib/ndarray/ctor') as Stdlib['ctor'],
    binary: require('@stdlib/ndarray/base/binary') as Stdlib['binary'],
    unary: require('@stdlib/ndarray/base/unary') as Stdlib['unary'],
    add: require('@stdlib/number/float64/base/add') as Stdlib['add'],
    mul: require('@stdlib/number/float64/base/mul') as Stdlib['mul'],
    sqrt: require('@stdlib/math/base/special/sqrt') as Stdlib['sqrt'],
    dsum: require('@stdlib/blas/ext/base/ndarray/dsum') as Stdlib['dsum'],
    dstdev: require('@stdlib/stats/base/ndarray/dstdev') as Stdlib['dstdev'],
    fromScalar: require('@stdlib/ndarray/from-scalar') as Stdlib['fromScalar'],
    slice: require('@stdlib/ndarray/slice') as Stdlib['slice'],
    Slice: require('@stdlib/slice/ctor') as Stdlib['Slice'],
    assign: require('@stdlib/ndarray/base/assign') as Stdlib['assign'],
    dgemm: require('@stdlib/blas/base/dgemm') as Stdlib['dgemm'],
  };
}

/** C-order elements of a (1-D or 2-D) stdlib ndarray. */
function flatOf(x: StdNd): Float64Array {
  const size = x.shape.reduce((p, d) => p * d, 1);
  if (x.offset === 0 && x.data.length === size) return x.data;
  const out = new Float64Array(size);
  const [r, c] = x.shape;
  let p = 0;
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[p++] = x.get(i, j);
  return out;
}

function prepare(L: Stdlib, spec: CaseSpec, s: Sizes): BenchCase | ReturnType<typeof unavailable> {
  const n = s.n;
  const nd = (data: Float64Array, shape: number[] = [data.length]): StdNd =>
    new L.ctor('float64', data, shape, shape.length === 1 ? [1] : [shape[1], 1], 0, 'row-major');
  const ndCase = (run: () => StdNd): BenchCase => ({ run, checksum: (r) => weightedChecksum(flatOf(r as StdNd)) });
  const scalarCase = (run: () => number): BenchCase => ({ run, checksum: (r) => r as number });
  switch (spec.workload) {
    case 'add': {
      const a = nd(new Float64Array(n));
      return ndCase(() => {
        const out = nd(new Float64Array(n));
        L.binary([a, a, out], L.add);
        L.binary([out, a, out], L.add);
        L.binary([out, a, out], L.add);
        L.binary([out, a, out], L.add);
        return out;
      });
    }
    case 'iterate': {
      const a = nd(pattern(n, INPUT_MODULI.a));
      return scalarCase(() => {
        let acc = 0;
        for (let i = 0; i < n; i++) acc += a.get(i);
        return acc;
      });
    }
    case 'sum': {
      const a = nd(pattern(n, INPUT_MODULI.a));
      return scalarCase(() => L.dsum([a]));
    }
    case 'mean': {
      const a = nd(pattern(n, INPUT_MODULI.a));
      return scalarCase(() => L.dsum([a]) / n);
    }
    case 'sum-ab': {
      const a = nd(pattern(n, INPUT_MODULI.a));
      const b = nd(pattern(n, INPUT_MODULI.b));
      return scalarCase(() => {
        const t = nd(new Float64Array(n));
        L.binary([a, b, t], L.mul);
        return L.dsum([t]);
      });
    }
    case 'std': {
      const a = nd(pattern(n, INPUT_MODULI.a));
      const correction = L.fromScalar(0);
      return scalarCase(() => L.dstdev([a, correction]));
    }
    case 'hypot': {
      const a = nd(pattern(n, INPUT_MODULI.a));
      const b = nd(pattern(n, INPUT_MODULI.b));
      return ndCase(() => {
        const out = nd(new Float64Array(n));
        const t = nd(new Float64Array(n));
        L.binary([a, a, out], L.mul);
        L.binary([b, b, t], L.mul);
        L.binary([out, t, out], L.add);
        L.unary([out, out], L.sqrt);
        return out;
      });
    }
    case 'convolve-loops': {
      const w = s.image;
      const k = s.kernel;
      const m = convolveOutSide(s);
      const img = nd(pattern(w * w, INPUT_MODULI.a), [w, w]);
      const ker = nd(pattern(k * k, INPUT_MODULI.kernel), [k, k]);
      return ndCase(() => {
        const out = nd(new Float64Array(m * m), [m, m]);
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < m; j++) {
            let acc = 0;
            for (let u = 0; u < k; u++) {
              for (let v = 0; v < k; v++) acc += img.get(i + u, j + v) * ker.get(k - 1 - u, k - 1 - v);
            }
            out.set(i, j, acc);
          }
        }
        return out;
      });
    }
    case 'convolve-slices': {
      const w = s.image;
      const k = s.kernel;
      const m = convolveOutSide(s);
      const img = nd(pattern(w * w, INPUT_MODULI.a), [w, w]);
      const ker = pattern(k * k, INPUT_MODULI.kernel);
      return ndCase(() => {
        const out = nd(new Float64Array(m * m), [m, m]);
        const t = nd(new Float64Array(m * m), [m, m]);
        for (let u = 0; u < k; u++) {
          for (let v = 0; v < k; v++) {
            const kv = ker[(k - 1 - u) * k + (k - 1 - v)];
            L.unary([L.slice(img, new L.Slice(u, u + m), new L.Slice(v, v + m)), t], (x) => kv * x);
            L.binary([out, t, out], L.add);
          }
        }
        return out;
      });
    }
    case 'matmul': {
      const d = s.matmul;
      const A = pattern(d * d, INPUT_MODULI.a);
      const B = pattern(d * d, INPUT_MODULI.b);
      return ndCase(() => {
        const C = new Float64Array(d * d);
        L.dgemm('row-major', 'no-transpose', 'no-transpose', d, d, d, 1, A, d, B, d, 0, C, d);
        return nd(C, [d, d]);
      });
    }
    case 'copy-fresh':
    case 'copy-reused': {
      const a = nd(pattern(n, INPUT_MODULI.a));
      const reused = spec.workload === 'copy-reused' ? nd(new Float64Array(n)) : undefined;
      return ndCase(() => {
        const out = reused ?? nd(new Float64Array(n));
        L.assign([a, out]);
        return out;
      });
    }
    case 'asarray-to-numpy':
    case 'asarray-from-numpy':
      return unavailable('no NumPy conversion in @stdlib/ndarray');
  }
}

export const stdlib: Contender = {
  id: 'stdlib',
  label: '@stdlib/ndarray',
  note: 'stdlib ndarrays; element-wise work through ndarray/base/binary and unary (one call per operation), ndarray/base/assign, dsum, dstdev, the JavaScript dgemm',
  load: async () => {
    const L = loadStdlib();
    return {
      version: `@stdlib/ndarray ${packageVersion('@stdlib/ndarray')}, @stdlib/blas ${packageVersion('@stdlib/blas')}`,
      rtol: F64_RTOL,
      prepare: (spec, s) => prepare(L, spec, s),
    };
  },
};
