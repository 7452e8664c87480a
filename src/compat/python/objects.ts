/**
 * Python object handles. A `PyCell` owns exactly one reference to a Python object. The JS object
 * that holds the cell (a CompatArray, a proxy) is registered with a FinalizationRegistry, so the
 * reference is released when that JS object is garbage collected, or earlier with `disposeCell()`
 * (used by `dispose()` / `Symbol.dispose`). Registration uses no unregister token (measured: a token
 * makes `register` about 5x slower); a disposed cell has `ptr === 0n`, which the finaliser skips.
 */
import { DisposedError } from '../../common/errors.js';
import type { Ptr } from '../ffi/index.js';
import { acquireGil, GIL } from './gil.js';
import { peekRuntime } from './runtime.js';

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
}

/** The key under which compat objects expose their cell (CompatArray, proxies). */
export const PYOBJ: unique symbol = Symbol.for('ndbridge.compat.pyobject');

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

const registry = new FinalizationRegistry<PyCell>((cell) => {
  const p = cell.ptr;
  if (p === 0n) return;
  cell.ptr = 0n;
  live--;
  const rt = peekRuntime();
  if (!rt) return;
  if (!GIL.held) acquireGil();
  rt.api.Py_DecRef(p);
});

/** Take ownership of the reference `ptr` on behalf of `holder`. */
export function ownReference(holder: object, ptr: Ptr, label: string): PyCell {
  const cell: PyCell = { ptr, label };
  registry.register(holder, cell);
  live++;
  return cell;
}

/** The live pointer of a cell, or DisposedError naming the object. */
export function livePtr(cell: PyCell): Ptr {
  const p = cell.ptr;
  if (p === 0n) {
    throw new DisposedError(`${cell.label} was disposed; it cannot be used any more. Keep a live reference, or copy it before dispose().`);
  }
  return p;
}

/** Release the reference now (idempotent). */
export function disposeCell(cell: PyCell): void {
  const p = cell.ptr;
  if (p === 0n) return;
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
