/**
 * Owned references: a CompatArray is its own cell (one object per result), attributes are read on first
 * use only, references of collected holders are released in batches (one tuple per batch), a disposed
 * array's slot is never reused while the array is reachable, and a proxy's cell keeps its proxy alive.
 * Runs under both FFI engines (NDBRIDGE_FFI).
 */
import { expect, it } from 'vitest';
import { collectOwnedReferences as collect, describeCompat, pyRefcount as refcount } from '../../../test/compat/support.js';
import { DisposedError } from '../../common/errors.js';
import * as compat from '../index.js';
import { CompatArray } from '../index.js';
import { acquireGil, flushReleases, getRuntime, livePtr, liveReferenceCount, PYOBJ, type PyCell } from '../internal.js';

describeCompat('owned references', () => {
  it('a CompatArray is its own cell, and reads its attributes only when asked', () => {
    const np = compat.numpy();
    const x = np.arange(6, { dtype: 'float32' }).reshape([2, 3]);
    const r = np.add(x, x);
    expect(r).toBeInstanceOf(CompatArray);
    expect(r[PYOBJ]).toBe(r);
    expect(typeof r.ptr).toBe('bigint');
    expect(r.ptr).not.toBe(0n);
    // No attribute has been read from Python yet: the label is the bare class name.
    expect(r.label).toBe('CompatArray');
    const expected = compat.evaluate('(lambda a: (list(a.shape), a.dtype.name, list(a.strides), a.itemsize, a.nbytes, a.ndim, a.size))(x + x)', { x }) as unknown[];
    expect([r.shape, r.dtype, r.strides, r.itemsize, r.nbytes, r.ndim, r.size]).toEqual(expected);
    expect(r.label).toBe('CompatArray(float32, [2, 3])');
    expect(r.toArray()).toEqual([
      [0, 2, 4],
      [6, 8, 10],
    ]);
    r.dispose();
    expect(r.ptr).toBe(0n);
    expect(() => r.add(1)).toThrow(DisposedError);
    expect(() => livePtr(r)).toThrow(/CompatArray\(float32, \[2, 3\]\) was disposed/);
  });

  it('references of collected arrays are released, in batches larger than one queue', async () => {
    const np = compat.numpy();
    const base = np.arange(5);
    await collect();
    const before = refcount(base);
    const live0 = liveReferenceCount();
    // Views hold their base: each unreleased view is one more reference to `base`. 10,000 is more than
    // one release batch (4,096), so the full-queue path runs too.
    for (let i = 0; i < 10_000; i++) base.at('1:');
    expect(refcount(base)).toBeGreaterThan(before);
    await collect();
    flushReleases();
    expect(refcount(base)).toBe(before);
    expect(liveReferenceCount() - live0).toBeLessThan(10);
  });

  it('a disposed array never sees another object through its recycled slot', async () => {
    const np = compat.numpy();
    const d = np.arange(4);
    d.dispose();
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 2_000; i++) np.arange(3);
      await collect();
    }
    const fresh = np.ones([2]);
    expect(d.ptr).toBe(0n);
    expect(() => d.add(d)).toThrow(DisposedError);
    expect(() => np.add(d, 1)).toThrow(DisposedError);
    expect(fresh.toArray()).toEqual([1, 1]);
  });

  it('a proxy cell keeps its proxy, and so its reference, alive while the cell is reachable', async () => {
    const np = compat.numpy();
    let cell: PyCell | undefined = (np.random.default_rng(7) as compat.PyObjectProxy)[PYOBJ];
    await collect();
    acquireGil();
    expect(getRuntime().api.PyObject_HasAttrString(livePtr(cell), 'random')).toBe(1);
    cell = undefined;
    await collect();
  });

  it('flushReleases with nothing queued does nothing', () => {
    const before = liveReferenceCount();
    flushReleases();
    flushReleases();
    expect(liveReferenceCount()).toBe(before);
  });
});
