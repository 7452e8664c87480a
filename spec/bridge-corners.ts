/**
 * The bridge's own corners: every dtype and layout crossing each way between fast and NumPy, lifetimes,
 * DLPack, copy semantics. Each becomes a catalog entry with source 'bridge'.
 */
import { DTYPE_NAMES } from '../src/common/dtypes.js';

const LAYOUTS: ReadonlyArray<readonly [name: string, description: string]> = [
  ['contiguous-2d', 'a C-contiguous 2-d array'],
  ['negative-strides', 'a view with negative strides (a[::-1])'],
  ['non-contiguous', 'a strided view (a[::2])'],
  ['transposed', 'a transposed (Fortran-ordered) 2-d view'],
  ['offset-view', 'a view that starts inside its buffer (a[2:, 1:])'],
  ['zero-d', 'a 0-d array'],
  ['empty', 'an empty array (shape (0, 3))'],
  ['broadcast', 'a broadcast view with zero strides'],
];

export function bridgeCorners(): Array<readonly [id: string, description: string]> {
  const out: Array<readonly [string, string]> = [];
  for (const d of DTYPE_NAMES) {
    out.push([`bridge.numpy-to-fast.${d}`, `a NumPy ${d} array seen from fast: same dtype, shape and elements`]);
    out.push([`bridge.fast-to-numpy.${d}`, `a fast ${d} array seen from NumPy: same dtype, shape and elements`]);
  }
  for (const [name, text] of LAYOUTS) {
    out.push([`bridge.numpy-to-fast.${name}`, `NumPy to fast with ${text}`]);
    out.push([`bridge.fast-to-numpy.${name}`, `fast to NumPy with ${text}`]);
  }
  out.push(
    ['bridge.numpy-to-fast.big-endian', 'a big-endian NumPy array reaches fast with the right values (copy, or error under copy=false)'],
    ['bridge.numpy-to-fast.readonly', 'a read-only NumPy array seen from fast keeps its values'],
    ['bridge.zero-copy.numpy-to-fast', 'fast.asarray(numpy array) shares memory: a write on the NumPy side is visible in fast'],
    ['bridge.zero-copy.fast-to-numpy', 'np.asarray(fast array) shares memory: a write on the fast side is visible in NumPy'],
    ['bridge.copy-false.impossible', 'asarray(x, { copy: false }) raises when a copy is unavoidable (dtype change)'],
    ['bridge.lifetime.fast-keeps-numpy-alive', 'a fast view keeps its NumPy array alive after every Python reference is dropped (forced GC)'],
    ['bridge.lifetime.numpy-keeps-fast-alive', 'a NumPy array over fast memory keeps the buffer alive after the fast array is dropped (forced GC)'],
    ['bridge.lifetime.dispose', 'dispose() of a fast view releases its NumPy owner and is idempotent'],
    ['bridge.dlpack.fast-from-numpy', 'fast.from_dlpack(numpy array) through __dlpack__'],
    ['bridge.dlpack.numpy-from-fast', 'np.from_dlpack(fast array) through the fast array’s __dlpack__'],
    ['bridge.array-interface.fast', "a fast array's __array_interface__ is valid version 3 and NumPy reads it"],
    ['bridge.asarray.typed-array', 'asarray of a Float32Array / BigInt64Array keeps the element type'],
    ['bridge.asarray.scijs-ndarray', 'asarray of a scijs ndarray object (data/shape/stride/offset)'],
    ['bridge.asarray.stdlib-ndarray', 'asarray of an @stdlib/ndarray object'],
    ['bridge.nd.dispatch-to-numpy', 'nd.linalg.svd on a fast array runs on NumPy and returns fast arrays'],
    ['bridge.nd.named-tuple-fields', 'results NumPy returns as named tuples keep their fields: svd(a).U/.S/.Vh, qr(a).Q/.R, eigh(a).eigenvalues'],
    ['bridge.nd.scalar-as-0d', 'a scalar NumPy returns (median, linalg.cond, ptp) comes back as a 0-d array with its dtype, as fast returns them'],
  );
  return out;
}
