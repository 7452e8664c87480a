/** Storage types shared by the kernels (fast's conventions; see each kernel module). */

/** Typed arrays fast stores elements in (complex: interleaved float arrays, bool: Uint8Array). */
export type KernelArray =
  | Uint8Array
  | Int8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array
  | Float32Array
  | Float64Array;

/** Typed arrays holding plain JS numbers (everything but the 64-bit integer arrays). */
export type NumberArray = Exclude<KernelArray, BigInt64Array | BigUint64Array>;

/** True for BigInt64Array / BigUint64Array (int64 / uint64 storage). */
export function isBigIntArray(x: KernelArray): x is BigInt64Array | BigUint64Array {
  return x instanceof BigInt64Array || x instanceof BigUint64Array;
}
