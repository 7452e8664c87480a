/**
 * Python objects whose behaviour is JS: Python callables that run a JS function, and capsules whose
 * destructor runs JS (the bridge uses these to keep a JS ArrayBuffer alive exactly as long as NumPy
 * holds memory over it).
 *
 * Mechanism (one choice, documented for the bridge): ONE C trampoline of each kind is registered
 * with the engine, once, lazily:
 * - `PyObject *call(PyObject *self, PyObject *args)` behind a single static `PyMethodDef`
 *   (METH_VARARGS). Each JS function becomes `PyCFunction_NewEx(def, self = capsule(id))`; the
 *   trampoline looks the function up by the capsule's id.
 * - `void destruct(PyObject *capsule)`: the destructor of every capsule made here; it removes the
 *   capsule's id from the table (dropping the JS function or kept-alive value) and runs its JS
 *   `onRelease` hook.
 * Callbacks run synchronously on the JS thread inside the Python call that triggers them. A JS function
 * called from another Python thread raises RuntimeError there (a Python guard compares thread ids;
 * running it would deadlock). Capsule destructors have no such guard: a Python thread must not drop the
 * last reference to a keep-alive capsule; keep such objects on the JS thread.
 * Errors: a PythonError thrown by the JS function raises its original Python exception again; other JS
 * errors raise RuntimeError with a bounded message (runtime.ts raiseInPython). Callbacks nested more
 * than MAX_CALLBACK_DEPTH levels raise RecursionError (CallbackRecursionError in JS).
 */
import type { Ptr, RegisteredCallback } from '../ffi/index.js';
import { PY_METHOD_DEF, METH_VARARGS } from './capi.js';
import { fromPython, registerFunctionFactory, toPython } from './convert.js';
import { GIL } from './gil.js';
import { CALLBACK_RECURSION_MESSAGE, MAX_CALLBACK_DEPTH, raiseInPython, raisePythonError, type Runtime } from './runtime.js';

interface Entry {
  readonly fn?: (...args: unknown[]) => unknown;
  readonly value?: unknown;
  readonly onRelease?: () => void;
}

const entries = new Map<number, Entry>();
let nextId = 1;

interface Trampolines {
  readonly call: RegisteredCallback;
  readonly destruct: RegisteredCallback;
  readonly methodDef: Ptr;
}
let trampolines: Trampolines | undefined;

function install(rt: Runtime): Trampolines {
  if (trampolines) return trampolines;
  const { api, engine } = rt;
  const call = engine.registerCallback('ptr', ['ptr', 'ptr'], (self: Ptr, args: Ptr): Ptr => {
    GIL.nested++;
    try {
      if (GIL.nested > MAX_CALLBACK_DEPTH) {
        api.PyErr_SetString(
          api.exc.RecursionError,
          `${CALLBACK_RECURSION_MESSAGE} ${MAX_CALLBACK_DEPTH} levels deep (JS calling Python calling JS...): unbounded mutual recursion? ` +
            'Make the recursion end, or loop instead of recursing through Python.',
        );
        return 0n;
      }
      const id = Number(api.PyCapsule_GetPointer(self, 0n));
      const entry = entries.get(id);
      if (!entry?.fn) {
        api.PyErr_SetString(api.exc.RuntimeError, `ndbridge: JS function #${id} is gone`);
        return 0n;
      }
      const n = api.PyTuple_Size(args);
      const jsArgs = new Array<unknown>(n);
      for (let i = 0; i < n; i++) jsArgs[i] = fromPython(rt, api.PyTuple_GetItem(args, i), false);
      return toPython(rt, entry.fn(...jsArgs));
    } catch (err) {
      raiseInPython(rt, err, 'JS exception in a callback: ');
      return 0n;
    } finally {
      GIL.nested--;
    }
  });
  const destruct = engine.registerCallback('void', ['ptr'], (capsule: Ptr): void => {
    GIL.nested++;
    try {
      const id = Number(api.PyCapsule_GetPointer(capsule, 0n));
      const entry = entries.get(id);
      entries.delete(id);
      entry?.onRelease?.();
    } catch {
      // A destructor cannot report errors.
    } finally {
      GIL.nested--;
    }
  });
  const methodDef = engine.alloc(PY_METHOD_DEF.size);
  const name = engine.alloc(32);
  engine.view(name, 32).set(Buffer.from('ndbridge_js_function\0', 'utf8'));
  engine.writePtr(methodDef, PY_METHOD_DEF.ml_name, name);
  engine.writePtr(methodDef, PY_METHOD_DEF.ml_meth, call.ptr);
  engine.writePtr(methodDef, PY_METHOD_DEF.ml_flags, BigInt(METH_VARARGS));
  engine.writePtr(methodDef, PY_METHOD_DEF.ml_doc, 0n);
  trampolines = { call, destruct, methodDef };
  return trampolines;
}

function capsuleFor(rt: Runtime, entry: Entry): Ptr {
  const t = install(rt);
  const id = nextId++;
  entries.set(id, entry);
  const cap = rt.api.PyCapsule_New(BigInt(id), 0n, t.destruct.ptr);
  if (cap === 0n) {
    entries.delete(id);
    throw new Error('PyCapsule_New failed');
  }
  return cap;
}

/** This JS thread's Python thread id, and the helper that guards JS functions with it. */
let guard: { readonly wrap: Ptr; readonly owner: Ptr } | undefined;

function threadGuard(rt: Runtime): { readonly wrap: Ptr; readonly owner: Ptr } {
  if (guard) return guard;
  const { api } = rt;
  const wrap = api.PyDict_GetItemString(rt.helpers, 'js_callable');
  const identFn = api.PyDict_GetItemString(rt.helpers, 'thread_ident');
  const owner = api.PyObject_CallNoArgs(identFn);
  if (wrap === 0n || owner === 0n) raisePythonError(rt);
  guard = { wrap, owner }; // `owner` is kept forever (one int per JS thread)
  return guard;
}

/**
 * A NEW Python callable that runs `fn` (arguments converted Python -> JS, result JS -> Python). GIL held.
 * Called from a Python thread other than this JS thread's, it raises RuntimeError instead of running
 * (that would deadlock: see js_callable in ./runtime.ts).
 */
export function pythonFunction(rt: Runtime, fn: (...args: unknown[]) => unknown): Ptr {
  const t = install(rt);
  const g = threadGuard(rt);
  const cap = capsuleFor(rt, { fn });
  const f = rt.api.PyCFunction_NewEx(t.methodDef, cap, 0n);
  rt.api.Py_DecRef(cap);
  if (f === 0n) throw new Error('PyCFunction_NewEx failed');
  const args = rt.api.PyTuple_New(2);
  rt.api.PyTuple_SetItem(args, 0, f);
  rt.api.Py_IncRef(g.owner);
  rt.api.PyTuple_SetItem(args, 1, g.owner);
  const guarded = rt.api.PyObject_Call(g.wrap, args, 0n);
  rt.api.Py_DecRef(args);
  if (guarded === 0n) raisePythonError(rt);
  return guarded;
}

/**
 * A NEW capsule that holds `value` (a JS value, e.g. an ArrayBuffer) strongly until Python destroys
 * the capsule; then `onRelease` runs. Put it where the Python object that uses the memory keeps it
 * (an array's `base`, a DLPack deleter's context...). GIL held.
 */
export function keepAliveCapsule(rt: Runtime, value: unknown, onRelease?: () => void): Ptr {
  return capsuleFor(rt, { value, onRelease });
}

/** How many JS values/functions Python currently keeps alive through capsules (for leak tests). */
export function liveCapsuleCount(): number {
  return entries.size;
}

registerFunctionFactory(pythonFunction);
