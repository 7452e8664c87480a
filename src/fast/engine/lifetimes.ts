/**
 * Explicit lifetimes for loops that make many short-lived arrays: `scope(fn)` disposes every fast
 * array made while `fn` runs, except those it returns (tfjs's `tidy`). Disposed results give their
 * buffers to the next results of the same size at once (storage.ts), which garbage collection
 * cannot do inside a synchronous loop. Arrays are plain `Symbol.dispose` objects too (`using`).
 */
import type { FastArray } from '../array.js';

/** Arrays made in each open scope, innermost last. */
const open: FastArray[][] = [];

/** @internal called by FastArray's constructor. */
export function trackNew(a: FastArray): void {
  if (open.length > 0) open[open.length - 1].push(a);
}

/** Whether a scope is open (FastArray's constructor checks this before calling trackNew). */
export function scopeOpen(): boolean {
  return open.length > 0;
}

/** Every fast array in `value`: itself, or inside arrays and plain objects (up to 4 levels deep). */
function collectKept(value: unknown, into: Set<FastArray>, isArray: (x: unknown) => x is FastArray, depth = 0): void {
  if (isArray(value)) into.add(value);
  else if (depth < 4 && Array.isArray(value)) for (const v of value) collectKept(v, into, isArray, depth + 1);
  else if (depth < 4 && typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    for (const v of Object.values(value)) collectKept(v, into, isArray, depth + 1);
  }
}

/**
 * Runs `fn` and disposes every fast array made meanwhile (intermediate results, views, copies),
 * except the arrays in its return value (an array, or arrays inside a returned JS array or plain
 * object); those belong to the enclosing scope, if any. Arrays made inside must not be kept
 * elsewhere (an outer variable, a closure): they are disposed, and using them throws DisposedError.
 * A lazy array that still needs a disposed one's values is computed first. If `fn` throws, every
 * array made inside is disposed and the error propagates. `fn` must be synchronous.
 */
export function scope<T>(fn: () => T, isArray: (x: unknown) => x is FastArray): T {
  if (typeof fn !== 'function') throw new TypeError(`scope(fn) takes a function, got ${typeof fn}`);
  const made: FastArray[] = [];
  open.push(made);
  let result: T;
  try {
    result = fn();
  } catch (err) {
    open.pop();
    for (const a of made) a.dispose();
    throw err;
  } finally {
    if (open[open.length - 1] === made) open.pop();
  }
  if (result instanceof Promise) {
    for (const a of made) a.dispose();
    throw new TypeError('scope(fn): fn returned a Promise; scope only tracks synchronous work (await inside would let other code make arrays in it)');
  }
  const kept = new Set<FastArray>();
  collectKept(result, kept, isArray);
  const parent = open.length > 0 ? open[open.length - 1] : null;
  for (const a of made) {
    if (kept.has(a)) parent?.push(a);
    else a.dispose();
  }
  return result;
}
