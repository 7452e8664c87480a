/**
 * compat: the real NumPy called from TypeScript through FFI (src/compat). Inputs are built by NumPy
 * itself (arange % m / m, as the Python script does). Intermediates are disposed as soon as they
 * are dead, as careful compat code does; without that, JS garbage collection (blind to NumPy's
 * memory) would let 80 MB temporaries pile up.
 */
import type { NdArray } from '../../src/common/ndarray.js';
import { type BenchCase, type Contender, F64_RTOL, unavailable, type Unavailable } from '../contender.js';
import { weightedChecksum } from '../stats.js';
import { convolveOutSide, INPUT_MODULI, type CaseSpec, type Sizes } from '../workloads.js';
import { fn, flatOfNd, hasMethods, importRuntime, type ModuleRecord, scalarOf } from './runtime-module.js';

const COMPAT_MODULE = '../../src/compat/index.js';

type NpFn = (...args: unknown[]) => unknown;

/** The `compat.numpy()` namespace seen through the functions the benchmark calls. */
export interface Np {
  call(name: string, ...args: unknown[]): unknown;
  has(name: string): boolean;
}

function wrapNamespace(ns: unknown): Np {
  const rec = ns as Record<string, unknown>;
  return {
    has: (name) => typeof rec[name] === 'function',
    call: (name, ...args) => (rec[name] as NpFn)(...args),
  };
}

function asNd(x: unknown, what: string): NdArray {
  if (!hasMethods(x, 'get', 'add', 'toArray')) throw new TypeError(`compat ${what} did not return an array`);
  return x as NdArray;
}

/** Disposes what the previous run returned, then keeps the new result for the check. */
export function resultKeeper(): (r: NdArray) => NdArray {
  let previous: NdArray | undefined;
  return (r) => {
    if (previous && previous !== r) previous.dispose();
    previous = r;
    return r;
  };
}

export function prepareCompat(np: Np, spec: CaseSpec, s: Sizes): BenchCase | Unavailable {
  const n = s.n;
  for (const f of ['arange', 'zeros']) if (!np.has(f)) return unavailable(`compat.numpy() has no ${f}`);
  const inputs: NdArray[] = [];
  const keep = <T extends NdArray>(a: T): T => {
    inputs.push(a);
    return a;
  };
  const patternNp = (count: number, m: number): NdArray => {
    const r = asNd(np.call('arange', count), 'arange');
    const q = r.mod(m);
    const p = q.div(m);
    r.dispose();
    q.dispose();
    return keep(p);
  };
  const dispose = (): void => {
    for (const a of inputs) a.dispose();
  };
  const keeper = resultKeeper();
  const arrayCase = (run: () => NdArray): BenchCase => ({
    run: () => keeper(run()),
    checksum: (r) => weightedChecksum(flatOfNd(r as NdArray)),
    dispose,
  });
  const scalarCase = (run: () => unknown): BenchCase => ({ run: () => scalarOf(run()), checksum: (r) => r as number, dispose });
  /** `x op y`, disposing the dead operand `dead`. */
  const step = (r: NdArray, dead: NdArray | undefined): NdArray => {
    dead?.dispose();
    return r;
  };
  switch (spec.workload) {
    case 'add': {
      const a = keep(asNd(np.call('zeros', n), 'zeros'));
      return arrayCase(() => {
        let r = a.add(a);
        r = step(r.add(a), r);
        r = step(r.add(a), r);
        return step(r.add(a), r);
      });
    }
    case 'iterate': {
      const a = patternNp(n, INPUT_MODULI.a);
      return scalarCase(() => {
        let acc = 0;
        for (let i = 0; i < n; i++) acc += a.get(i) as number;
        return acc;
      });
    }
    case 'sum-ab': {
      const a = patternNp(n, INPUT_MODULI.a);
      const b = patternNp(n, INPUT_MODULI.b);
      return scalarCase(() => {
        const p = np.call('multiply', a, b);
        const r = np.call('sum', p);
        const v = scalarOf(r);
        for (const x of [p, r]) if (hasMethods(x, 'dispose')) (x as NdArray).dispose();
        return v;
      });
    }
    case 'sum':
    case 'mean':
    case 'std': {
      const a = patternNp(n, INPUT_MODULI.a);
      const name = spec.workload;
      return scalarCase(() => {
        const r = np.call(name, a);
        const v = scalarOf(r);
        if (hasMethods(r, 'dispose')) (r as NdArray).dispose();
        return v;
      });
    }
    case 'hypot': {
      if (!np.has('sqrt')) return unavailable('compat.numpy() has no sqrt');
      const a = patternNp(n, INPUT_MODULI.a);
      const b = patternNp(n, INPUT_MODULI.b);
      return arrayCase(() => {
        const aa = a.mul(a);
        const bb = b.mul(b);
        const t = aa.add(bb);
        aa.dispose();
        bb.dispose();
        return step(asNd(np.call('sqrt', t), 'sqrt'), t);
      });
    }
    case 'convolve-loops': {
      const w = s.image;
      const k = s.kernel;
      const m = convolveOutSide(s);
      const img = patternNp(w * w, INPUT_MODULI.a).reshape([w, w]);
      const ker = patternNp(k * k, INPUT_MODULI.kernel).reshape([k, k]);
      keep(img);
      keep(ker);
      return arrayCase(() => {
        const out = asNd(np.call('zeros', [m, m]), 'zeros');
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
      });
    }
    case 'convolve-slices': {
      const w = s.image;
      const k = s.kernel;
      const m = convolveOutSide(s);
      const img = keep(patternNp(w * w, INPUT_MODULI.a).reshape([w, w]));
      const ker = keep(patternNp(k * k, INPUT_MODULI.kernel).reshape([k, k]));
      const kv: number[] = [];
      for (let u = 0; u < k; u++) for (let v = 0; v < k; v++) kv.push(ker.get(k - 1 - u, k - 1 - v) as number);
      return arrayCase(() => {
        let out = asNd(np.call('zeros', [m, m]), 'zeros');
        for (let u = 0; u < k; u++) {
          for (let v = 0; v < k; v++) {
            const view = img.at(`${u}:${u + m}, ${v}:${v + m}`);
            const t = view.mul(kv[u * k + v]);
            out = step(out.add(t), out);
            t.dispose();
            view.dispose();
          }
        }
        return out;
      });
    }
    case 'matmul': {
      if (!np.has('matmul')) return unavailable('compat.numpy() has no matmul');
      const d = s.matmul;
      const A = keep(patternNp(d * d, INPUT_MODULI.a).reshape([d, d]));
      const B = keep(patternNp(d * d, INPUT_MODULI.b).reshape([d, d]));
      return arrayCase(() => asNd(np.call('matmul', A, B), 'matmul'));
    }
    case 'copy-fresh': {
      const a = patternNp(n, INPUT_MODULI.a);
      return arrayCase(() => a.copy());
    }
    case 'copy-reused': {
      if (!np.has('copyto')) return unavailable('compat.numpy() has no copyto');
      const a = patternNp(n, INPUT_MODULI.a);
      const out = keep(asNd(np.call('zeros', n), 'zeros'));
      return {
        run: () => {
          np.call('copyto', out, a);
          return out;
        },
        checksum: (r) => weightedChecksum(flatOfNd(r as NdArray)),
        dispose,
      };
    }
    case 'asarray-to-numpy':
    case 'asarray-from-numpy':
      return unavailable('compat arrays are NumPy arrays already; asarray is the nd column');
  }
}

/** Finds `numpy()` on the compat module: `compat.numpy()` or a top-level `numpy()`. */
export function numpyOf(mod: ModuleRecord): (() => unknown) | undefined {
  const direct = fn<() => unknown>(mod, 'numpy');
  if (direct) return direct;
  const ns = mod.compat;
  if (typeof ns === 'object' && ns !== null) return fn<() => unknown>(ns as ModuleRecord, 'numpy');
  return undefined;
}

export const compat: Contender = {
  id: 'compat',
  label: 'compat',
  note: 'ndbridge compat (src/compat): NumPy embedded in Node through FFI, called from TypeScript; dead temporaries disposed at once',
  load: async () => {
    const mod = await importRuntime(COMPAT_MODULE);
    if (typeof mod === 'string') return unavailable(`src/compat ${mod}`);
    const numpy = numpyOf(mod);
    if (!numpy) return unavailable('src/compat exports no numpy() yet');
    let ns: unknown;
    try {
      ns = numpy();
    } catch (err) {
      return unavailable(`compat.numpy() failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    const np = wrapNamespace(ns);
    return { version: 'ndbridge (this checkout), embedded NumPy', rtol: F64_RTOL, prepare: (spec, s) => prepareCompat(np, spec, s) };
  },
};
