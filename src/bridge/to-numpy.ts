/**
 * fast -> NumPy without copying. A fast array crosses to Python as a `FastMemory` object (see
 * python-side.ts) describing its ArrayBuffer through `__array_interface__` and `__dlpack__`; NumPy arrays
 * made from it keep it as their base, and the export registry keeps the ArrayBuffer alive for as long as
 * Python refers to it (lifetime.ts).
 *
 * Installing this module teaches compat to accept fast arrays anywhere: FastArray gets the `PYOBJ` key
 * compat reads for "this JS object is that Python object", so `np.add(fastArray, 1)`, `np.asarray(fastArray)`
 * and `np.from_dlpack(fastArray)` all see fast memory directly.
 */
import { typestrOf } from '../common/dtypes.js';
import { getEngine, type Ptr } from '../compat/ffi/index.js';
import { tupleOf } from '../compat/python/convert.js';
import { raisePythonError } from '../compat/python/runtime.js';
import type { PyCell } from '../compat/python/objects.js';
import { FastArray } from '../fast/array.js';
import { describeArray, detachedError, isDetached } from '../fast/engine/detached.js';
import { keepInPlace } from './untransferable.js';
import { setAddressResolver } from '../fast/engine/address.js';
import { cellFor, exports, PYOBJ } from './lifetime.js';
import { isCContiguous } from './layout.js';
import { bridgePython } from './python.js';

const cache = new WeakMap<FastArray, PyCell>();

/** The native address of an ArrayBuffer's first byte (through the FFI engine; does not boot Python). */
function bufferAddress(buffer: ArrayBuffer): bigint {
  return getEngine().addressOf(buffer);
}

/**
 * A Python `FastMemory` over `a`'s memory (forcing a lazy array first). The returned cell is owned by the
 * export registry; do not release it. Repeated calls for the same array reuse one object while Python
 * still refers to it.
 */
export function pythonObjectOf(a: FastArray): PyCell {
  const hit = cache.get(a);
  if (hit !== undefined && hit.ptr !== 0n) return hit;
  const st = a.storage; // forces
  const py = bridgePython();
  const itemsize = a.itemsize;
  // st.buffer, not st.data.buffer: reading it takes the buffer out of fast's recycling (NumPy may use it
  // after the storage is collected). For a storage over imported memory it also counts as a hand-out, so
  // the region's Python owner then waits for garbage collection of the buffer.
  const buffer = st.buffer;
  // Transferred (structuredClone / postMessage) or otherwise detached before this export: no memory to share.
  if (isDetached(st.data, st.length)) throw detachedError(describeArray(a));
  // From here NumPy may read this memory for as long as it likes: a transfer of the buffer (which would
  // detach it and free the memory under NumPy once collected) must copy it instead.
  keepInPlace(buffer);
  const address = py.rt.engine.addressOf(buffer) + BigInt(st.data.byteOffset + a.offset * itemsize);
  const strides = isCContiguous(a.shape, a.strides, itemsize) ? null : a.strides;
  // Built with PyObject_Call and a fresh tuple, not compat's call path: this runs while compat may be in
  // the middle of packing another call's arguments (this getter is how compat reads a fast argument), and
  // that path reuses one argument vector.
  const args = tupleOf(py.rt, [a.shape.slice(), typestrOf(a.dtype), address, !a.writeable, strides === null ? null : strides.slice()]);
  const ptr: Ptr = py.rt.api.PyObject_Call(py.FastMemory, args, 0n);
  py.rt.api.Py_DecRef(args);
  if (ptr === 0n) raisePythonError(py.rt);
  const cell = cellFor(ptr, `FastArray(${a.dtype}, [${a.shape.join(', ')}])`);
  exports.add(py.rt, cell, buffer);
  cache.set(a, cell);
  return cell;
}

let installed = false;

/** Give FastArray its Python identity and fast storage its native addresses. Idempotent. */
export function installFastToPython(): void {
  if (installed) return;
  installed = true;
  Object.defineProperty(FastArray.prototype, PYOBJ, {
    configurable: true,
    enumerable: false,
    get(this: FastArray): PyCell {
      return pythonObjectOf(this);
    },
  });
  setAddressResolver(bufferAddress);
}
