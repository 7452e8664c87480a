/**
 * Proxies over Python objects: attribute reads (`np.pi`, `np.linalg`), calls (`np.add(a, b)`, a
 * trailing plain object = keyword arguments), attribute writes, `in` (hasattr), iteration, and
 * `$`-prefixed helpers for what JS syntax cannot express:
 *   `$item(key)` / `$setItem(key, value)`  Python indexing `obj[key]`
 *   `$attr(name)`                          getattr for names JS reserves (`then`, `constructor`...)
 *   `$call(...args)`                       call (same as calling the proxy)
 *   `$repr()` / `$str()` / `$type`         repr(obj), str(obj), the qualified type name
 *   `$toJs()`                              deep conversion: dict -> plain object, sequences -> arrays
 *   `$dispose()` / `[Symbol.dispose]()`    release the reference now
 * Attribute reads on modules are cached when the value is a callable, a module or a plain value,
 * so `np.add` is looked up once.
 */
import { inspect } from 'node:util';
import type { Ptr } from '../ffi/index.js';
import { callPython, fromPython, registerProxyFactory, toPython } from '../python/convert.js';
import { GIL, acquireGil } from '../python/gil.js';
import { borrowedArg, disposeCell, livePtr, ownReference, PYOBJ, type HasPyObject, type PyCell } from '../python/objects.js';
import { raisePythonError, type Runtime } from '../python/runtime.js';
import { asyncOfCell, type AsyncCall } from '../python/async-call.js';

/** A proxy over a Python object. Attribute types are dynamic; see ./types.ts for the typed NumPy surface. */
export interface PyObjectProxy {
  (...args: unknown[]): unknown;
  readonly [PYOBJ]: PyCell;
  readonly [name: string]: unknown;
  $item(key: unknown): unknown;
  $setItem(key: unknown, value: unknown): void;
  $attr(name: string): unknown;
  $call(...args: unknown[]): unknown;
  /**
   * The same call off the main thread: `await fn.async(...args)`, `fn.async.with({ signal })(...args)`
   * (src/compat/python/async-call.ts). `async` is a reserved word in Python: no attribute can clash.
   */
  readonly async: AsyncCall<unknown[], unknown>;
  $repr(): string;
  $str(): string;
  readonly $type: string;
  $toJs(): unknown;
  $dispose(): void;
  [Symbol.dispose](): void;
  [Symbol.iterator](): Iterator<unknown>;
}

function pyStr(rt: Runtime, p: Ptr, repr: boolean): string {
  if (!GIL.held) acquireGil();
  const s = repr ? rt.api.PyObject_Repr(p) : rt.api.PyObject_Str(p);
  if (s === 0n) raisePythonError(rt);
  const r = fromPython(rt, s, true);
  return typeof r === 'string' ? r : String(r);
}

function getAttr(rt: Runtime, cell: PyCell, name: string): unknown {
  if (!GIL.held) acquireGil();
  const p = rt.api.PyObject_GetAttrString(livePtr(cell), name);
  if (p === 0n) raisePythonError(rt);
  return fromPython(rt, p, true);
}

let moduleType: Ptr = 0n;

function isModule(rt: Runtime, p: Ptr): boolean {
  if (moduleType === 0n) {
    const types = rt.api.PyImport_ImportModule('types');
    moduleType = rt.api.PyObject_GetAttrString(types, 'ModuleType');
    rt.api.Py_DecRef(types);
  }
  return rt.api.PyObject_IsInstance(p, moduleType) === 1;
}

const HELPER_NAMES = new Set(['$item', '$setItem', '$attr', '$call', '$repr', '$str', '$type', '$toJs', '$dispose']);

/**
 * Wrap an owned reference. The result is a plain JS function (so calls are direct, not a Proxy
 * `apply` trap) whose prototype is a Proxy that resolves Python attributes. On modules, attributes
 * that are callables, modules or plain values are cached as own accessor properties of the function
 * after the first read, so `np.add` is an ordinary (inline-cached) property load.
 */
export function makeProxy(rt: Runtime, ptr: Ptr, label: string): PyObjectProxy {
  // eslint-disable-next-line prefer-const
  let cell: PyCell;
  // `ptr` is passed as is while the cell still owns it (the check reads the cell without allocating).
  const fn = (...args: unknown[]): unknown => callPython(rt, cell.ptr === ptr ? ptr : livePtr(cell), args, true, cell);
  // Free the names 'length' and 'name' for Python attributes.
  Reflect.deleteProperty(fn, 'length');
  Reflect.deleteProperty(fn, 'name');
  cell = ownReference(fn, ptr, label || 'a Python object');
  Object.defineProperty(fn, PYOBJ, { value: cell });
  const cacheable = isModule(rt, ptr);
  const setAttr = (key: string, value: unknown): void => {
    if (!GIL.held) acquireGil();
    const v = toPython(rt, value);
    const rc = rt.api.PyObject_SetAttrString(livePtr(cell), key, v);
    rt.api.Py_DecRef(v);
    if (rc !== 0) raisePythonError(rt);
  };
  const helpers: Record<string, unknown> = {
    $item: (key: unknown) => {
      if (!GIL.held) acquireGil();
      const k = toPython(rt, key);
      const r = rt.api.PyObject_GetItem(livePtr(cell), k);
      rt.api.Py_DecRef(k);
      if (r === 0n) raisePythonError(rt);
      return fromPython(rt, r, true);
    },
    $setItem: (key: unknown, value: unknown) => {
      if (!GIL.held) acquireGil();
      const k = toPython(rt, key);
      const v = toPython(rt, value);
      const rc = rt.api.PyObject_SetItem(livePtr(cell), k, v);
      rt.api.Py_DecRef(k);
      rt.api.Py_DecRef(v);
      if (rc !== 0) raisePythonError(rt);
    },
    $attr: (name: string) => getAttr(rt, cell, name),
    $call: (...args: unknown[]) => callPython(rt, livePtr(cell), args, true, cell),
    $repr: () => pyStr(rt, livePtr(cell), true),
    $str: () => pyStr(rt, livePtr(cell), false),
    $toJs: () => deepToJs(rt, livePtr(cell)),
    $dispose: () => disposeCell(cell),
  };
  const resolver = new Proxy(Object.create(null) as object, {
    get(_t, key, receiver: object) {
      if (typeof key === 'symbol') {
        if (key === Symbol.dispose) return () => disposeCell(cell);
        if (key === Symbol.toPrimitive) return () => pyStr(rt, livePtr(cell), false);
        if (key === inspect.custom) return () => (cell.ptr === 0n ? `<py ${cell.label} (disposed)>` : `<py ${pyStr(rt, livePtr(cell), true)}>`);
        if (key === Symbol.iterator) return () => iterate(rt, cell);
        return undefined;
      }
      switch (key) {
        case 'then':
          return undefined; // never look like a Promise
        case 'constructor':
          // a JS function's constructor (util.inspect and console.log read it before the custom inspector);
          // a Python attribute of that name is $attr('constructor')
          return Function;
        case 'call':
        case 'apply':
        case 'bind':
          return Function.prototype[key];
        case 'toString':
          return () => pyStr(rt, livePtr(cell), false);
        case 'toJSON':
          return () => deepToJs(rt, livePtr(cell));
        case '$type':
          return typeName(rt, livePtr(cell));
        case 'async':
          return asyncOfCell(cell);
      }
      if (HELPER_NAMES.has(key)) return helpers[key];
      const value = labelled(getAttr(rt, cell, key), cell.label, key);
      if (cacheable && receiver === fn && (value === null || typeof value !== 'object')) {
        Object.defineProperty(fn, key, {
          get: () => value,
          set: (v: unknown) => {
            setAttr(key, v);
            Reflect.deleteProperty(fn, key);
          },
          configurable: true,
          enumerable: false,
        });
      }
      return value;
    },
    set(_t, key, value) {
      if (typeof key === 'symbol') return false;
      setAttr(key, value);
      return true;
    },
    has(_t, key) {
      if (typeof key === 'symbol') return false;
      if (!GIL.held) acquireGil();
      return rt.api.PyObject_HasAttrString(livePtr(cell), key) === 1;
    },
  });
  Object.setPrototypeOf(fn, resolver);
  return fn as unknown as PyObjectProxy;
}

/** Give proxies of attributes a dotted label ("numpy.linalg.svd") for error messages. */
function labelled(v: unknown, parent: string, key: string): unknown {
  if (typeof v === 'function' && (v as unknown as Partial<PyObjectProxy>)[PYOBJ]) {
    const c = (v as PyObjectProxy)[PYOBJ];
    if (c.label === 'a Python object') c.label = `${parent}.${key}`;
  }
  return v;
}

function typeName(rt: Runtime, p: Ptr): string {
  if (!GIL.held) acquireGil();
  const t = rt.api.PyObject_Type(p);
  const mod = rt.api.PyObject_GetAttrString(t, '__module__');
  const qn = rt.api.PyObject_GetAttrString(t, '__qualname__');
  rt.api.Py_DecRef(t);
  const m = mod === 0n ? 'builtins' : String(fromPython(rt, mod, true));
  if (qn === 0n) raisePythonError(rt);
  const q = String(fromPython(rt, qn, true));
  rt.api.PyErr_Clear();
  return m === 'builtins' ? q : `${m}.${q}`;
}

function* iterate(rt: Runtime, cell: PyCell): Generator<unknown> {
  if (!GIL.held) acquireGil();
  const it = rt.api.PyObject_GetIter(livePtr(cell));
  if (it === 0n) raisePythonError(rt);
  try {
    for (;;) {
      if (!GIL.held) acquireGil();
      const item = rt.api.PyIter_Next(it);
      if (item === 0n) {
        if (rt.api.PyErr_Occurred() !== 0n) raisePythonError(rt);
        return;
      }
      yield fromPython(rt, item, true);
    }
  } finally {
    if (!GIL.held) acquireGil();
    rt.api.Py_DecRef(it);
  }
}

let deepHelper: Ptr = 0n;

/** dict -> plain object (str keys), list/tuple -> arrays, recursively; other values as fromPython. */
function deepToJs(rt: Runtime, p: Ptr): unknown {
  if (!GIL.held) acquireGil();
  if (deepHelper === 0n) {
    const r = rt.api.PyRun_String(
      'def _ndbridge_deep(o):\n' +
        '    if isinstance(o, dict): return [(str(k), _ndbridge_deep(v)) for k, v in o.items()], True\n' +
        '    if isinstance(o, (list, tuple)): return [_ndbridge_deep(v) for v in o], False\n' +
        '    return o, None\n',
      257,
      rt.helpers,
      rt.helpers,
    );
    if (r === 0n) raisePythonError(rt);
    rt.api.Py_DecRef(r);
    deepHelper = rt.api.PyDict_GetItemString(rt.helpers, '_ndbridge_deep');
  }
  const tagged = callPython(rt, deepHelper, [proxyArg(p)], false);
  return untag(tagged);
}

/** Pass a borrowed pointer as a call argument (the call increments nothing; we own `p` elsewhere). */
function proxyArg(p: Ptr): HasPyObject {
  return borrowedArg(p);
}

function untag(v: unknown): unknown {
  const [value, kind] = v as [unknown, boolean | null];
  if (kind === true) return Object.fromEntries((value as [string, unknown][]).map(([k, x]) => [k, untag(x)]));
  if (kind === false) return (value as unknown[]).map(untag);
  return value;
}

registerProxyFactory(makeProxy);
