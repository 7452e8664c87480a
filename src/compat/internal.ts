/**
 * The internal API other parts of ndbridge (src/bridge) build on. Not part of the public API.
 *
 * Engine (no FFI library is imported anywhere else):
 *   getEngine().addressOf(arrayBufferOrView) -> Ptr          address of JS memory (off-heap buffers only
 *                                                               may be handed to native code for longer than a call)
 *   getEngine().view(ptr, length) -> Uint8Array              zero-copy view of native memory; does NOT keep the
 *                                                               owner alive: hold the owner (a PyCell) as long as the view
 *   getEngine().alloc / free / readPtr / writePtr / readI64 / readI32 / readUtf8 / registerCallback
 *
 * Python (call only with the GIL held: `acquireGil()` once per synchronous segment, or `withGil(fn)`):
 *   const rt = getRuntime();                 boots once; rt.api = the bound C API (capi.ts lists every function
 *                                            and its reference semantics), rt.scratch = 64 bytes for out-params
 *   rt.api.PyObject_GetBuffer(obj, view, PyBUF.RECORDS_RO) / PyBuffer_Release(view), Py_buffer layout PY_BUFFER
 *   rt.api.PyCapsule_New / GetPointer / SetContext..., Py_IncRef / Py_DecRef
 *   toPython(rt, jsValue) -> NEW ref         ints, floats, bigint, str, lists, compat.tuple/dict, CompatArray...
 *   tupleOf(rt, items) -> NEW tuple
 *   fromPython(rt, ptr, owned) -> JS         ndarray -> CompatArray (takes/increments the reference), scalars...
 *   callPythonRaw(rt, callable, args, kwargsLast) -> NEW ref   (vectorcall; throws PythonError)
 *   raisePythonError(rt) / fetchPythonError(rt)                  pending Python exception -> PythonError
 *   keepAliveCapsule(rt, jsValue, onRelease?) -> NEW capsule     holds jsValue until Python destroys the capsule
 *   pythonFunction(rt, jsFn) -> NEW callable                      a Python callable that runs jsFn
 *   ownReference(holder, ptr, label) -> PyCell / livePtr(cell) / disposeCell(cell) / PYOBJ (module-private key)
 *                                            a JS object owning one Python reference (FinalizationRegistry;
 *                                            references of collected holders are released in batches at the
 *                                            end of the task: flushReleases() releases the queued ones now)
 *   trustedCell(ptr, label) / borrowedArg(ptr)  the only other way to make a cell: cells compat did not make are refused
 *                                            (TypeError), and a cell's ptr can only be cleared to 0n
 *   new CompatArray(ptr)                     wrap an owned ndarray reference
 */
export { getEngine, type FfiEngine, type Ptr, type RegisteredCallback } from './ffi/index.js';
export { PyBUF, PY_BUFFER, PY_METHOD_DEF, Py_eval_input, Py_file_input, type CApi } from './python/capi.js';
export { acquireGil, releaseGilNow, withGil, GIL } from './python/gil.js';
export { getRuntime, peekRuntime, fetchPythonError, raisePythonError, runString, type Runtime } from './python/runtime.js';
export { callPython, callPythonRaw, fromPython, toPython, tupleOf, ellipsisObject } from './python/convert.js';
export { keepAliveCapsule, liveCapsuleCount, pythonFunction } from './python/callbacks.js';
export { borrowedArg, disposeCell, flushReleases, hasPyObject, isGenuineCell, livePtr, liveReferenceCount, ownReference, PYOBJ, trustedCell, type HasPyObject, type PyCell } from './python/objects.js';
export { CompatArray } from './numpy/compat-array.js';
export { makeProxy, type PyObjectProxy } from './numpy/proxy.js';
