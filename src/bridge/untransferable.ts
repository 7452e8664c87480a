/**
 * Memory NumPy may read must stay where it is. An ArrayBuffer whose memory an export hands to Python (a
 * fast array's storage, including a user's TypedArray that `fast.asarray` wrapped without copying) is
 * marked with `markAsUntransferable` (node:worker_threads) at export time. A transfer list naming it then
 * no longer moves (detaches) it: on Node 20 `structuredClone(b, { transfer: [b] })` and
 * `port.postMessage(b, [b])` copy the buffer and leave the original attached; Node 21 and later throw a
 * DataCloneError instead. Either way NumPy never reads freed memory. SharedArrayBuffers cannot be
 * detached and need nothing.
 */
import { markAsUntransferable } from 'node:worker_threads';

/** Mark `buffer` untransferable (idempotent). */
export function keepInPlace(buffer: ArrayBuffer): void {
  markAsUntransferable(buffer);
}
