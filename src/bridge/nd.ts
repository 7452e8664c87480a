/**
 * `nd`: one namespace over both runtimes. Inputs go to NumPy without copying and array results come back
 * as fast arrays, again without copying.
 *
 *   nd.add(a, 1)                                  // fast
 *   nd.matmul(a, b)                               // NumPy (OpenBLAS) when a and b are large float matrices
 *   const [u, s, vt] = nd.linalg.svd(a)           // NumPy (fast has no svd), results are FastArrays
 *   nd.random.default_rng(0).normal({ size: [3] }) // objects NumPy returns are wrapped the same way
 *
 * Dispatch, for `nd.<path>(...args)`:
 *
 * 0. The call is bound with NumPy's signature (bind.ts): a call NumPy would reject is Python's TypeError.
 * 1. BLAS/LAPACK rule (dispatch-policy.ts): matmul, dot, vdot, inner, tensordot, vecdot (and their
 *    linalg.* names), linalg.solve, inv and det, and the iterative decompositions (svdvals, eigvalsh,
 *    pinv, matrix_rank, cond, qr, cholesky, matrix_norm) on float32/float64/complex64/complex128 arrays go
 *    to NumPy when their work is at least the measured threshold and compat is available. Below it they
 *    stay on fast: the route's fixed cost (~10-15 µs) outweighs LAPACK's speed-up. If NumPy raises, the
 *    call runs on fast, so errors are fast's typed errors whichever route was tried. Large matmul results
 *    are written into NumPy arrays reused from a bounded pool (result-pool.ts). `configureDispatch`
 *    changes the thresholds or turns the rule off.
 * 2. fast, when it takes every argument the call passed (nd-route.ts, from FAST_SIGNATURES) and does not
 *    throw NotSupportedError; nd-dtypes.ts makes its results NumPy's dtypes.
 * 3. NumPy otherwise, over the same memory; `out=` arrays are written in place and are the result.
 *
 * Which runtime ran a call, and why, is observable: `lastDispatch()`, `dispatchCounts()` and
 * `onDispatch(listener)`. Without Python, everything fast supports still runs on fast (the rule keeps
 * every call on fast); the rest throws CompatUnavailableError.
 */
import { CompatUnavailableError, NotSupportedError, PythonError } from '../common/errors.js';
import { bindCall, isKeywordObject, type BoundCall } from './bind.js';
import { planFast, resolveFast, routeOf } from './nd-route.js';
import { applyNumpyDtypes, numpyIndexDtypes } from './nd-dtypes.js';
import * as compat from '../compat/index.js';
import { livePtr, PYOBJ } from '../compat/python/objects.js';
import { DTYPES, isDTypeName } from '../common/dtypes.js';
import { FastArray } from '../fast/array.js';
import { sizeOf } from '../fast/engine/shape.js';
import { callPython } from '../compat/python/convert.js';
import { makeAsyncCall } from '../compat/python/async-call.js';
import { toFast, toNumpy } from './asarray.js';
import { DEFAULT_THRESHOLDS, estimateWork, formatWork, type Thresholds, type WorkEstimate } from './dispatch-policy.js';
import { bridgePython } from './python.js';
import type { NdNamespace } from './nd-types.js';
import { fastFromPython } from './from-numpy.js';
import { onlyOwner, PooledResult, POOL_MAX_BYTES, POOL_MIN_BYTES, resultKey, setResultPoolBytes, takeResult } from './result-pool.js';

export type DispatchRuntime = 'fast' | 'numpy';

export interface DispatchRecord {
  /** Dotted path of the function, e.g. `linalg.svd` or `random.default_rng().normal`. */
  readonly name: string;
  readonly runtime: DispatchRuntime;
  /**
   * Why this runtime ran it: always set when NumPy ran it ('BLAS: ...' / 'LAPACK: ...' for the BLAS/LAPACK
   * rule, otherwise why fast could not); set on fast only when the BLAS/LAPACK rule considered the call and
   * kept it on fast (below the threshold, NumPy unavailable, ...). Absent for everything else fast ran.
   */
  readonly reason?: string;
}

export interface DispatchConfig {
  /** The BLAS/LAPACK rule on (default) or off (then these functions run on fast like any other). */
  readonly blas: boolean;
  /** Thresholds of the rule (see dispatch-policy.ts for the measurements). */
  readonly thresholds: Thresholds;
  /** Most bytes of idle NumPy result arrays kept for reuse by large matmuls (result-pool.ts); 0: none. */
  readonly resultPoolBytes: number;
}

let config: DispatchConfig = { blas: true, thresholds: DEFAULT_THRESHOLDS, resultPoolBytes: POOL_MAX_BYTES };

/**
 * Change nd's dispatch policy (the BLAS/LAPACK rule); unset fields keep their values. Returns the previous
 * configuration, so `configureDispatch(previous)` restores it.
 */
export function configureDispatch(change: {
  readonly blas?: boolean;
  readonly thresholds?: Partial<Thresholds>;
  readonly resultPoolBytes?: number;
}): DispatchConfig {
  const previous = config;
  config = {
    blas: change.blas ?? config.blas,
    thresholds: { ...config.thresholds, ...change.thresholds },
    resultPoolBytes: change.resultPoolBytes ?? config.resultPoolBytes,
  };
  if (config.resultPoolBytes !== previous.resultPoolBytes) setResultPoolBytes(config.resultPoolBytes);
  return previous;
}

/** A value `nd` returns: fast arrays for arrays, JS scalars, arrays of results, or a wrapped Python object. */
export type NdValue = FastArray | compat.CompatArray | number | bigint | boolean | string | null | { re: number; im: number } | NdValue[] | NdObject;

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

/** An `__array_interface__` provider that is neither a fast nor a Python-backed array. */
function isInterfaceProvider(v: unknown): v is { readonly __array_interface__: unknown } {
  return typeof v === 'object' && v !== null && !(v instanceof FastArray) && !Array.isArray(v) && '__array_interface__' in v && !(PYOBJ in v);
}

/**
 * A value for fast: Python-backed arrays and `__array_interface__` providers become fast views (asarray's
 * checks and typed errors), also inside lists; everything else as it is.
 */
function forFast(a: unknown): unknown {
  if (a instanceof compat.CompatArray || isInterfaceProvider(a)) return toFast(a);
  if (Array.isArray(a) && a.some((x) => x instanceof compat.CompatArray || isInterfaceProvider(x))) return a.map(forFast);
  return a;
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

/** argForNumpy over the positional arguments and the values of a trailing keyword object (`out=`, `where=`). */
function argsForNumpy(args: readonly unknown[]): unknown[] {
  const n = args.length;
  if (n > 0 && isKeywordObject(args[n - 1])) {
    const kw = args[n - 1] as Record<string, unknown>;
    const converted: Record<string, unknown> = {};
    for (const k of Object.keys(kw)) converted[k] = argForNumpy(kw[k]);
    return [...args.slice(0, n - 1).map(argForNumpy), converted];
  }
  return args.map(argForNumpy);
}

/**
 * Named tuples NumPy returns, by path: nd returns an array (destructure it) that also has the fields
 * (`nd.linalg.svd(a).U`), on both routes.
 */
const NAMED_RESULTS: Readonly<Record<string, readonly string[]>> = {
  'linalg.svd': ['U', 'S', 'Vh'],
  'linalg.eigh': ['eigenvalues', 'eigenvectors'],
  'linalg.eig': ['eigenvalues', 'eigenvectors'],
  'linalg.qr': ['Q', 'R'],
  'linalg.slogdet': ['sign', 'logabsdet'],
  unique_all: ['values', 'indices', 'inverse_indices', 'counts'],
  unique_counts: ['values', 'counts'],
  unique_inverse: ['values', 'inverse_indices'],
};

/** An array of `values` that also carries them as named fields. */
function namedTuple(fields: readonly string[], values: readonly NdValue[]): NdValue[] {
  const out = [...values];
  fields.forEach((f, i) => Object.defineProperty(out, f, { value: values[i], enumerable: false }));
  return out;
}

/** A fast result in nd's shape: named-tuple paths become arrays with their fields. */
function fastResult(path: string, r: unknown): NdValue {
  const fields = NAMED_RESULTS[path];
  if (fields === undefined || typeof r !== 'object' || r === null) return r as NdValue;
  if (Array.isArray(r)) return fields.every((f) => f in r) ? (r as NdValue[]) : namedTuple(fields, r as NdValue[]);
  const o = r as Record<string, NdValue>;
  return fields.every((f) => f in o) ? namedTuple(fields, fields.map((f) => o[f])) : (r as NdValue);
}

/** Marks a named tuple coming back from Python (random per process, so no NumPy result can forge it). */
const NAMED_MARK = `__ndbridge_named_${Math.random().toString(36).slice(2)}`;
let ndCaller: compat.PyObjectProxy | undefined;

/**
 * `fn(*args, **kwargs)` in Python with NumPy scalars made 0-d arrays (as fast returns them) and named
 * tuples marked with their fields.
 */
function numpyCaller(): compat.PyObjectProxy {
  ndCaller ??= compat.exec(
    [
      'import numpy as _np',
      'def _nd_out(r):',
      '    if isinstance(r, _np.generic):',
      '        return _np.asarray(r)',
      '    if isinstance(r, tuple):',
      '        vals = tuple(_nd_out(x) for x in r)',
      "        fields = getattr(r, '_fields', None)",
      '        return (MARK, tuple(fields), vals) if fields is not None else vals',
      '    return r',
      'def nd_call(fn, *args, **kwargs):',
      '    return _nd_out(fn(*args, **kwargs))',
    ].join('\n'),
    { MARK: NAMED_MARK },
  ).nd_call as compat.PyObjectProxy;
  return ndCaller;
}

function fastHasDtype(a: compat.CompatArray): boolean {
  return isDTypeName(a.dtype);
}

/** Results from NumPy: arrays become fast views (the CompatArray wrapper is released at once), recursively. */
function fromNumpy(v: unknown, name: string): NdValue {
  if (v instanceof compat.CompatArray) {
    // A dtype fast does not have (float16, datetime64, strings...): the NumPy array itself (same NdArray
    // interface), rather than a copy in another dtype.
    if (!fastHasDtype(v)) return v;
    const f = toFast(v);
    v.dispose();
    return f;
  }
  if (Array.isArray(v)) {
    if (v.length === 3 && v[0] === NAMED_MARK) return namedTuple(v[1] as string[], (v[2] as unknown[]).map((x) => fromNumpy(x, name)));
    return v.map((x) => fromNumpy(x, name));
  }
  if (typeof v === 'function' || (typeof v === 'object' && v !== null && isPythonBacked(v))) return wrapPython(v as compat.PyObjectProxy, name);
  return v as NdValue;
}

let numpyRoot: unknown;
function resolveNumpy(path: readonly string[]): unknown {
  let cur: unknown = (numpyRoot ??= compat.numpy());
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

/** The fast arrays a call passed as `out` (one, or a tuple of them), which are then its result. */
function outArrays(bound: BoundCall | undefined): FastArray | FastArray[] | undefined {
  if (bound === undefined) return undefined;
  const i = bound.signature.index.get('out');
  if (i === undefined) return undefined;
  const v = bound.values[i];
  if (v instanceof FastArray) return v;
  if (Array.isArray(v) && v.length > 0 && v.every((x) => x instanceof FastArray)) return v as FastArray[];
  return undefined;
}

function callNumpy(fn: unknown, args: readonly unknown[], name: string, reason: string, bound?: BoundCall): NdValue {
  if (typeof fn !== 'function') throw new TypeError(`numpy.${name} is not callable`);
  const out = outArrays(bound);
  const result = (numpyCaller() as unknown as (...a: unknown[]) => unknown)(fn, ...argsForNumpy(args));
  record({ name, runtime: 'numpy', reason });
  if (out !== undefined) {
    // NumPy wrote into the memory of the fast array(s) passed as out=: those are the result, as in NumPy.
    if (result instanceof compat.CompatArray) result.dispose();
    return out;
  }
  return fromNumpy(result, name);
}

/**
 * callNumpy off the main thread (compat's async pool): the arguments are converted now; the Promise settles
 * with the same result callNumpy returns.
 */
function callNumpyAsync(fn: unknown, args: readonly unknown[], name: string, reason: string, bound: BoundCall | undefined, options: compat.AsyncOptions): Promise<NdValue> {
  if (typeof fn !== 'function') return Promise.reject(new TypeError(`numpy.${name} is not callable`));
  const out = outArrays(bound);
  let started: Promise<unknown>;
  try {
    started = numpyCaller().async.with(options)(fn, ...argsForNumpy(args));
  } catch (err) {
    return Promise.reject(err);
  }
  return started.then((result) => {
    record({ name, runtime: 'numpy', reason });
    if (out !== undefined) {
      if (result instanceof compat.CompatArray) result.dispose();
      return out;
    }
    return fromNumpy(result, name);
  });
}

/**
 * The BLAS/LAPACK rule's verdict on a call it covers: NumPy (with the reason) or fast (with the reason it
 * stays there).
 */
function blasVerdict(est: WorkEstimate, name: string): { numpy: boolean; reason: string } {
  const min = est.library === 'BLAS' ? config.thresholds.blas : est.library === 'LAPACK' ? config.thresholds.lapack : config.thresholds.decomposition;
  const unit = est.library === 'BLAS' ? 'multiply-adds' : est.library === 'LAPACK' ? 'work (n^3 per matrix)' : 'work (m*n*min(m, n) per matrix)';
  const what = `${name} of ${est.operands}, ${formatWork(est.work)} ${unit}`;
  if (est.work < min) return { numpy: false, reason: `${what}, below the ${est.library} threshold ${formatWork(min)}: the FFI round trip would cost more than it saves` };
  if (!compat.available()) return { numpy: false, reason: `${what}, above the ${est.library} threshold ${formatWork(min)}, but NumPy is unavailable` };
  return { numpy: true, reason: `${est.library}: ${what} >= ${formatWork(min)}` };
}

/** Release the NumPy arrays argsForNumpy made (their exports are swept once Python drops them). */
function disposeMade(made: readonly unknown[], args: readonly unknown[]): void {
  for (let i = 0; i < made.length; i++) if (made[i] !== args[i] && made[i] instanceof compat.CompatArray) (made[i] as compat.CompatArray).dispose();
}

/** Run a call the BLAS/LAPACK rule sent to NumPy; scalar results come back as 0-d arrays. Undefined if NumPy raised. */
function callNumpyArrays(fn: unknown, args: readonly unknown[], name: string): NdValue | undefined {
  const made = argsForNumpy(args);
  let result: unknown;
  try {
    const py = bridgePython();
    result = callPython(py.rt, py.callArrays, [fn, ...made]);
  } catch (err) {
    if (err instanceof PythonError) return undefined;
    throw err;
  } finally {
    disposeMade(made, args);
  }
  return fromNumpy(result, name);
}

/**
 * matmul sent to NumPy, its result written into a pooled array of the same shape and dtype when there is
 * one (np.matmul(a, b, out=...)), and viewed by fast with a keeper that gives the array back to the pool
 * when nothing sees it any more (result-pool.ts). Undefined if NumPy raised.
 */
function matmulPooled(args: readonly unknown[], result: NonNullable<WorkEstimate['result']>, bytes: number): NdValue | undefined {
  const key = resultKey(result.dtype, result.shape);
  const matmul = compat.numpy().matmul as (a: unknown, b: unknown, kw?: Record<string, unknown>) => unknown;
  const made = argsForNumpy(args);
  const out = takeResult(key, bytes);
  let array: unknown;
  try {
    if (out !== undefined) {
      const returned = matmul(made[0], made[1], { out });
      if (returned instanceof compat.CompatArray) returned.dispose(); // `out` itself
      array = out;
    } else array = matmul(made[0], made[1]);
  } catch (err) {
    out?.dispose();
    if (err instanceof PythonError) return undefined;
    throw err;
  } finally {
    disposeMade(made, args);
  }
  if (!(array instanceof compat.CompatArray)) return fromNumpy(array, 'matmul');
  if (!onlyOwner(array)) {
    const f = toFast(array);
    array.dispose();
    return f;
  }
  const keeper = new PooledResult(array, key, bytes);
  const view = fastFromPython(livePtr(array[PYOBJ]), {}, keeper);
  // Pool it only under the key it really has (np.matmul(..., out=) keeps out's dtype, so a wrong key would stick).
  if (view.dtype !== result.dtype || view.shape.length !== result.shape.length || view.shape.some((d, i) => d !== result.shape[i])) keeper.poolable = false;
  return view;
}

/** Bytes of the call's result when it is a matmul result large enough to come from (and go back to) the pool. */
function pooledResultBytes(est: WorkEstimate): number | undefined {
  const r = est.result;
  if (r === undefined || r.shape.length === 0 || config.resultPoolBytes === 0) return undefined;
  const bytes = DTYPES[r.dtype].itemsize * sizeOf(r.shape);
  return bytes >= POOL_MIN_BYTES ? bytes : undefined;
}

/** Run `nd.<path>(...args)`: bind with NumPy's signature, then fast when fast takes the whole call, else NumPy. */
function ndCall(path: readonly string[], name: string, args: unknown[]): NdValue;
function ndCall(path: readonly string[], name: string, args: unknown[], options: compat.AsyncOptions): Promise<NdValue>;
function ndCall(path: readonly string[], name: string, args: unknown[], options?: compat.AsyncOptions): NdValue | Promise<NdValue> {
  const route = routeOf(name);
  // Python's TypeError for a call NumPy would reject (too many arguments, an unknown keyword...).
  const bound = route.signature === undefined ? undefined : bindCall(route.signature, args);
  let ruleReason: string | undefined;
  const est = config.blas ? estimateWork(name, args) : undefined;
  if (est !== undefined && outArrays(bound) === undefined) {
    const verdict = blasVerdict(est, name);
    if (verdict.numpy && options !== undefined) {
      // Async: NumPy on the pool (no pooled result); if NumPy raises, fast runs it, as in the sync call.
      const fallback = `${verdict.reason}, but NumPy raised: fast ran it for fast's error (or result)`;
      return callNumpyAsync(resolveNumpy(path), args, name, verdict.reason, bound, options).then(
        (r) => fastResult(name, r),
        (err: unknown) => {
          if (!(err instanceof PythonError)) throw err;
          return afterRule(path, name, args, route, bound, fallback, options);
        },
      );
    }
    if (verdict.numpy) {
      const bytes = pooledResultBytes(est);
      const r = bytes !== undefined ? matmulPooled(args, est.result!, bytes) : callNumpyArrays(resolveNumpy(path), args, name);
      if (r !== undefined) {
        record({ name, runtime: 'numpy', reason: verdict.reason });
        return fastResult(name, r);
      }
      ruleReason = `${verdict.reason}, but NumPy raised: fast ran it for fast's error (or result)`;
    } else ruleReason = verdict.reason;
  }
  return options === undefined ? afterRule(path, name, args, route, bound, ruleReason) : afterRule(path, name, args, route, bound, ruleReason, options);
}

/** ndCall after the BLAS/LAPACK rule: fast when it takes the whole call, else NumPy (async with `options`). */
function afterRule(path: readonly string[], name: string, args: unknown[], route: ReturnType<typeof routeOf>, bound: BoundCall | undefined, ruleReason: string | undefined): NdValue;
function afterRule(
  path: readonly string[],
  name: string,
  args: unknown[],
  route: ReturnType<typeof routeOf>,
  bound: BoundCall | undefined,
  ruleReason: string | undefined,
  asyncOptions: compat.AsyncOptions,
): Promise<NdValue>;
function afterRule(
  path: readonly string[],
  name: string,
  args: unknown[],
  route: ReturnType<typeof routeOf>,
  bound: BoundCall | undefined,
  ruleReason: string | undefined,
  asyncOptions?: compat.AsyncOptions,
): NdValue | Promise<NdValue> {
  let reason = route.fastMissing;
  if (route.fastFn !== undefined && bound !== undefined) {
    const plan = planFast(route, bound);
    if ('refuse' in plan) reason = plan.refuse;
    else {
      try {
        const fastArgs = plan.args.map(forFast);
        let options = plan.options;
        if (options !== undefined) for (const k of Object.keys(options)) options[k] = forFast(options[k]);
        options = applyNumpyDtypes(name, plan.names, fastArgs, options);
        const r = options === undefined ? route.fastFn(...fastArgs) : route.fastFn(...fastArgs, options);
        record(ruleReason === undefined ? { name, runtime: 'fast' } : { name, runtime: 'fast', reason: ruleReason });
        const result = fastResult(name, numpyIndexDtypes(name, r));
        return asyncOptions === undefined ? result : Promise.resolve(result);
      } catch (err) {
        if (!(err instanceof NotSupportedError)) throw err;
        reason = err.message;
      }
    }
  }
  if (!compat.available()) {
    let why = 'npx ndbridge doctor says why';
    try {
      compat.numpy();
    } catch (err) {
      if (err instanceof Error) why = err.message;
    }
    throw new CompatUnavailableError(`nd.${name}: ${reason}, and NumPy is unavailable to run it: ${why}`);
  }
  return asyncOptions === undefined ? callNumpy(resolveNumpy(path), args, name, reason, bound) : callNumpyAsync(resolveNumpy(path), args, name, reason, bound, asyncOptions);
}

/**
 * `nd.<path>.async(...args)` / `.async.with({ signal, warnings })(...args)`: the same routing; NumPy runs on
 * compat's async pool (off the main thread), fast computes synchronously; either way a Promise (errors reject).
 */
function asyncNode(path: readonly string[], name: string): NdAsyncCall {
  return makeAsyncCall<unknown[], NdValue>((options, args) => {
    try {
      return ndCall(path, name, args, options);
    } catch (err) {
      return Promise.reject(err);
    }
  }, `nd.${name}`);
}

/** The `.async` of an nd callable (its type, for nd's declarations). */
export type NdAsyncCall = compat.AsyncCall<unknown[], NdValue>;

function makeNode(path: readonly string[]): NdObject {
  const name = path.join('.');
  const children = new Map<string, unknown>();
  const target = function ndNode(...args: unknown[]): NdValue {
    return ndCall(path, name, args);
  };
  return new Proxy(target as unknown as NdObject, {
    get(t, prop) {
      if (typeof prop === 'symbol') return Reflect.get(t, prop);
      if (prop === 'then') return undefined; // not a thenable
      if (children.has(prop)) return children.get(prop); // (may be a cached null: nd.newaxis)
      if (prop === 'async' && path.length > 0) {
        const a = asyncNode(path, name);
        children.set(prop, a);
        return a;
      }
      const child = [...path, prop];
      const f = resolveFast(child);
      let v: unknown;
      if (f !== undefined && typeof f !== 'function' && (typeof f !== 'object' || f === null)) v = f; // a constant (newaxis is null, as NumPy's None)
      else {
        const c = f === undefined ? numpyConstant(child) : undefined; // a plain value NumPy has and fast does not (np.euler_gamma)
        v = c !== undefined ? c : makeNode(child);
      }
      children.set(prop, v);
      return v;
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
      if (prop === 'async') {
        return makeAsyncCall<unknown[], NdValue>((options, args) => callNumpyAsync(obj, args, `${name}()`, 'a Python object', undefined, options), `${name}`);
      }
      // JS-side members of the proxy (its JSON and string forms) are not Python calls to route
      if (prop === 'toJSON' || prop === 'toString' || prop === 'valueOf') {
        const own = obj[prop];
        return typeof own === 'function' ? (own as (...a: unknown[]) => unknown).bind(obj) : own;
      }
      const attr = obj[prop];
      if (typeof attr === 'function') return wrapPython(attr as compat.PyObjectProxy, `${name}.${prop}`);
      return fromNumpy(attr, `${name}.${prop}`);
    },
  });
}

/** The namespace. Attribute paths mirror NumPy's (`nd.linalg.svd`, `nd.fft.rfft`, `nd.random.default_rng`). */
export const nd: NdNamespace = makeNode([]) as unknown as NdNamespace;
