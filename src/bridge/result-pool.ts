/**
 * NumPy result arrays reused by nd's BLAS route for matmul (`np.matmul(a, b, out=...)`).
 *
 * Why: NumPy in CPython frees each result the moment its last reference goes, and the allocator hands the
 * same (already mapped) memory to the next result. nd's results are zero-copy fast views, so NumPy's
 * memory lives until the JS garbage collector collects the view; a loop of large products then gets
 * fresh memory from the system every time and pays for its page faults. Measured with 502x502 float64
 * (OpenBLAS on one thread for stable figures): A@B in a Python loop 5.3-5.5 ms, the same loop keeping
 * 32 results alive before freeing them 6.6-7.5 ms, nd.matmul with dropped results 6.3-7.9 ms, nd.matmul
 * writing into reused arrays 5.3 ms.
 *
 * How: a result array goes back to the pool when nothing can see its memory any more, which the region
 * over it (native-views.ts) knows: a `PooledResult` is the region's keeper, and the region releases its
 * keeper when its ArrayBuffer is garbage collected or every storage over it has been disposed (`dispose()`
 * promises the memory is no longer used, as for any bridge import). A keeper the region does not need (it
 * already has one) frees its array instead of pooling it. Only arrays that nothing else in Python refers to
 * (reference count 1: the pool's own) are pooled. The pool is bounded (POOL_MAX_BYTES); what does not fit
 * is freed.
 */
import type { CompatArray } from '../compat/index.js';
import { livePtr, PYOBJ } from '../compat/python/objects.js';
import type { Keeper } from './native-views.js';
import { bridgePython, refcount } from './python.js';

/** Results smaller than this are not pooled (the allocator reuses small blocks by itself). */
export const POOL_MIN_BYTES = 64 * 1024;
/** Most bytes of idle arrays the pool keeps by default. */
export const POOL_MAX_BYTES = 64 * 1024 * 1024;
let maxBytes = POOL_MAX_BYTES;

/** Set the most bytes of idle arrays the pool keeps (0 turns pooling off); frees what no longer fits. */
export function setResultPoolBytes(bytes: number): void {
  maxBytes = Math.max(0, bytes);
  if (pooledBytes > maxBytes) clearResultPool();
}

/** The most bytes of idle arrays the pool keeps. */
export function resultPoolBytes(): number {
  return maxBytes;
}

const pool = new Map<string, CompatArray[]>();
let pooledBytes = 0;

/** Pool key of a result: dtype and shape. */
export function resultKey(dtype: string, shape: readonly number[]): string {
  return `${dtype}|${shape.join(',')}`;
}

/** An idle array for this key, or undefined. The caller owns it (give it to a PooledResult, or dispose it). */
export function takeResult(key: string, bytes: number): CompatArray | undefined {
  const list = pool.get(key);
  const a = list?.pop();
  if (a === undefined) return undefined;
  pooledBytes -= bytes;
  if (list!.length === 0) pool.delete(key);
  return a;
}

/** Whether only our reference holds `a` (nothing else in Python can see or resize it). */
export function onlyOwner(a: CompatArray): boolean {
  const { rt } = bridgePython();
  return refcount(rt, livePtr(a[PYOBJ])) === 1n;
}

function giveBack(a: CompatArray, key: string, bytes: number): void {
  if (pooledBytes + bytes > maxBytes || !onlyOwner(a)) {
    a.dispose();
    return;
  }
  let list = pool.get(key);
  if (list === undefined) pool.set(key, (list = []));
  list.push(a);
  pooledBytes += bytes;
}

/** The keeper of a region over a pooled result: releasing it returns the array to the pool. */
export class PooledResult implements Keeper {
  private array: CompatArray | null;
  /** False when the array must be freed rather than pooled (its layout is not the key's). */
  poolable = true;
  constructor(
    array: CompatArray,
    private readonly key: string,
    private readonly bytes: number,
  ) {
    this.array = array;
  }
  /** Nothing sees the memory any more: pool the array. */
  release(): void {
    const a = this.array;
    this.array = null;
    if (a === null) return;
    if (this.poolable) giveBack(a, this.key, this.bytes);
    else a.dispose();
  }
  /** The region already had a keeper (something else may see this memory): free, never pool. */
  redundant(): void {
    const a = this.array;
    this.array = null;
    a?.dispose();
  }
}

/** Bytes and arrays the pool holds (tests). */
export function poolStats(): { arrays: number; bytes: number } {
  let n = 0;
  for (const l of pool.values()) n += l.length;
  return { arrays: n, bytes: pooledBytes };
}

/** Free every pooled array (tests; memory pressure). */
export function clearResultPool(): void {
  for (const l of pool.values()) for (const a of l) a.dispose();
  pool.clear();
  pooledBytes = 0;
}
