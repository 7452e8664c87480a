/**
 * fast: ndbridge's own runtime (src/fast). Results of lazy expressions are forced inside the timed
 * run by reading one element (DESIGN.md: element reads force). Functions fast does not have yet
 * give a dash naming them.
 */
import type { NdArray } from '../../src/common/ndarray.js';
import { slice } from '../../src/common/index-expr.js';
import { type BenchCase, type Contender, F64_RTOL, unavailable, type Unavailable } from '../contender.js';
import { weightedChecksum } from '../stats.js';
import { convolveOutSide, INPUT_MODULI, pattern, type CaseSpec, type Sizes } from '../workloads.js';
import { fn, flatOfNd, hasMethods, importRuntime, type ModuleRecord, scalarOf } from './runtime-module.js';

const FAST_MODULE = '../../src/fast/index.js';

type Asarray = (x: Float64Array) => NdArray;
type Unary = (a: NdArray, options?: object) => NdArray;
type Binary = (a: NdArray, b: NdArray) => NdArray;

/** Forces a (possibly lazy) result: reading an element evaluates the whole expression. */
function force(r: NdArray): NdArray {
  if (r.size > 0) r.get(...r.shape.map(() => 0));
  return r;
}

const arrayCase = (run: () => NdArray): BenchCase => ({ run, checksum: (r) => weightedChecksum(flatOfNd(r as NdArray)) });
const scalarCase = (run: () => unknown): BenchCase => ({ run: () => scalarOf(run()), checksum: (r) => r as number });

export function prepareFast(mod: ModuleRecord, spec: CaseSpec, s: Sizes): BenchCase | Unavailable {
  const asarray = fn<Asarray>(mod, 'asarray');
  if (!asarray) return unavailable('fast has no asarray yet');
  const missing = (name: string): Unavailable => unavailable(`fast has no ${name} yet`);
  const n = s.n;
  const need = (a: NdArray, ...methods: string[]): Unavailable | undefined => {
    const absent = methods.filter((m) => !hasMethods(a, m));
    return absent.length > 0 ? unavailable(`fast arrays have no ${absent.join(', ')} yet`) : undefined;
  };
  switch (spec.workload) {
    case 'add': {
      const zeros = fn<(shape: number[]) => NdArray>(mod, 'zeros');
      if (!zeros) return missing('zeros');
      const a = zeros([n]);
      return need(a, 'add') ?? arrayCase(() => force(a.add(a).add(a).add(a).add(a)));
    }
    case 'iterate': {
      const a = asarray(pattern(n, INPUT_MODULI.a));
      return scalarCase(() => {
        let acc = 0;
        for (let i = 0; i < n; i++) acc += a.get(i) as number;
        return acc;
      });
    }
    case 'sum': {
      const sum = fn<Unary>(mod, 'sum');
      if (!sum) return missing('sum');
      const a = asarray(pattern(n, INPUT_MODULI.a));
      return scalarCase(() => sum(a));
    }
    case 'mean': {
      const mean = fn<Unary>(mod, 'mean');
      if (!mean) return missing('mean');
      const a = asarray(pattern(n, INPUT_MODULI.a));
      return scalarCase(() => mean(a));
    }
    case 'sum-ab': {
      const sum = fn<Unary>(mod, 'sum');
      if (!sum) return missing('sum');
      const a = asarray(pattern(n, INPUT_MODULI.a));
      const b = asarray(pattern(n, INPUT_MODULI.b));
      return need(a, 'mul') ?? scalarCase(() => sum(a.mul(b)));
    }
    case 'std': {
      const std = fn<Unary>(mod, 'std');
      if (!std) return missing('std');
      const a = asarray(pattern(n, INPUT_MODULI.a));
      return scalarCase(() => std(a));
    }
    case 'hypot': {
      const sqrt = fn<Unary>(mod, 'sqrt');
      if (!sqrt) return missing('sqrt');
      const a = asarray(pattern(n, INPUT_MODULI.a));
      const b = asarray(pattern(n, INPUT_MODULI.b));
      return need(a, 'add', 'mul') ?? arrayCase(() => force(sqrt(a.mul(a).add(b.mul(b)))));
    }
    case 'convolve-loops': {
      const w = s.image;
      const k = s.kernel;
      const m = convolveOutSide(s);
      const img = asarray(pattern(w * w, INPUT_MODULI.a)).reshape([w, w]);
      const ker = asarray(pattern(k * k, INPUT_MODULI.kernel)).reshape([k, k]);
      return (
        need(img, 'set') ??
        arrayCase(() => {
          const out = asarray(new Float64Array(m * m)).reshape([m, m]);
          for (let i = 0; i < m; i++) {
            for (let j = 0; j < m; j++) {
              let acc = 0;
              for (let u = 0; u < k; u++) {
                for (let v = 0; v < k; v++) acc += (img.get(i + u, j + v) as number) * (ker.get(k - 1 - u, k - 1 - v) as number);
              }
              out.set([i, j], acc);
            }
          }
          return out;
        })
      );
    }
    case 'convolve-slices': {
      const w = s.image;
      const k = s.kernel;
      const m = convolveOutSide(s);
      const img = asarray(pattern(w * w, INPUT_MODULI.a)).reshape([w, w]);
      const ker = pattern(k * k, INPUT_MODULI.kernel);
      return (
        need(img, 'at', 'mul', 'add') ??
        arrayCase(() => {
          let out: NdArray = img.at(slice(0, m), slice(0, m)).mul(ker[k * k - 1]);
          for (let u = 0; u < k; u++) {
            for (let v = 0; v < k; v++) {
              if (u === 0 && v === 0) continue;
              out = out.add(img.at(slice(u, u + m), slice(v, v + m)).mul(ker[(k - 1 - u) * k + (k - 1 - v)]));
            }
          }
          return force(out);
        })
      );
    }
    case 'matmul': {
      const matmul = fn<Binary>(mod, 'matmul');
      if (!matmul) return missing('matmul');
      const d = s.matmul;
      const A = asarray(pattern(d * d, INPUT_MODULI.a)).reshape([d, d]);
      const B = asarray(pattern(d * d, INPUT_MODULI.b)).reshape([d, d]);
      return arrayCase(() => force(matmul(A, B)));
    }
    case 'copy-fresh': {
      const a = asarray(pattern(n, INPUT_MODULI.a));
      return need(a, 'copy') ?? arrayCase(() => force(a.copy()));
    }
    case 'copy-reused': {
      const a = asarray(pattern(n, INPUT_MODULI.a));
      const out = asarray(new Float64Array(n));
      return (
        need(out, 'set') ??
        arrayCase(() => {
          out.set('...', a);
          return out;
        })
      );
    }
    case 'asarray-to-numpy':
    case 'asarray-from-numpy':
      return unavailable('fast alone has no NumPy; asarray is the nd column');
  }
}

export const fast: Contender = {
  id: 'fast',
  label: 'fast',
  note: 'ndbridge fast (src/fast): lazy fused expressions, forced inside the timed run',
  load: async () => {
    const mod = await importRuntime(FAST_MODULE);
    if (typeof mod === 'string') return unavailable(`src/fast ${mod}`);
    return { version: 'ndbridge (this checkout)', rtol: F64_RTOL, prepare: (spec, s) => prepareFast(mod, spec, s) };
  },
};
