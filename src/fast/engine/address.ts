/**
 * Native addresses of fast storage. An ArrayBuffer's address cannot be read from JavaScript without
 * FFI, so the bridge installs a resolver here; until then `__array_interface__` is not available.
 */
import { NotSupportedError } from '../../common/errors.js';

export type AddressResolver = (buffer: ArrayBuffer) => bigint | number;

let resolver: AddressResolver | null = null;

/** Install (or with `null`, remove) the function that returns the native address of an ArrayBuffer. */
export function setAddressResolver(fn: AddressResolver | null): void {
  resolver = fn;
}

/** True once a resolver is installed. */
export function hasAddressResolver(): boolean {
  return resolver !== null;
}

/** Native address of the first byte of `buffer`; throws NotSupportedError when no resolver is set. */
export function addressOf(buffer: ArrayBuffer): bigint | number {
  if (resolver === null) {
    throw new NotSupportedError('bridge.array-interface', 'needs compat/FFI to know addresses (load ndbridge/bridge first)');
  }
  return resolver(buffer);
}
