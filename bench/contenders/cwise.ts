/**
 * A kernel hand-fused with cwise: the best a JavaScript expert writes today. cwise compiles one
 * element-wise loop per kernel over scijs ndarrays; workloads that are not element-wise kernels use
 * ndarray's own get/set (convolve loops) or have no cwise form (a dash says why).
 */
import type { NdArray } from 'ndarray';
import { type BenchCase, type Contender, F64_RTOL, unavailable } from '../contender.js';
import { packageVersion } from '../packages.js';
import { convolveOutSide, INPUT_MODULI, pattern, type CaseSpec, type Sizes } from '../workloads.js';
import { convolveLoops, loadNdarray, ndarrayCase } from './ndarray-ops.js';

type A = NdArray<Float64Array>;
type Ndarray = (data: Float64Array, shape?: number[]) => A;
type Cwise = (typeof import('cwise'))['default'];

/* The kernel bodies below are parsed by cwise from their source text: they must stay plain
   `function` expressions with simple statements. */
function kernels(cwise: Cwise) {
  return {
    add5: cwise({
      args: ['array', 'array'],
      body: function (o: number, a: number) {
        o = a + a + a + a + a;
      },
    }),
    hypot: cwise({
      args: ['array', 'array', 'array'],
      body: function (o: number, a: number, b: number) {
        o = Math.sqrt(a * a + b * b);
      },
    }),
    sum: cwise({
      args: ['array'],
      pre: function (this: { s: number }) {
        this.s = 0;
      },
      body: function (this: { s: number }, a: number) {
        this.s += a;
      },
      post: function (this: { s: number }) {
        return this.s;
      },
    }),
    sumSqDev: cwise({
      args: ['array', 'scalar'],
      pre: function (this: { s: number }) {
        this.s = 0;
      },
      body: function (this: { s: number }, a: number, m: number) {
        this.s += (a - m) * (a - m);
      },
      post: function (this: { s: number }) {
        return this.s;
      },
    }),
    dot: cwise({
      args: ['array', 'array'],
      pre: function (this: { s: number }) {
        this.s = 0;
      },
      body: function (this: { s: number }, a: number, b: number) {
        this.s += a * b;
      },
      post: function (this: { s: number }) {
        return this.s;
      },
    }),
    fma: cwise({
      args: ['array', 'array', 'scalar'],
      body: function (o: number, x: number, k: number) {
        o += k * x;
      },
    }),
  };
}

function prepare(nd: Ndarray, k: ReturnType<typeof kernels>, spec: CaseSpec, s: Sizes): BenchCase | ReturnType<typeof unavailable> {
  const n = s.n;
  const scalarCase = (run: () => number): BenchCase => ({ run, checksum: (r) => r as number });
  switch (spec.workload) {
    case 'add': {
      const a = nd(new Float64Array(n));
      return ndarrayCase(() => {
        const out = nd(new Float64Array(n));
        k.add5(out, a);
        return out;
      });
    }
    case 'sum': {
      const a = nd(pattern(n, INPUT_MODULI.a));
      return scalarCase(() => k.sum(a) as number);
    }
    case 'mean': {
      const a = nd(pattern(n, INPUT_MODULI.a));
      return scalarCase(() => (k.sum(a) as number) / n);
    }
    case 'sum-ab': {
      const a = nd(pattern(n, INPUT_MODULI.a));
      const b = nd(pattern(n, INPUT_MODULI.b));
      return scalarCase(() => k.dot(a, b) as number);
    }
    case 'std': {
      const a = nd(pattern(n, INPUT_MODULI.a));
      return scalarCase(() => {
        const mean = (k.sum(a) as number) / n;
        return Math.sqrt((k.sumSqDev(a, mean) as number) / n);
      });
    }
    case 'hypot': {
      const a = nd(pattern(n, INPUT_MODULI.a));
      const b = nd(pattern(n, INPUT_MODULI.b));
      return ndarrayCase(() => {
        const out = nd(new Float64Array(n));
        k.hypot(out, a, b);
        return out;
      });
    }
    case 'convolve-loops':
      return convolveLoops(nd, s);
    case 'convolve-slices': {
      const w = s.image;
      const kk = s.kernel;
      const m = convolveOutSide(s);
      const img = nd(pattern(w * w, INPUT_MODULI.a), [w, w]);
      const ker = pattern(kk * kk, INPUT_MODULI.kernel);
      return ndarrayCase(() => {
        const out = nd(new Float64Array(m * m), [m, m]);
        for (let u = 0; u < kk; u++) {
          for (let v = 0; v < kk; v++) k.fma(out, img.lo(u, v).hi(m, m), ker[(kk - 1 - u) * kk + (kk - 1 - v)]);
        }
        return out;
      });
    }
    case 'iterate':
      return unavailable('cwise compiles whole-array kernels; element access is ndarray.get (see ndarray-ops)');
    case 'matmul':
      return unavailable('a matrix product is not an element-wise kernel; cwise cannot express it');
    case 'copy-fresh':
    case 'copy-reused':
      return unavailable('copying is ndarray-ops.assign, itself a cwise kernel (see ndarray-ops)');
    case 'asarray-to-numpy':
    case 'asarray-from-numpy':
      return unavailable('no NumPy conversion in ndarray');
  }
}

export const cwiseContender: Contender = {
  id: 'cwise',
  label: 'cwise (hand-fused)',
  note: 'one cwise kernel per workload, fused by hand (o = a+a+a+a+a; o = sqrt(a*a+b*b); o += k*x), over scijs ndarray',
  load: async () => {
    const nd = await loadNdarray();
    const cwise = (await import('cwise')).default;
    const k = kernels(cwise);
    return {
      version: `cwise ${packageVersion('cwise')}, ndarray ${packageVersion('ndarray')}`,
      rtol: F64_RTOL,
      prepare: (spec, s) => prepare(nd, k, spec, s),
    };
  },
};
