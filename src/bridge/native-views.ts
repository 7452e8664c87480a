/**
 * Regions: the ArrayBuffers fast views of foreign memory (NumPy's, or a JS `__array_interface__`
 * provider's) are made over, one per exact byte range, shared by every view of that range while any of
 * them can reach it.
 *
 * Why share: making an external ArrayBuffer is not O(1). V8 counts its length as external memory, and
 * every new one over the soft limit (64 MiB above the level of the last full collection) starts or
 * advances a full garbage collection on the spot: converting a 1e7-element float64 array afresh each
 * time cost 0.1-0.3 ms per conversion for the ~30 conversions after it (node --trace-gc: incremental
 * marking advanced from each external allocation), against ~8 µs once the buffer is reused. So the
 * conversion path makes no external ArrayBuffer at all when the range already has a live one, and no
 * small ones either (Py_buffer structs come from a pool, see py-buffer.ts).
 *
 * Why one keeper per region: a region holds ONE resource that keeps its memory valid (a Py_buffer, a
 * consumed DLPack tensor, a pooled nd result (result-pool.ts), or the JS providers), not one per
 * conversion; before, every conversion registered its own Py_buffer on the shared buffer, so converting
 * one array in a loop without dispose() held one more Py_buffer per iteration for as long as the buffer
 * lived. Holding any exporter of a byte
 * range keeps that range valid, so a conversion that finds a kept region releases its own resource at
 * once. The keeper is released when the region's ArrayBuffer is garbage collected (nothing can see the
 * memory any more), or earlier when every storage made over the region has been disposed (`views`
 * counts storages made and not disposed; a storage dropped without dispose() keeps the count up, and then
 * garbage collection of the buffer releases the keeper), unless a storage handed the buffer out
 * (toTypedArray(): a typed array over Python's memory outlives any dispose(), so only the buffer's
 * collection may release the keeper). Converting the same array in a loop without
 * dispose() therefore holds one resource, not one per iteration.
 */
import type { Runtime } from '../compat/python/runtime.js';
import type { StorageOwner } from '../fast/engine/storage.js';

/** A resource that keeps a region's memory valid until `release()`. */
export interface Keeper {
  /** Nothing will read the memory through this keeper's region any more. */
  release(): void;
  /** Called instead of release() when the region already had a keeper and does not take this one. */
  redundant?(): void;
}

export class Region implements StorageOwner {
  /** The buffer, weakly: a region never keeps its own buffer alive. */
  readonly ref: WeakRef<ArrayBuffer>;
  /** Where the range starts in the buffer (an engine may hand out a buffer that starts earlier). */
  readonly byteOffset: number;
  /** What keeps the memory valid, or null (then the next conversion of the range provides one). */
  keeper: Keeper | null = null;
  /** JS providers (`__array_interface__` objects) kept reachable for as long as the buffer is. */
  private providers: Set<object> | null = null;
  /** Storages made over this region and not yet disposed. */
  private views = 0;
  /**
   * True once a storage over the region handed its buffer out (toTypedArray, `storage.buffer`,
   * `__array_interface__`): JS code the bridge cannot see may hold it, so disposing every storage no longer
   * releases the keeper; the buffer's garbage collection does.
   */
  private escaped = false;

  constructor(
    readonly address: bigint,
    readonly length: number,
    buffer: ArrayBuffer,
    byteOffset: number,
    /**
     * False when the engine handed back an ordinary JS ArrayBuffer for this address (ffi-napi does for the
     * memory of a fast array exported to NumPy and viewed back): its memory lives as long as the buffer, so
     * no keeper is needed, and holding one would tie Python's array to a buffer the export registry keeps
     * alive for that very array, a cycle nothing collects.
     */
    readonly native: boolean,
  ) {
    this.ref = new WeakRef(buffer);
    this.byteOffset = byteOffset;
  }

  /**
   * The buffer, for the caller of openRegion (which read it in this job, so it is alive until the job
   * ends: a WeakRef target read in a job stays alive for the rest of it).
   */
  buffer(): ArrayBuffer {
    const b = this.ref.deref();
    if (b === undefined) throw new Error('internal: region buffer read outside the job that opened it');
    return b;
  }

  /**
   * Adopt `keeper` if the region has none; otherwise release it (the region's keeper already suffices, or
   * the buffer is JS memory and needs none).
   */
  adopt(keeper: Keeper): void {
    if (this.keeper === null && this.native) {
      this.keeper = keeper;
      keptCount++;
    } else if (keeper.redundant !== undefined) keeper.redundant();
    else keeper.release();
  }

  /**
   * adopt(keeper) and count one more storage: the owner of a new storage over the region, which `keeper`
   * keeps valid. The storage's dispose() calls `release()`, which uncounts it.
   */
  attach(keeper: Keeper): this {
    this.adopt(keeper);
    this.views++;
    return this;
  }

  /** StorageOwner: the buffer left the storages' control (see `escaped`). */
  handedOut(): void {
    this.escaped = true;
  }

  /** Keep a JS provider reachable while the buffer lives. */
  keepProvider(provider: object): void {
    (this.providers ??= new Set()).add(provider);
  }

  /**
   * StorageOwner: a storage over this region was disposed. The last one releases the keeper early, unless
   * the buffer is exported to Python (a NumPy array made from a fast view of this memory): then Python can
   * still see the memory, and the keeper waits for the buffer to be collected.
   */
  release(): void {
    if (this.views > 0) this.views--;
    if (this.views > 0 || this.escaped) return;
    const b = this.ref.deref();
    if (b !== undefined && (exportedBuffers.get(b) ?? 0) > 0) return;
    this.dropKeeper();
  }

  /** Release the keeper now (the buffer was collected, or nothing counted uses it). */
  dropKeeper(): void {
    const k = this.keeper;
    if (k === null) return;
    this.keeper = null;
    keptCount--;
    k.release();
  }
}

let keptCount = 0;
/** ArrayBuffers exported to Python (lifetime.ts's registry), by number of live exports. */
const exportedBuffers = new WeakMap<ArrayBuffer, number>();

/** The export registry took (+1) or dropped (-1) an export of `buffer`. */
export function noteExport(buffer: ArrayBuffer, delta: 1 | -1): void {
  const n = (exportedBuffers.get(buffer) ?? 0) + delta;
  if (n > 0) exportedBuffers.set(buffer, n);
  else exportedBuffers.delete(buffer);
}

/** Regions by start address; a start address may have regions of several lengths (x and x[:k]). */
const regions = new Map<bigint, Region[]>();

function forget(region: Region): void {
  const list = regions.get(region.address);
  if (list === undefined) return;
  const i = list.indexOf(region);
  if (i < 0) return;
  list.splice(i, 1);
  if (list.length === 0) regions.delete(region.address);
}

const collected = new FinalizationRegistry<Region>((region) => {
  forget(region);
  region.dropKeeper();
});

/** Number of keepers regions hold (Python resources, for Python memory). */
export function keptResources(): number {
  return keptCount;
}

/** Number of regions in the cache (tests). */
export function regionCount(): number {
  let n = 0;
  for (const list of regions.values()) n += list.length;
  return n;
}

/**
 * The region over `length` bytes at `address` (length > 0), made on first use. Its buffer is alive until
 * the current job ends (read it with `region.buffer()`; a storage over it keeps it alive from then on).
 */
export function openRegion(rt: Runtime, address: bigint, length: number): Region {
  const list = regions.get(address);
  if (list !== undefined) {
    for (let i = 0; i < list.length; i++) {
      const r = list[i];
      // A region whose buffer was collected but whose finalizer has not run yet is replaced; that
      // finalizer still releases its keeper.
      if (r.length === length && r.ref.deref() !== undefined) return r;
    }
  }
  const bytes = rt.engine.view(address, length);
  const buffer = bytes.buffer as ArrayBuffer;
  const region = new Region(address, length, buffer, bytes.byteOffset, rt.engine.isNativeView(buffer));
  if (list === undefined) regions.set(address, [region]);
  else {
    for (let i = list.length - 1; i >= 0; i--) if (list[i].length === length) list.splice(i, 1);
    list.push(region);
  }
  collected.register(buffer, region);
  return region;
}
