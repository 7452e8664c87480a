/**
 * Values across the boundary, and calls.
 *
 * JS -> Python (`toPython`, a NEW reference): null/undefined -> None; boolean -> bool; number -> int
 * when it is an integer in the int64 range (not -0, which stays the float -0.0 except as an axis), else float; bigint -> int; string -> str; arrays -> list;
 * `compat.tuple(...)` -> tuple; `compat.dict(...)` -> dict; `compat.complex(re, im)` and `{ re, im }`
 * (exactly those two number keys, outside the trailing position of a call) -> complex; TypedArrays ->
 * a NumPy array (a copy, same dtype); JS functions -> Python callables (see ./callbacks.ts);
 * compat objects (CompatArray, proxies) -> the very Python object. Containers nested more than
 * MAX_NESTING levels, or cyclic, are a ValueError (both ways); keyword names with NUL or lone
 * surrogates are a TypeError.
 *
 * Python -> JS (`fromPython`): None -> null; bool and numpy.bool_ -> boolean; int -> number when it is
 * a safe integer, else bigint; numpy int64/uint64 scalars -> bigint, narrower numpy integers -> number;
 * float and numpy floats -> number; complex -> { re, im }; str -> string; tuple and list -> arrays
 * (elements converted the same way; tuple subclasses such as namedtuple results too); numpy.ndarray
 * (and subclasses) -> CompatArray; anything else -> a proxy.
 *
 * Calls (`callPython`): arguments are packed into a reused native argument vector and passed with
 * PyObject_Vectorcall (measured faster than building a tuple for PyObject_Call); a trailing plain
 * object holds keyword arguments (PyObject_VectorcallDict). Keyword arguments whose value is
 * undefined are left out.
 *
 * The axis rule: a JS array given for a parameter named `axis` or `axes` becomes a TUPLE, not a list
 * (NumPy wants tuples there: `np.squeeze(x, [0, 2])` would fail with "'list' object cannot be
 * interpreted as an integer"). As a keyword (`{ axis: [0, 2] }`) the name says it; positionally, the
 * callable's parameter names are read once with `inspect.signature` and cached on the callable's
 * cell (only when a call passes a JS array positionally). Callables without a signature (some
 * builtins and C functions) keep the plain rule: arrays become lists.
 */
import { DTypeError, ValueError } from '../../common/errors.js';
import type { Ptr } from '../ffi/index.js';
import { acquireGil, GIL } from './gil.js';
import { forgedCellError, hasPyObject, isGenuineCell, livePtr, PyComplex, PyDict, PYOBJ, PyTuple, type HasPyObject, type PyCell } from './objects.js';
import { getRuntime, raisePythonError, type Runtime } from './runtime.js';

/** Wraps an owned ndarray reference (registered by src/compat/numpy). */
export type ArrayFactory = (rt: Runtime, ptr: Ptr) => unknown;
/** Wraps an owned reference of any other object (registered by src/compat/numpy). */
export type ProxyFactory = (rt: Runtime, ptr: Ptr, label: string) => unknown;
/** Turns a JS function into a new Python callable reference (registered by ./callbacks.ts). */
export type FunctionFactory = (rt: Runtime, fn: (...args: unknown[]) => unknown) => Ptr;

const factories: { array?: ArrayFactory; proxy?: ProxyFactory; fn?: FunctionFactory } = {};

export function registerArrayFactory(f: ArrayFactory): void {
  factories.array = f;
}
export function registerProxyFactory(f: ProxyFactory): void {
  factories.proxy = f;
}
export function registerFunctionFactory(f: FunctionFactory): void {
  factories.fn = f;
}

/**
 * Array types of other Array API namespaces (compat.namespace: dask.array's Array...). Their objects
 * become CompatArrays as ndarrays do, and NumPy's functions on them dispatch to their own namespace
 * (__array_ufunc__, __array_function__), so results stay lazy until something reads their values.
 * Owned references, kept for the process.
 */
const namespaceArrayTypes: Ptr[] = [];
/** The namespace (module name) of each registered type, in the same order. */
const namespaceModules: string[] = [];

/**
 * Treat instances of the Python type `type` (a new reference, kept) as arrays of the namespace
 * `moduleName`. A type several namespaces share (Dask's Array: dask.array, array_api_compat.dask.array)
 * belongs to the one opened last.
 */
export function registerNamespaceArrayType(rt: Runtime, type: Ptr, moduleName: string): void {
  const known = namespaceArrayTypes.indexOf(type);
  if (known >= 0) namespaceModules[known] = moduleName;
  if (known >= 0 || (typeTable(rt).ndarray !== 0n && type === typeTable(rt).ndarray)) {
    rt.api.Py_DecRef(type);
    return;
  }
  namespaceArrayTypes.push(type);
  namespaceModules.push(moduleName);
}

/** The module name of the namespace whose array `ptr` is, or null (NumPy arrays and everything else). */
export function namespaceModuleOf(rt: Runtime, ptr: Ptr): string | null {
  for (let i = 0; i < namespaceArrayTypes.length; i++) if (rt.api.PyObject_IsInstance(ptr, namespaceArrayTypes[i]) === 1) return namespaceModules[i];
  return null;
}

/** True when `ptr` is an instance of a registered namespace array type (not a NumPy ndarray). */
export function isNamespaceArray(rt: Runtime, ptr: Ptr): boolean {
  return namespaceModuleOf(rt, ptr) !== null;
}

/**
 * Converts JS objects compat does not know (scijs/stdlib ndarrays, registered by ndbridge/bridge) into an
 * object carrying its Python identity; undefined when it does not recognise the value.
 */
export type ForeignObjectConverter = (v: object) => { readonly [PYOBJ]: PyCell } | undefined;
const foreignConverters: ForeignObjectConverter[] = [];

/** Teach toPython about more JS object kinds (consulted before it gives up). */
export function registerForeignObjectConverter(f: ForeignObjectConverter): void {
  if (!foreignConverters.includes(f)) foreignConverters.push(f);
}

type Converter = (rt: Runtime, ptr: Ptr) => unknown;

interface TypeTable {
  readonly ndarray: Ptr;
  readonly byType: Map<Ptr, Converter>;
  readonly complexType: Ptr;
  readonly ellipsis: Ptr;
  readonly np: Ptr;
  readonly frombuffer: Ptr;
  readonly tupleType: Ptr;
  readonly tupleConverter: Converter;
}

let table: TypeTable | undefined;

function str(rt: Runtime, ptr: Ptr): string {
  const p = rt.api.PyUnicode_AsUTF8AndSize(ptr, rt.scratch);
  if (p === 0n) return strWithSurrogates(rt, ptr);
  return rt.engine.readUtf8(p, Number(rt.engine.readI64(rt.scratch)));
}

/**
 * A Python str that has no UTF-8 form (it holds lone surrogates, as JS strings may): read as UTF-16 code
 * units, so the JS string has the same lone surrogates.
 */
function strWithSurrogates(rt: Runtime, ptr: Ptr): string {
  const { api } = rt;
  if (api.PyErr_Occurred() === 0n) raisePythonError(rt);
  api.PyErr_Clear();
  const enc = api.PyObject_GetAttrString(ptr, 'encode');
  if (enc === 0n) raisePythonError(rt);
  const args = check(rt, tupleOf(rt, ['utf-16-le', 'surrogatepass']));
  const bytes = api.PyObject_Call(enc, args, 0n);
  api.Py_DecRef(args);
  api.Py_DecRef(enc);
  if (bytes === 0n) raisePythonError(rt);
  const hexFn = api.PyObject_GetAttrString(bytes, 'hex');
  api.Py_DecRef(bytes);
  if (hexFn === 0n) raisePythonError(rt);
  const hex = api.PyObject_CallNoArgs(hexFn);
  api.Py_DecRef(hexFn);
  if (hex === 0n) raisePythonError(rt);
  const p = api.PyUnicode_AsUTF8AndSize(hex, rt.scratch);
  const text = p === 0n ? '' : rt.engine.readUtf8(p, Number(rt.engine.readI64(rt.scratch)));
  api.Py_DecRef(hex);
  return Buffer.from(text, 'hex').toString('utf16le');
}

/** Python int -> number (safe) or bigint; `asBigint` forces bigint. */
function intValue(rt: Runtime, ptr: Ptr, asBigint: boolean): number | bigint {
  const { api, engine, scratch } = rt;
  const v = api.PyLong_AsLongLongAndOverflow(ptr, scratch);
  if (engine.readI32(scratch) !== 0) {
    const s = api.PyObject_Str(ptr);
    const text = str(rt, s);
    api.Py_DecRef(s);
    return BigInt(text);
  }
  if (v === -1n && api.PyErr_Occurred() !== 0n) raisePythonError(rt);
  if (asBigint) return v;
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

function numpyInt(asBigint: boolean): Converter {
  return (rt, ptr) => {
    const l = rt.api.PyNumber_Long(ptr);
    if (l === 0n) raisePythonError(rt);
    const v = intValue(rt, l, asBigint);
    rt.api.Py_DecRef(l);
    return v;
  };
}

const floatValue: Converter = (rt, ptr) => {
  const v = rt.api.PyFloat_AsDouble(ptr);
  if (v === -1 && rt.api.PyErr_Occurred() !== 0n) raisePythonError(rt);
  return v;
};

const complexValue: Converter = (rt, ptr) => {
  const { api } = rt;
  // numpy.complex64 is not a complex subclass: go through complex(x).
  const args = api.PyTuple_New(1);
  api.Py_IncRef(ptr);
  api.PyTuple_SetItem(args, 0, ptr);
  const c = api.PyObject_Call(typeTable(rt).complexType, args, 0n);
  api.Py_DecRef(args);
  if (c === 0n) raisePythonError(rt);
  const v = { re: api.PyComplex_RealAsDouble(c), im: api.PyComplex_ImagAsDouble(c) };
  api.Py_DecRef(c);
  return v;
};

/** Python lists/tuples being converted to JS, outermost first (depth limit, cycle detection). */
const reading: Ptr[] = [];

function sequence(size: (rt: Runtime, p: Ptr) => number, item: (rt: Runtime, p: Ptr, i: number) => Ptr): Converter {
  return (rt, ptr) => {
    const depth = reading.length;
    if (depth >= CYCLE_CHECK_DEPTH && reading.includes(ptr)) {
      throw new ValueError('cannot convert a cyclic Python list or tuple to JS (it contains itself). Break the cycle in Python, or keep the object in Python.');
    }
    if (depth >= MAX_NESTING) {
      throw new ValueError(`cannot convert Python lists or tuples nested more than ${MAX_NESTING} levels deep to JS. Keep the object in Python, or flatten it there.`);
    }
    reading.push(ptr);
    try {
      const n = size(rt, ptr);
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) out[i] = fromPython(rt, item(rt, ptr, i), false);
      return out;
    } finally {
      reading.pop();
    }
  };
}

function typeTable(rt: Runtime): TypeTable {
  if (table) return table;
  const { api } = rt;
  const byType = new Map<Ptr, Converter>();
  const attr = (obj: Ptr, name: string): Ptr => {
    const p = api.PyObject_GetAttrString(obj, name);
    if (p === 0n) raisePythonError(rt);
    return p; // owned forever (types live as long as the interpreter)
  };
  const b = rt.builtins;
  byType.set(attr(b, 'bool'), (_rt, p) => p === rt.api.True);
  byType.set(attr(b, 'int'), (r, p) => intValue(r, p, false));
  byType.set(attr(b, 'float'), floatValue);
  const complexType = attr(b, 'complex');
  byType.set(complexType, (r, p) => ({ re: r.api.PyComplex_RealAsDouble(p), im: r.api.PyComplex_ImagAsDouble(p) }));
  byType.set(attr(b, 'str'), str);
  const tupleType = attr(b, 'tuple');
  const tupleConverter = sequence(
    (r, p) => r.api.PyTuple_Size(p),
    (r, p, i) => r.api.PyTuple_GetItem(p, i),
  );
  byType.set(tupleType, tupleConverter);
  byType.set(
    attr(b, 'list'),
    sequence(
      (r, p) => r.api.PyList_Size(p),
      (r, p, i) => r.api.PyList_GetItem(p, i),
    ),
  );
  const ellipsis = attr(b, 'Ellipsis');
  let ndarray = 0n;
  let frombuffer = 0n;
  const np = rt.numpy.module;
  if (np !== 0n) {
    ndarray = attr(np, 'ndarray');
    frombuffer = attr(np, 'frombuffer');
    byType.set(attr(np, 'bool_'), (r, p) => r.api.PyObject_IsTrue(p) === 1);
    for (const name of ['int8', 'int16', 'int32', 'uint8', 'uint16', 'uint32']) byType.set(attr(np, name), numpyInt(false));
    for (const name of ['int64', 'uint64', 'longlong', 'ulonglong', 'intp', 'uintp']) byType.set(attr(np, name), numpyInt(true));
    for (const name of ['float16', 'float32', 'float64', 'longdouble']) byType.set(attr(np, name), floatValue);
    for (const name of ['complex64', 'complex128', 'clongdouble']) byType.set(attr(np, name), complexValue);
    byType.set(attr(np, 'str_'), str);
  }
  table = { ndarray, byType, complexType, ellipsis, np, frombuffer, tupleType, tupleConverter };
  return table;
}

/**
 * Python -> JS. `owned`: the caller passes its reference (a call result); otherwise `ptr` is borrowed.
 * Plain values are copied out (and an owned reference released); arrays and other objects are wrapped
 * and keep the reference.
 */
export function fromPython(rt: Runtime, ptr: Ptr, owned: boolean): unknown {
  const { api } = rt;
  if (ptr === api.None) {
    if (owned) api.Py_DecRef(ptr);
    return null;
  }
  const t = typeTable(rt);
  if (t.ndarray !== 0n && api.PyObject_IsInstance(ptr, t.ndarray) === 1) {
    if (!owned) api.Py_IncRef(ptr);
    return factories.array ? factories.array(rt, ptr) : wrapOther(rt, ptr, 'numpy.ndarray');
  }
  const type = api.PyObject_Type(ptr);
  api.Py_DecRef(type);
  const conv = t.byType.get(type);
  if (conv) {
    try {
      return conv(rt, ptr);
    } finally {
      if (owned) api.Py_DecRef(ptr);
    }
  }
  if (namespaceArrayTypes.length > 0 && isNamespaceArray(rt, ptr)) {
    if (!owned) api.Py_IncRef(ptr);
    return factories.array ? factories.array(rt, ptr) : wrapOther(rt, ptr, 'array');
  }
  // Tuple subclasses (namedtuples such as numpy.linalg's SVDResult) convert as tuples.
  if (api.PyObject_IsInstance(ptr, t.tupleType) === 1) {
    try {
      return t.tupleConverter(rt, ptr);
    } finally {
      if (owned) api.Py_DecRef(ptr);
    }
  }
  if (!owned) api.Py_IncRef(ptr);
  return wrapOther(rt, ptr, '');
}

function wrapOther(rt: Runtime, ptr: Ptr, label: string): unknown {
  if (!factories.proxy) throw new Error('compat proxy factory not registered (import src/compat/index.js)');
  return factories.proxy(rt, ptr, label);
}

const TYPED_DTYPES: ReadonlyArray<readonly [new (...a: never[]) => ArrayBufferView, string]> = [
  [Float64Array, 'float64'],
  [Float32Array, 'float32'],
  [Int32Array, 'int32'],
  [Int16Array, 'int16'],
  [Int8Array, 'int8'],
  [Uint32Array, 'uint32'],
  [Uint16Array, 'uint16'],
  [Uint8Array, 'uint8'],
  [Uint8ClampedArray, 'uint8'],
  [BigInt64Array, 'int64'],
  [BigUint64Array, 'uint64'],
];

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function isComplexLike(v: Record<string, unknown>): v is { re: number; im: number } {
  const keys = Object.keys(v);
  return keys.length === 2 && typeof v.re === 'number' && typeof v.im === 'number';
}

function check(rt: Runtime, p: Ptr): Ptr {
  if (p === 0n) raisePythonError(rt);
  return p;
}

const INT64_LIMIT = 2 ** 63;

/** An axis given as -0 (from JS arithmetic) is the axis 0: NumPy refuses the float -0.0 there. */
function axisValue(v: unknown): unknown {
  return Object.is(v, -0) ? 0 : v;
}
/** A UTF-16 surrogate without its pair. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Containers (arrays, compat.tuple/dict, Maps) nested deeper than this are refused with a ValueError
 * instead of overflowing the JS stack (NumPy itself accepts at most 64 dimensions).
 */
export const MAX_NESTING = 512;
/** Containers being converted, outermost first (for the depth limit and cycle detection). */
const converting: object[] = [];
/** Below this depth a cycle is not looked for: it shows up again, deeper, within a few levels. */
const CYCLE_CHECK_DEPTH = 32;

function enterContainer(v: object): void {
  const depth = converting.length;
  if (depth >= CYCLE_CHECK_DEPTH && converting.includes(v)) {
    throw new ValueError(`cannot pass a cyclic structure to Python: a ${Array.isArray(v) ? 'JS array' : 'container'} contains itself. Pass a copy without the cycle.`);
  }
  if (depth >= MAX_NESTING) {
    throw new ValueError(`cannot pass containers nested more than ${MAX_NESTING} levels deep to Python (NumPy arrays have at most 64 dimensions). Flatten the data, or pass a TypedArray and reshape it.`);
  }
  converting.push(v);
}

function leaveContainer(): void {
  converting.pop();
}

/** JS -> Python: a NEW reference. GIL must be held. */
export function toPython(rt: Runtime, v: unknown): Ptr {
  const { api } = rt;
  switch (typeof v) {
    case 'number':
      // -0 stays the float -0.0 (its sign matters in data: np.copysign, 1 / x); as an axis it is 0 (see
      // kwargsOf and callPythonRaw). Integers past 2**53 stay integers (np.empty(2 ** 60) is NumPy's own
      // error, not a TypeError about floats).
      if (Number.isSafeInteger(v)) {
        if (!Object.is(v, -0)) return check(rt, api.PyLong_FromLong(v));
      } else if (Number.isInteger(v) && v >= -INT64_LIMIT && v < INT64_LIMIT) {
        return check(rt, api.PyLong_FromLongLong(BigInt(v)));
      }
      return check(rt, api.PyFloat_FromDouble(v));
    case 'boolean': {
      const b = v ? api.True : api.False;
      api.Py_IncRef(b);
      return b;
    }
    case 'string':
      if (!v.includes('\0')) return check(rt, api.PyUnicode_FromString(v));
      return stringWithNul(rt, v);
    case 'bigint':
      if (v >= -(2n ** 63n) && v < 2n ** 63n) return check(rt, api.PyLong_FromLongLong(v));
      if (v >= 0n && v < 2n ** 64n) return check(rt, api.PyLong_FromUnsignedLongLong(v));
      return check(rt, api.PyLong_FromString(v.toString(), 0n, 10));
    case 'undefined':
      api.Py_IncRef(api.None);
      return api.None;
    case 'function':
      if (hasPyObject(v)) {
        const p = livePtr(v[PYOBJ]);
        api.Py_IncRef(p);
        return p;
      }
      if (!factories.fn) throw new Error('compat callback support not registered');
      return factories.fn(rt, v as (...args: unknown[]) => unknown);
    case 'object': {
      if (v === null) {
        api.Py_IncRef(api.None);
        return api.None;
      }
      if (hasPyObject(v)) {
        const p = livePtr(v[PYOBJ]);
        api.Py_IncRef(p);
        return p;
      }
      if (Array.isArray(v)) {
        enterContainer(v);
        try {
          const list = check(rt, api.PyList_New(v.length));
          for (let i = 0; i < v.length; i++) {
            let item: Ptr;
            try {
              item = toPython(rt, v[i]);
            } catch (err) {
              api.Py_DecRef(list);
              throw err;
            }
            api.PyList_SetItem(list, i, item);
          }
          return list;
        } finally {
          leaveContainer();
        }
      }
      if (v instanceof PyTuple || v instanceof PyDict || v instanceof Map) {
        enterContainer(v);
        try {
          if (v instanceof PyTuple) return tupleOf(rt, v.items);
          if (v instanceof PyDict) return dictOf(rt, v.entries);
          return dictOf(rt, [...v.entries()]);
        } finally {
          leaveContainer();
        }
      }
      if (v instanceof PyComplex) return check(rt, api.PyComplex_FromDoubles(v.re, v.im));
      if (ArrayBuffer.isView(v)) return typedArray(rt, v);
      if (isPlainObject(v) && isComplexLike(v)) return check(rt, api.PyComplex_FromDoubles(v.re, v.im));
      for (const convert of foreignConverters) {
        const known = convert(v);
        if (known !== undefined) {
          const p = livePtr(known[PYOBJ]);
          api.Py_IncRef(p);
          return p;
        }
      }
      throw new ValueError(
        `cannot pass ${isPlainObject(v) ? `the plain object {${Object.keys(v).join(', ')}}` : `a ${v.constructor?.name ?? 'object'}`} to Python here. ` +
          `Use compat.dict({...}) for a dict; keyword arguments go in a plain object in the LAST position of a call.`,
      );
    }
    default:
      throw new ValueError(`cannot pass a JS ${typeof v} to Python`);
  }
}

function stringWithNul(rt: Runtime, v: string): Ptr {
  const bytes = Buffer.from(v, 'utf8');
  const mem = rt.engine.alloc(bytes.length);
  rt.engine.view(mem, Math.max(1, bytes.length)).set(bytes);
  const s = rt.api.PyUnicode_DecodeUTF8(mem, bytes.length, 'strict');
  rt.engine.free(mem);
  return check(rt, s);
}

function typedArray(rt: Runtime, v: ArrayBufferView): Ptr {
  const { api, engine } = rt;
  const found = TYPED_DTYPES.find(([C]) => v instanceof C);
  if (!found) {
    throw new DTypeError(`cannot pass a ${v.constructor.name} to Python: use a typed array of a NumPy dtype (Float64Array, Int32Array, ...)`);
  }
  const t = typeTable(rt);
  if (t.frombuffer === 0n) throw new DTypeError('typed arrays cross to Python as NumPy arrays, but NumPy is not importable');
  // Copy the bytes into a Python bytes object, then numpy.frombuffer(...).copy() (writable, owns its data).
  const src = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  const mem = engine.alloc(src.byteLength);
  engine.view(mem, Math.max(1, src.byteLength)).set(src);
  const bytes = api.PyBytes_FromStringAndSize(mem, src.byteLength);
  engine.free(mem);
  check(rt, bytes);
  const dtype = api.PyUnicode_FromString(found[1]);
  const args = api.PyTuple_New(2);
  api.PyTuple_SetItem(args, 0, bytes);
  api.PyTuple_SetItem(args, 1, dtype);
  const view = api.PyObject_Call(t.frombuffer, args, 0n);
  api.Py_DecRef(args);
  check(rt, view);
  const copyFn = api.PyObject_GetAttrString(view, 'copy');
  api.Py_DecRef(view);
  check(rt, copyFn);
  const out = api.PyObject_CallNoArgs(copyFn);
  api.Py_DecRef(copyFn);
  return check(rt, out);
}

/** A NEW tuple of converted items. */
export function tupleOf(rt: Runtime, items: readonly unknown[]): Ptr {
  const { api } = rt;
  const t = check(rt, api.PyTuple_New(items.length));
  for (let i = 0; i < items.length; i++) {
    let item: Ptr;
    try {
      item = toPython(rt, items[i]);
    } catch (err) {
      api.Py_DecRef(t);
      throw err;
    }
    api.PyTuple_SetItem(t, i, item);
  }
  return t;
}

function dictOf(rt: Runtime, entries: ReadonlyArray<readonly [unknown, unknown]>): Ptr {
  const { api } = rt;
  const d = check(rt, api.PyDict_New());
  try {
    for (const [k, val] of entries) {
      const kp = toPython(rt, k);
      let vp: Ptr;
      try {
        vp = toPython(rt, val);
      } catch (err) {
        api.Py_DecRef(kp);
        throw err;
      }
      const rc = api.PyDict_SetItem(d, kp, vp);
      api.Py_DecRef(kp);
      api.Py_DecRef(vp);
      if (rc !== 0) raisePythonError(rt);
    }
  } catch (err) {
    api.Py_DecRef(d);
    throw err;
  }
  return d;
}

/** A NEW kwargs dict from a plain object (undefined values skipped; axis/axes arrays -> tuples). */
function kwargsOf(rt: Runtime, kw: Record<string, unknown>): Ptr {
  const { api } = rt;
  const d = check(rt, api.PyDict_New());
  for (const key in kw) {
    let val = kw[key];
    if (val === undefined) continue;
    if (key.includes('\0') || LONE_SURROGATE.test(key)) {
      api.Py_DecRef(d);
      throw new TypeError(
        `keyword argument name ${JSON.stringify(key)} contains ${key.includes('\0') ? 'a NUL character' : 'a lone surrogate'}, which no Python ` +
          `parameter name has (it would be ${key.includes('\0') ? 'cut short there' : 'changed to U+FFFD'} and could replace another keyword). Fix the key.`,
      );
    }
    if (key === 'axis' || key === 'axes') val = Array.isArray(val) ? new PyTuple(val.map(axisValue)) : axisValue(val);
    let vp: Ptr;
    try {
      vp = toPython(rt, val);
    } catch (err) {
      api.Py_DecRef(d);
      throw err;
    }
    const rc = api.PyDict_SetItemString(d, key, vp);
    api.Py_DecRef(vp);
    if (rc !== 0) {
      api.Py_DecRef(d);
      raisePythonError(rt);
    }
  }
  return d;
}

/** Is `v` a trailing keyword-arguments object? */
export function isKwargs(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && isPlainObject(v) && !hasPyObject(v);
}

/** Argument vectors, one per nesting depth (a Python call can call back into JS, which calls Python). */
interface ArgVector {
  ptr: Ptr;
  slots: BigUint64Array;
  capacity: number;
}
const vectors: ArgVector[] = [];
let depth = 0;

function argVector(rt: Runtime, n: number): ArgVector {
  let v = vectors[depth];
  if (!v || v.capacity < n) {
    if (v) rt.engine.free(v.ptr);
    const capacity = Math.max(16, n);
    const ptr = rt.engine.alloc(capacity * 8);
    const bytes = rt.engine.view(ptr, capacity * 8);
    v = { ptr, slots: new BigUint64Array(bytes.buffer, bytes.byteOffset, capacity), capacity };
    vectors[depth] = v;
  }
  return v;
}

/**
 * Call `callable` with JS arguments; a trailing plain object is keyword arguments (when `kwargsLast`).
 * Returns the converted result. The GIL is taken if needed.
 */
export function callPython(rt: Runtime, callable: Ptr, args: readonly unknown[], kwargsLast = true, cell?: PyCell): unknown {
  return fromPython(rt, callPythonRaw(rt, callable, args, kwargsLast, cell), true);
}

/**
 * Cache the axis parameter positions of `callable` on `cell` now when `args` needs them (a JS array or -0
 * passed positionally), so that a call of another callable forwarding these arguments (an async launcher)
 * applies `callable`'s axis rule.
 */
export function primeAxisSlots(rt: Runtime, callable: Ptr, cell: PyCell | undefined, args: readonly unknown[]): void {
  if (cell === undefined || cell.axisSlots !== undefined) return;
  if (args.some((a) => Array.isArray(a) || Object.is(a, -0))) cell.axisSlots = axisSlotsOf(rt, callable);
}

let axisHelper: Ptr = 0n;

/** Positions of the positional parameters named axis/axes of `callable` (empty without a signature). */
function axisSlotsOf(rt: Runtime, callable: Ptr): readonly number[] {
  if (axisHelper === 0n) {
    const r = rt.api.PyRun_String(
      'def _ndbridge_axis_slots(f):\n' +
        '    import inspect\n' +
        '    try:\n' +
        '        sig = inspect.signature(f)\n' +
        '    except (TypeError, ValueError):\n' +
        '        return ()\n' +
        '    out = []\n' +
        '    for i, p in enumerate(sig.parameters.values()):\n' +
        '        if p.kind not in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):\n' +
        '            break\n' +
        "        if p.name in ('axis', 'axes'):\n" +
        '            out.append(i)\n' +
        '    return tuple(out)\n',
      257,
      rt.helpers,
      rt.helpers,
    );
    if (r === 0n) raisePythonError(rt);
    rt.api.Py_DecRef(r);
    axisHelper = rt.api.PyDict_GetItemString(rt.helpers, '_ndbridge_axis_slots');
  }
  const args = check(rt, rt.api.PyTuple_New(1));
  rt.api.Py_IncRef(callable);
  rt.api.PyTuple_SetItem(args, 0, callable);
  const r = rt.api.PyObject_Call(axisHelper, args, 0n);
  rt.api.Py_DecRef(args);
  if (r === 0n) {
    rt.api.PyErr_Clear();
    return [];
  }
  const slots = fromPython(rt, r, true);
  return Array.isArray(slots) ? slots.filter((v): v is number => typeof v === 'number') : [];
}

/**
 * Like callPython but returns the NEW reference of the result unconverted. `cell`, when given, is
 * the callable's own cell: it caches the callable's axis parameter positions (the axis rule above).
 */
export function callPythonRaw(rt: Runtime, callable: Ptr, args: readonly unknown[], kwargsLast = true, cell?: PyCell): Ptr {
  if (!GIL.held) acquireGil();
  const { api } = rt;
  let n = args.length;
  let kw = 0n;
  if (kwargsLast && n > 0 && isKwargs(args[n - 1])) {
    n--;
    kw = kwargsOf(rt, args[n] as Record<string, unknown>);
  }
  const vec = argVector(rt, n);
  const slots = vec.slots;
  // Bit i of `temps` (or the list for n > 31) says slot i holds a new reference to release.
  let temps = 0;
  let extra: number[] | undefined;
  try {
    for (let i = 0; i < n; i++) {
      const a = args[i];
      // Compat objects (CompatArray, proxies, fast arrays through the bridge) pass their own object,
      // borrowed: the cell is read once (for fast arrays, reading it may export the memory).
      const carried = (typeof a === 'object' && a !== null) || typeof a === 'function' ? (a as Partial<HasPyObject>)[PYOBJ] : undefined;
      if (carried !== undefined) {
        // `carried.ptr` read here rather than in livePtr: this site sees few cell kinds, livePtr sees all.
        if (!isGenuineCell(carried)) throw forgedCellError();
        const p = carried.ptr;
        if (p === 0n) livePtr(carried); // throws DisposedError
        slots[i] = p;
        if (carried.lent === true) {
          // A bridge export: its registry may release it while later arguments are packed (each new
          // export sweeps), so the vector holds its own reference until the call returns.
          api.Py_IncRef(p);
          if (i < 31) temps |= 1 << i;
          else (extra ??= []).push(i);
        }
      } else {
        if (Array.isArray(a) && cell) {
          const axisSlots = (cell.axisSlots ??= axisSlotsOf(rt, callable));
          slots[i] = toPython(rt, axisSlots.includes(i) ? new PyTuple(a.map(axisValue)) : a);
        } else if (Object.is(a, -0) && cell) {
          const axisSlots = (cell.axisSlots ??= axisSlotsOf(rt, callable));
          slots[i] = toPython(rt, axisSlots.includes(i) ? 0 : a);
        } else {
          slots[i] = toPython(rt, a);
        }
        if (i < 31) temps |= 1 << i;
        else (extra ??= []).push(i);
      }
    }
  } catch (err) {
    for (let i = 0; i < Math.min(n, 31); i++) if (temps & (1 << i)) api.Py_DecRef(slots[i]);
    if (extra) for (const i of extra) api.Py_DecRef(slots[i]);
    if (kw !== 0n) api.Py_DecRef(kw);
    throw err;
  }
  depth++;
  let r: Ptr;
  try {
    r = kw === 0n ? api.PyObject_Vectorcall(callable, vec.ptr, n, 0n) : api.PyObject_VectorcallDict(callable, vec.ptr, n, kw);
  } finally {
    depth--;
  }
  if (temps !== 0) for (let i = 0; i < Math.min(n, 31); i++) if (temps & (1 << i)) api.Py_DecRef(slots[i]);
  if (extra) for (const i of extra) api.Py_DecRef(slots[i]);
  if (kw !== 0n) api.Py_DecRef(kw);
  if (r === 0n) raisePythonError(rt);
  return r;
}

/** The Ellipsis object (BORROWED, lives forever). */
export function ellipsisObject(rt: Runtime): Ptr {
  return typeTable(rt).ellipsis;
}

/** Convenience: the runtime, booting if needed, with the GIL held for this segment. */
export function runtimeWithGil(): Runtime {
  const rt = getRuntime();
  if (!GIL.held) acquireGil();
  return rt;
}
