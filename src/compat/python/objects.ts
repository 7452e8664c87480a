/**
 * Python object handles. A `PyCell` owns exactly one reference to a Python object. The JS object
 * that holds the cell (a CompatArray, a proxy) is registered with a FinalizationRegistry, so the
 * reference is released when that JS object is garbage collected, or earlier with `disposeCell()`
 * (used by `dispose()` / `Symbol.dispose`). A disposed cell has `ptr === 0n`, which the finaliser skips.
 *
 * The cost of one registration is most of what a small NumPy call costs on top of NumPy itself
 * (bench/compat-call.ts), so the layout is chosen for it (measured on Node 20 / V8 11.3):
 * - V8 keeps every registered object alive through young-generation collections. The registry's held
 *   value is therefore a small integer, a slot in one shared table of owned pointers (`slots`), not a
 *   heap object: with the cell object as held value each registration cost about 1.5x more.
 * - A CompatArray is its own cell (`ownSlot`, `slotPtr`): one object per NumPy result instead of two.
 *   Other holders (proxies) get an `OwnedCell`, which keeps its holder reachable (`owner`).
 * - A slot is recycled only by the finaliser, once its holder is unreachable, so no reachable cell can
 *   see a recycled slot. No unregister token is used (a token makes `register` about 5x slower).
 * - The finaliser does not call Py_DecRef itself: references are released in batches (see below).
 */
import { DisposedError } from '../../common/errors.js';
import type { Ptr } from '../ffi/index.js';
import { acquireGil, GIL } from './gil.js';
import { BusyError } from './async-errors.js';
import { peekRuntime, type Runtime } from './runtime.js';

export interface PyCell {
  /** The owned object; `0n` once disposed. */
  ptr: Ptr;
  /** What the object is, for error messages ("numpy.add", "CompatArray(float64, [3, 4])"...). */
  label: string;
  /**
   * For callables: the positions of positional parameters named `axis`/`axes` (from
   * `inspect.signature`, looked up the first time a JS array is passed positionally; empty when
   * the callable has no signature). See callPythonRaw in ./convert.ts.
   */
  axisSlots?: readonly number[];
  /**
   * True when the cell's owner may drop its reference as soon as nothing else refers to the object (a
   * bridge export of fast memory, whose registry sweeps exports Python no longer holds). Whoever keeps
   * `ptr` across other work (an argument vector being packed) must take its own reference.
   */
  readonly lent?: boolean;
}

/**
 * The key under which compat objects expose their cell (CompatArray, proxies, fast arrays through the
 * bridge). Module-private (not `Symbol.for`): code outside ndbridge cannot spell it. It can still be
 * discovered by reflection (`Object.getOwnPropertySymbols`), so the key alone proves nothing: a cell is
 * only used when compat made it (`isGenuineCell`), and a cell's pointer can only be cleared, never set.
 * A JS object can therefore never make compat read an address it chose.
 */
export const PYOBJ: unique symbol = Symbol('ndbridge.compat.pyobject');

/**
 * Genuine cells are recognised by class brand (a private field: `#x in obj`, which no object built by
 * user code has, not even one made with Object.create(CompatArray.prototype)). A WeakSet of cells was
 * measured at +50% on a small NumPy call (one WeakSet.add per result); a brand check costs a property
 * lookup. CompatArray (its own cell) registers its brand check here.
 */
let arrayBrand: (o: object) => boolean = () => false;

/** Called once by CompatArray's module: how to recognise a CompatArray. */
export function registerArrayCellBrand(check: (o: object) => boolean): void {
  arrayBrand = check;
}

/** Is `c` a cell compat made (not one built by user code)? */
export function isGenuineCell(c: unknown): c is PyCell {
  return typeof c === 'object' && c !== null && (arrayBrand(c) || OwnedCell.isOne(c) || PlainCell.isOne(c));
}

/** The TypeError for a value that carries the compat key but whose cell compat did not make. */
export function forgedCellError(): TypeError {
  return new TypeError(
    'this object carries the ndbridge Python-object key but was not made by ndbridge; only CompatArrays, Python object proxies ' +
      'and fast arrays can be passed as Python objects. Pass the real object, or plain JS values.',
  );
}

/**
 * A cell for a pointer the caller guarantees stays valid while the cell is used (a borrowed reference for
 * one call, or one the caller owns and releases itself). Internal: never give it a pointer from user input.
 * Its pointer can only be cleared (`cell.ptr = 0n`).
 */
export function trustedCell(ptr: Ptr, label: string, lent = false): PyCell {
  return new PlainCell(ptr, label, lent);
}

class PlainCell implements PyCell {
  #ptr: Ptr;
  static isOne(o: object): boolean {
    return #ptr in o;
  }
  constructor(
    ptr: Ptr,
    public label: string,
    readonly lent: boolean,
  ) {
    this.#ptr = ptr;
  }
  get ptr(): Ptr {
    return this.#ptr;
  }
  set ptr(value: Ptr) {
    if (value !== 0n) throw forgedCellError();
    this.#ptr = 0n;
  }
  axisSlots?: readonly number[];
}

/** `{ [PYOBJ]: cell }` for a BORROWED pointer passed as one call argument (the converters IncRef it as needed). */
export function borrowedArg(ptr: Ptr, label = 'object'): HasPyObject {
  return { [PYOBJ]: trustedCell(ptr, label) };
}

/** Anything that carries a Python object. */
export interface HasPyObject {
  readonly [PYOBJ]: PyCell;
}

/** Owned references not yet released (for leak tests and `ndbridge doctor`). */
let live = 0;

/** How many Python references compat objects currently own. */
export function liveReferenceCount(): number {
  return live;
}

/** Owned pointers by slot; `0n` once released. Grown by doubling. */
let slots = new BigUint64Array(1024);
/** Slots whose holder was finalised, ready for reuse. */
const freeSlots: number[] = [];
let nextSlot = 0;

function newSlot(ptr: Ptr): number {
  let s = freeSlots.pop();
  if (s === undefined) {
    s = nextSlot++;
    if (s >= slots.length) {
      const grown = new BigUint64Array(slots.length * 2);
      grown.set(slots);
      slots = grown;
    }
  }
  slots[s] = ptr;
  return s;
}

const registry = new FinalizationRegistry<number>((slot) => {
  const q = releaseQueue;
  if (q) {
    // The usual path, once the queue is set up: the pointer goes from the slot to the queue as is.
    if (slots[slot] !== 0n) {
      q.items[queued++] = slots[slot];
      slots[slot] = 0n;
      freeSlots.push(slot);
      scheduleFlush();
    } else {
      freeSlots.push(slot);
    }
    return;
  }
  const p = slots[slot];
  slots[slot] = 0n;
  freeSlots.push(slot);
  if (p !== 0n) releaseSoon(p);
});

/*
 * Releases from the finaliser are batched: a garbage collection finalises many holders in one
 * cleanup task, and one FFI call per reference (Py_DecRef) was a large part of a small call's cost.
 * The finaliser queues the pointer in native memory; at the end of the task (a microtask), or when
 * the queue is full, the queued references are moved into a new tuple (PyTuple_New + one memcpy into
 * its item array, as PyTuple_SET_ITEM would store them) and that tuple is released, so CPython
 * releases them all in one call. The tuple layout is checked once at first use; if it is not the
 * expected one (or memcpy cannot be bound), references are released one by one.
 */
const RELEASE_BATCH = 4096;
/** Byte offset of a tuple's first item (ob_refcnt, ob_type, ob_size), checked before use. */
const TUPLE_ITEMS = 24;

interface ReleaseQueue {
  readonly mem: Ptr;
  readonly items: BigUint64Array;
  readonly memcpy: (dst: Ptr, src: Ptr, bytes: number) => void;
}
/** undefined: not set up yet; null: release one by one. */
let releaseQueue: ReleaseQueue | null | undefined;
let queued = 0;
let flushScheduled = false;

function setUpReleaseQueue(rt: Runtime): ReleaseQueue | null {
  const { api, engine } = rt;
  let memcpy: ReleaseQueue['memcpy'];
  try {
    memcpy = api.lib.bind('memcpy', 'void', ['ptr', 'ptr', 'size']);
  } catch {
    return null;
  }
  // Is a tuple's item i stored at TUPLE_ITEMS + 8 i (not so in Py_TRACE_REFS builds)?
  const t = api.PyTuple_New(1);
  if (t === 0n) {
    api.PyErr_Clear();
    return null;
  }
  api.Py_IncRef(api.None);
  api.PyTuple_SetItem(t, 0, api.None);
  const ok = engine.readPtr(t, TUPLE_ITEMS) === api.None;
  api.Py_DecRef(t);
  if (!ok) return null;
  const mem = engine.alloc(8 * RELEASE_BATCH);
  const bytes = engine.view(mem, 8 * RELEASE_BATCH);
  return { mem, items: new BigUint64Array(bytes.buffer, bytes.byteOffset, RELEASE_BATCH), memcpy };
}

/** Release an owned reference from the finaliser: now, or with the next batch. */
function releaseSoon(p: Ptr): void {
  const rt = peekRuntime();
  if (!rt) {
    live--;
    return;
  }
  if (releaseQueue === undefined) {
    if (!GIL.held) acquireGil();
    releaseQueue = setUpReleaseQueue(rt);
  }
  if (releaseQueue === null) {
    live--;
    if (!GIL.held) acquireGil();
    rt.api.Py_DecRef(p);
    return;
  }
  releaseQueue.items[queued++] = p;
  scheduleFlush();
}

/** After queueing: release the batch now if the queue is full, else at the end of this task. */
function scheduleFlush(): void {
  if (queued === RELEASE_BATCH) flushReleases();
  else if (!flushScheduled) {
    flushScheduled = true;
    queueMicrotask(flushReleases);
  }
}

/** Release every queued reference now (one tuple, one Py_DecRef). */
export function flushReleases(): void {
  flushScheduled = false;
  const n = queued;
  const q = releaseQueue;
  if (n === 0 || !q) return;
  const rt = peekRuntime();
  if (!rt) return;
  if (!GIL.held) acquireGil();
  const { api } = rt;
  const t = api.PyTuple_New(n);
  if (t === 0n) {
    api.PyErr_Clear();
    const ptrs = Array.from(q.items.subarray(0, n));
    queued = 0;
    live -= n;
    for (const p of ptrs) api.Py_DecRef(p);
    return;
  }
  q.memcpy(t + BigInt(TUPLE_ITEMS), q.mem, 8 * n);
  queued = 0;
  live -= n;
  // Deallocation may run Python code (and JS callbacks); the queue is already empty and reusable.
  api.Py_DecRef(t);
}

/** The cell `ownReference` makes: its pointer lives in a slot of the shared table. */
class OwnedCell implements PyCell {
  /** The slot in the table (private: a changed slot would point the cell at another object's reference). */
  readonly #slot: number;
  static isOne(o: object): boolean {
    return #slot in o;
  }
  constructor(
    slot: number,
    public label: string,
    /** Keeps the holder reachable while the cell is: the slot is recycled only after the holder is finalised. */
    readonly owner: object,
  ) {
    this.#slot = slot;
  }
  get ptr(): Ptr {
    return slots[this.#slot];
  }
  set ptr(value: Ptr) {
    // Only disposeCell's `0n` is a valid write: anything else would name memory.
    if (value !== 0n) throw forgedCellError();
    slots[this.#slot] = 0n;
  }
  axisSlots?: readonly number[];
}

/** Take ownership of the reference `ptr` on behalf of `holder`. */
export function ownReference(holder: object, ptr: Ptr, label: string): PyCell {
  return new OwnedCell(registerSlot(holder, ptr), label, holder);
}

/**
 * Take ownership of `ptr` on behalf of `holder` and return its slot, for holders that are their own
 * cell (CompatArray: one object per result instead of two). Such a holder implements PyCell with
 * `ptr` reading `slotPtr(slot)` and writing `setSlotPtr(slot, v)`.
 */
export function ownSlot(holder: PyCell, ptr: Ptr): number {
  return registerSlot(holder, ptr);
}

function registerSlot(holder: object, ptr: Ptr): number {
  const slot = newSlot(ptr);
  registry.register(holder, slot);
  live++;
  return slot;
}

/** The pointer in `slot` (`0n` once released). */
export function slotPtr(slot: number): Ptr {
  return slots[slot];
}

/** Clear the pointer in `slot` (disposeCell writes `0n` through a cell's `ptr`); any other value is refused. */
export function setSlotPtr(slot: number, value: Ptr): void {
  if (value !== 0n) throw forgedCellError();
  slots[slot] = 0n;
}

/** The live pointer of a cell, or DisposedError naming the object. */
export function livePtr(cell: PyCell): Ptr {
  if (!isGenuineCell(cell)) throw forgedCellError();
  const p = cell.ptr;
  if (p === 0n) {
    throw new DisposedError(`${cell.label} was disposed; it cannot be used any more. Keep a live reference, or copy it before dispose().`);
  }
  return p;
}

/**
 * Cells that pending async calls use (argument or callable), with how many calls use each: `dispose()` of one
 * throws BusyError until those calls settle (./async-call.ts pins and unpins).
 */
const pinned = new Map<PyCell, number>();

export function pinCell(cell: PyCell): void {
  pinned.set(cell, (pinned.get(cell) ?? 0) + 1);
}

export function unpinCell(cell: PyCell): void {
  const n = pinned.get(cell);
  if (n === undefined) return;
  if (n <= 1) pinned.delete(cell);
  else pinned.set(cell, n - 1);
}

/** Release the reference now (idempotent). Throws BusyError while a pending async call uses the object. */
export function disposeCell(cell: PyCell): void {
  if (!isGenuineCell(cell)) throw forgedCellError();
  const p = cell.ptr;
  if (p === 0n) return;
  if (pinned.size !== 0 && pinned.has(cell)) {
    throw new BusyError(
      `${cell.label} is used by a pending async call; it cannot be disposed until the call settles. Await the call (or abort it and await the rejection), then dispose.`,
    );
  }
  cell.ptr = 0n;
  live--;
  const rt = peekRuntime();
  if (!rt) return;
  if (!GIL.held) acquireGil();
  rt.api.Py_DecRef(p);
}

export function hasPyObject(v: unknown): v is HasPyObject {
  return (typeof v === 'object' || typeof v === 'function') && v !== null && (v as Partial<HasPyObject>)[PYOBJ] !== undefined;
}

/** `compat.tuple(...)`: a JS value that crosses to Python as a tuple. */
export class PyTuple {
  readonly items: readonly unknown[];
  constructor(items: readonly unknown[]) {
    this.items = items;
  }
}

/** `compat.dict(...)`: a JS value that crosses to Python as a dict (string keys, or a Map with any keys). */
export class PyDict {
  readonly entries: ReadonlyArray<readonly [unknown, unknown]>;
  constructor(source: Readonly<Record<string, unknown>> | ReadonlyMap<unknown, unknown>) {
    this.entries = source instanceof Map ? [...source.entries()] : Object.entries(source);
  }
}

/** `compat.complex(re, im)`: a Python complex. */
export class PyComplex {
  constructor(
    readonly re: number,
    readonly im: number,
  ) {}
}
