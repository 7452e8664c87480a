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
 * NumPy -> fast (`ImportOwner`): fast views of Python memory are made over a region (native-views.ts): one
 * ArrayBuffer per byte range, holding one Python resource (a Py_buffer, or a consumed DLPack tensor) that
 * keeps the range valid. It is released when the region's ArrayBuffer is garbage collected (every typed
 * array over it keeps it alive) or earlier when every storage made over it has been disposed and the buffer
 * is not exported back to Python (the registry tells the regions which buffers it holds: `noteExport`).
 */
import type { Ptr } from '../compat/ffi/index.js';
import { acquireGil, GIL } from '../compat/python/gil.js';
import { PYOBJ, trustedCell, type PyCell } from '../compat/python/objects.js';
import { peekRuntime, type Runtime } from '../compat/python/runtime.js';
import { keptResources, noteExport } from './native-views.js';
import { refcount } from './python.js';

interface ExportEntry {
  /** The FastMemory object; the registry owns one reference. `cell.ptr` is 0n once released. */
  readonly cell: PyCell;
  /** Kept reachable so the memory outlives Python's use of it. */
  readonly buffer: ArrayBuffer;
}

const SWEEP_BATCH = 64;
const SWEEP_INTERVAL_MS = 1000;
/*
 * Borrows, not a window: an export's only owned reference is the registry's, so the sweep may release any
 * entry whose reference count is one. Everything that keeps an export's pointer across other work takes its
 * own reference: compat's argument vector does so for cells marked `lent` (see PyCell.lent), tuples, lists
 * and keyword dicts do through toPython, NumPy arrays made over the memory hold the FastMemory as their
 * base. So the sweep that runs on each new export can look at every entry, however many arguments one call
 * packs (a window of the 256 most recent exports used to let the 257th argument free the first).
 */
class ExportRegistry {
  private readonly entries: ExportEntry[] = [];
  private cursor = 0;
  private timer: NodeJS.Timeout | undefined;

  get size(): number {
    return this.entries.length;
  }

  add(rt: Runtime, cell: PyCell, buffer: ArrayBuffer): void {
    this.sweep(rt, SWEEP_BATCH);
    this.entries.push({ cell, buffer });
    noteExport(buffer, 1);
    if (this.timer === undefined) {
      this.timer = setInterval(() => {
        const r = peekRuntime();
        if (r) this.sweep(r, this.entries.length);
      }, SWEEP_INTERVAL_MS);
      this.timer.unref();
    }
  }

  /**
   * Release up to `budget` entries Python no longer refers to. Returns how many were released.
   */
  sweep(rt: Runtime, budget: number): number {
    const list = this.entries;
    if (list.length === 0) return 0;
    if (!GIL.held) acquireGil();
    let released = 0;
    const n = Math.min(budget, list.length);
    for (let k = 0; k < n && list.length > 0; k++) {
      if (this.cursor >= list.length) this.cursor = 0;
      const e = list[this.cursor];
      const p = e.cell.ptr;
      if (p === 0n || refcount(rt, p) <= 1n) {
        if (p !== 0n) {
          e.cell.ptr = 0n;
          rt.api.Py_DecRef(p);
        }
        noteExport(e.buffer, -1);
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

/**
 * A Python resource that keeps memory seen by fast views valid (a Py_buffer, a consumed DLPack tensor). A
 * region (native-views.ts) holds one and releases it when its ArrayBuffer is collected or every storage
 * over it is disposed.
 */
export class ImportOwner {
  private releaseFn: (() => void) | null;
  constructor(releaseFn: () => void) {
    this.releaseFn = releaseFn;
  }
  get released(): boolean {
    return this.releaseFn === null;
  }
  release(): void {
    const f = this.releaseFn;
    this.releaseFn = null;
    if (f !== null) f();
  }
}

/** Make an ImportOwner whose release runs `fn` once, with the GIL held. */
export function importOwner(fn: (rt: Runtime) => void): ImportOwner {
  return new ImportOwner(() => {
    const rt = peekRuntime();
    if (!rt) return;
    if (!GIL.held) acquireGil();
    fn(rt);
  });
}

/** Number of Python resources (Py_buffers, DLPack tensors) held for fast views of Python memory. */
export function liveImports(): number {
  return keptResources();
}

/**
 * A PyCell for an object the caller owns one reference to (the FastMemory of an export). It is `lent`: the
 * registry may drop that reference at any sweep once nothing else refers to the object, so a holder of the
 * pointer takes its own reference (compat's argument vector does).
 */
export function cellFor(ptr: Ptr, label: string): PyCell {
  return trustedCell(ptr, label, true);
}

export { PYOBJ };
