/**
 * compat.namespace(moduleName, options?): any Python module that implements the Array API standard as a
 * runtime (numpy, dask.array, array_api_strict; torch or jax.numpy where installed), typed with the
 * standard's functions. Its arrays are CompatArrays: the NdArray surface, with NumPy's functions
 * dispatching to the module's own (__array_ufunc__, __array_function__), so Dask's stay lazy and chunked
 * until something reads their values (get, toArray, the bridge's asarray), which computes them on the
 * namespace's scheduler.
 *
 * Dask on Ray: `{ scheduler: 'ray' }` starts a local Ray instance on loopback (or connects to the cluster
 * at `address`) and makes Ray Dask's scheduler (ray.util.dask.ray_dask_get); a local instance is shut down
 * when the process exits (compat never finalises CPython, so Python's atexit would not).
 */
import { z } from 'zod';
import { CompatUnavailableError } from '../../common/errors.js';
import { isPythonModuleName } from '../../common/python-names.js';
import { callPython, callPythonRaw, fromPython, registerNamespaceArrayType } from '../python/convert.js';
import { acquireGil, GIL } from '../python/gil.js';
import { borrowedArg } from '../python/objects.js';
import { fetchPythonError, getRuntime, raisePythonError, type Runtime } from '../python/runtime.js';
import type { CompatArray } from '../numpy/compat-array.js';
import type { PyObjectProxy } from '../numpy/proxy.js';
import type { NdArray } from '../../common/ndarray.js';
import type { ArrayApiNamespace } from './array-api.js';
import { startRay, type RayCluster } from './ray.js';

const SCHEDULERS = ['ray', 'threads', 'synchronous', 'processes'] as const;

const OptionsSchema = z
  .object({
    /** Dask namespaces: where graphs run. Default: Dask's own (a thread pool). */
    scheduler: z.enum(SCHEDULERS).optional(),
    /** With scheduler 'ray': the cluster to connect to (`ray://host:10001`, `host:6379`); default a local instance. */
    address: z.string().min(1).optional(),
    /** With a local Ray instance: CPUs it may use (default: all). */
    numCpus: z.number().int().positive().optional(),
  })
  .strict();

/** Options of compat.namespace. */
export type NamespaceOptions = z.infer<typeof OptionsSchema>;

/** Dask's chunk sizes: one per axis, one for every axis, or 'auto'. */
export type DaskChunks = number | 'auto' | readonly (number | 'auto' | readonly number[])[];

/** The keywords Dask adds to its creation functions (`asarray`, `ones`, `arange`...). */
export interface DaskCreationKeywords {
  readonly chunks?: DaskChunks;
}

/**
 * A Python Array API namespace: the standard's functions (typed; `asarray` also takes any ndbridge array,
 * e.g. a fast array, and `Kw` adds the module's own creation keywords), and every other attribute of the
 * module.
 */
export type CompatNamespace<Kw = unknown> = ArrayApiNamespace<CompatArray, NdArray, Kw> & {
  /** The module name (`'dask.array'`). */
  readonly __name__: string;
  /** The module itself, untyped: everything it has beyond the standard (`da.from_array`, `da.map_blocks`...). */
  readonly module: PyObjectProxy;
  /** The Ray cluster the namespace computes on (scheduler 'ray'), else undefined. */
  readonly ray: RayCluster | undefined;
};

/** compat.namespace('dask.array'): Dask's creation functions also take `chunks`. */
export type DaskNamespace = CompatNamespace<DaskCreationKeywords>;

const HELPERS = `
def ndbridge_array_type(xp):
    return type(xp.asarray(0))

def ndbridge_is_dask_type(t):
    return t.__module__.split(".")[0] == "dask"

class NdbridgeChunkSource:
    """NumPy's view of memory exported by ndbridge (a fast array), for dask.array.from_array without its
    defensive copy: chunks are sliced from the shared memory when the graph runs."""
    __slots__ = ("_a",)

    def __init__(self, a):
        self._a = a

    @property
    def shape(self):
        return self._a.shape

    @property
    def dtype(self):
        return self._a.dtype

    @property
    def ndim(self):
        return self._a.ndim

    def __len__(self):
        return len(self._a)

    def __getitem__(self, key):
        return self._a[key]

    def __array__(self, dtype=None, copy=None):
        import numpy
        return numpy.asarray(self._a, dtype=dtype)

def ndbridge_dask_asarray(xp, obj, *args, **kwargs):
    # ndbridge's exported memory (FastMemory) goes in as a view (copy=True: as a copy); anything else as
    # the namespace's asarray takes it
    if args or not (type(obj).__name__ == "FastMemory" and hasattr(obj, "__array_interface__")):
        return xp.asarray(obj, *args, **kwargs)
    import numpy
    import dask.array
    copy = kwargs.pop("copy", None)
    dtype = kwargs.pop("dtype", None)
    view = numpy.asarray(obj)
    if dtype is not None and numpy.dtype(dtype) != view.dtype:
        if copy is False:
            raise ValueError("Unable to avoid a copy while converting %s to %s (copy=False)" % (view.dtype, numpy.dtype(dtype)))
        view = view.astype(dtype)
    elif copy:
        view = view.copy()
    kwargs.setdefault("chunks", "auto")
    return dask.array.from_array(NdbridgeChunkSource(view), **kwargs)

def ndbridge_set_dask_scheduler(name):
    import dask
    dask.config.set(scheduler=name)
`;

let helpers: { arrayType: bigint; isDaskType: bigint; setScheduler: bigint; daskAsarray: bigint } | undefined;

function helperFns(rt: Runtime): { arrayType: bigint; isDaskType: bigint; setScheduler: bigint; daskAsarray: bigint } {
  if (helpers) return helpers;
  const r = rt.api.PyRun_String(HELPERS, 257, rt.helpers, rt.helpers);
  if (r === 0n) raisePythonError(rt);
  rt.api.Py_DecRef(r);
  helpers = {
    arrayType: rt.api.PyDict_GetItemString(rt.helpers, 'ndbridge_array_type'),
    isDaskType: rt.api.PyDict_GetItemString(rt.helpers, 'ndbridge_is_dask_type'),
    setScheduler: rt.api.PyDict_GetItemString(rt.helpers, 'ndbridge_set_dask_scheduler'),
    daskAsarray: rt.api.PyDict_GetItemString(rt.helpers, 'ndbridge_dask_asarray'),
  };
  return helpers;
}

/** The command that installs the scale extras (README, "Beyond one machine"). */
export const SCALE_SETUP = 'npm run setup:scale';

/** Import `name`; a missing module is a CompatUnavailableError naming it and the set-up. */
function importOrExplain(rt: Runtime, name: string, why: string): bigint {
  const m = rt.api.PyImport_ImportModule(name);
  if (m !== 0n) return m;
  const err = fetchPythonError(rt);
  if (err.pythonType === 'ModuleNotFoundError' || err.pythonType === 'ImportError') {
    const e = new CompatUnavailableError(
      `${why}: the Python module '${name}' cannot be imported by ${rt.python.interpreter.path} (${err.pythonMessage}). ` +
        `Install the scale extras with \`${SCALE_SETUP}\` and run with NDBRIDGE_PYTHON=.venv-scale/bin/python, or install the module into that Python.`,
    );
    (e as Error & { cause?: unknown }).cause = err;
    throw e;
  }
  throw err;
}

/** compat.namespace('dask.array', { scheduler: 'ray' }). */
export function namespace(moduleName: 'dask.array' | 'array_api_compat.dask.array', options?: NamespaceOptions): DaskNamespace;
export function namespace(moduleName: string, options?: NamespaceOptions): CompatNamespace;
export function namespace(moduleName: string, options: NamespaceOptions = {}): CompatNamespace {
  if (typeof moduleName !== 'string' || !isPythonModuleName(moduleName)) {
    throw new TypeError(`compat.namespace: the module name must be a dotted Python name such as 'dask.array', got ${JSON.stringify(moduleName)}`);
  }
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new TypeError(
      `compat.namespace options${i?.path.length ? `.${i.path.join('.')}` : ''}: ${i?.message ?? 'invalid'} ` +
        `(options: { scheduler?: ${SCHEDULERS.map((s) => `'${s}'`).join(' | ')}, address?: string, numCpus?: number })`,
    );
  }
  const opts = parsed.data;
  if ((opts.address !== undefined || opts.numCpus !== undefined) && opts.scheduler !== 'ray') {
    throw new TypeError(`compat.namespace('${moduleName}'): address and numCpus go with scheduler: 'ray'`);
  }
  const rt = getRuntime();
  if (!GIL.held) acquireGil();
  const mod = importOrExplain(rt, moduleName, `compat.namespace('${moduleName}')`);
  let ray: RayCluster | undefined;
  let isDask = false;
  try {
    // the namespace's array type: its objects become CompatArrays (from a 0-d array it makes)
    const h = helperFns(rt);
    const type = callPythonRaw(rt, h.arrayType, [borrowedArg(mod, moduleName)], false);
    try {
      // Dask's arrays, from dask.array or a wrapper such as array_api_compat.dask.array
      isDask = callPython(rt, h.isDaskType, [borrowedArg(type, 'type')], false) === true;
    } catch (err) {
      rt.api.Py_DecRef(type);
      throw err;
    }
    if (opts.scheduler !== undefined && !isDask) {
      rt.api.Py_DecRef(type);
      throw new TypeError(`compat.namespace('${moduleName}'): scheduler applies to namespaces of Dask arrays (dask.array, array_api_compat.dask.array) only`);
    }
    registerNamespaceArrayType(rt, type, moduleName);
    if (opts.scheduler === 'ray') {
      rt.api.Py_DecRef(importOrExplain(rt, 'ray', `compat.namespace('${moduleName}', { scheduler: 'ray' })`));
      ray = startRay(rt, { address: opts.address, numCpus: opts.numCpus });
    } else if (opts.scheduler !== undefined) {
      rt.api.Py_DecRef(callPythonRaw(rt, h.setScheduler, [opts.scheduler], false));
    }
  } catch (err) {
    rt.api.Py_DecRef(mod);
    throw err;
  }
  const proxy = fromPython(rt, mod, true) as PyObjectProxy;
  const extras: Record<string, unknown> = { module: proxy, ray, __name__: moduleName };
  if (isDask) extras.asarray = daskAsarray(proxy);
  const ns = new Proxy(proxy as unknown as object, {
    get(target, key, receiver) {
      if (typeof key === 'string' && Object.hasOwn(extras, key)) return extras[key];
      return Reflect.get(target, key, receiver) as unknown;
    },
  }) as CompatNamespace;
  opened.set(moduleName, ns);
  return ns;
}

/** The last namespace opened per module name (an array's __array_namespace__ returns it). */
const opened = new Map<string, CompatNamespace>();

/** The namespace of `moduleName`: the one opened last, else a new one with default options. */
export function namespaceOf(moduleName: string): CompatNamespace {
  return opened.get(moduleName) ?? namespace(moduleName);
}

/**
 * Dask's asarray, except that a fast array goes in as a view of its memory: dask.array.from_array copies
 * array-likes that have a copy() (NumPy arrays do) to guard against later writes; fast memory keeps
 * NumPy's view semantics instead (a write before the graph runs is seen, as with any view), and
 * `copy: true` copies it. Arguments follow compat's calling convention (a trailing plain object is
 * keyword arguments).
 */
function daskAsarray(mod: PyObjectProxy): (...args: unknown[]) => CompatArray {
  return (...args: unknown[]): CompatArray => {
    const rt = getRuntime();
    if (!GIL.held) acquireGil();
    return callPython(rt, helperFns(rt).daskAsarray, [mod, ...args]) as CompatArray;
  };
}
