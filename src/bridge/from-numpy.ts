/**
 * NumPy (any Python object with the buffer protocol or `__dlpack__`) -> fast, without copying: a fast
 * array over the very memory, with the same shape, strides and offset, for every layout NumPy produces
 * (non-contiguous, negative strides, zero strides, 0-d, read-only). The view is made over the region of
 * its byte range (native-views.ts): one ArrayBuffer per range, reused while any view of it lives, and one
 * Py_buffer (or consumed DLPack tensor) that keeps the Python object alive until that ArrayBuffer is
 * garbage collected or every view made over it is disposed. Converting an array again costs the same at
 * any size (see fastFromPython).
 */
import { DTYPES, LITTLE_ENDIAN, type DTypeName } from '../common/dtypes.js';
import { CopyRequiredError, DTypeError, PythonError, ValueError } from '../common/errors.js';
import type { Ptr } from '../compat/ffi/index.js';
import { PyBUF } from '../compat/python/capi.js';
import { PYOBJ } from '../compat/python/objects.js';
import { callPythonRaw, fromPython } from '../compat/python/convert.js';
import { borrowedArg } from '../compat/python/objects.js';
import { fetchPythonError, type Runtime } from '../compat/python/runtime.js';
import { FastArray } from '../fast/array.js';
import { Storage } from '../fast/engine/storage.js';
import { byteExtent, isCContiguous, MAX_VIEW_BYTES, ViewSizeError } from './layout.js';
import { importOwner } from './lifetime.js';
import { dtypeOfTypestr } from './protocol.js';
import { openRegion, type Keeper } from './native-views.js';
import { takeSlot } from './py-buffer.js';
import { bridgePython } from './python.js';

export interface ImportOptions {
  /** NumPy 2 semantics: true always copies, false never copies (throws when it would have to), undefined copies only when needed. */
  copy?: boolean | null;
}

/** struct-module format characters of the buffer protocol -> fast dtypes (with their sizes). */
const FORMAT_DTYPES: Readonly<Record<string, DTypeName>> = {
  '?': 'bool',
  b: 'int8',
  B: 'uint8',
  h: 'int16',
  H: 'uint16',
  i: 'int32',
  I: 'uint32',
  l: 'int64',
  L: 'uint64',
  q: 'int64',
  Q: 'uint64',
  f: 'float32',
  d: 'float64',
  Zf: 'complex64',
  Zd: 'complex128',
};

type ParsedFormat = { readonly dtype: DTypeName; readonly native: boolean };
/** Parsed formats by `${itemsize}${format}` (a handful of distinct strings in practice). */
const parsedFormats = new Map<string, ParsedFormat | null>();

/** dtypeOfBufferFormat, remembered. */
function parseFormat(format: string, itemsize: number): ParsedFormat | undefined {
  const key = `${itemsize}${format}`;
  let p = parsedFormats.get(key);
  if (p === undefined) {
    p = dtypeOfBufferFormat(format, itemsize) ?? null;
    if (parsedFormats.size < 256) parsedFormats.set(key, p);
  }
  return p ?? undefined;
}

/** Parse a buffer format such as `'<d'`, `'Zd'`, `'=l'`, `'>i'`. Undefined when fast has no such dtype. */
export function dtypeOfBufferFormat(format: string, itemsize: number): ParsedFormat | undefined {
  const m = /^([@=<>!]?)(Z?[?bBhHiIlLqQfd])$/.exec(format);
  if (!m) return undefined;
  const dtype = FORMAT_DTYPES[m[2]];
  if (dtype === undefined || DTYPES[dtype].itemsize !== itemsize) return undefined;
  const order = m[1];
  const native = itemsize === 1 || order === '' || order === '@' || order === '=' || order === (LITTLE_ENDIAN ? '<' : '>');
  return { dtype, native };
}

interface Described {
  readonly address: bigint;
  readonly dtype: DTypeName;
  readonly native: boolean;
  readonly shape: number[];
  /** Bytes; may be any integers (not multiples of the item size for exotic views). */
  readonly strides: number[];
  readonly readonly: boolean;
}

/**
 * Build the fast view over described memory, or a copy when the layout cannot be viewed. `owner` keeps the
 * memory valid; it is released here (copies, empty arrays, errors, or a region that already has a keeper)
 * or handed to the region.
 */
function viewOrCopy(rt: Runtime, d: Described, owner: Keeper, copy: boolean | null | undefined, what: string): FastArray {
  const itemsize = DTYPES[d.dtype].itemsize;
  const shape = d.shape;
  const viewable = d.native && d.strides.every((s) => s % itemsize === 0);
  if (!viewable) {
    if (copy === false) {
      owner.release();
      throw new CopyRequiredError(
        `${what} cannot be viewed without copying (${d.native ? `strides [${d.strides.join(', ')}] are not multiples of the ${itemsize}-byte item` : 'its bytes are in non-native byte order'}); pass copy: true or leave copy unset`,
      );
    }
    return copyOut(rt, d, owner);
  }
  let extent;
  try {
    extent = byteExtent(shape, d.strides, itemsize);
  } catch (err) {
    owner.release();
    throw err;
  }
  const { low, high } = extent;
  const bytes = high - low;
  // The one size limit, before any view is made: over 4 GiB nothing can hold it; over the engine's own
  // limit (ffi-napi: 1 GiB) a contiguous array is copied in chunks instead of viewed.
  if (bytes > MAX_VIEW_BYTES) {
    owner.release();
    throw new ViewSizeError(bytes, MAX_VIEW_BYTES, what);
  }
  const contiguous = isCContiguous(shape, d.strides, itemsize);
  if (bytes > rt.engine.maxViewBytes || (copy === true && contiguous && bytes > 0)) {
    if (copy === false) {
      owner.release();
      throw new CopyRequiredError(
        `${what} spans ${bytes} bytes, more than the ${rt.engine.name} engine can view (${rt.engine.maxViewBytes} bytes); pass copy: true or leave copy unset to copy it`,
      );
    }
    if (!contiguous) {
      owner.release();
      throw new ViewSizeError(bytes, rt.engine.maxViewBytes, `${what} (not C-contiguous, so it cannot be copied in chunks)`);
    }
    try {
      return copyContiguous(rt, d.address + BigInt(low), d.dtype, shape);
    } finally {
      owner.release();
    }
  }
  const elementStrides = d.strides.map((s) => s / itemsize);
  if (high === low) {
    // Nothing to share: an empty array (with NumPy's strides, which address nothing).
    owner.release();
    return new FastArray(d.dtype, shape, Storage.allocate(d.dtype, 0), 0, elementStrides, null, !d.readonly);
  }
  let region;
  try {
    region = openRegion(rt, d.address + BigInt(low), high - low);
  } catch (err) {
    owner.release();
    throw err;
  }
  const storage = new Storage(d.dtype, region.buffer(), region.byteOffset, (high - low) / itemsize);
  storage.owner = region.attach(owner);
  const array = new FastArray(d.dtype, shape, storage, -low / itemsize, elementStrides, null, !d.readonly);
  return copy === true ? ownedCopy(array) : array;
}

/** Bytes copied per view by copyContiguous (below every engine's view limit). */
const COPY_CHUNK_BYTES = 2 ** 28;

/**
 * A new fast array with the elements of C-contiguous native memory at `address`, copied through views of
 * at most COPY_CHUNK_BYTES (memcpy speed; works above the engine's view limit).
 */
function copyContiguous(rt: Runtime, address: bigint, dtype: DTypeName, shape: readonly number[]): FastArray {
  const size = shape.reduce((a, b) => a * b, 1);
  const out = new FastArray(dtype, shape.slice(), Storage.allocateForOverwrite(dtype, size), 0, null, null, true);
  const st = out.storage;
  const total = size * DTYPES[dtype].itemsize;
  // Buffer#copy is a memcpy; TypedArray#set between two Uint8Arrays measured ~17 s/GiB on Node 20.
  const dst = Buffer.from(st.buffer, st.data.byteOffset, total);
  for (let at = 0; at < total; at += COPY_CHUNK_BYTES) {
    const n = Math.min(COPY_CHUNK_BYTES, total - at);
    const src = rt.engine.view(address + BigInt(at), n);
    Buffer.from(src.buffer, src.byteOffset, n).copy(dst, at);
  }
  return out;
}

/** A fast copy that no longer needs the Python memory. */
function ownedCopy(view: FastArray): FastArray {
  const c = view.copy();
  view.dispose();
  return c;
}

/** Copy bytes out of native memory into a new fast array (byte swapping and odd strides handled). */
function copyOut(rt: Runtime, d: Described, owner: Keeper): FastArray {
  try {
    const itemsize = DTYPES[d.dtype].itemsize;
    const { low, high } = byteExtent(d.shape, d.strides, itemsize);
    const bytes = high > low ? rt.engine.view(d.address + BigInt(low), high - low) : new Uint8Array(0);
    return copyStrided(bytes, -low, d.dtype, d.shape, d.strides, d.native);
  } finally {
    owner.release();
  }
}

/**
 * A new C-order fast array with the elements of a strided array whose element 0 sits at byte `first` of
 * `bytes` (the caller has checked the extent lies inside `bytes`). `native` false swaps each element's bytes
 * (each half of a complex). Strides in bytes, any integers.
 */
export function copyStrided(
  bytes: Uint8Array,
  first: number,
  dtype: DTypeName,
  shape: readonly number[],
  strides: readonly number[],
  native: boolean,
): FastArray {
  const itemsize = DTYPES[dtype].itemsize;
  const out = new FastArray(dtype, shape.slice(), Storage.allocate(dtype, shape.reduce((a, b) => a * b, 1)), 0, null, null, true);
  const total = out.size;
  if (total === 0) return out;
  const dst = new Uint8Array(out.storage.buffer, out.storage.data.byteOffset, out.nbytes);
  if (native && isCContiguous(shape, strides, itemsize)) {
    Buffer.from(bytes.buffer, bytes.byteOffset + first, total * itemsize).copy(Buffer.from(dst.buffer, dst.byteOffset, dst.byteLength));
    return out;
  }
  const part = DTYPES[dtype].kind === 'complex' ? itemsize / 2 : itemsize;
  const n = shape.length;
  const idx = new Array<number>(n).fill(0);
  let k = 0;
  for (let e = 0; e < total; e++) {
    let src = first;
    for (let i = 0; i < n; i++) src += idx[i] * strides[i];
    for (let b = 0; b < itemsize; b++) {
      const partStart = b - (b % part);
      const within = b % part;
      dst[k + b] = bytes[src + (native ? b : partStart + part - 1 - within)];
    }
    k += itemsize;
    for (let i = n - 1; i >= 0; i--) {
      if (++idx[i] < shape[i]) break;
      idx[i] = 0;
    }
  }
  return out;
}

/** Why an object could not be read as an array, with the way out. */
function unreadable(rt: Runtime, obj: Ptr, cause: PythonError): Error {
  const dtypeAttr = rt.api.PyObject_GetAttrString(obj, 'dtype');
  if (dtypeAttr === 0n) {
    rt.api.PyErr_Clear();
    return new DTypeError(`this Python object cannot be viewed as an array (${cause.pythonType}: ${cause.pythonMessage}); convert it with np.asarray first`);
  }
  const name = fromPython(rt, rt.api.PyObject_Str(dtypeAttr), true);
  rt.api.Py_DecRef(dtypeAttr);
  return new DTypeError(
    `NumPy dtype '${String(name)}' has no fast dtype; fast supports ${Object.keys(DTYPES).join(', ')}. ` +
      `Convert it on the NumPy side first (for example x.astype('float64'), or x.view('int64') for datetimes) or keep it in compat.`,
  );
}

/** A fast array over the tensor of `obj.__dlpack__()` (obj BORROWED): `from_dlpack`, and producers without the buffer protocol. */
export function fastFromDlpack(obj: Ptr, copy: boolean | null | undefined): FastArray {
  const py = bridgePython();
  const rt = py.rt;
  const imp = callPythonRaw(rt, py.DLPackImport, [borrowedArg(obj, 'DLPack producer')], false);
  const attr = (name: string): unknown => {
    const p = rt.api.PyObject_GetAttrString(imp, name);
    if (p === 0n) throw fetchPythonError(rt);
    return fromPython(rt, p, true);
  };
  const typestrFn = rt.api.PyObject_GetAttrString(imp, 'typestr');
  const typestr = String(fromPython(rt, callPythonRaw(rt, typestrFn, [], false), true));
  rt.api.Py_DecRef(typestrFn);
  const owner = importOwner((r) => {
    const rel = r.api.PyObject_GetAttrString(imp, 'release');
    if (rel !== 0n) {
      const res = r.api.PyObject_CallNoArgs(rel);
      if (res !== 0n) r.api.Py_DecRef(res);
      else r.api.PyErr_Clear();
      r.api.Py_DecRef(rel);
    } else r.api.PyErr_Clear();
    r.api.Py_DecRef(imp);
  });
  let parsed: { dtype: DTypeName; native: boolean };
  try {
    parsed = dtypeOfTypestr(typestr);
  } catch (err) {
    owner.release();
    throw err;
  }
  const shape = (attr('shape') as number[]).map(Number);
  const itemsize = DTYPES[parsed.dtype].itemsize;
  const stridesAttr = attr('strides') as number[] | null;
  let strides: number[];
  if (stridesAttr === null) {
    strides = new Array<number>(shape.length);
    let s = itemsize;
    for (let i = shape.length - 1; i >= 0; i--) {
      strides[i] = s;
      s *= Math.max(shape[i], 1);
    }
  } else strides = stridesAttr.map(Number);
  const address = BigInt(attr('address') as number | bigint);
  const d: Described = { address, dtype: parsed.dtype, native: parsed.native, shape, strides, readonly: attr('readonly') === true };
  return viewOrCopy(rt, d, owner, copy, 'the DLPack tensor');
}

/**
 * A fast array over the memory of the Python object `obj` (BORROWED). Reads the buffer protocol; falls
 * back to `__dlpack__`. Throws DTypeError for dtypes fast lacks (object, datetime, strings, float16...).
 *
 * Cost, for an array whose byte range already has a live region (the same array converted again): one
 * GetBuffer, 1 + 2·ndim small reads (format, shape, strides; the struct itself is read from JS), one
 * PyBuffer_Release, and the JS objects of the view; nothing grows with the array's size.
 *
 * `keeper`, when given, keeps the memory valid instead of the Py_buffer (which is then released at once):
 * nd's pooled results (result-pool.ts).
 */
export function fastFromPython(obj: Ptr, options: ImportOptions = {}, keeper?: Keeper): FastArray {
  const { rt } = bridgePython();
  const { api, engine } = rt;
  const slot = takeSlot(rt);
  const view = slot.ptr;
  let readonly = false;
  if (api.PyObject_GetBuffer(obj, view, PyBUF.RECORDS) !== 0) {
    api.PyErr_Clear();
    readonly = true;
    if (api.PyObject_GetBuffer(obj, view, PyBUF.RECORDS_RO) !== 0) {
      const cause = fetchPythonError(rt);
      slot.release();
      if (api.PyObject_HasAttrString(obj, '__dlpack__') === 1) {
        try {
          return fastFromDlpack(obj, options.copy);
        } catch (err) {
          if (err instanceof PythonError) throw unreadable(rt, obj, err);
          throw err;
        }
      }
      throw unreadable(rt, obj, cause);
    }
  }
  slot.held = true;
  const itemsize = slot.itemsize;
  const ndim = slot.ndim;
  const formatPtr = slot.format;
  const format = formatPtr === 0n ? 'B' : engine.readUtf8(formatPtr);
  const parsed = parseFormat(format, itemsize);
  if (parsed === undefined) {
    slot.release();
    throw unreadable(rt, obj, new PythonError('TypeError', `buffer format '${format}'`, ''));
  }
  const shape = new Array<number>(ndim);
  const strides = new Array<number>(ndim);
  if (ndim > 0) {
    const shapePtr = slot.shape;
    const stridesPtr = slot.strides;
    for (let i = 0; i < ndim; i++) {
      shape[i] = Number(engine.readI64(shapePtr, 8 * i));
      strides[i] = Number(engine.readI64(stridesPtr, 8 * i));
    }
  }
  const d: Described = {
    address: slot.buf,
    dtype: parsed.dtype,
    native: parsed.native,
    shape,
    strides,
    readonly: readonly || slot.readonly,
  };
  if (keeper === undefined) return viewOrCopy(rt, d, slot, options.copy, 'this NumPy array');
  slot.release();
  return viewOrCopy(rt, d, keeper, options.copy, 'this NumPy array');
}
