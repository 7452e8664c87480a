/**
 * Storage of fast arrays: one off-heap, non-resizable ArrayBuffer and a typed-array view over it.
 * bool lives in a Uint8Array, int64/uint64 in BigInt64Array/BigUint64Array, complex64/complex128 as
 * interleaved (re, im) pairs in a Float32Array/Float64Array.
 */
import { DTYPES, type DTypeName } from '../../common/dtypes.js';
import { MemoryError, ValueError } from '../../common/errors.js';
import { freshBuffer } from './fresh-memory.js';

export type TypedData =
  | Uint8Array
  | Int8Array
  | Int16Array
  | Int32Array
  | BigInt64Array
  | Uint16Array
  | Uint32Array
  | BigUint64Array
  | Float32Array
  | Float64Array;

export type TypedDataCtor = new (buffer: ArrayBuffer, byteOffset?: number, length?: number) => TypedData;

/** The typed-array class that holds a dtype (complex: the class of one part). */
export const DATA_CTOR: Readonly<Record<DTypeName, TypedDataCtor>> = {
  bool: Uint8Array,
  int8: Int8Array,
  int16: Int16Array,
  int32: Int32Array,
  int64: BigInt64Array,
  uint8: Uint8Array,
  uint16: Uint16Array,
  uint32: Uint32Array,
  uint64: BigUint64Array,
  float32: Float32Array,
  float64: Float64Array,
  complex64: Float32Array,
  complex128: Float64Array,
};

/** Number of typed-array slots per element: 2 for complex, 1 otherwise. */
export function slotsPerElement(dtype: DTypeName): 1 | 2 {
  return DTYPES[dtype].kind === 'complex' ? 2 : 1;
}

/** Something on the other runtime that must be kept alive while this storage is in use (set by the bridge). */
export interface StorageOwner {
  release(): void;
  /**
   * The storage's ArrayBuffer was handed out (`storage.buffer`: toTypedArray, views, the bridge): code the
   * owner cannot see may read the memory for as long as it holds that buffer, so dispose() must no longer
   * end the memory's life; only the buffer's garbage collection may.
   */
  handedOut?(): void;
}

/**
 * The contents of a storage between two writes, as the lazy arrays built meanwhile read them. Leaf
 * nodes (expr.ts) name the epoch they were made in; lazy arrays count themselves as `pending` on
 * the epochs they read until they are computed. A write while some are pending ends the epoch: the
 * element range its leaves cover is copied once into `snapshot`, which those leaves read from then
 * on, and they stay lazy (NumPy's eager values without computing anything at the write). Nothing
 * holds the readers themselves, so lazy arrays a program drops are collected as usual.
 */
export class Epoch {
  /** Lazy arrays built on this epoch's leaves and not computed (or disposed) yet. */
  pending = 0;
  /** Slot range [lo, hi) the epoch's leaves read (complex: two slots per element). */
  lo = Infinity;
  hi = -Infinity;
  /**
   * The slots [lo, hi) as they were when a write ended the epoch, in a storage of their own (engine
   * memory: huge pages, recycled only once the epoch is collected); null while the epoch is current.
   */
  snapshot: Storage | null = null;
  constructor(readonly storage: Storage) {}
}

let snapshotCopies = 0;
let snapshotSlots = 0;

/** How many writes copied old contents for lazy readers, and how many slots in all (tests, benchmarks). */
export function snapshotStats(): { copies: number; slots: number } {
  return { copies: snapshotCopies, slots: snapshotSlots };
}

/**
 * Recycling of large buffers. Writing into a fresh 80 MB ArrayBuffer costs a page fault per 4 KiB
 * page (tens of milliseconds, more than the arithmetic of a fused loop), so the buffers of collected
 * engine-owned storages go to a free list by exact byte length, and `allocateForOverwrite` takes
 * from it. Only storages made by `allocateForOverwrite` are recycled, and only while their buffer
 * has never left the engine (reading `storage.buffer` pins it: views, the bridge, toTypedArray).
 */
const RECYCLE_MIN_BYTES = 1 << 20;
/** Free buffers kept per byte length, and in all. */
const RECYCLE_PER_SIZE = 4;
const RECYCLE_MAX_BYTES = 512 * (1 << 20);

/**
 * Bytes of the buffers the finalization registry holds for storages not collected yet. The registry
 * keeps its held value (the buffer) alive until the finalizer runs, which never happens inside a
 * synchronous loop: without a cap, a loop making fresh 8 MB results kept every buffer alive
 * (572 MB after 1.5 s, every allocation a fresh mmap: 44 ms per 1e6 add against 3.6 ms for a plain
 * JS loop). Beyond the cap, a storage is not registered and its buffer dies with it.
 */
export const REGISTERED_MAX_BYTES = 64 * (1 << 20);
let registeredBytes = 0;

const freeBuffers = new Map<number, ArrayBuffer[]>();
let freeBytes = 0;
let recycledCount = 0;

/**
 * Small buffers (under RECYCLE_MIN_BYTES) are recycled only through explicit lifetimes: dispose(),
 * `using`, fast.scope(). A disposed result's memory handed to the next result of the same byte length
 * costs nothing. Garbage collection never feeds this list (finalizers cannot run inside the synchronous
 * loops where it would matter, and registering every small storage would cost more than it saves).
 * A piece is a buffer and a byte offset in it (slab pieces share their buffer).
 */
const SMALL_PER_SIZE = 16;
const SMALL_MAX_BYTES = 16 * (1 << 20);
/** Per byte length: buffer, byte offset, buffer, byte offset, ... */
const freeSmall = new Map<number, (ArrayBuffer | number)[]>();
/** V8 keeps typed arrays of up to 64 bytes made without a buffer in its heap (typed_array_max_size_in_heap). */
const SMALL_HEAP_BYTES = 64;
let freeSmallBytes = 0;
let takenOffset = 0;

/** A free piece of `bytes` bytes (its offset in `takenOffset`), or undefined. */
function takeSmall(bytes: number): ArrayBuffer | undefined {
  const list = freeSmall.get(bytes);
  if (list === undefined || list.length === 0) return undefined;
  takenOffset = list.pop() as number;
  freeSmallBytes -= bytes;
  recycledCount++;
  return list.pop() as ArrayBuffer;
}

function giveBackSmall(buffer: ArrayBuffer, byteOffset: number, bytes: number): void {
  if (freeSmallBytes + bytes > SMALL_MAX_BYTES) return;
  let list = freeSmall.get(bytes);
  if (list === undefined) freeSmall.set(bytes, (list = []));
  if (list.length >= 2 * SMALL_PER_SIZE) return;
  list.push(buffer, byteOffset);
  freeSmallBytes += bytes;
}

/**
 * Slabs: fresh results of 65 bytes to SLAB_MAX_PIECE bytes are carved from shared 64 KiB ArrayBuffers,
 * as Node's Buffer pool does for small Buffers. V8 pays about as much for a fresh ArrayBuffer as a
 * small kernel costs (backing-store allocation, external-memory accounting and the collections it
 * triggers: 2.5 us for 100 float64, 4.7 us for 1000, against 0.2 and 1.2 us for a slab piece, plain JS
 * loops on this machine). A slab is never reused while it lives: its untouched bytes are still zero,
 * so zero-filled storage comes from it too. The price is memory: a slab lives while any of its pieces
 * does (at most 64 KiB per live small array), and `toTypedArray().buffer` of a small array is the slab.
 */
const SLAB_BYTES = 64 * 1024;
/** Largest piece carved from a slab (larger results get a buffer of their own). */
export const SLAB_MAX_PIECE = 32 * 1024;
/** Pieces start on 16-byte boundaries (complex128 and NumPy's aligned-access paths). */
const SLAB_ALIGN = 16;
let slab: ArrayBuffer | null = null;
let slabUsed = 0;
let slabCount = 0;

/**
 * Called on each new slab before any piece is handed out. On Node it marks the slab untransferable
 * (node:worker_threads markAsUntransferable, as Node does for its Buffer pool): a transfer list naming
 * one small array's buffer would otherwise detach its neighbours. Resolved without importing a Node
 * builtin, so that fast stays loadable in browsers (where a slab cannot be protected: transfer a copy).
 */
type SlabGuard = (buffer: ArrayBuffer) => void;
let slabGuard: SlabGuard | null | undefined;

function resolveSlabGuard(): SlabGuard | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const wt = proc?.getBuiltinModule?.('node:worker_threads') as { markAsUntransferable?: SlabGuard } | undefined;
  return wt?.markAsUntransferable ?? null;
}

/** A zero-filled piece of `bytes` (<= SLAB_MAX_PIECE) bytes: its slab, the offset in `takenOffset`. */
function carve(bytes: number): ArrayBuffer {
  if (slab === null || slabUsed + bytes > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    slabUsed = 0;
    slabCount++;
    if (slabGuard === undefined) slabGuard = resolveSlabGuard();
    if (slabGuard !== null) slabGuard(slab);
  }
  takenOffset = slabUsed;
  slabUsed += (bytes + SLAB_ALIGN - 1) & ~(SLAB_ALIGN - 1);
  return slab;
}

function takeFree(bytes: number): ArrayBuffer | undefined {
  const list = freeBuffers.get(bytes);
  const b = list?.pop();
  if (b !== undefined) {
    freeBytes -= bytes;
    recycledCount++;
  }
  return b;
}

function giveBack(buffer: ArrayBuffer): void {
  const bytes = buffer.byteLength;
  if (freeBytes + bytes > RECYCLE_MAX_BYTES) return;
  let list = freeBuffers.get(bytes);
  if (list === undefined) freeBuffers.set(bytes, (list = []));
  if (list.length >= RECYCLE_PER_SIZE) return;
  list.push(buffer);
  freeBytes += bytes;
}

/** Held value: the buffer itself (kept alive by the registry until the storage is collected). */
const reclaim = new FinalizationRegistry<ArrayBuffer>((buffer) => {
  registeredBytes -= buffer.byteLength;
  giveBack(buffer);
});

/** The registry stops watching `st` (its buffer left the engine, or went back at dispose()). */
function unregister(st: Storage, bytes: number): void {
  reclaim.unregister(st);
  registeredBytes -= bytes;
}

/** Statistics of the buffer recycling (benchmarks and tests). */
export function recyclingStats(): {
  recycled: number;
  freeBuffers: number;
  freeBytes: number;
  freeSmallBuffers: number;
  freeSmallBytes: number;
  /** Slabs allocated so far (small results are carved from them). */
  slabs: number;
  /** Bytes the finalization registry keeps alive for storages not collected yet (at most REGISTERED_MAX_BYTES). */
  registeredBytes: number;
} {
  let n = 0;
  for (const l of freeBuffers.values()) n += l.length;
  let m = 0;
  for (const l of freeSmall.values()) m += l.length / 2;
  return { recycled: recycledCount, freeBuffers: n, freeBytes, freeSmallBuffers: m, freeSmallBytes, slabs: slabCount, registeredBytes };
}

/** Drop every free buffer (tests; memory pressure). */
export function clearRecycledBuffers(): void {
  freeBuffers.clear();
  freeBytes = 0;
  freeSmall.clear();
  freeSmallBytes = 0;
}

/** V8's limit on one typed array's length (elements); complex arrays use two lanes per element. */
export const MAX_TYPED_LENGTH = 2 ** 32;

/** MemoryError for an element count one typed array cannot hold. */
function checkAllocatable(dtype: DTypeName, length: number): void {
  const lanes = DTYPES[dtype].kind === 'complex' ? 2 : 1;
  if (length * lanes > MAX_TYPED_LENGTH) {
    throw new MemoryError(
      `Unable to allocate an array of ${length} ${dtype} elements: a fast array holds at most ${MAX_TYPED_LENGTH / lanes} elements ` +
        `(one JavaScript typed array); NumPy (nd or compat.numpy()) can hold it`,
    );
  }
}

/** True when two typed views may touch the same bytes (same buffer, overlapping byte ranges; slabs hold many storages). */
export function sameMemory(x: { readonly buffer: ArrayBufferLike; readonly byteOffset: number; readonly byteLength: number }, y: { readonly buffer: ArrayBufferLike; readonly byteOffset: number; readonly byteLength: number }): boolean {
  return x.buffer === y.buffer && x.byteOffset < y.byteOffset + y.byteLength && y.byteOffset < x.byteOffset + x.byteLength;
}

export class Storage {
  readonly dtype: DTypeName;
  /** The buffer; null while a small storage's elements live in V8's heap (Storage.allocate). */
  private _buf: ArrayBuffer | null;
  /** True while the buffer may go back to a free list (collected: large ones; disposed: any size). */
  private _recyclable = false;
  /** True when the finalization registry watches this storage (large buffers). */
  private _registered = false;
  /** Typed view over the whole element range of the buffer used by this storage. */
  readonly data: TypedData;
  /** Number of elements (not slots) the storage holds. */
  readonly length: number;
  /**
   * Filled by the bridge when the memory belongs to the other runtime; released when the last array
   * over this storage is disposed (`dispose()`), or by the bridge when the storage is collected.
   */
  owner: StorageOwner | null = null;
  /** Arrays made over this storage and not disposed yet (views included). */
  private holders = 0;

  /** `buffer` null: `length` (>= 1) elements of a fresh zero-filled typed array of its own (see Storage.allocate). */
  constructor(dtype: DTypeName, buffer: ArrayBuffer | null, byteOffset: number, length: number) {
    if (buffer === null) {
      if (!Number.isSafeInteger(length) || length < 1) throw new ValueError(`cannot allocate ${length} elements in a storage without a buffer`);
      this.dtype = dtype;
      this._buf = null;
      this.length = length;
      this.data = new DATA_CTOR[dtype](length * slotsPerElement(dtype) as never);
      return;
    }
    const size = DTYPES[dtype].itemsize;
    const part = size / slotsPerElement(dtype);
    if (byteOffset % part !== 0) {
      throw new ValueError(`byte offset ${byteOffset} is not a multiple of ${part}, the alignment ${dtype} needs`);
    }
    if (byteOffset + length * size > buffer.byteLength) {
      throw new ValueError(
        `${length} ${dtype} elements at byte offset ${byteOffset} do not fit in a buffer of ${buffer.byteLength} bytes`,
      );
    }
    this.dtype = dtype;
    this._buf = buffer;
    this.length = length;
    this.data = new DATA_CTOR[dtype](buffer, byteOffset, length * slotsPerElement(dtype));
  }

  /**
   * The ArrayBuffer. Reading it hands the memory out of the engine, so the buffer is never recycled
   * afterwards (whoever holds it may outlive this storage).
   */
  get buffer(): ArrayBuffer {
    if (this._recyclable) {
      this._recyclable = false;
      if (this._registered) unregister(this, this._buf!.byteLength);
      this._registered = false;
    }
    const o = this.owner;
    if (o !== null && o.handedOut !== undefined) o.handedOut();
    // a small storage's typed array moves its elements into a buffer of their own here (V8 keeps
    // `data` pointing at them)
    return (this._buf ??= this.data.buffer as ArrayBuffer);
  }

  /**
   * Storage for `length` elements whose contents are unspecified (a recycled buffer may hold old
   * values): only for callers that write every element before anything reads it (the kernels that
   * materialise a lazy array). Large buffers come from, and return to, the free list.
   */
  static allocateForOverwrite(dtype: DTypeName, length: number): Storage {
    if (!Number.isSafeInteger(length) || length < 0) throw new ValueError(`cannot allocate ${length} elements`);
    checkAllocatable(dtype, length);
    const bytes = Math.max(1, length * DTYPES[dtype].itemsize);
    if (bytes < RECYCLE_MIN_BYTES) {
      let buf = takeSmall(bytes);
      if (buf === undefined) {
        if (bytes <= SLAB_MAX_PIECE) buf = carve(bytes);
        else {
          buf = new ArrayBuffer(bytes);
          takenOffset = 0;
        }
      }
      const small = new Storage(dtype, buf, takenOffset, length);
      small._recyclable = true; // by dispose() only (see giveBackSmall)
      return small;
    }
    const st = new Storage(dtype, takeFree(bytes) ?? freshBuffer(new ArrayBuffer(bytes)), 0, length);
    st._recyclable = true;
    if (registeredBytes + bytes <= REGISTERED_MAX_BYTES) {
      st._registered = true;
      registeredBytes += bytes;
      reclaim.register(st, st._buf!, st);
    }
    return st;
  }

  /** Fresh zero-filled storage for `length` elements, in a new off-heap ArrayBuffer. */
  static allocate(dtype: DTypeName, length: number): Storage {
    if (!Number.isSafeInteger(length) || length < 0) throw new ValueError(`cannot allocate ${length} elements`);
    checkAllocatable(dtype, length);
    const bytes = length * DTYPES[dtype].itemsize;
    // up to 64 bytes (0-d results of reductions, scalars): a typed array of its own, which V8 keeps
    // in its heap (no off-heap backing store to allocate and account for; measured 10% of a 50x50
    // float64 a.sum().item() loop) until someone reads `buffer`
    if (length >= 1 && bytes <= SMALL_HEAP_BYTES) return new Storage(dtype, null, 0, length);
    if (bytes <= SLAB_MAX_PIECE && bytes > 0) {
      const buf = carve(bytes);
      return new Storage(dtype, buf, takenOffset, length);
    }
    // At least one byte, so that the buffer always has its own backing store.
    let buffer: ArrayBuffer;
    try {
      buffer = freshBuffer(new ArrayBuffer(Math.max(1, bytes)));
    } catch (e) {
      throw new MemoryError(`Unable to allocate ${bytes} bytes for an array of ${length} ${dtype} elements (${(e as Error).message})`);
    }
    return new Storage(dtype, buffer, 0, length);
  }

  /** The current epoch (null until a leaf reads this storage after its last write). */
  private _epoch: Epoch | null = null;

  /** The current epoch if any leaf reads it (FastArray._node compares its cached leaf's epoch with it). */
  get currentEpoch(): Epoch | null {
    return this._epoch;
  }

  /** A new leaf reads slots [lo, hi): the current epoch, widened to cover them. */
  readEpoch(lo: number, hi: number): Epoch {
    const e = (this._epoch ??= new Epoch(this));
    if (lo < e.lo) e.lo = lo;
    if (hi > e.hi) e.hi = hi;
    return e;
  }

  /**
   * Before writing: when lazy arrays still wait to read the current contents, end the epoch and keep
   * the range they read as its snapshot (one copy, whatever the number of readers). A transferred
   * buffer is not copied: its readers throw DetachedBufferError when computed.
   */
  beforeWrite(): void {
    const e = this._epoch;
    if (e === null || e.pending === 0) return;
    this._epoch = null;
    if (e.lo >= e.hi || this.data.byteLength === 0) return;
    // the engine's fresh memory rather than TypedArray.slice: large copies get huge pages (a 1e6-element
    // moving average rewrites its cumulative sum; 4 KiB page faults made the copy cost more than the sum)
    const copy = Storage.allocateForOverwrite(this.dtype, (e.hi - e.lo) / slotsPerElement(this.dtype));
    (copy.data as Float64Array).set((this.data as Float64Array).subarray(e.lo, e.hi));
    e.snapshot = copy;
    snapshotCopies++;
    snapshotSlots += e.hi - e.lo;
  }

  /** An array now reads this storage (FastArray's constructor and `_force`). */
  hold(): void {
    this.holders++;
  }

  /**
   * An array over this storage was disposed: once no array holds it any more, release the owner
   * (or recycle an engine-owned buffer) now rather than at garbage collection. While another view is
   * alive the memory stays.
   */
  unhold(): void {
    if (--this.holders > 0) return;
    this.release();
    if (this._recyclable) {
      // nothing can read the buffer any more (every array over it is disposed, it never left the
      // engine): it goes back to the free list now instead of at garbage collection
      this._recyclable = false;
      if (this._registered) {
        this._registered = false;
        unregister(this, this._buf!.byteLength);
        giveBack(this._buf!);
      } else if (this._buf!.byteLength < RECYCLE_MIN_BYTES) giveBackSmall(this._buf!, this.data.byteOffset, Math.max(1, this.data.byteLength));
      else giveBack(this._buf!);
    }
  }

  release(): void {
    const o = this.owner;
    this.owner = null;
    if (o !== null) o.release();
  }
}
