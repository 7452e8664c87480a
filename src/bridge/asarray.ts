/**
 * `asarray` across runtimes: anything array-like to a fast array (`toFast`, exported as `asarray`) or to a
 * NumPy array (`toNumpy`), without copying whenever the memory can be shared, with NumPy 2's `copy`
 * semantics (true: always copy; false: never copy, throw CopyRequiredError when a copy is unavoidable;
 * unset: copy only when needed).
 */
import type { DTypeName } from '../common/dtypes.js';
import { z } from 'zod';
import { CopyRequiredError, ProtocolError } from '../common/errors.js';
import type { NestedArray } from '../common/ndarray.js';
import { livePtr, PYOBJ, type HasPyObject } from '../compat/python/objects.js';
import { numpy, type CompatArray } from '../compat/index.js';
import { computedNamespaceArray, isLazyNamespaceArray } from '../compat/numpy/compat-array.js';
import { FastArray } from '../fast/array.js';
import { asarray as fastAsarray, type AsarrayInput } from '../fast/creation/creation.js';
import { setForeignArrayImporter } from '../fast/interop.js';
import { registerForeignObjectConverter } from '../compat/python/convert.js';
import { Storage } from '../fast/engine/storage.js';
import { DTYPES } from '../common/dtypes.js';
import { fromScijs, fromStdlib, isScijsNdarray, isStdlibNdarray, type StridedSource } from './duck.js';
import { copyStrided, fastFromPython } from './from-numpy.js';
import { checkViewSize } from './layout.js';
import { isBufferBackedInterface, parseArrayInterface, parseBufferInterface } from './protocol.js';
import { openRegion } from './native-views.js';
import { bridgePython } from './python.js';
import { installFastToPython } from './to-numpy.js';
import { installDlpack } from './dlpack.js';
import { installHugePages } from './huge-pages.js';

installFastToPython();
installDlpack();
installHugePages();
setForeignArrayImporter((obj, dtype, copy) => (recognised(obj) ? toFast(obj as ArrayLikeInput, { ...(dtype === undefined ? {} : { dtype }), ...(copy === undefined ? {} : { copy }) }) : undefined));
// scijs and stdlib ndarrays passed to any NumPy function cross as fast views of their memory (no copy).
registerForeignObjectConverter((v) =>
  isScijsNdarray(v) || isStdlibNdarray(v) ? (toFast(v as ArrayLikeInput) as unknown as HasPyObject) : undefined,
);

export interface AsarrayOptions {
  /** NumPy 2 copy semantics (see module doc). */
  copy?: boolean | null;
  /** Convert to this dtype (a copy when it differs). */
  dtype?: DTypeName;
  /**
   * Opt in to an `__array_interface__` that names memory by raw address (`data: [address, readonly]`).
   * Without it such objects are refused: a plain object (JSON.parse output included) must not be able to
   * name memory. See RawPointerOptions.
   */
  rawPointer?: RawPointerOptions;
}

/**
 * The explicit opt-in for raw-pointer `__array_interface__` providers. The caller vouches that the memory
 * stays valid for as long as the returned array, every view of it and every buffer handed out from it live
 * (the bridge keeps the provider object, and `owner`, reachable for that long, nothing more).
 */
export interface RawPointerOptions {
  /** Must be `true`: "I vouch for this address". */
  readonly trust: true;
  /** Allow writes through the view (default false: read-only, whatever the interface's readonly flag says). */
  readonly writable?: boolean;
  /**
   * The JS memory the address points into, when known: every element must lie inside it (ProtocolError
   * otherwise), and it is kept alive with the view.
   */
  readonly owner?: ArrayBuffer | ArrayBufferView;
}

const rawPointerSchema = z
  .object({
    trust: z.literal(true, { message: 'must be true: rawPointer is an explicit opt-in' }),
    writable: z.boolean().optional(),
    owner: z
      .custom<ArrayBuffer | ArrayBufferView>((v) => v instanceof ArrayBuffer || ArrayBuffer.isView(v), 'an ArrayBuffer, TypedArray or DataView')
      .optional(),
  })
  .strict();

function checkRawPointerOptions(options: unknown): RawPointerOptions {
  const r = rawPointerSchema.safeParse(options);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new TypeError(`asarray options.rawPointer${i?.path.length ? `.${i.path.join('.')}` : ''}: ${i?.message ?? 'invalid'}`);
  }
  return r.data as RawPointerOptions;
}

/** What `asarray` accepts. */
export type ArrayLikeInput =
  | FastArray
  | CompatArray
  | HasPyObject
  | ArrayBufferView
  | NestedArray
  | { readonly __array_interface__: unknown }
  | { readonly data: unknown; readonly shape: readonly number[] };

/** Objects toFast reads that fast.asarray cannot read by itself. */
function recognised(obj: object): boolean {
  return hasPy(obj) || '__array_interface__' in obj || isStdlibNdarray(obj) || isScijsNdarray(obj);
}

function hasPy(x: unknown): x is HasPyObject {
  return (typeof x === 'object' || typeof x === 'function') && x !== null && !(x instanceof FastArray) && PYOBJ in x;
}

function fromStrided(src: StridedSource): FastArray {
  const itemsize = DTYPES[src.dtype].itemsize;
  const length = Math.floor((src.buffer.byteLength - src.byteOffset) / itemsize);
  return new FastArray(src.dtype, src.shape, new Storage(src.dtype, src.buffer, src.byteOffset, length), src.offset, src.strides, null, true);
}

/** A fast array over a validated buffer-backed interface (zero-copy when the layout allows). */
function fromBufferInterface(raw: unknown, copy: boolean | null | undefined): FastArray {
  const layout = parseBufferInterface(raw);
  const { dtype, itemsize, low, high } = layout;
  if (high === low) {
    return new FastArray(dtype, layout.shape, Storage.allocate(dtype, 0), 0, layout.shape.map(() => 0), null, !layout.readonly);
  }
  const viewable = layout.nativeByteOrder && layout.byteStrides.every((s) => s % itemsize === 0) && (layout.byteOffset + low) % itemsize === 0;
  if (!viewable) {
    if (copy === false) throw new CopyRequiredError('this __array_interface__ (byte order, strides or alignment) cannot be viewed without copying; pass copy: true or leave copy unset');
    return copyStrided(new Uint8Array(layout.buffer), layout.byteOffset, dtype, layout.shape, layout.byteStrides, layout.nativeByteOrder);
  }
  const storage = new Storage(dtype, layout.buffer, layout.byteOffset + low, (high - low) / itemsize);
  return new FastArray(dtype, layout.shape, storage, -low / itemsize, layout.byteStrides.map((s) => s / itemsize), null, !layout.readonly);
}

/** A fast view over a raw-pointer interface the caller opted in to (read-only unless `writable`); a copy when fast cannot view the layout. */
function fromRawInterface(obj: object, raw: unknown, trust: RawPointerOptions, copy: boolean | null | undefined): FastArray {
  const layout = parseArrayInterface(raw);
  const writable = trust.writable === true && !layout.readonly;
  const { dtype, itemsize, low, high } = layout;
  const { rt } = bridgePython();
  if (trust.owner !== undefined) {
    const o = trust.owner;
    const base = rt.engine.addressOf(o);
    const from = layout.address + BigInt(low);
    const to = layout.address + BigInt(high);
    // An empty array names no byte, but its address must still be within (or at the end of) its owner.
    if ((o.byteLength === 0 && high > low) || from < base || to > base + BigInt(o.byteLength)) {
      throw new ProtocolError(
        '__array_interface__.data.0',
        `the array spans bytes ${from}..${to}, outside its owner (${o.byteLength} bytes at ${base}${o.byteLength === 0 ? ', detached or empty' : ''})`,
      );
    }
  }
  if (high === low) {
    return new FastArray(dtype, layout.shape, Storage.allocate(dtype, 0), 0, layout.shape.map(() => 0), null, writable);
  }
  checkViewSize(high - low, rt.engine.maxViewBytes, 'this __array_interface__');
  const viewable = layout.nativeByteOrder && layout.byteStrides.every((s) => s % itemsize === 0) && layout.address % BigInt(itemsize) === 0n;
  if (!viewable) {
    if (copy === false) {
      throw new CopyRequiredError('this __array_interface__ (byte order, strides or alignment) cannot be viewed without copying; pass copy: true or leave copy unset');
    }
    return copyStrided(rt.engine.view(layout.address + BigInt(low), high - low), -low, dtype, layout.shape, layout.byteStrides, layout.nativeByteOrder);
  }
  const region = openRegion(rt, layout.address + BigInt(low), high - low);
  // The provider (and owner) vouch for the memory: keep them reachable for as long as the buffer is.
  region.keepProvider(obj);
  if (trust.owner !== undefined) region.keepProvider(trust.owner);
  const storage = new Storage(dtype, region.buffer(), region.byteOffset, (high - low) / itemsize);
  return new FastArray(dtype, layout.shape, storage, -low / itemsize, layout.byteStrides.map((s) => s / itemsize), null, writable);
}

/**
 * An object with `__array_interface__`: the buffer-backed form is verified and viewed; the raw-pointer form
 * only with the rawPointer opt-in.
 */
function fromInterface(obj: { readonly __array_interface__: unknown }, options: AsarrayOptions): FastArray {
  const raw: unknown = obj.__array_interface__;
  if (isBufferBackedInterface(raw)) return fromBufferInterface(raw, options.copy);
  if (options.rawPointer === undefined) {
    // Validate first, so a malformed dict is reported by its bad field.
    parseArrayInterface(raw);
    throw new ProtocolError(
      '__array_interface__.data',
      'a raw memory address from a JavaScript object is not trusted: any object (JSON.parse output too) could name ' +
        'freed or foreign memory. Pass the memory itself (data: an ArrayBuffer or TypedArray, with offset in bytes), a ' +
        'NumPy array, a fast array or a DLPack producer; or, if you vouch for the address, opt in with ' +
        'asarray(obj, { rawPointer: { trust: true, owner?, writable? } }) (read-only unless writable: true).',
    );
  }
  return fromRawInterface(obj, raw, checkRawPointerOptions(options.rawPointer), options.copy);
}

function withOptions(a: FastArray, shared: boolean, options: AsarrayOptions): FastArray {
  let out = a;
  if (options.dtype !== undefined && options.dtype !== out.dtype) {
    if (options.copy === false) throw new CopyRequiredError(`converting ${out.dtype} to ${options.dtype} needs a copy; pass copy: true or leave copy unset`);
    return out.astype(options.dtype);
  }
  if (options.copy === true && shared) out = out.copy();
  return out;
}

/**
 * Any array-like to a fast array. NumPy arrays (CompatArray, any Python object with the buffer protocol or
 * `__dlpack__`), objects with `__array_interface__`, scijs `ndarray` and `@stdlib/ndarray` arrays, and
 * TypedArrays are viewed without copying; nested JS arrays and scalars are copied (so `copy: false`
 * refuses them).
 */
export function toFast(obj: ArrayLikeInput, options: AsarrayOptions = {}): FastArray {
  if (obj instanceof FastArray) return withOptions(obj, true, options);
  if (hasPy(obj)) {
    const ptr = livePtr(obj[PYOBJ]);
    // a lazy array of another namespace (compat.namespace('dask.array')) is computed first
    if (options.copy === false && isLazyNamespaceArray(ptr)) {
      throw new CopyRequiredError('this array of another namespace (a lazy Dask array) has no memory to share: computing it makes a new array; pass copy: true or leave copy unset');
    }
    const computed = computedNamespaceArray(ptr);
    let a: FastArray;
    try {
      a = fastFromPython(computed === 0n ? ptr : computed, { copy: options.dtype !== undefined ? options.copy ?? null : options.copy });
    } finally {
      if (computed !== 0n) bridgePython().rt.api.Py_DecRef(computed);
    }
    return options.dtype !== undefined ? withOptions(a, false, options) : a;
  }
  if (typeof obj === 'object' && obj !== null && !Array.isArray(obj) && !ArrayBuffer.isView(obj)) {
    if ('__array_interface__' in obj) return withOptions(fromInterface(obj, options), true, options);
    if (isStdlibNdarray(obj)) return withOptions(fromStrided(fromStdlib(obj)), true, options);
    if (isScijsNdarray(obj)) return withOptions(fromStrided(fromScijs(obj)), true, options);
  }
  if (ArrayBuffer.isView(obj)) {
    const a = fastAsarray(obj, options.dtype === undefined ? {} : { dtype: options.dtype });
    // buffer and offset (small fast results share slabs)
    const shared = a.storage.data.buffer === obj.buffer && a.storage.data.byteOffset === obj.byteOffset;
    if (!shared && options.copy === false) {
      throw new CopyRequiredError(
        `this ${obj.constructor.name} cannot be shared${options.dtype ? ` as ${options.dtype}` : ''} (resizable or shared buffer, or a dtype change); pass copy: true or leave copy unset`,
      );
    }
    return options.copy === true && shared ? a.copy() : a;
  }
  if (options.copy === false) {
    throw new CopyRequiredError('nested JS arrays and scalars are always copied into a new array; pass copy: true or leave copy unset');
  }
  return fastAsarray(obj as AsarrayInput, options.dtype === undefined ? {} : { dtype: options.dtype });
}

/**
 * Any array-like to a NumPy array (CompatArray). Fast arrays are shared without copying (lazy ones are
 * computed first); their memory stays alive while NumPy holds any array over it.
 */
export function toNumpy(obj: ArrayLikeInput, options: AsarrayOptions = {}): CompatArray {
  const np = numpy();
  // A fast array's memory is always viewable by NumPy, so copy false, null and unset all mean "share": no
  // keyword dict to build on the common path.
  if (obj instanceof FastArray && options.dtype === undefined && options.copy !== true) return np.asarray(obj as never) as CompatArray;
  const kw: Record<string, unknown> = {};
  if (options.dtype !== undefined) kw.dtype = options.dtype;
  if (options.copy !== undefined && options.copy !== null) kw.copy = options.copy;
  if (obj instanceof FastArray || hasPy(obj)) return np.asarray(obj as never, kw) as CompatArray;
  return np.asarray(toFast(obj, { copy: options.copy === true ? null : options.copy }) as never, kw) as CompatArray;
}
