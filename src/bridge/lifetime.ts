/**
 * Lifetimes across the bridge. Memory is never freed while the other side can still see it.
 *
 * fast -> NumPy (`ExportRegistry`): each export is a Python `FastMemory` object over an ArrayBuffer. The
 * registry holds one Python reference to it and the ArrayBuffer itself. While any NumPy array (or anything
 * else in Python) refers to the FastMemory, its reference count is above one and the ArrayBuffer stays
 * reachable from here. `sweep()` drops the entries Python no longer refers to; it runs on every export
 * (bounded work), on a timer while entries exist, and on demand (`releaseUnused()`), so memory stays bounded
 * in synchronous loops that never let garbage collection run.
 *
 * NumPy -> fast (`ImportOwner`): a fast view of Python memory owns a Python resource (a Py_buffer, or a
 * consumed DLPack tensor). It is released when the view's ArrayBuffer is garbage collected (a
 * FinalizationRegistry on the ArrayBuffer, which every typed array over it keeps alive) or earlier with
 * `dispose()`.
 */
import type { Ptr } from '../compat/ffi/index.js';
import { acquireGil, GIL } from '../compat/python/gil.js';
import { PYOBJ, type PyCell } from '../compat/python/objects.js';
import { peekRuntime, type Runtime } from '../compat/python/runtime.js';
import type { StorageOwner } from '../fast/storage.js';
import { refcount } from './python.js';

interface ExportEntry {
  /** The FastMemory object; the registry owns one reference. `cell.ptr` is 0n once released. */
  readonly cell: PyCell;
  /** Kept reachable so the memory outlives Python's use of it. */
  readonly buffer: ArrayBuffer;
  /** Creation order. */
  readonly seq: number;
}

const SWEEP_BATCH = 64;
const SWEEP_INTERVAL_MS = 1000;
/**
 * Exports are made while compat packs a call's arguments, and a positional argument slot holds a borrowed
 * reference: an export made for argument 0 has a reference count of one until the call runs. The sweep that
 * runs on each new export therefore never touches the most recent exports (far more than any call has
 * arguments); the timer and `releaseUnused()`, which run outside calls, sweep everything.
 */
const PROTECTED_RECENT = 256;

class ExportRegistry {
  private readonly entries: ExportEntry[] = [];
  private cursor = 0;
  private nextSeq = 0;
  private timer: NodeJS.Timeout | undefined;

  get size(): number {
    return this.entries.length;
  }

  add(rt: Runtime, cell: PyCell, buffer: ArrayBuffer): void {
    this.sweep(rt, SWEEP_BATCH, this.nextSeq - PROTECTED_RECENT);
    this.entries.push({ cell, buffer, seq: this.nextSeq++ });
    if (this.timer === undefined) {
      this.timer = setInterval(() => {
        const r = peekRuntime();
        if (r) this.sweep(r, this.entries.length);
      }, SWEEP_INTERVAL_MS);
      this.timer.unref();
    }
  }

  /**
   * Release up to `budget` entries Python no longer refers to, among those created before `beforeSeq`.
   * Returns how many were released.
   */
  sweep(rt: Runtime, budget: number, beforeSeq = Number.POSITIVE_INFINITY): number {
    const list = this.entries;
    if (list.length === 0) return 0;
    if (!GIL.held) acquireGil();
    let released = 0;
    const n = Math.min(budget, list.length);
    for (let k = 0; k < n && list.length > 0; k++) {
      if (this.cursor >= list.length) this.cursor = 0;
      const e = list[this.cursor];
      const p = e.cell.ptr;
      if (e.seq < beforeSeq && (p === 0n || refcount(rt, p) <= 1n)) {
        if (p !== 0n) {
          e.cell.ptr = 0n;
          rt.api.Py_DecRef(p);
        }
        // swap-remove
        list[this.cursor] = list[list.length - 1];
        list.pop();
        released++;
      } else {
        this.cursor++;
      }
    }
    if (list.length === 0 && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    return released;
  }
}

export const exports = new ExportRegistry();

/** Release every export Python no longer refers to, now. Returns the number released. */
export function releaseUnused(): number {
  const rt = peekRuntime();
  return rt ? exports.sweep(rt, exports.size) : 0;
}

/** Number of fast buffers currently held for Python. */
export function liveExports(): number {
  return exports.size;
}

/** A Python resource behind a fast view of Python memory. */
export class ImportOwner implements StorageOwner {
  private releaseFn: (() => void) | null;
  /** Run once on release (withdraws the finalizer registration). */
  onRelease: (() => void) | null = null;
  constructor(releaseFn: () => void) {
    this.releaseFn = releaseFn;
  }
  get released(): boolean {
    return this.releaseFn === null;
  }
  release(): void {
    const f = this.releaseFn;
    this.releaseFn = null;
    if (f === null) return;
    const hook = this.onRelease;
    this.onRelease = null;
    if (hook !== null) hook();
    f();
  }
}

let liveImportCount = 0;

const importFinalizer = new FinalizationRegistry<ImportOwner>((owner) => {
  if (!owner.released) owner.release();
});

/**
 * Tie `owner` to `buffer`: released when the buffer is garbage collected, unless released earlier (then the
 * registration is withdrawn, so a buffer that lives on — an engine may hand out one ArrayBuffer per
 * address — does not accumulate registrations).
 */
export function trackImport(buffer: ArrayBuffer, owner: ImportOwner): void {
  importFinalizer.register(buffer, owner, owner);
  owner.onRelease = () => importFinalizer.unregister(owner);
}

/** Make an ImportOwner whose release runs `fn` with the GIL held and counts live imports. */
export function importOwner(fn: (rt: Runtime) => void): ImportOwner {
  liveImportCount++;
  return new ImportOwner(() => {
    liveImportCount--;
    const rt = peekRuntime();
    if (!rt) return;
    if (!GIL.held) acquireGil();
    fn(rt);
  });
}

/** Number of fast views of Python memory not yet released. */
export function liveImports(): number {
  return liveImportCount;
}

/** A PyCell for an object the caller owns one reference to (used for the FastMemory of an export). */
export function cellFor(ptr: Ptr, label: string): PyCell {
  return { ptr, label };
}

export { PYOBJ };
