/**
 * nd: the bridge (src/bridge). The asarray rows time the zero-copy conversions both ways
 * (`asarray(obj, { copy: false })` to fast, `toNumpy(obj, { copy: false })` to NumPy), whose
 * reference is a NumPy copy of the same size. The other rows use the `nd` namespace (fast where
 * fast has the function, NumPy through the bridge otherwise) once src/bridge exports it.
 */
import type { NdArray } from '../../src/common/ndarray.js';
import { type BenchCase, type Contender, F64_RTOL, unavailable, type Unavailable } from '../contender.js';
import { weightedChecksum } from '../stats.js';
import { INPUT_MODULI, pattern, type CaseSpec, type Sizes } from '../workloads.js';
import { numpyOf, resultKeeper } from './compat.js';
import { fn, flatOfNd, hasMethods, importRuntime, type ModuleRecord, scalarOf } from './runtime-module.js';

const BRIDGE_MODULE = '../../src/bridge/index.js';
const FAST_MODULE = '../../src/fast/index.js';
const COMPAT_MODULE = '../../src/compat/index.js';

type Convert = (x: unknown, options?: { copy?: boolean | null }) => NdArray;
type NdFn = (...args: unknown[]) => unknown;

interface Loaded {
  readonly toFast: Convert;
  readonly toNumpy: Convert;
  readonly fastAsarray: (x: Float64Array) => NdArray;
  readonly np: Record<string, unknown>;
  /** The `nd` namespace, when the bridge exports it. */
  readonly nd: Record<string, unknown> | undefined;
}

function asNd(x: unknown, what: string): NdArray {
  if (!hasMethods(x, 'get', 'toArray')) throw new TypeError(`${what} did not return an array`);
  return x as NdArray;
}

function force(r: NdArray): NdArray {
  if (r.size > 0) r.get(...r.shape.map(() => 0));
  return r;
}

export function prepareNd(L: Loaded, spec: CaseSpec, s: Sizes): BenchCase | Unavailable {
  const n = s.n;
  const arrayCase = (run: () => NdArray, dispose?: () => void): BenchCase => ({
    run,
    checksum: (r) => weightedChecksum(flatOfNd(r as NdArray)),
    ...(dispose ? { dispose } : {}),
  });
  switch (spec.workload) {
    case 'asarray-to-numpy': {
      const x = L.fastAsarray(pattern(spec.size, INPUT_MODULI.a));
      let previous: NdArray | undefined;
      return arrayCase(
        () => {
          previous?.dispose();
          previous = L.toNumpy(x, { copy: false });
          return previous;
        },
        () => previous?.dispose(),
      );
    }
    case 'asarray-from-numpy': {
      const arange = L.np.arange as NdFn;
      const r = asNd(arange(spec.size), 'np.arange');
      const q = r.mod(INPUT_MODULI.a);
      const y = q.div(INPUT_MODULI.a);
      r.dispose();
      q.dispose();
      return arrayCase(
        () => L.toFast(y, { copy: false }),
        () => y.dispose(),
      );
    }
    default:
      break;
  }
  const nd = L.nd;
  if (!nd) return unavailable('src/bridge exports no nd namespace yet');
  const f = (name: string): NdFn | undefined => (typeof nd[name] === 'function' ? (nd[name] as NdFn) : undefined);
  const call = (name: string, ...args: unknown[]): NdArray => asNd((nd[name] as NdFn)(...args), `nd.${name}`);
  const missing = (name: string): Unavailable => unavailable(`nd has no ${name}`);
  // nd's results may hold NumPy memory (the BLAS route): the previous run's result is disposed, as in
  // the compat column, rather than left to garbage collection
  const keeper = resultKeeper();
  const resultCase = (run: () => NdArray): BenchCase => arrayCase(() => keeper(run()));
  switch (spec.workload) {
    case 'add': {
      if (!f('add')) return missing('add');
      const zeros = L.fastAsarray(new Float64Array(n));
      return resultCase(() => force(call('add', call('add', call('add', call('add', zeros, zeros), zeros), zeros), zeros)));
    }
    case 'sum-ab': {
      for (const name of ['sum', 'multiply']) if (!f(name)) return missing(name);
      const a = L.fastAsarray(pattern(n, INPUT_MODULI.a));
      const b = L.fastAsarray(pattern(n, INPUT_MODULI.b));
      return { run: () => scalarOf((nd.sum as NdFn)(call('multiply', a, b))), checksum: (r) => r as number };
    }
    case 'sum':
    case 'mean':
    case 'std': {
      const name = spec.workload;
      if (!f(name)) return missing(name);
      const a = L.fastAsarray(pattern(n, INPUT_MODULI.a));
      return { run: () => scalarOf((nd[name] as NdFn)(a)), checksum: (r) => r as number };
    }
    case 'hypot': {
      for (const name of ['sqrt', 'add', 'multiply']) if (!f(name)) return missing(name);
      const a = L.fastAsarray(pattern(n, INPUT_MODULI.a));
      const b = L.fastAsarray(pattern(n, INPUT_MODULI.b));
      return resultCase(() => force(call('sqrt', call('add', call('multiply', a, a), call('multiply', b, b)))));
    }
    case 'matmul': {
      if (!f('matmul')) return missing('matmul');
      const d = s.matmul;
      const A = L.fastAsarray(pattern(d * d, INPUT_MODULI.a)).reshape([d, d]);
      const B = L.fastAsarray(pattern(d * d, INPUT_MODULI.b)).reshape([d, d]);
      return resultCase(() => force(call('matmul', A, B)));
    }
    case 'iterate':
    case 'convolve-loops':
    case 'convolve-slices':
    case 'copy-fresh':
    case 'copy-reused':
      return unavailable('nd returns fast arrays: element access, slicing and copies are the fast column');
  }
}

export const nd: Contender = {
  id: 'nd',
  label: 'nd (bridge)',
  note: 'ndbridge bridge (src/bridge): zero-copy asarray both ways (copy: false); nd namespace = fast where it can, NumPy through the bridge otherwise (BLAS work above a measured size); the previous result disposed, as in the compat column',
  load: async () => {
    const bridge = await importRuntime(BRIDGE_MODULE);
    if (typeof bridge === 'string') return unavailable(`src/bridge ${bridge}`);
    const toFast = fn<Convert>(bridge, 'toFast') ?? fn<Convert>(bridge, 'asarray');
    const toNumpy = fn<Convert>(bridge, 'toNumpy');
    if (!toFast || !toNumpy) return unavailable('src/bridge exports no toFast/toNumpy yet');
    const fastMod = await importRuntime(FAST_MODULE);
    if (typeof fastMod === 'string') return unavailable(`src/fast ${fastMod}`);
    const fastAsarray = fn<(x: Float64Array) => NdArray>(fastMod, 'asarray');
    if (!fastAsarray) return unavailable('src/fast exports no asarray');
    const compatMod = await importRuntime(COMPAT_MODULE);
    if (typeof compatMod === 'string') return unavailable(`src/compat ${compatMod}`);
    const numpy = numpyOf(compatMod);
    if (!numpy) return unavailable('src/compat exports no numpy()');
    let np: Record<string, unknown>;
    try {
      np = numpy() as Record<string, unknown>;
    } catch (err) {
      return unavailable(`compat.numpy() failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    const ns: unknown = (bridge as ModuleRecord).nd;
    const ndNs = (typeof ns === 'object' || typeof ns === 'function') && ns !== null ? (ns as Record<string, unknown>) : undefined;
    return {
      version: 'ndbridge (this checkout)',
      rtol: F64_RTOL,
      prepare: (spec, s) => prepareNd({ toFast, toNumpy, fastAsarray, np, nd: ndNs }, spec, s),
    };
  },
};
