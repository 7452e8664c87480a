/**
 * The bridge's handle on the embedded interpreter: compat's runtime, with the GIL held, and the Python half
 * of the bridge (python-side.ts) loaded once.
 */
import type { Ptr } from '../compat/ffi/index.js';
import { acquireGil, GIL } from '../compat/python/gil.js';
import { getRuntime, raisePythonError, runString, type Runtime } from '../compat/python/runtime.js';
import { BRIDGE_PY } from './python-side.js';

export interface BridgePython {
  readonly rt: Runtime;
  /** The `FastMemory` class (BORROWED from the bridge module's dict, which lives forever). */
  readonly FastMemory: Ptr;
  /** The `DLPackImport` class (BORROWED). */
  readonly DLPackImport: Ptr;
  /** `exported_count()` (BORROWED). */
  readonly exportedCount: Ptr;
  /** `call_arrays(fn, *args, **kwargs)` (BORROWED). */
  readonly callArrays: Ptr;
}

let loaded: BridgePython | undefined;

/** Boot compat if needed, take the GIL for this synchronous segment, and return the bridge's Python objects. */
export function bridgePython(): BridgePython {
  if (loaded) {
    if (!GIL.held) acquireGil();
    return loaded;
  }
  const rt = getRuntime();
  if (!GIL.held) acquireGil();
  const { api } = rt;
  const ns = api.PyDict_New();
  api.PyDict_SetItemString(ns, '__builtins__', rt.builtins);
  const moduleName = api.PyUnicode_FromString('_ndbridge_bridge');
  api.PyDict_SetItemString(ns, '__name__', moduleName);
  api.Py_DecRef(moduleName);
  api.Py_DecRef(runString(rt, BRIDGE_PY, 'exec', ns, ns));
  const get = (name: string): Ptr => {
    const p = api.PyDict_GetItemString(ns, name);
    if (p === 0n) raisePythonError(rt);
    return p;
  };
  // `ns` is never released: the classes and ctypes callbacks in it must outlive every array they describe.
  loaded = { rt, FastMemory: get('FastMemory'), DLPackImport: get('DLPackImport'), exportedCount: get('exported_count'), callArrays: get('call_arrays') };
  return loaded;
}

/** The current reference count of a Python object (reads `ob_refcnt`, the first field of every object). */
export function refcount(rt: Runtime, obj: Ptr): bigint {
  return rt.engine.readI64(obj, 0);
}
