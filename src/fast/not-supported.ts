/**
 * Corners of the Array API standard (and of NumPy) that fast does not implement are still names in the
 * fast namespace: calling one throws `NotSupportedError` naming the catalog corner, so users get the way
 * out in the message, the conformance report shows `unsupported`, and `nd` routes the call to NumPy.
 */
import { NotSupportedError } from '../common/errors.js';

/** A function that always throws `NotSupportedError(corner)`; `detail` says why or what fast offers instead. */
export function notSupported(corner: string, detail?: string): (...args: readonly unknown[]) => never {
  const fn = (): never => {
    throw new NotSupportedError(corner, detail);
  };
  Object.defineProperty(fn, 'name', { value: corner.slice(corner.lastIndexOf('.') + 1) });
  Object.defineProperty(fn, 'notSupported', { value: corner });
  return fn;
}

/** True for the functions made by `notSupported` (nd uses it to go straight to NumPy). */
export function isNotSupported(fn: unknown): boolean {
  return typeof fn === 'function' && typeof (fn as { notSupported?: unknown }).notSupported === 'string';
}
