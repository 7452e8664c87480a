/**
 * The one size limit on views of native memory, checked by both engines' `view()` before any ArrayBuffer is
 * made, so that no path (the bridge, compat's copies, DLPack, `__array_interface__`) can reach V8's own
 * limit: on Node 20 an external ArrayBuffer over 4 GiB is a fatal V8 error (SIGABRT), not an exception.
 * ffi-napi's ref-napi cannot wrap 1 GiB or more at all (it clamps the length), so that engine's limit is
 * lower; the bridge copies such arrays in chunks instead of viewing them (from-numpy.ts).
 */
import { ValueError } from '../../common/errors.js';

/** The largest view any engine makes: 4 GiB - 1 byte (V8 on Node 20 aborts above 4 GiB). */
export const MAX_VIEW_BYTES = 2 ** 32 - 1;

/** ffi-napi's limit: ref-napi clamps the length of the memory it wraps to 2^30 - 1 bytes. */
export const FFI_NAPI_MAX_VIEW_BYTES = 2 ** 30 - 1;

/**
 * Thrown for a view (or a copy into one JS buffer) larger than the limit: a ValueError naming the size, the
 * limit and the way out.
 */
export class ViewSizeError extends ValueError {
  override name = 'ViewSizeError';
  constructor(
    readonly bytes: number,
    readonly limit: number,
    what: string,
  ) {
    super(
      `${what} spans ${bytes} bytes, over the ${limit}-byte limit of one view of native memory ` +
        `(${limit === MAX_VIEW_BYTES ? 'Node 20 cannot make an ArrayBuffer view over 4 GiB' : "the ffi-napi engine's ref-napi cannot wrap 1 GiB or more"}). ` +
        'Split it on the NumPy side (x[i:j]) and convert the parts' +
        (limit === MAX_VIEW_BYTES ? '.' : ', or pass copy: true (or leave copy unset) to copy it.'),
    );
  }
}

/** Throw ViewSizeError unless `bytes` is a non-negative safe integer no larger than `limit`. */
export function checkViewSize(bytes: number, limit: number, what: string): void {
  if (!Number.isSafeInteger(bytes) || bytes < 0) throw new ValueError(`${what}: invalid byte length ${bytes}`);
  if (bytes > limit) throw new ViewSizeError(bytes, limit, what);
}
