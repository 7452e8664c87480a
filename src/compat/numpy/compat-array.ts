/**
 * CompatArray: a NumPy array behind the runtime-neutral `NdArray` interface. It owns one reference
 * to the ndarray (released on GC or `dispose()`); every method calls NumPy (cached callables,
 * vectorcall). Attribute values (shape, dtype, strides...) are read once and cached: reshape a
 * CompatArray with `reshape()`, never by assigning `shape` on the Python side.
 *
 * Errors from NumPy inside these methods become ndbridge's typed errors (IndexError, ShapeError,
 * DTypeError, ValueError) with the PythonError as `cause`; calls through the `np` namespace keep
 * PythonError.
 */
import { z } from 'zod';
import { DTYPES, isDTypeName, type DTypeName } from '../../common/dtypes.js';
import { DTypeError, IndexError, PythonError, ShapeError, ValueError } from '../../common/errors.js';
import { ellipsis, parseIndexString, Slice, type IndexItem } from '../../common/index-expr.js';
import type {
  ArrayInterface,
  Complex,
  AstypeOptions,
  IndexSpec,
  NdArray,
  NestedArray,
  Operand,
  ReduceOptions,
  Scalar,
  VarianceOptions,
} from '../../common/ndarray.js';
import type { Ptr } from '../ffi/index.js';
import { callPython, callPythonRaw, ellipsisObject, fromPython, isNamespaceArray, namespaceModuleOf, registerArrayFactory, toPython } from '../python/convert.js';
import { namespaceOf, type CompatNamespace } from '../namespace/namespace.js';
import { acquireGil, GIL } from '../python/gil.js';
import { borrowedArg, disposeCell, registerArrayCellBrand, livePtr, ownSlot, PYOBJ, PyTuple, setSlotPtr, slotPtr, type HasPyObject, type PyCell } from '../python/objects.js';
import { getRuntime, raisePythonError, type Runtime } from '../python/runtime.js';
import { numpyNamespace } from './namespace.js';
import { asyncMethods, type AsyncMethods } from './async-methods.js';
import { makeProxy, type PyObjectProxy } from './proxy.js';
import type { NumpyNamespace } from './types.js';

const NUMPY_HELPERS = `
import numpy as _np

def array_meta(a):
    if isinstance(a, _np.ndarray):
        return (a.shape, a.dtype.name, a.strides, a.itemsize, a.nbytes)
    # an array of another Array API namespace (compat.namespace: dask.array...): no strides of its own
    dt = _np.dtype(getattr(a.dtype, '_np_dtype', a.dtype))
    shape = tuple(a.shape)
    for d in shape:
        if d is None or d != d:
            raise ValueError('the array has dimensions of unknown length %r; compute them first (Dask: x.compute_chunk_sizes())' % (shape,))
    shape = tuple(int(d) for d in shape)
    strides, step = [], dt.itemsize
    for d in reversed(shape):
        strides.append(step)
        step *= max(d, 1)
    size = 1
    for d in shape:
        size *= d
    return (shape, dt.name, tuple(reversed(strides)), dt.itemsize, size * dt.itemsize)

def materialize(a):
    # a lazy or foreign array as a NumPy array: Dask computes it here, on its configured scheduler
    return a if isinstance(a, _np.ndarray) else _np.asarray(a)

def element_value(r):
    return r if isinstance(r, (_np.generic, int, float, complex, bool)) else materialize(r)[()]

def array_interface(a):
    a = materialize(a)
    ai = a.__array_interface__
    return (list(ai['shape']), ai['typestr'], list(ai['data']), None if ai.get('strides') is None else list(ai['strides']), ai['version'])

def contiguous_native(a):
    a = materialize(a)
    c = _np.ascontiguousarray(a, dtype=a.dtype.newbyteorder('='))
    return (c, c.__array_interface__['data'][0])

def as_ndarray(x):
    return _np.asarray(x)

def dlpack_device(a):
    return tuple(int(v) for v in a.__dlpack_device__())

def argsort_descending(a, axis):
    if axis is None:
        a, axis = a.ravel(), -1
    n = a.shape[axis]
    i = _np.flip(_np.argsort(_np.flip(a, axis), axis=axis, kind='stable'), axis)
    return (n - 1) - i

def to_index(a):
    import operator
    return operator.index(a)
`;

/** Cached NumPy callables (owned forever). */
interface NumpyOps {
  readonly [name: string]: Ptr;
}

let ops: NumpyOps | undefined;

const OP_NAMES = [
  'add',
  'subtract',
  'multiply',
  'true_divide',
  'floor_divide',
  'remainder',
  'power',
  'negative',
  'absolute',
  'equal',
  'not_equal',
  'less',
  'less_equal',
  'greater',
  'greater_equal',
  'bitwise_and',
  'bitwise_or',
  'bitwise_xor',
  'invert',
  'sum',
  'prod',
  'min',
  'max',
  'mean',
  'var',
  'std',
  'all',
  'any',
  'transpose',
  'reshape',
  'asarray',
  'positive',
  'left_shift',
  'right_shift',
  'matmul',
  'clip',
  'round',
  'conj',
  'argmax',
  'argmin',
  'cumsum',
  'cumprod',
  'cumulative_sum',
  'cumulative_prod',
  'count_nonzero',
  'argsort',
  'nonzero',
  'searchsorted',
  'repeat',
  'take',
  'permute_dims',
  'squeeze',
  'expand_dims',
  'broadcast_to',
  'flip',
  'ravel',
  'moveaxis',
  'swapaxes',
] as const;

/** Python builtins behind the Array API conversion dunders. */
const BUILTIN_NAMES = ['bool', 'int', 'float', 'complex'] as const;

/** Keyword arguments of the standard's `__dlpack__` (passed to NumPy's `ndarray.__dlpack__`). */
export interface DlpackOptions {
  readonly stream?: number | null;
  readonly max_version?: readonly [number, number] | null;
  readonly dl_device?: readonly [number, number] | null;
  readonly copy?: boolean | null;
}

/** An axis given positionally (a number or null) or in an options object. */
type AxisOrOptions<O> = O | number | null | undefined;

function numpyOps(rt: Runtime): NumpyOps {
  if (ops) return ops;
  const { api } = rt;
  if (rt.numpy.module === 0n) throw new DTypeError(`NumPy is not importable: ${rt.numpy.error}`);
  const r = api.PyRun_String(NUMPY_HELPERS, 257, rt.helpers, rt.helpers);
  if (r === 0n) raisePythonError(rt);
  api.Py_DecRef(r);
  const table: Record<string, Ptr> = {};
  for (const name of [...OP_NAMES, ...BUILTIN_NAMES]) {
    const p = api.PyObject_GetAttrString(BUILTIN_NAMES.includes(name as (typeof BUILTIN_NAMES)[number]) ? rt.builtins : rt.numpy.module, name);
    if (p === 0n) raisePythonError(rt);
    table[name] = p;
  }
  for (const name of ['array_meta', 'array_interface', 'contiguous_native', 'as_ndarray', 'dlpack_device', 'to_index', 'argsort_descending', 'materialize', 'element_value']) {
    table[name] = api.PyDict_GetItemString(rt.helpers, name);
  }
  ops = table;
  return ops;
}

const ArrayInterfaceSchema = z.tuple([
  z.array(z.number().int().nonnegative()),
  z.string(),
  z.tuple([z.union([z.number().int().nonnegative(), z.bigint()]), z.boolean()]),
  z.array(z.number().int()).nullable(),
  z.literal(3),
]);

const MetaSchema = z.tuple([
  z.array(z.number().int().nonnegative()),
  z.string(),
  z.array(z.number().int()),
  z.number().int().positive().or(z.literal(0)),
  z.number().int().nonnegative(),
]);

interface Meta {
  readonly shape: readonly number[];
  readonly dtype: string;
  readonly strides: readonly number[];
  readonly itemsize: number;
  readonly nbytes: number;
}

/** Map a PythonError raised by NumPy inside an NdArray method to ndbridge's typed errors. */
function typedError(err: unknown, what: string): unknown {
  if (!(err instanceof PythonError)) return err;
  const t = err.pythonType;
  const msg = `${what}: ${err.pythonMessage}`;
  let out: Error | undefined;
  if (t === 'IndexError' || t.endsWith('AxisError')) out = new IndexError(msg);
  else if (t === 'ValueError' && /broadcast|shape|reshape|size/.test(err.pythonMessage)) out = new ShapeError(msg);
  else if (t.includes('UFunc') || t === 'TypeError' || t.includes('DTypePromotionError')) out = new DTypeError(msg);
  else if (t === 'ValueError') out = new ValueError(msg);
  if (!out) return err;
  (out as Error & { cause?: unknown }).cause = err;
  return out;
}

/** Keyword options of CompatArray.reshape (NumPy's `order` and `copy`). */
export interface CompatReshapeOptions {
  readonly order?: 'C' | 'F' | 'A';
  readonly copy?: boolean | null;
}

const ReshapeOptionsSchema = z.object({ order: z.enum(['C', 'F', 'A']).optional(), copy: z.boolean().nullable().optional() }).strict();

function reshapeOptions(raw: object): Record<string, unknown> {
  const r = ReshapeOptionsSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new TypeError(`reshape options${i?.path.length ? `.${i.path.join('.')}` : ''}: ${i?.message ?? 'invalid'} (reshape takes { order?: 'C' | 'F' | 'A', copy?: boolean | null } last)`);
  }
  return { ...r.data };
}

/**
 * The integers of a NumPy "tuple or varargs" parameter (`reshape(2, 3)` or `reshape([2, 3])`, `transpose(1, 0)` or
 * `transpose([1, 0])`), checked here: koffi and ffi-napi would otherwise fail deep in the conversion with an
 * untyped error.
 */
function integerArgs(method: string, param: string, first: unknown, more: readonly unknown[]): (number | bigint)[] {
  let items: readonly unknown[];
  if (Array.isArray(first)) {
    if (more.length > 0) throw new TypeError(`${method} takes a ${param} list or integers, not both: ${method}([2, 3]) or ${method}(2, 3)`);
    items = first;
  } else items = [first, ...more];
  for (const [k, v] of items.entries()) {
    const ok = typeof v === 'bigint' || (typeof v === 'number' && Number.isSafeInteger(v));
    if (!ok) {
      throw new TypeError(
        `${method}: ${param}[${k}] must be an integer, got ${typeof v === 'number' ? String(v) : v === null ? 'null' : typeof v}; pass integers, e.g. ${method}(2, 3) or ${method}([2, 3])`,
      );
    }
  }
  return items as (number | bigint)[];
}

function runtimeWithGil(): Runtime {
  const rt = getRuntime();
  if (!GIL.held) acquireGil();
  return rt;
}

export class CompatArray implements NdArray, PyCell {
  /**
   * @internal The slot of the owned ndarray reference in compat's reference table. A CompatArray is
   * its own PyCell (`a[PYOBJ] === a`): one object per NumPy result, registered for release on GC.
   */
  readonly #slot: number;
  /** Attributes, read on first use (never per call). */
  private declare meta?: Meta;
  private declare labelOverride?: string;

  /** @internal Wrap an owned ndarray reference (use `np.*` or `compat.evaluate` to make arrays). */
  constructor(ptr: Ptr) {
    this.#slot = ownSlot(this, ptr);
  }

  /** @internal Brand check: true only for real CompatArrays (see isGenuineCell). */
  static _isOne(o: object): boolean {
    return #slot in o;
  }

  /** @internal */
  get [PYOBJ](): PyCell {
    return this;
  }
  /** @internal PyCell: the owned ndarray pointer, `0n` once disposed. */
  get ptr(): Ptr {
    return slotPtr(this.#slot);
  }
  set ptr(value: Ptr) {
    setSlotPtr(this.#slot, value);
  }
  /** @internal PyCell: what this is, for error messages. */
  get label(): string {
    if (this.labelOverride !== undefined) return this.labelOverride;
    const m = this.meta;
    return m ? `CompatArray(${m.dtype}, [${m.shape.join(', ')}])` : 'CompatArray';
  }
  set label(value: string) {
    this.labelOverride = value;
  }

  private static wrap(rt: Runtime, raw: Ptr): CompatArray {
    const o = numpyOps(rt);
    if (rt.api.PyObject_IsInstance(raw, ndarrayType(rt)) === 1 || isNamespaceArray(rt, raw)) return new CompatArray(raw);
    const arr = callPythonRaw(rt, o.as_ndarray, [borrowed(raw)], false);
    rt.api.Py_DecRef(raw);
    return new CompatArray(arr);
  }

  private info(): Meta {
    if (this.meta) return this.meta;
    const rt = runtimeWithGil();
    const raw = callPython(rt, numpyOps(rt).array_meta, [this], false);
    const [shape, dtype, strides, itemsize, nbytes] = MetaSchema.parse(raw);
    const meta: Meta = { shape, dtype, strides, itemsize, nbytes };
    this.meta = meta;
    return meta;
  }

  private op(name: string, args: readonly unknown[], kwargs?: Record<string, unknown>): CompatArray {
    const rt = runtimeWithGil();
    const fn = numpyOps(rt)[name];
    let raw: Ptr;
    try {
      raw = callPythonRaw(rt, fn, kwargs ? [...args, kwargs] : args, kwargs !== undefined);
    } catch (err) {
      throw typedError(err, `numpy.${name}`);
    }
    return CompatArray.wrap(rt, raw);
  }

  get shape(): readonly number[] {
    return this.info().shape;
  }
  /** NumPy's dtype name. For dtypes outside ndbridge's table (float16, object, str...) this is NumPy's name too. */
  get dtype(): DTypeName {
    return this.info().dtype as DTypeName;
  }
  get strides(): readonly number[] {
    return this.info().strides;
  }
  get ndim(): number {
    return this.info().shape.length;
  }
  get size(): number {
    return this.info().shape.reduce((a, b) => a * b, 1);
  }
  get itemsize(): number {
    return this.info().itemsize;
  }
  get nbytes(): number {
    return this.info().nbytes;
  }
  get T(): CompatArray {
    return this.op('transpose', [this]);
  }
  /** A proxy over the ndarray for everything else NumPy offers: `a.py.cumsum()`, `a.py.flags`... */
  get py(): PyObjectProxy {
    const rt = runtimeWithGil();
    const p = livePtr(this[PYOBJ]);
    rt.api.Py_IncRef(p);
    return makeProxy(rt, p, 'numpy.ndarray');
  }

  /**
   * NumPy's ndarray methods, off the main thread: `await a.async.sum({ axis: 0 })` runs `a.sum(axis=0)` in
   * NumPy (NumPy's method, as `a.py.sum(...)`, not this class's NdArray method). `a.sum.async` cannot exist:
   * a method is one function shared by every array, so it cannot know `a`. The array is in use (dispose()
   * throws BusyError) until the call settles.
   */
  get async(): AsyncMethods {
    return asyncMethods(this);
  }

  get __array_interface__(): ArrayInterface {
    const rt = runtimeWithGil();
    const raw = callPython(rt, numpyOps(rt).array_interface, [this], false);
    const [shape, typestr, [address, readonly], strides, version] = ArrayInterfaceSchema.parse(raw);
    return { shape, typestr, data: [address, readonly], strides, version };
  }

  get(...indices: number[]): Scalar {
    for (const i of indices) {
      if (!Number.isInteger(i)) throw new IndexError(`get() takes integer indices, got ${String(i)} in get(${indices.join(', ')})`);
    }
    if (indices.length !== this.ndim) {
      throw new IndexError(`get() needs one index per dimension: the array has ${this.ndim} dimensions, got ${indices.length} indices (${indices.join(', ')})`);
    }
    const rt = runtimeWithGil();
    const key = toPython(rt, new PyTuple(indices));
    const r = rt.api.PyObject_GetItem(livePtr(this[PYOBJ]), key);
    rt.api.Py_DecRef(key);
    if (r === 0n) {
      try {
        raisePythonError(rt);
      } catch (err) {
        throw typedError(err, `get(${indices.join(', ')}) on shape [${this.shape.join(', ')}]`);
      }
    }
    // another namespace's element (a 0-d Dask array) is computed to its value
    if (isNamespaceArray(rt, r)) {
      try {
        return callPython(rt, numpyOps(rt).element_value, [borrowed(r)], false) as Scalar;
      } finally {
        rt.api.Py_DecRef(r);
      }
    }
    return fromPython(rt, r, true) as Scalar;
  }

  /** The Python index object for `items` (NEW reference). */
  private indexKey(rt: Runtime, items: readonly IndexItem<NdArray>[], forView: boolean): Ptr {
    const flat: unknown[] = [];
    for (const item of items) {
      if (typeof item === 'string' && item !== ellipsis) flat.push(...parseIndexString(item));
      else flat.push(item);
    }
    let sawEllipsis = false;
    const converted = flat.map((item) => {
      if (item === ellipsis) {
        sawEllipsis = true;
        return borrowed(ellipsisObject(rt));
      }
      if (item instanceof Slice) return new PySliceValue(item);
      if (item === null) return null;
      if (typeof item === 'number' || typeof item === 'boolean' || Array.isArray(item) || item instanceof CompatArray) return item;
      if (typeof item === 'object' && item !== null && PYOBJ in item) return item;
      throw new IndexError(`unsupported index item ${String(item)}: use integers, slices, null (newaxis), '...', index arrays or masks`);
    });
    // A trailing Ellipsis turns a full integer index into a 0-d view instead of a scalar.
    if (forView && !sawEllipsis) converted.push(borrowed(ellipsisObject(rt)));
    return tupleWithSlices(rt, converted);
  }

  at(...index: IndexItem<NdArray>[]): CompatArray {
    const rt = runtimeWithGil();
    const key = this.indexKey(rt, index, true);
    const r = rt.api.PyObject_GetItem(livePtr(this[PYOBJ]), key);
    rt.api.Py_DecRef(key);
    if (r === 0n) {
      try {
        raisePythonError(rt);
      } catch (err) {
        throw typedError(err, `at(${index.map((i) => JSON.stringify(i)).join(', ')}) on shape [${this.shape.join(', ')}]`);
      }
    }
    return CompatArray.wrap(rt, r);
  }

  set(index: IndexSpec, value: Operand | NestedArray): void {
    const rt = runtimeWithGil();
    // As in fast: a JS array is a tuple of index items, except an all-boolean array (a mask).
    const items: readonly IndexItem<NdArray>[] =
      Array.isArray(index) && !(index.length > 0 && index.every((i) => typeof i === 'boolean'))
        ? (index as readonly IndexItem<NdArray>[])
        : [index as IndexItem<NdArray>];
    const key = this.indexKey(rt, items, false);
    let v: Ptr;
    try {
      v = toPython(rt, value);
    } catch (err) {
      rt.api.Py_DecRef(key);
      throw err;
    }
    const rc = rt.api.PyObject_SetItem(livePtr(this[PYOBJ]), key, v);
    rt.api.Py_DecRef(key);
    rt.api.Py_DecRef(v);
    if (rc !== 0) {
      try {
        raisePythonError(rt);
      } catch (err) {
        throw typedError(err, `set(${JSON.stringify(index)}) on shape [${this.shape.join(', ')}]`);
      }
    }
  }

  add(other: Operand): CompatArray {
    return this.op('add', [this, other]);
  }
  sub(other: Operand): CompatArray {
    return this.op('subtract', [this, other]);
  }
  mul(other: Operand): CompatArray {
    return this.op('multiply', [this, other]);
  }
  div(other: Operand): CompatArray {
    return this.op('true_divide', [this, other]);
  }
  floordiv(other: Operand): CompatArray {
    return this.op('floor_divide', [this, other]);
  }
  mod(other: Operand): CompatArray {
    return this.op('remainder', [this, other]);
  }
  pow(other: Operand): CompatArray {
    return this.op('power', [this, other]);
  }
  neg(): CompatArray {
    return this.op('negative', [this]);
  }
  abs(): CompatArray {
    return this.op('absolute', [this]);
  }
  eq(other: Operand): CompatArray {
    return this.op('equal', [this, other]);
  }
  ne(other: Operand): CompatArray {
    return this.op('not_equal', [this, other]);
  }
  lt(other: Operand): CompatArray {
    return this.op('less', [this, other]);
  }
  le(other: Operand): CompatArray {
    return this.op('less_equal', [this, other]);
  }
  gt(other: Operand): CompatArray {
    return this.op('greater', [this, other]);
  }
  ge(other: Operand): CompatArray {
    return this.op('greater_equal', [this, other]);
  }
  /** `a & b` (logical on bool arrays, bitwise on integers). */
  and(other: Operand): CompatArray {
    return this.op('bitwise_and', [this, other]);
  }
  /** `a | b`. */
  or(other: Operand): CompatArray {
    return this.op('bitwise_or', [this, other]);
  }
  /** `a ^ b`. */
  xor(other: Operand): CompatArray {
    return this.op('bitwise_xor', [this, other]);
  }
  /** `~a` (logical not on bool arrays, bitwise not on integers). */
  not(): CompatArray {
    return this.op('invert', [this]);
  }

  /** `+a` (NumPy's positive: a copy). */
  pos(): CompatArray {
    return this.op('positive', [this]);
  }
  /** `a << b` (NumPy's left_shift). */
  lshift(other: Operand): CompatArray {
    return this.op('left_shift', [this, other]);
  }
  /** `a >> b` (NumPy's right_shift). */
  rshift(other: Operand): CompatArray {
    return this.op('right_shift', [this, other]);
  }
  /** `a @ b` (NumPy's matmul). */
  matmul(other: Operand | NestedArray): CompatArray {
    return this.op('matmul', [this, other]);
  }
  /** Python's name for `matmul`. */
  __matmul__(other: Operand | NestedArray): CompatArray {
    return this.matmul(other);
  }
  /** NumPy's `clip(a, min, max)` (also `{ min, max }`). */
  clip(min?: { min?: Operand | null; max?: Operand | null } | Operand | null, max?: Operand | null): CompatArray {
    if (min !== null && typeof min === 'object' && !(min instanceof CompatArray) && !('re' in min)) {
      const o = min as { min?: Operand | null; max?: Operand | null };
      return this.op('clip', [this, o.min ?? null, o.max ?? null]);
    }
    return this.op('clip', [this, min ?? null, max ?? null]);
  }
  /** NumPy's `round(a, decimals)`: halves to even (also `{ decimals }`). */
  round(decimals: number | { decimals?: number } = 0): CompatArray {
    return this.op('round', [this, typeof decimals === 'number' ? decimals : (decimals.decimals ?? 0)]);
  }
  /** The complex conjugate. */
  conj(): CompatArray {
    return this.op('conj', [this]);
  }
  conjugate(): CompatArray {
    return this.op('conj', [this]);
  }
  /** `a.mT`: the transpose of the last two axes. */
  get mT(): CompatArray {
    return this.attrArray('mT');
  }
  /** The device (Array API): NumPy's arrays are on 'cpu'. */
  get device(): 'cpu' {
    return 'cpu';
  }
  /** Array API to_device (NumPy's: 'cpu' only; ValueError otherwise). */
  to_device(device: string): CompatArray {
    return this.methodArray('to_device', [device], `to_device('${device}')`);
  }
  /** The Array API namespace of this array: compat's numpy namespace (the object `compat.numpy()` returns). */
  __array_namespace__(options: { api_version?: string | null } = {}): NumpyNamespace | CompatNamespace {
    const rt = runtimeWithGil();
    const mod = namespaceModuleOf(rt, livePtr(this[PYOBJ]));
    if (mod !== null) {
      // an array of another namespace (dask.array): its module, as compat.namespace opened it
      const ns = namespaceOf(mod);
      if (options.api_version !== undefined && options.api_version !== null) checkApiVersion(ns, mod, options.api_version);
      return ns;
    }
    const np = numpyNamespace();
    if (options.api_version !== undefined && options.api_version !== null) this.methodValue('__array_namespace__', [{ api_version: options.api_version }], '__array_namespace__');
    return np;
  }
  /** The single element as NumPy's `item()` gives it (Python scalar converted to JS). */
  item(): Scalar {
    return this.methodValue('item', [], 'item()') as Scalar;
  }
  /** Python's bool(a) (ValueError for more than one element, as NumPy). */
  __bool__(): boolean {
    return this.builtin('bool') as boolean;
  }
  /** Python's int(a): truncates floats; bigint for int64/uint64 arrays and values beyond 2^53. */
  __int__(): number | bigint {
    return this.integer(this.builtin('int') as number | bigint);
  }
  /** Python's float(a). */
  __float__(): number {
    return this.builtin('float') as number;
  }
  /** Python's complex(a). */
  __complex__(): Complex {
    return this.builtin('complex') as Complex;
  }
  /** Python's operator.index(a): integer arrays with one element only (DTypeError otherwise, from NumPy's TypeError). */
  __index__(): number | bigint {
    return this.integer(this.builtin('to_index') as number | bigint);
  }
  /** DLPack device of the memory: NumPy's `__dlpack_device__()` as plain numbers, `[1, 0]` (kDLCPU, device 0). */
  __dlpack_device__(): [number, number] {
    const rt = runtimeWithGil();
    const [type, id] = z.tuple([z.number().int(), z.number().int()]).parse(callPython(rt, numpyOps(rt).dlpack_device, [this], false));
    return [type, id];
  }
  /** NumPy's DLPack capsule over this array (a Python object proxy; hand it to `from_dlpack` consumers). */
  __dlpack__(options: DlpackOptions = {}): PyObjectProxy {
    const kw: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(options)) if (v !== undefined) kw[k] = Array.isArray(v) ? new PyTuple(v) : v;
    return this.methodValue('__dlpack__', [kw], '__dlpack__') as PyObjectProxy;
  }

  private integer(v: number | bigint): number | bigint {
    return (this.dtype === 'int64' || this.dtype === 'uint64') && typeof v === 'number' ? BigInt(v) : v;
  }
  private builtin(name: 'bool' | 'int' | 'float' | 'complex' | 'to_index'): unknown {
    const rt = runtimeWithGil();
    try {
      return callPython(rt, numpyOps(rt)[name], [this], false);
    } catch (err) {
      throw typedError(err, name === 'to_index' ? 'operator.index(a)' : `${name}(a)`);
    }
  }
  /** Call the ndarray method `name` and convert its result as any call result. */
  private methodValue(name: string, args: readonly unknown[], what: string): unknown {
    const rt = runtimeWithGil();
    const fn = rt.api.PyObject_GetAttrString(livePtr(this[PYOBJ]), name);
    if (fn === 0n) raisePythonError(rt);
    try {
      return callPython(rt, fn, args);
    } catch (err) {
      throw typedError(err, what);
    } finally {
      rt.api.Py_DecRef(fn);
    }
  }
  private methodArray(name: string, args: readonly unknown[], what: string): CompatArray {
    const rt = runtimeWithGil();
    const fn = rt.api.PyObject_GetAttrString(livePtr(this[PYOBJ]), name);
    if (fn === 0n) raisePythonError(rt);
    let raw: Ptr;
    try {
      raw = callPythonRaw(rt, fn, args);
    } catch (err) {
      throw typedError(err, what);
    } finally {
      rt.api.Py_DecRef(fn);
    }
    return CompatArray.wrap(rt, raw);
  }
  private attrArray(name: string): CompatArray {
    const rt = runtimeWithGil();
    const raw = rt.api.PyObject_GetAttrString(livePtr(this[PYOBJ]), name);
    if (raw === 0n) {
      try {
        raisePythonError(rt);
      } catch (err) {
        throw typedError(err, `a.${name}`);
      }
    }
    return CompatArray.wrap(rt, raw);
  }
  /** `numpy.<name>(this, ...positional, **options)`; a bare number/null for `options` is the axis. */
  private axisOp(name: string, options: unknown, positional: readonly unknown[] = []): CompatArray {
    if (options === undefined) return this.op(name, [this, ...positional]);
    if (options === null || typeof options === 'number' || Array.isArray(options)) return this.op(name, [this, ...positional], { axis: options });
    return this.op(name, [this, ...positional], { ...(options as Record<string, unknown>) });
  }

  /** Index of the maximum; see numpy.argmax (a number is the axis). */
  argmax(options?: AxisOrOptions<{ axis?: number | null; keepdims?: boolean }>): CompatArray {
    return this.axisOp('argmax', options);
  }
  /** Index of the minimum; see numpy.argmin. */
  argmin(options?: AxisOrOptions<{ axis?: number | null; keepdims?: boolean }>): CompatArray {
    return this.axisOp('argmin', options);
  }
  /** Array API cumulative_sum. */
  cumulative_sum(options?: { axis?: number | null; dtype?: DTypeName; include_initial?: boolean }): CompatArray {
    return this.axisOp('cumulative_sum', options);
  }
  /** Array API cumulative_prod. */
  cumulative_prod(options?: { axis?: number | null; dtype?: DTypeName; include_initial?: boolean }): CompatArray {
    return this.axisOp('cumulative_prod', options);
  }
  /** NumPy cumsum (axis null: flattened). */
  cumsum(options?: AxisOrOptions<{ axis?: number | null; dtype?: DTypeName }>): CompatArray {
    return this.axisOp('cumsum', options);
  }
  /** NumPy cumprod (axis null: flattened). */
  cumprod(options?: AxisOrOptions<{ axis?: number | null; dtype?: DTypeName }>): CompatArray {
    return this.axisOp('cumprod', options);
  }
  /** Number of non-zero elements. */
  count_nonzero(options?: { axis?: number | readonly number[] | null; keepdims?: boolean }): CompatArray {
    return this.axisOp('count_nonzero', options);
  }
  /** argsort along `axis` (default -1); `{ stable, kind }` as NumPy. */
  argsort(options?: AxisOrOptions<{ axis?: number | null; stable?: boolean; kind?: string; descending?: boolean }>): CompatArray {
    if (options && typeof options === 'object' && !Array.isArray(options) && 'descending' in options) {
      // NumPy's argsort has no `descending`: the Array API's (stable) descending order is built as
      // array-api-compat does, from a stable argsort of the flipped array.
      const { descending, ...rest } = options as { descending?: boolean; axis?: number | null };
      if (!descending) return this.axisOp('argsort', rest);
      const rt = runtimeWithGil();
      let raw: Ptr;
      try {
        raw = callPythonRaw(rt, numpyOps(rt).argsort_descending, [this, rest.axis === undefined ? -1 : rest.axis], false);
      } catch (err) {
        throw typedError(err, 'argsort(descending)');
      }
      return CompatArray.wrap(rt, raw);
    }
    return this.axisOp('argsort', options);
  }
  /** Indices of the non-zero elements, one array per dimension. */
  nonzero(): CompatArray[] {
    const rt = runtimeWithGil();
    try {
      return callPython(rt, numpyOps(rt).nonzero, [this], false) as CompatArray[];
    } catch (err) {
      throw typedError(err, 'numpy.nonzero');
    }
  }
  /** Insertion points of `values` into this sorted 1-d array. */
  searchsorted(values: Operand | NestedArray, options?: { side?: 'left' | 'right'; sorter?: NdArray | null }): CompatArray {
    return this.op('searchsorted', [this, values], options ? { ...options } : undefined);
  }
  /** NumPy repeat. */
  repeat(repeats: number | readonly number[] | NdArray, options?: AxisOrOptions<{ axis?: number | null }>): CompatArray {
    return this.axisOp('repeat', options, [repeats]);
  }
  /** NumPy take. */
  take(indices: NdArray | readonly number[] | number, options?: AxisOrOptions<{ axis?: number | null }>): CompatArray {
    return this.axisOp('take', options, [indices]);
  }
  permute_dims(axes: readonly number[]): CompatArray {
    return this.op('permute_dims', [this, new PyTuple(axes)]);
  }
  squeeze(axis?: AxisOrOptions<{ axis?: number | readonly number[] | null }> | readonly number[]): CompatArray {
    return this.axisOp('squeeze', axis);
  }
  expand_dims(axis: AxisOrOptions<{ axis?: number | readonly number[] }> | readonly number[]): CompatArray {
    return this.axisOp('expand_dims', axis);
  }
  broadcast_to(shape: readonly number[]): CompatArray {
    return this.op('broadcast_to', [this, new PyTuple(shape)]);
  }
  flip(axis?: AxisOrOptions<{ axis?: number | readonly number[] | null }> | readonly number[]): CompatArray {
    return this.axisOp('flip', axis);
  }
  ravel(): CompatArray {
    return this.op('ravel', [this]);
  }
  flatten(): CompatArray {
    return this.methodArray('flatten', [], 'flatten()');
  }
  moveaxis(source: number | readonly number[], destination: number | readonly number[]): CompatArray {
    const t = (v: number | readonly number[]) => (typeof v === 'number' ? v : new PyTuple(v));
    return this.op('moveaxis', [this, t(source), t(destination)]);
  }
  swapaxes(axis1: number, axis2: number): CompatArray {
    return this.op('swapaxes', [this, axis1, axis2]);
  }

  private reduce(name: string, options: VarianceOptions | undefined): CompatArray {
    const kw: Record<string, unknown> = {};
    if (options) {
      if (options.axis !== undefined) kw.axis = Array.isArray(options.axis) ? new PyTuple(options.axis) : options.axis;
      if (options.keepdims !== undefined) kw.keepdims = options.keepdims;
      if (options.dtype !== undefined) kw.dtype = options.dtype;
      if (options.correction !== undefined) kw.ddof = options.correction;
    }
    return this.op(name, [this], kw);
  }
  sum(options?: ReduceOptions): CompatArray {
    return this.reduce('sum', options);
  }
  prod(options?: ReduceOptions): CompatArray {
    return this.reduce('prod', options);
  }
  min(options?: ReduceOptions): CompatArray {
    return this.reduce('min', options);
  }
  max(options?: ReduceOptions): CompatArray {
    return this.reduce('max', options);
  }
  mean(options?: ReduceOptions): CompatArray {
    return this.reduce('mean', options);
  }
  var(options?: VarianceOptions): CompatArray {
    return this.reduce('var', options);
  }
  std(options?: VarianceOptions): CompatArray {
    return this.reduce('std', options);
  }
  all(options?: ReduceOptions): CompatArray {
    return this.reduce('all', options);
  }
  any(options?: ReduceOptions): CompatArray {
    return this.reduce('any', options);
  }

  /** As NumPy: `a.reshape([2, 3])`, `a.reshape(2, 3)`, `a.reshape(6)`, options last: `a.reshape(2, 3, { order: 'F' })`. */
  reshape(shape: readonly number[] | number, ...more: (number | CompatReshapeOptions)[]): CompatArray {
    const last = more.length > 0 ? more[more.length - 1] : undefined;
    const options = typeof last === 'object' && last !== null && !Array.isArray(last) ? reshapeOptions(last) : undefined;
    const dims = integerArgs('reshape', 'shape', shape, options === undefined ? more : more.slice(0, -1));
    return this.op('reshape', [this, new PyTuple(dims)], options);
  }
  /** As NumPy: `a.transpose()`, `a.transpose([1, 0])`, `a.transpose(1, 0)`, `a.transpose(null)`. */
  transpose(axes?: readonly number[] | number | null, ...more: number[]): CompatArray {
    if ((axes === undefined || axes === null) && more.length === 0) return this.op('transpose', [this]);
    return this.op('transpose', [this, new PyTuple(integerArgs('transpose', 'axes', axes, more))]);
  }
  astype(dtype: DTypeName, options?: AstypeOptions): CompatArray {
    const rt = runtimeWithGil();
    const fn = rt.api.PyObject_GetAttrString(livePtr(this[PYOBJ]), 'astype');
    if (fn === 0n) raisePythonError(rt);
    let raw: Ptr;
    try {
      raw = callPythonRaw(rt, fn, [dtype, { copy: options?.copy, casting: options?.casting }]);
    } catch (err) {
      throw typedError(err, `astype('${dtype}')`);
    } finally {
      rt.api.Py_DecRef(fn);
    }
    return CompatArray.wrap(rt, raw);
  }
  copy(): CompatArray {
    const rt = runtimeWithGil();
    const fn = rt.api.PyObject_GetAttrString(livePtr(this[PYOBJ]), 'copy');
    if (fn === 0n) raisePythonError(rt);
    try {
      return CompatArray.wrap(rt, callPythonRaw(rt, fn, []));
    } finally {
      rt.api.Py_DecRef(fn);
    }
  }

  toArray(): NestedArray {
    const meta = this.info();
    if (!isDTypeName(meta.dtype)) {
      // Dtypes outside the table: NumPy's own tolist().
      const rt = runtimeWithGil();
      const fn = rt.api.PyObject_GetAttrString(livePtr(this[PYOBJ]), 'tolist');
      if (fn === 0n) raisePythonError(rt);
      try {
        return callPython(rt, fn, []) as NestedArray;
      } finally {
        rt.api.Py_DecRef(fn);
      }
    }
    return readNested(this, meta.dtype, meta.shape);
  }

  toString(): string {
    const rt = runtimeWithGil();
    const s = rt.api.PyObject_Repr(livePtr(this[PYOBJ]));
    if (s === 0n) raisePythonError(rt);
    return fromPython(rt, s, true) as string;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this[PYOBJ].ptr === 0n ? 'CompatArray <disposed>' : this.toString();
  }

  dispose(): void {
    disposeCell(this[PYOBJ]);
  }
  [Symbol.dispose](): void {
    this.dispose();
  }
}

/** Read a contiguous native-order copy's memory and build nested JS arrays (NumPy tolist with ndbridge's element types). */
function readNested(a: CompatArray, dtype: DTypeName, shape: readonly number[]): NestedArray {
  const rt = runtimeWithGil();
  const pair = callPythonRaw(rt, numpyOps(rt).contiguous_native, [a], false);
  try {
    const c = rt.api.PyTuple_GetItem(pair, 0);
    void c;
    const address = BigInt(fromPython(rt, rt.api.PyTuple_GetItem(pair, 1), false) as number | bigint);
    const size = shape.reduce((x, y) => x * y, 1);
    const bytes = size * DTYPES[dtype].itemsize;
    const buf = rt.engine.view(address, bytes).slice().buffer; // copy out while the contiguous array is alive
    const flat = elementsOf(buf, dtype);
    return nest(flat, shape, 0, { i: 0 });
  } finally {
    rt.api.Py_DecRef(pair);
  }
}

function elementsOf(buf: ArrayBuffer, dtype: DTypeName): ArrayLike<Scalar> {
  switch (dtype) {
    case 'bool':
      return Array.from(new Uint8Array(buf), (b) => b !== 0);
    case 'int8':
      return new Int8Array(buf);
    case 'int16':
      return new Int16Array(buf);
    case 'int32':
      return new Int32Array(buf);
    case 'int64':
      return new BigInt64Array(buf);
    case 'uint8':
      return new Uint8Array(buf);
    case 'uint16':
      return new Uint16Array(buf);
    case 'uint32':
      return new Uint32Array(buf);
    case 'uint64':
      return new BigUint64Array(buf);
    case 'float32':
      return new Float32Array(buf);
    case 'float64':
      return new Float64Array(buf);
    case 'complex64':
    case 'complex128': {
      const f = dtype === 'complex64' ? new Float32Array(buf) : new Float64Array(buf);
      const out = new Array<Scalar>(f.length / 2);
      for (let i = 0; i < out.length; i++) out[i] = { re: f[2 * i], im: f[2 * i + 1] };
      return out;
    }
  }
}

function nest(flat: ArrayLike<Scalar>, shape: readonly number[], dim: number, pos: { i: number }): NestedArray {
  if (dim === shape.length) return flat[pos.i++];
  const n = shape[dim];
  const out = new Array<NestedArray>(n);
  for (let k = 0; k < n; k++) out[k] = nest(flat, shape, dim + 1, pos);
  return out;
}

/** A Python slice to build inside an index tuple. */
class PySliceValue {
  constructor(readonly slice: Slice) {}
}

/** Pass a borrowed pointer through the converters (they IncRef it). */
function borrowed(p: Ptr): HasPyObject {
  return borrowedArg(p);
}

/** A NEW tuple for an index, with slices built by PySlice_New. */
function tupleWithSlices(rt: Runtime, items: readonly unknown[]): Ptr {
  const { api } = rt;
  const t = api.PyTuple_New(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    let p: Ptr;
    if (item instanceof PySliceValue) {
      const part = (v: number | null) => (v === null ? 0n : toPython(rt, v));
      const a = part(item.slice.start);
      const b = part(item.slice.stop);
      const c = part(item.slice.step);
      p = api.PySlice_New(a, b, c);
      for (const x of [a, b, c]) if (x !== 0n) api.Py_DecRef(x);
    } else {
      try {
        p = toPython(rt, item);
      } catch (err) {
        api.Py_DecRef(t);
        throw err;
      }
    }
    api.PyTuple_SetItem(t, i, p);
  }
  return t;
}

let ndarrayPtr: Ptr = 0n;
function ndarrayType(rt: Runtime): Ptr {
  if (ndarrayPtr === 0n) ndarrayPtr = rt.api.PyObject_GetAttrString(rt.numpy.module, 'ndarray');
  return ndarrayPtr;
}

/** The Array API standard's versions, oldest first. */
const API_VERSIONS = ['2021.12', '2022.12', '2023.12', '2024.12', '2025.12'];

/**
 * `api_version` for an array of another namespace: Dask's arrays have no __array_namespace__ of their own,
 * so the module's declared `__array_api_version__` decides (that version or an earlier one of the
 * standard's); a module that declares none cannot promise any, and is refused.
 */
function checkApiVersion(ns: CompatNamespace, mod: string, wanted: unknown): void {
  let declared: unknown;
  try {
    declared = (ns as unknown as Record<string, unknown>).__array_api_version__;
  } catch {
    declared = undefined;
  }
  const at = API_VERSIONS.indexOf(String(wanted));
  if (typeof wanted !== 'string' || at < 0) {
    throw new ValueError(`__array_namespace__: unknown api_version ${JSON.stringify(wanted)}; the standard's versions are ${API_VERSIONS.join(', ')}`);
  }
  if (typeof declared !== 'string') {
    throw new ValueError(`__array_namespace__: ${mod} declares no __array_api_version__, so it promises no version; call __array_namespace__() without api_version`);
  }
  const top = API_VERSIONS.indexOf(declared);
  if (top >= 0 && at > top) throw new ValueError(`__array_namespace__: ${mod} implements the Array API ${declared}, not ${wanted}`);
}

/**
 * For an array of another namespace (a Dask array): its values as a NumPy array, computed on the
 * namespace's scheduler (a NEW reference). 0n for anything else (an ndarray is read as it is).
 */
export function computedNamespaceArray(ptr: Ptr): Ptr {
  const rt = runtimeWithGil();
  if (!isNamespaceArray(rt, ptr)) return 0n;
  return callPythonRaw(rt, numpyOps(rt).materialize, [borrowed(ptr)], false);
}

/** True for an array of another namespace (a Dask array): it has values only once computed. */
export function isLazyNamespaceArray(ptr: Ptr): boolean {
  return isNamespaceArray(runtimeWithGil(), ptr);
}

registerArrayFactory((_rt, ptr) => new CompatArray(ptr));
registerArrayCellBrand(CompatArray._isOne);
