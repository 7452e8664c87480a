/**
 * An optional hook called on every fresh large ArrayBuffer the engine allocates for a result, before
 * anything writes to it. Writing into fresh memory costs a page fault per 4 KiB page; on Linux the
 * bridge installs a hook that asks the kernel for transparent huge pages (madvise MADV_HUGEPAGE, as
 * NumPy does for its allocations of 4 MiB and more), 512 times fewer faults. fast knows nothing of FFI:
 * without a hook (no bridge, a browser) it allocates as before.
 */

export type FreshBufferHook = (buffer: ArrayBuffer) => void;

/** Fresh buffers of at least this many bytes go through the hook (NumPy's huge-page threshold). */
export const FRESH_HOOK_MIN_BYTES = 4 * (1 << 20);

let hook: FreshBufferHook | null = null;

/** Install (or with `null`, remove) the hook. It must not throw; one that throws is removed. */
export function setFreshBufferHook(fn: FreshBufferHook | null): void {
  hook = fn;
}

/** True while a hook is installed. */
export function hasFreshBufferHook(): boolean {
  return hook !== null;
}

/** Calls the hook on a fresh buffer of FRESH_HOOK_MIN_BYTES or more (the allocation path of Storage). */
export function freshBuffer(buffer: ArrayBuffer): ArrayBuffer {
  if (hook !== null && buffer.byteLength >= FRESH_HOOK_MIN_BYTES) {
    try {
      hook(buffer);
    } catch {
      // an advice, never a requirement: a hook that fails once is not asked again
      hook = null;
    }
  }
  return buffer;
}
