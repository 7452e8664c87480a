/**
 * `nd`: one namespace over both runtimes. `nd.<path>(...args)` runs on fast when fast has the function and
 * supports the call; otherwise (fast lacks it, or throws NotSupportedError) the inputs go to NumPy without
 * copying, NumPy runs, and array results come back as fast arrays, again without copying.
 *
 *   nd.add(a, 1)                                  // fast
 *   const [u, s, vt] = nd.linalg.svd(a)           // NumPy (fast has no svd), results are FastArrays
 *   nd.random.default_rng(0).normal({ size: [3] }) // objects NumPy returns are wrapped the same way
 *
 * Which runtime ran a call is observable: `lastDispatch()`, `dispatchCounts()` and `onDispatch(listener)`.
 * Without Python, everything fast supports still works; the rest throws CompatUnavailableError.
 */
import { NotSupportedError } from '../common/errors.js';
import { isNotSupported } from '../fast/not-supported.js';
import * as compat from '../compat/index.js';
import { PYOBJ } from '../compat/python/objects.js';
import { FastArray } from '../fast/array.js';
import * as fast from '../fast/index.js';
import { toFast, toNumpy } from './asarray.js';

export type DispatchRuntime = 'fast' | 'numpy';

export interface DispatchRecord {
  /** Dotted path of the function, e.g. `linalg.svd` or `random.default_rng().normal`. */
  readonly name: string;
  readonly runtime: DispatchRuntime;
  /** Why fast did not run it (absent when fast ran it). */
  readonly reason?: string;
}

/** A value `nd` returns: fast arrays for arrays, JS scalars, arrays of results, or a wrapped Python object. */
export type NdValue = FastArray | number | bigint | boolean | string | null | { re: number; im: number } | NdValue[] | NdObject;

/** A callable, attribute-walkable node of the namespace (`nd.linalg`, `nd.linalg.svd`, a wrapped Generator...). */
export interface NdObject {
  (...args: unknown[]): NdValue;
  readonly [name: string]: NdObject;
}

let last: DispatchRecord | undefined;
const counts: Record<DispatchRuntime, number> = { fast: 0, numpy: 0 };
const listeners = new Set<(r: DispatchRecord) => void>();

function record(r: DispatchRecord): void {
  last = r;
  counts[r.runtime]++;
  for (const l of listeners) l(r);
}

/** The most recent call made through `nd`, and which runtime ran it. */
export function lastDispatch(): DispatchRecord | undefined {
  return last;
}

/** How many `nd` calls each runtime ran since start-up (or the last reset). */
export function dispatchCounts(reset = false): Readonly<Record<DispatchRuntime, number>> {
  const c = { ...counts };
  if (reset) counts.fast = counts.numpy = 0;
  return c;
}

/** Call `listener` after every dispatch; returns a function that removes it. */
export function onDispatch(listener: (r: DispatchRecord) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function isPythonBacked(v: unknown): boolean {
  return (typeof v === 'object' || typeof v === 'function') && v !== null && !(v instanceof FastArray) && PYOBJ in v;
}

/** Arguments for fast: Python-backed arrays become fast views; everything else as it is. */
function argsForFast(args: readonly unknown[]): unknown[] {
  return args.map((a) => (a instanceof compat.CompatArray ? toFast(a) : Array.isArray(a) ? a.map((x) => (x instanceof compat.CompatArray ? toFast(x) : x)) : a));
}

/**
 * Arguments for NumPy: fast arrays and TypedArrays become real NumPy arrays over the same memory (some NumPy
 * functions, such as result_type or take_along_axis, want an ndarray rather than any array-like), also
 * inside lists; everything else as it is.
 */
function argForNumpy(a: unknown): unknown {
  if (a instanceof FastArray) return toNumpy(a);
  if (ArrayBuffer.isView(a)) return toNumpy(toFast(a as ArrayBufferView));
  if (Array.isArray(a) && a.some((x) => x instanceof FastArray)) return a.map(argForNumpy);
  return a;
}

function argsForNumpy(args: readonly unknown[]): unknown[] {
  return args.map(argForNumpy);
}

/** Results from NumPy: arrays become fast views (the CompatArray wrapper is released at once), recursively. */
function fromNumpy(v: unknown, name: string): NdValue {
  if (v instanceof compat.CompatArray) {
    const f = toFast(v);
    v.dispose();
    return f;
  }
  if (Array.isArray(v)) return v.map((x) => fromNumpy(x, name));
  if (typeof v === 'function' || (typeof v === 'object' && v !== null && isPythonBacked(v))) {
    const proxy = v as compat.PyObjectProxy;
    // Named tuples (SVDResult, EigResult...) read as arrays of their fields, like plain tuples.
    if (compat.evaluate('isinstance(o, tuple)', { o: proxy }) === true) {
      return [...proxy].map((x) => fromNumpy(x, name));
    }
    return wrapPython(proxy, name);
  }
  return v as NdValue;
}

function resolveFast(path: readonly string[]): unknown {
  let cur: unknown = fast;
  for (const p of path) {
    if ((typeof cur !== 'object' && typeof cur !== 'function') || cur === null || !(p in cur)) return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

function resolveNumpy(path: readonly string[]): unknown {
  let cur: unknown = compat.numpy();
  for (const p of path) cur = (cur as Record<string, unknown>)[p];
  return cur;
}

/** NumPy's attribute at `path` when it is a plain number or string (a constant), else undefined. */
function numpyConstant(path: readonly string[]): number | string | undefined {
  if (!compat.available()) return undefined;
  try {
    const v = resolveNumpy(path);
    return typeof v === 'number' || typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

function callNumpy(fn: unknown, args: readonly unknown[], name: string, reason: string): NdValue {
  if (typeof fn !== 'function') throw new TypeError(`numpy.${name} is not callable`);
  const result = (fn as (...a: unknown[]) => unknown)(...argsForNumpy(args));
  record({ name, runtime: 'numpy', reason });
  return fromNumpy(result, name);
}

function makeNode(path: readonly string[]): NdObject {
  const name = path.join('.');
  const target = function ndCall(...args: unknown[]): NdValue {
    const f = resolveFast(path);
    let reason = `fast has no ${name}`;
    if (isNotSupported(f)) reason = `fast does not support ${(f as { notSupported: string }).notSupported}`;
    else if (typeof f === 'function') {
      try {
        const r = (f as (...a: unknown[]) => unknown)(...argsForFast(args));
        record({ name, runtime: 'fast' });
        return r as NdValue;
      } catch (err) {
        if (!(err instanceof NotSupportedError)) throw err;
        reason = err.message;
      }
    }
    return callNumpy(resolveNumpy(path), args, name, reason);
  };
  return new Proxy(target as unknown as NdObject, {
    get(t, prop) {
      if (typeof prop === 'symbol') return Reflect.get(t, prop);
      if (prop === 'then') return undefined; // not a thenable
      const child = [...path, prop];
      const f = resolveFast(child);
      if (f !== undefined && typeof f !== 'function' && (typeof f !== 'object' || f === null)) return f;
      if (f === undefined) {
        // A plain value NumPy has and fast does not (np.euler_gamma, np.linalg... stays a node).
        const v = numpyConstant(child);
        if (v !== undefined) return v;
      }
      return makeNode(child);
    },
  });
}

/** Wrap a Python object NumPy returned (a Generator, a polynomial...) so its methods dispatch like nd's. */
function wrapPython(obj: compat.PyObjectProxy, name: string): NdObject {
  const target = function wrapped(...args: unknown[]): NdValue {
    return callNumpy(obj, args, `${name}()`, 'a Python object');
  };
  return new Proxy(target as unknown as NdObject, {
    get(t, prop) {
      if (prop === PYOBJ) return obj[PYOBJ];
      if (typeof prop === 'symbol') return Reflect.get(t, prop);
      if (prop === 'then') return undefined;
      const attr = obj[prop];
      if (typeof attr === 'function') return wrapPython(attr as compat.PyObjectProxy, `${name}.${prop}`);
      return fromNumpy(attr, `${name}.${prop}`);
    },
  });
}

/** The namespace. Attribute paths mirror NumPy's (`nd.linalg.svd`, `nd.fft.rfft`, `nd.random.default_rng`). */
export const nd: NdObject = makeNode([]);
