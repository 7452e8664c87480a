/**
 * The CPython C API functions compat (and the bridge) call, bound through the engine seam.
 *
 * Internal API for src/compat and src/bridge. Rules for callers:
 * - Call these only with the GIL held: wrap work in `withGil(() => ...)` from ./gil.js (cheap: the
 *   GIL is taken once per synchronous JS segment).
 * - Reference semantics are CPython's: functions marked NEW return a new reference the caller owns;
 *   BORROWED results must not be DecRef'd; `PyTuple_SetItem`/`PyList_SetItem` steal the item.
 * - A `0n` result from a function returning an object means a Python exception is set: turn it into
 *   a PythonError with `raisePythonError()` from ./errors.js.
 */
import type { FfiEngine, NativeLibrary, Ptr } from '../ffi/index.js';

function bindAll(lib: NativeLibrary) {
  const b = lib.bind.bind(lib);
  return {
    // lifecycle
    Py_IsInitialized: b('Py_IsInitialized', 'int', []),
    Py_InitializeEx: b('Py_InitializeEx', 'void', ['int']),
    Py_SetProgramName: b('Py_SetProgramName', 'void', ['ptr']),
    Py_DecodeLocale: b('Py_DecodeLocale', 'ptr', ['str', 'ptr']),
    // GIL
    PyGILState_Ensure: b('PyGILState_Ensure', 'int', []),
    PyGILState_Release: b('PyGILState_Release', 'void', ['int']),
    PyGILState_Check: b('PyGILState_Check', 'int', []),
    PyEval_SaveThread: b('PyEval_SaveThread', 'ptr', []),
    PyEval_RestoreThread: b('PyEval_RestoreThread', 'void', ['ptr']),
    // references
    Py_IncRef: b('Py_IncRef', 'void', ['ptr']),
    Py_DecRef: b('Py_DecRef', 'void', ['ptr']),
    // objects (NEW unless noted)
    PyObject_GetAttrString: b('PyObject_GetAttrString', 'ptr', ['ptr', 'str']),
    PyObject_SetAttrString: b('PyObject_SetAttrString', 'int', ['ptr', 'str', 'ptr']),
    PyObject_HasAttrString: b('PyObject_HasAttrString', 'int', ['ptr', 'str']),
    PyObject_GetItem: b('PyObject_GetItem', 'ptr', ['ptr', 'ptr']),
    PyObject_SetItem: b('PyObject_SetItem', 'int', ['ptr', 'ptr', 'ptr']),
    PyObject_Call: b('PyObject_Call', 'ptr', ['ptr', 'ptr', 'ptr']),
    PyObject_CallNoArgs: b('PyObject_CallNoArgs', 'ptr', ['ptr']),
    /** (callable, PyObject *const *args, nargsf, kwnames tuple or 0n) */
    PyObject_Vectorcall: b('PyObject_Vectorcall', 'ptr', ['ptr', 'ptr', 'size', 'ptr']),
    /** (callable, PyObject *const *args, nargs, kwargs dict or 0n) */
    PyObject_VectorcallDict: b('PyObject_VectorcallDict', 'ptr', ['ptr', 'ptr', 'size', 'ptr']),
    PyObject_Repr: b('PyObject_Repr', 'ptr', ['ptr']),
    PyObject_Str: b('PyObject_Str', 'ptr', ['ptr']),
    PyObject_Type: b('PyObject_Type', 'ptr', ['ptr']),
    PyObject_IsInstance: b('PyObject_IsInstance', 'int', ['ptr', 'ptr']),
    PyObject_IsTrue: b('PyObject_IsTrue', 'int', ['ptr']),
    PyCallable_Check: b('PyCallable_Check', 'int', ['ptr']),
    PyObject_Length: b('PyObject_Length', 'ssize', ['ptr']),
    PyObject_GetIter: b('PyObject_GetIter', 'ptr', ['ptr']),
    PyIter_Next: b('PyIter_Next', 'ptr', ['ptr']),
    PyNumber_Long: b('PyNumber_Long', 'ptr', ['ptr']),
    PyImport_ImportModule: b('PyImport_ImportModule', 'ptr', ['str']),
    PyRun_String: b('PyRun_String', 'ptr', ['str', 'int', 'ptr', 'ptr']),
    // numbers
    PyLong_FromLong: b('PyLong_FromLong', 'ptr', ['long']),
    PyLong_FromLongLong: b('PyLong_FromLongLong', 'ptr', ['i64']),
    PyLong_FromUnsignedLongLong: b('PyLong_FromUnsignedLongLong', 'ptr', ['u64']),
    PyLong_FromString: b('PyLong_FromString', 'ptr', ['str', 'ptr', 'int']),
    /** (obj, int *overflow) */
    PyLong_AsLongLongAndOverflow: b('PyLong_AsLongLongAndOverflow', 'i64', ['ptr', 'ptr']),
    PyLong_AsDouble: b('PyLong_AsDouble', 'double', ['ptr']),
    PyFloat_FromDouble: b('PyFloat_FromDouble', 'ptr', ['double']),
    PyFloat_AsDouble: b('PyFloat_AsDouble', 'double', ['ptr']),
    PyBool_FromLong: b('PyBool_FromLong', 'ptr', ['long']),
    PyComplex_FromDoubles: b('PyComplex_FromDoubles', 'ptr', ['double', 'double']),
    PyComplex_RealAsDouble: b('PyComplex_RealAsDouble', 'double', ['ptr']),
    PyComplex_ImagAsDouble: b('PyComplex_ImagAsDouble', 'double', ['ptr']),
    // strings and bytes
    PyUnicode_FromString: b('PyUnicode_FromString', 'ptr', ['str']),
    PyUnicode_DecodeUTF8: b('PyUnicode_DecodeUTF8', 'ptr', ['ptr', 'ssize', 'str']),
    /** (obj, Py_ssize_t *size) -> BORROWED UTF-8 buffer */
    PyUnicode_AsUTF8AndSize: b('PyUnicode_AsUTF8AndSize', 'ptr', ['ptr', 'ptr']),
    PyBytes_FromStringAndSize: b('PyBytes_FromStringAndSize', 'ptr', ['ptr', 'ssize']),
    // containers
    PyTuple_New: b('PyTuple_New', 'ptr', ['ssize']),
    /** steals item */
    PyTuple_SetItem: b('PyTuple_SetItem', 'int', ['ptr', 'ssize', 'ptr']),
    /** BORROWED */
    PyTuple_GetItem: b('PyTuple_GetItem', 'ptr', ['ptr', 'ssize']),
    PyTuple_Size: b('PyTuple_Size', 'ssize', ['ptr']),
    PyList_New: b('PyList_New', 'ptr', ['ssize']),
    /** steals item */
    PyList_SetItem: b('PyList_SetItem', 'int', ['ptr', 'ssize', 'ptr']),
    /** BORROWED */
    PyList_GetItem: b('PyList_GetItem', 'ptr', ['ptr', 'ssize']),
    PyList_Size: b('PyList_Size', 'ssize', ['ptr']),
    PyDict_New: b('PyDict_New', 'ptr', []),
    /** does not steal */
    PyDict_SetItemString: b('PyDict_SetItemString', 'int', ['ptr', 'str', 'ptr']),
    PyDict_SetItem: b('PyDict_SetItem', 'int', ['ptr', 'ptr', 'ptr']),
    /** BORROWED */
    PyDict_GetItemString: b('PyDict_GetItemString', 'ptr', ['ptr', 'str']),
    PyDict_Keys: b('PyDict_Keys', 'ptr', ['ptr']),
    PySlice_New: b('PySlice_New', 'ptr', ['ptr', 'ptr', 'ptr']),
    // errors
    PyErr_Occurred: b('PyErr_Occurred', 'ptr', []),
    /** (PyObject **type, PyObject **value, PyObject **tb) */
    PyErr_Fetch: b('PyErr_Fetch', 'void', ['ptr', 'ptr', 'ptr']),
    PyErr_NormalizeException: b('PyErr_NormalizeException', 'void', ['ptr', 'ptr', 'ptr']),
    PyErr_Clear: b('PyErr_Clear', 'void', []),
    PyErr_SetString: b('PyErr_SetString', 'void', ['ptr', 'str']),
    PyErr_SetObject: b('PyErr_SetObject', 'void', ['ptr', 'ptr']),
    // buffer protocol (Py_buffer is 80 bytes on 64-bit platforms)
    PyObject_GetBuffer: b('PyObject_GetBuffer', 'int', ['ptr', 'ptr', 'int']),
    PyBuffer_Release: b('PyBuffer_Release', 'void', ['ptr']),
    // capsules
    PyCapsule_New: b('PyCapsule_New', 'ptr', ['ptr', 'ptr', 'ptr']),
    PyCapsule_GetPointer: b('PyCapsule_GetPointer', 'ptr', ['ptr', 'ptr']),
    PyCapsule_GetName: b('PyCapsule_GetName', 'ptr', ['ptr']),
    PyCapsule_SetName: b('PyCapsule_SetName', 'int', ['ptr', 'ptr']),
    PyCapsule_GetContext: b('PyCapsule_GetContext', 'ptr', ['ptr']),
    PyCapsule_SetContext: b('PyCapsule_SetContext', 'int', ['ptr', 'ptr']),
    PyCapsule_SetDestructor: b('PyCapsule_SetDestructor', 'int', ['ptr', 'ptr']),
    PyCapsule_IsValid: b('PyCapsule_IsValid', 'int', ['ptr', 'ptr']),
    // functions implemented in JS
    PyCFunction_NewEx: b('PyCFunction_NewEx', 'ptr', ['ptr', 'ptr', 'ptr']),
  };
}

export type CApiFunctions = ReturnType<typeof bindAll>;

/** Addresses of CPython's static objects (singletons and exception types). All BORROWED. */
export interface CApiObjects {
  readonly None: Ptr;
  readonly True: Ptr;
  readonly False: Ptr;
  readonly exc: {
    readonly TypeError: Ptr;
    readonly ValueError: Ptr;
    readonly RuntimeError: Ptr;
    readonly AttributeError: Ptr;
    readonly KeyError: Ptr;
    readonly RecursionError: Ptr;
  };
}

export interface CApi extends CApiFunctions, CApiObjects {
  readonly lib: NativeLibrary;
  readonly engine: FfiEngine;
}

/** `Py_file_input` and `Py_eval_input` start tokens of PyRun_String. */
export const Py_file_input = 257;
export const Py_eval_input = 258;
/** PyBUF_* flags (the bridge reads arrays with PyBUF_RECORDS_RO | PyBUF_FORMAT). */
export const PyBUF = {
  SIMPLE: 0,
  WRITABLE: 0x0001,
  FORMAT: 0x0004,
  ND: 0x0008,
  STRIDES: 0x0010 | 0x0008,
  RECORDS_RO: 0x0010 | 0x0008 | 0x0004,
  RECORDS: 0x0010 | 0x0008 | 0x0004 | 0x0001,
  FULL_RO: 0x0100 | 0x0010 | 0x0008 | 0x0004,
} as const;
/** Size and field offsets of `Py_buffer` on 64-bit platforms. */
export const PY_BUFFER = {
  size: 80,
  buf: 0,
  obj: 8,
  len: 16,
  itemsize: 24,
  readonly: 32,
  ndim: 36,
  format: 40,
  shape: 48,
  strides: 56,
  suboffsets: 64,
  internal: 72,
} as const;
/** `PyMethodDef` (32 bytes) and the METH_* flags, for Python callables implemented in JS. */
export const PY_METHOD_DEF = { size: 32, ml_name: 0, ml_meth: 8, ml_flags: 16, ml_doc: 24 } as const;
export const METH_VARARGS = 0x0001;
export const METH_KEYWORDS = 0x0002;

/** Bind the C API from a loaded libpython. */
export function bindCApi(engine: FfiEngine, lib: NativeLibrary): CApi {
  const fns = bindAll(lib);
  const sym = (name: string): Ptr => {
    const p = lib.symbol(name);
    if (p === 0n) throw new Error(`libpython ${lib.path} does not export ${name}`);
    return p;
  };
  /** `PyObject *PyExc_X` is a pointer variable: read the object address stored there. */
  const exc = (name: string): Ptr => engine.readPtr(sym(name));
  return {
    ...fns,
    lib,
    engine,
    None: sym('_Py_NoneStruct'),
    True: sym('_Py_TrueStruct'),
    False: sym('_Py_FalseStruct'),
    exc: {
      TypeError: exc('PyExc_TypeError'),
      ValueError: exc('PyExc_ValueError'),
      RuntimeError: exc('PyExc_RuntimeError'),
      AttributeError: exc('PyExc_AttributeError'),
      KeyError: exc('PyExc_KeyError'),
      RecursionError: exc('PyExc_RecursionError'),
    },
  };
}
