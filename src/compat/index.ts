/**
 * compat: the whole of NumPy (and any Python module) from TypeScript, through FFI into an embedded
 * CPython.
 *
 *   const np = compat.numpy();                 // boots once, synchronously
 *   const x = np.linspace(0, 1, 5);            // CompatArray
 *   np.fft.rfft(x, { n: 8 });                  // trailing plain object = keyword arguments
 *   compat.import('scipy.signal');             // any module, same proxy
 *   compat.evaluate('np.arange(n) * 2', { n: 5 });
 *
 * GIL policy: see ./python/gil.ts (taken once per synchronous JS segment; worker_threads supported).
 */
import { CompatUnavailableError } from '../common/errors.js';
import { selectedEngineName, getEngine } from './ffi/index.js';
import { callPython, fromPython } from './python/convert.js';
import { discoverPython, numpyInstallAdvice, type PythonInstallation } from './python/discovery.js';
import { acquireGil, GIL } from './python/gil.js';
import { hasPyObject, livePtr, PyComplex, PyDict, PYOBJ, PyTuple } from './python/objects.js';
import { getRuntime, peekRuntime, raisePythonError } from './python/runtime.js';
import './python/callbacks.js';
import { CompatArray } from './numpy/compat-array.js';
import type { PyObjectProxy } from './numpy/proxy.js';
import type { NumpyNamespace } from './numpy/types.js';
import { numpyNamespace } from './numpy/namespace.js';
import type { Asyncified } from './asyncable.js';
import { callPythonAsync, checkAsyncOptions, type AsyncOptions } from './python/async-call.js';
import './python/warnings.js';

export { CompatArray } from './numpy/compat-array.js';
export type { PyObjectProxy } from './numpy/proxy.js';
export type * from './numpy/types.js';
export { PyComplex, PyDict, PyTuple } from './python/objects.js';
export { evaluate, exec, evaluateAsync, execAsync } from './evaluate.js';
export { namespace, SCALE_SETUP, type CompatNamespace, type DaskChunks, type DaskCreationKeywords, type DaskNamespace, type NamespaceOptions } from './namespace/namespace.js';
export { shutdownRay, type RayCluster } from './namespace/ray.js';
export type { ArrayApiNamespace } from './namespace/array-api.js';
export type { Asyncable, AsyncOf, Asyncified } from './asyncable.js';
export type { AsyncCall, AsyncOptions } from './python/async-call.js';
export { pendingAsyncCalls } from './python/async-call.js';
export { BusyError, PythonWarningError } from './python/async-errors.js';
export { warnings, setWarningPolicy, currentWarningPolicy, WARNING_POLICIES, type WarningPolicy } from './python/warnings.js';
import { pinFfiAddonsInWorker } from './python/addon-pin.js';
export { CallbackRecursionError, MAX_CALLBACK_DEPTH } from './python/runtime.js';
/**
 * Give the GIL back now instead of at the end of the current synchronous segment (the next Python
 * call takes it again). Call it in a worker thread before signalling that the worker is done when
 * the worker may then be terminated with `worker.terminate()`: a worker terminated while its
 * segment holds the GIL leaves Python locked for every thread (see ./python/gil.ts).
 */
export { releaseGilNow as releaseGil } from './python/gil.js';

/** Boot CPython (once) and return the `numpy` namespace. Throws CompatUnavailableError when Python or NumPy is missing. */
export function numpy(): Asyncified<NumpyNamespace> {
  return numpyNamespace() as Asyncified<NumpyNamespace>;
}

/** Import any Python module (`compat.import('scipy.signal')`). Exported as `import`. */
function importModule(name: string): PyObjectProxy {
  const rt = getRuntime();
  if (!GIL.held) acquireGil();
  const m = rt.api.PyImport_ImportModule(name);
  if (m === 0n) raisePythonError(rt);
  rt.sigint?.restoreIfStolen();
  return fromPython(rt, m, true) as PyObjectProxy;
}
export { importModule as import };

/** `compat.tuple(a, b, ...)`: a Python tuple. */
export function tuple(...items: unknown[]): PyTuple {
  return new PyTuple(items);
}

/** `compat.dict({...})` or `compat.dict(new Map(...))`: a Python dict passed positionally. */
export function dict(source: Readonly<Record<string, unknown>> | ReadonlyMap<unknown, unknown>): PyDict {
  return new PyDict(source);
}

/** `compat.complex(re, im)`: a Python complex. */
export function complex(re: number, im = 0): PyComplex {
  return new PyComplex(re, im);
}

/** Call any Python callable proxy with explicit keyword arguments (no trailing-object rule). */
export function call(fn: PyObjectProxy, args: readonly unknown[], kwargs?: Readonly<Record<string, unknown>>): unknown {
  const rt = getRuntime();
  if (!hasPyObject(fn)) throw new TypeError('compat.call() takes a Python object proxy');
  return callPython(rt, livePtr(fn[PYOBJ]), kwargs ? [...args, { ...kwargs }] : [...args], kwargs !== undefined, fn[PYOBJ]);
}

/** `compat.call` off the main thread: a Promise of the result (`options`: { signal, warnings }). */
export function callAsync(fn: PyObjectProxy, args: readonly unknown[], kwargs?: Readonly<Record<string, unknown>>, options?: AsyncOptions): Promise<unknown> {
  try {
    const rt = getRuntime();
    if (!hasPyObject(fn)) throw new TypeError('compat.callAsync() takes a Python object proxy');
    const o = options === undefined ? {} : checkAsyncOptions(options, 'compat.callAsync');
    return callPythonAsync(rt, livePtr(fn[PYOBJ]), kwargs ? [...args, { ...kwargs }] : [...args], kwargs !== undefined, fn[PYOBJ], o);
  } catch (err) {
    return Promise.reject(err);
  }
}

/** True when Python and NumPy can be used (boots the interpreter if it has not been yet). Never throws. */
export function available(): boolean {
  try {
    return getRuntime().numpy.module !== 0n;
  } catch {
    return false;
  }
}

export interface CompatInfo {
  readonly available: boolean;
  /** Why compat is unavailable (with the fix), or null. */
  readonly problem: string | null;
  readonly engine: { readonly name: string; readonly version: string | null };
  readonly interpreter: string | null;
  readonly interpreterSource: string | null;
  /** The interpreter's `sys.executable` (the real binary behind a shim; a venv's bin/python). */
  readonly executable: string | null;
  readonly pythonVersion: string | null;
  readonly numpyVersion: string | null;
  readonly libpython: string | null;
  readonly booted: boolean;
}

/** What was found, without throwing (and without booting the interpreter). */
export function info(): CompatInfo {
  let python: PythonInstallation | undefined;
  let problem: string | null = null;
  let engineName = 'koffi';
  let engineVersion: string | null = null;
  try {
    engineName = selectedEngineName();
    const engine = getEngine();
    pinFfiAddonsInWorker(engine);
    engineVersion = engine.version;
  } catch (err) {
    problem = err instanceof Error ? err.message : String(err);
  }
  try {
    python = peekRuntime()?.python ?? discoverPython();
  } catch (err) {
    problem ??= err instanceof Error ? err.message : String(err);
  }
  if (python && !problem) {
    if (!python.libpython) problem = `no shared libpython found for ${python.interpreter.path} (looked for ${python.libpythonCandidates.join(', ')})`;
    else if (!python.numpyVersion) problem = `NumPy is not importable in ${python.interpreter.path}: ${python.numpyError}. Fix: ${numpyInstallAdvice(python, python.interpreter.path)}`;
  }
  return {
    available: problem === null,
    problem,
    engine: { name: engineName, version: engineVersion },
    interpreter: python?.interpreter.path ?? null,
    interpreterSource: python?.interpreter.source ?? null,
    executable: python?.executable ?? null,
    pythonVersion: python?.version ?? null,
    numpyVersion: python?.numpyVersion ?? null,
    libpython: python?.libpython ?? null,
    booted: peekRuntime() !== undefined,
  };
}

/** True when `x` is a CompatArray. */
export function isCompatArray(x: unknown): x is CompatArray {
  return x instanceof CompatArray;
}
