/**
 * DLPack for fast arrays, installed on load of the bridge: `fastArray.__dlpack__()` returns a Python
 * capsule over fast memory (the capsule's deleter lets the export registry release the ArrayBuffer), and
 * `fast.from_dlpack(x)` consumes the capsule of a Python producer (a NumPy array, or any object compat
 * wraps) into a fast view of its memory.
 */
import type { Ptr } from '../compat/ffi/index.js';
import { callPython } from '../compat/python/convert.js';
import { livePtr, PYOBJ, type HasPyObject } from '../compat/python/objects.js';
import { raisePythonError } from '../compat/python/runtime.js';
import type { FastArray } from '../fast/array.js';
import { setDlpackHooks, type DlpackOptions } from '../fast/interop.js';
import { fastFromDlpack } from './from-numpy.js';
import { bridgePython } from './python.js';
import { pythonObjectOf } from './to-numpy.js';

function isPython(x: object): x is HasPyObject {
  return PYOBJ in x;
}

/** The standard's keyword arguments, dropping the unset ones (Python's defaults apply). */
function kwargsOf(options: DlpackOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['stream', 'max_version', 'dl_device', 'copy'] as const) {
    const v = options[key];
    if (v !== undefined && v !== null) out[key] = v;
  }
  return out;
}

/** `a.__dlpack__(options)`: the capsule, as compat's proxy of the Python object. */
export function dlpackCapsuleOf(a: FastArray, options: DlpackOptions): unknown {
  const memory = livePtr(pythonObjectOf(a));
  const { rt } = bridgePython();
  const method: Ptr = rt.api.PyObject_GetAttrString(memory, '__dlpack__');
  if (method === 0n) raisePythonError(rt);
  try {
    return callPython(rt, method, [kwargsOf(options)]);
  } finally {
    rt.api.Py_DecRef(method);
  }
}

/** `fast.from_dlpack(x)` for Python producers. */
export function fastFromDlpackProducer(x: object, copy: boolean | null): FastArray {
  if (!isPython(x)) {
    throw new TypeError(
      'fast.from_dlpack reads DLPack producers that live in Python (NumPy arrays, objects returned by compat); ' +
        'for JavaScript arrays use fast.asarray',
    );
  }
  return fastFromDlpack(livePtr(x[PYOBJ]), copy);
}

let installed = false;

/** Install both DLPack directions into fast. Idempotent. */
export function installDlpack(): void {
  if (installed) return;
  installed = true;
  setDlpackHooks(fastFromDlpackProducer, dlpackCapsuleOf);
}
