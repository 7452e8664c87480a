/**
 * Memory layout arithmetic for arrays that cross the bridge: the byte range a strided array touches,
 * contiguity, and the checks that keep every read inside its buffer.
 */
import { ProtocolError } from '../common/errors.js';

/** The bytes an array touches, relative to the address of its first element: [low, high). */
export interface ByteExtent {
  readonly low: number;
  readonly high: number;
}

export { checkViewSize, MAX_VIEW_BYTES, ViewSizeError } from '../compat/ffi/limits.js';

function checkedMul(a: number, b: number, what: string): number {
  const r = a * b;
  if (!Number.isSafeInteger(r)) throw new ProtocolError(what, `size overflows: ${a} * ${b}`);
  return r;
}

/** Number of elements of a shape; throws on overflow. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n = checkedMul(n, shape[i], `shape[${i}]`);
  return n;
}

/**
 * The byte extent of a strided array: the lowest and one-past-the-highest byte touched, relative to the
 * first element. Negative strides reach below the first element. An empty array touches nothing.
 */
export function byteExtent(shape: readonly number[], byteStrides: readonly number[], itemsize: number): ByteExtent {
  if (shape.length !== byteStrides.length) {
    throw new ProtocolError('strides', `has ${byteStrides.length} entries for ${shape.length} dimensions`);
  }
  if (shape.some((d) => d === 0)) return { low: 0, high: 0 };
  let low = 0;
  let high = itemsize;
  for (let i = 0; i < shape.length; i++) {
    const reach = checkedMul(shape[i] - 1, byteStrides[i], `strides[${i}]`);
    if (reach < 0) low += reach;
    else high += reach;
    if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high)) {
      throw new ProtocolError(`strides[${i}]`, 'the array spans more bytes than can be addressed');
    }
  }
  return { low, high };
}

/** C-order byte strides for a shape. */
export function cContiguousStrides(shape: readonly number[], itemsize: number): number[] {
  const strides = new Array<number>(shape.length);
  let s = itemsize;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s = checkedMul(s, Math.max(shape[i], 1), `shape[${i}]`);
  }
  return strides;
}

/** True when the strides describe C order (dimensions of length <= 1 may have any stride, as NumPy). */
export function isCContiguous(shape: readonly number[], byteStrides: readonly number[], itemsize: number): boolean {
  if (shape.some((d) => d === 0)) return true;
  let expected = itemsize;
  for (let i = shape.length - 1; i >= 0; i--) {
    if (shape[i] !== 1 && byteStrides[i] !== expected) return false;
    expected *= shape[i];
  }
  return true;
}

/**
 * Check that an array with this layout stays inside a buffer of `bufferBytes` bytes when its first element
 * sits at `byteOffset`. Throws a ProtocolError naming the stride that leaves the buffer.
 */
export function checkInside(
  shape: readonly number[],
  byteStrides: readonly number[],
  itemsize: number,
  byteOffset: number,
  bufferBytes: number,
): void {
  const { low, high } = byteExtent(shape, byteStrides, itemsize);
  if (low === high) return;
  if (byteOffset + low < 0 || byteOffset + high > bufferBytes) {
    throw new ProtocolError(
      'strides',
      `shape [${shape.join(', ')}] with byte strides [${byteStrides.join(', ')}] from byte offset ${byteOffset} ` +
        `reaches bytes ${byteOffset + low}..${byteOffset + high}, outside the ${bufferBytes}-byte buffer`,
    );
  }
}
