/**
 * Detached memory. `fast.asarray(typedArray)` shares the typed array's ArrayBuffer; if its owner then
 * transfers that buffer (`structuredClone(b, { transfer: [b] })`, `postMessage(b, [b])`) every typed array
 * over it reads as empty: element reads give undefined and kernels see no elements. The checks here run on
 * rare paths only (a read that came back undefined, once per evaluation), never inside element loops.
 */
import { DetachedBufferError } from '../../common/errors.js';
import type { FastArray } from '../array.js';
import type { Node } from './expr.js';
import type { Epoch, Storage, TypedData } from './storage.js';

/** True when `data` should hold `elements` (> 0) elements but its buffer has been detached. */
export function isDetached(data: TypedData, elements: number): boolean {
  return elements > 0 && data.byteLength === 0;
}

/** The error for a read of `what` (an array description) whose memory was detached. */
export function detachedError(what: string): DetachedBufferError {
  return new DetachedBufferError(
    `the memory of ${what} is gone: its ArrayBuffer was transferred (structuredClone / postMessage with a transfer list) ` +
      'or detached after the array was made over it. Copy the data before transferring it (fast.asarray(ta).copy() or ta.slice()), ' +
      'or make the array again from the buffer that arrived.',
  );
}

/** `a` described for an error message: "a float64 fast array of shape [3, 4]". */
export function describeArray(a: Pick<FastArray, 'dtype' | 'shape'>): string {
  return `a ${a.dtype} fast array of shape [${a.shape.join(', ')}]`;
}

/** Throws DetachedBufferError when `a`'s (materialised) storage has been detached. */
export function checkAttached(a: FastArray, data: TypedData): void {
  if (isDetached(data, a.size)) throw detachedError(describeArray(a));
}

function storageDetached(s: Storage): boolean {
  return isDetached(s.data, s.length);
}

/** The first leaf of `root` in epoch `e` (for the error message; rare path). */
function leafIn(root: Node, e: Epoch): FastArray | null {
  if (root.kind === 'leaf') return root.epoch === e ? root.array : null;
  if (root.kind === 'cast') return leafIn(root.arg, e);
  if (root.kind === 'op') {
    for (const a of root.args) {
      const hit = leafIn(a, e);
      if (hit !== null) return hit;
    }
  }
  return null;
}

/**
 * Once per evaluation: throws DetachedBufferError when a storage `root` reads (not from a snapshot),
 * or the destination, has been detached.
 */
export function checkGraphAttached(root: Node, dest: { readonly data: TypedData; readonly shape: readonly number[] }): void {
  const deps = root.deps;
  for (let i = 0; i < deps.length; i++) {
    const e = deps[i];
    if (e.snapshot === null && storageDetached(e.storage)) {
      const a = leafIn(root, e);
      const s = e.storage;
      throw detachedError(a === null ? `a ${s.dtype} fast array (${s.length} elements)` : describeArray(a));
    }
  }
  if (dest.data.byteLength === 0) {
    let n = 1;
    for (const d of dest.shape) n *= d;
    if (n > 0) throw detachedError(`the destination array of shape [${dest.shape.join(', ')}]`);
  }
}
