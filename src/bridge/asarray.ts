/**
 * `asarray` across runtimes: anything array-like to a fast array (`toFast`, exported as `asarray`) or to a
 * NumPy array (`toNumpy`), without copying whenever the memory can be shared, with NumPy 2's `copy`
 * semantics (true: always copy; false: never copy, throw CopyRequiredError when a copy is unavoidable;
 * unset: copy only when needed).
 */
import type { DTypeName } from '../common/dtypes.js';
import { CopyRequiredError } from '../common/errors.js';
import type { NestedArray } from '../common/ndarray.js';
import { livePtr, PYOBJ, type HasPyObject } from '../compat/python/objects.js';
import { numpy, type CompatArray } from '../compat/index.js';
import { FastArray } from '../fast/array.js';
import { asarray as fastAsarray, type AsarrayInput } from '../fast/creation.js';
import { setForeignArrayImporter } from '../fast/interop.js';
import { registerForeignObjectConverter } from '../compat/python/convert.js';
import { Storage } from '../fast/storage.js';
import { DTYPES } from '../common/dtypes.js';
import { fromScijs, fromStdlib, isScijsNdarray, isStdlibNdarray, type StridedSource } from './duck.js';
import { fastFromPython } from './from-numpy.js';
import { parseArrayInterface } from './protocol.js';
import { openRegion } from './native-views.js';
import { bridgePython } from './python.js';
import { installFastToPython } from './to-numpy.js';
import { installDlpack } from './dlpack.js';

installFastToPython();
installDlpack();
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

function fromInterface(obj: { readonly __array_interface__: unknown }): FastArray {
  const layout = parseArrayInterface(obj.__array_interface__);
  const { rt } = bridgePython();
  if (!layout.nativeByteOrder) throw new CopyRequiredError('non-native byte order');
  if (layout.high === layout.low) {
    return new FastArray(layout.dtype, layout.shape, Storage.allocate(layout.dtype, 0), 0, layout.shape.map(() => 0), null, !layout.readonly);
  }
  if (layout.byteStrides.some((s) => s % layout.itemsize !== 0)) throw new CopyRequiredError('strides that are not multiples of the item size');
  const region = openRegion(rt, layout.address + BigInt(layout.low), layout.high - layout.low);
  // The provider owns the memory: keep it reachable for as long as the buffer is (once per provider).
  region.keepProvider(obj);
  const storage = new Storage(layout.dtype, region.buffer(), region.byteOffset, (layout.high - layout.low) / layout.itemsize);
  return new FastArray(
    layout.dtype,
    layout.shape,
    storage,
    -layout.low / layout.itemsize,
    layout.byteStrides.map((s) => s / layout.itemsize),
    null,
    !layout.readonly,
  );
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
    const a = fastFromPython(livePtr(obj[PYOBJ]), { copy: options.dtype !== undefined ? options.copy ?? null : options.copy });
    return options.dtype !== undefined ? withOptions(a, false, options) : a;
  }
  if (typeof obj === 'object' && obj !== null && !Array.isArray(obj) && !ArrayBuffer.isView(obj)) {
    if ('__array_interface__' in obj) {
      try {
        return withOptions(fromInterface(obj), true, options);
      } catch (err) {
        if (err instanceof CopyRequiredError && options.copy !== false) {
          // Let NumPy copy it into a layout fast can view.
          return toFast(numpy().array(obj as never), { ...options, copy: null });
        }
        if (err instanceof CopyRequiredError) throw new CopyRequiredError(`this __array_interface__ has ${err.message}; it cannot be viewed without copying`);
        throw err;
      }
    }
    if (isStdlibNdarray(obj)) return withOptions(fromStrided(fromStdlib(obj)), true, options);
    if (isScijsNdarray(obj)) return withOptions(fromStrided(fromScijs(obj)), true, options);
  }
  if (ArrayBuffer.isView(obj)) {
    const a = fastAsarray(obj, options.dtype === undefined ? {} : { dtype: options.dtype });
    const shared = a.storage.buffer === obj.buffer;
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
