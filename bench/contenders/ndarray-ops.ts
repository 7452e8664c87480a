/** scijs ndarray with ndarray-ops: one library call per NumPy operation, outputs allocated by the caller. */
import type { NdArray } from 'ndarray';
import { type BenchCase, type Contender, F64_RTOL, unavailable } from '../contender.js';
import { packageVersion } from '../packages.js';
import { weightedChecksum } from '../stats.js';
import { convolveOutSide, INPUT_MODULI, pattern, type CaseSpec, type Sizes } from '../workloads.js';

type A = NdArray<Float64Array>;
type Ndarray = (data: Float64Array, shape?: number[]) => A;
type Ops = (typeof import('ndarray-ops'))['default'];

/** The elements of an ndarray in C order (the result check reads every element). */
export function flatOf(x: A): Float64Array {
  if (x.shape.length === 1 && x.stride[0] === 1 && x.offset === 0 && x.data.length === x.size) return x.data;
  const out = new Float64Array(x.size);
  const [r, c] = x.shape;
  let p = 0;
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[p++] = x.get(i, j);
  return out;
}

export const ndarrayCase = (run: () => A): BenchCase => ({ run, checksum: (r) => weightedChecksum(flatOf(r as A)) });
const scalarCase = (run: () => number): BenchCase => ({ run, checksum: (r) => r as number });

/** Element loops over ndarray's get/set, shared with the cwise contender (cwise has no element access). */
export function convolveLoops(nd: Ndarray, s: Sizes): BenchCase {
  const w = s.image;
  const k = s.kernel;
  const m = convolveOutSide(s);
  const img = nd(pattern(w * w, INPUT_MODULI.a), [w, w]);
  const ker = nd(pattern(k * k, INPUT_MODULI.kernel), [k, k]);
  return ndarrayCase(() => {
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

function prepare(nd: Ndarray, ops: Ops, spec: CaseSpec, s: Sizes): BenchCase | ReturnType<typeof unavailable> {
  const n = s.n;
  switch (spec.workload) {
    case 'add': {
      const a = nd(new Float64Array(n));
      return ndarrayCase(() => {
        const out = nd(new Float64Array(n));
        ops.add(out, a, a);
        ops.addeq(out, a);
        ops.addeq(out, a);
        ops.addeq(out, a);
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
      return scalarCase(() => ops.sum(a));
    }
    case 'mean': {
      const a = nd(pattern(n, INPUT_MODULI.a));
      return scalarCase(() => ops.sum(a) / n);
    }
    case 'sum-ab': {
      const a = nd(pattern(n, INPUT_MODULI.a));
      const b = nd(pattern(n, INPUT_MODULI.b));
      return scalarCase(() => {
        const t = nd(new Float64Array(n));
        ops.mul(t, a, b);
        return ops.sum(t);
      });
    }
    case 'std': {
      const a = nd(pattern(n, INPUT_MODULI.a));
      return scalarCase(() => {
        const mean = ops.sum(a) / n;
        const d = nd(new Float64Array(n));
        ops.subs(d, a, mean);
        ops.muleq(d, d);
        return Math.sqrt(ops.sum(d) / n);
      });
    }
    case 'hypot': {
      const a = nd(pattern(n, INPUT_MODULI.a));
      const b = nd(pattern(n, INPUT_MODULI.b));
      return ndarrayCase(() => {
        const out = nd(new Float64Array(n));
        const t = nd(new Float64Array(n));
        ops.mul(out, a, a);
        ops.mul(t, b, b);
        ops.addeq(out, t);
        ops.sqrteq(out);
        return out;
      });
    }
    case 'convolve-loops':
      return convolveLoops(nd, s);
    case 'convolve-slices': {
      const w = s.image;
      const k = s.kernel;
      const m = convolveOutSide(s);
      const img = nd(pattern(w * w, INPUT_MODULI.a), [w, w]);
      const ker = pattern(k * k, INPUT_MODULI.kernel);
      return ndarrayCase(() => {
        const out = nd(new Float64Array(m * m), [m, m]);
        const t = nd(new Float64Array(m * m), [m, m]);
        for (let u = 0; u < k; u++) {
          for (let v = 0; v < k; v++) {
            ops.muls(t, img.lo(u, v).hi(m, m), ker[(k - 1 - u) * k + (k - 1 - v)]);
            ops.addeq(out, t);
          }
        }
        return out;
      });
    }
    case 'matmul':
      return unavailable('ndarray-ops has no matrix product (scijs ndarray-gemm is not installed)');
    case 'copy-fresh': {
      const a = nd(pattern(n, INPUT_MODULI.a));
      return ndarrayCase(() => {
        const out = nd(new Float64Array(n));
        ops.assign(out, a);
        return out;
      });
    }
    case 'copy-reused': {
      const a = nd(pattern(n, INPUT_MODULI.a));
      const out = nd(new Float64Array(n));
      return ndarrayCase(() => {
        ops.assign(out, a);
        return out;
      });
    }
    case 'asarray-to-numpy':
    case 'asarray-from-numpy':
      return unavailable('no NumPy conversion in ndarray');
  }
}

export async function loadNdarray(): Promise<Ndarray> {
  const mod = await import('ndarray');
  return mod.default as unknown as Ndarray;
}

export const ndarrayOps: Contender = {
  id: 'ndarray-ops',
  label: 'ndarray-ops',
  note: 'scijs ndarray + ndarray-ops: one call per operation into caller-allocated outputs; get/set for element loops',
  load: async () => {
    const nd = await loadNdarray();
    const ops = (await import('ndarray-ops')).default;
    return {
      version: `ndarray ${packageVersion('ndarray')}, ndarray-ops ${packageVersion('ndarray-ops')}`,
      rtol: F64_RTOL,
      prepare: (spec, s) => prepare(nd, ops, spec, s),
    };
  },
};
