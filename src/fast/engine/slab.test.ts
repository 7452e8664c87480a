/**
 * Small results come from shared 64 KiB slabs (storage.ts). What must hold: each array keeps its own
 * bytes (no overlap, no neighbour sees a write), zero-filled creation stays zero after pieces were
 * disposed and recycled, a transfer of a slab never detaches neighbours on Node, and the checks that
 * used buffer identity to mean "the same memory" (asarray's copy: false, a write whose value shares the
 * destination's buffer) still tell shared memory from a neighbour in the same slab.
 */
import { describe, expect, it } from 'vitest';
import * as fast from '../index.js';
import { CopyRequiredError } from '../../common/errors.js';
import { recyclingStats, SLAB_MAX_PIECE } from './storage.js';

describe('slabs for small results', () => {
  it('small results share a slab without overlapping, and keep their own values', () => {
    const a = fast.asarray([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const rs = Array.from({ length: 40 }, (_, k) => a.add(k));
    const bytes = rs.map((r) => r.toTypedArray());
    const slabs = new Set(bytes.map((t) => t.buffer));
    expect(slabs.size).toBeLessThan(rs.length); // they share
    const sorted = [...bytes].sort((x, y) => (x.buffer === y.buffer ? x.byteOffset - y.byteOffset : 0));
    for (let i = 1; i < sorted.length; i++) {
      const p = sorted[i - 1]!;
      const q = sorted[i]!;
      if (p.buffer === q.buffer) expect(q.byteOffset).toBeGreaterThanOrEqual(p.byteOffset + p.byteLength);
      expect(q.byteOffset % 16).toBe(0);
    }
    rs[7]!.set(0, -1);
    rs.forEach((r, k) => expect(r.toArray()).toEqual([k === 7 ? -1 : 1 + k, ...Array.from({ length: 11 }, (_, i) => i + 2 + k)]));
  });

  it('results above the piece limit get a buffer of their own', () => {
    const n = SLAB_MAX_PIECE / 8 + 1;
    const t = fast.ones([n]).add(1).toTypedArray();
    expect(t.byteOffset).toBe(0);
    expect(t.buffer.byteLength).toBe(n * 8);
  });

  it('zeros() after disposed pieces were recycled is still all zeros', () => {
    const a = fast.asarray(Array.from({ length: 300 }, (_, i) => i + 1));
    const before = recyclingStats().recycled;
    for (let k = 0; k < 200; k++) {
      const r = a.mul(3);
      expect(r.get(k % 300)).toBe(3 * ((k % 300) + 1)); // computed: its piece is written
      r.dispose(); // the piece goes to the free list, the next mul takes it
      const z = fast.zeros([300]);
      const e = fast.empty([300]);
      expect(fast.sum(fast.abs(z)).item()).toBe(0);
      e.dispose();
    }
    expect(recyclingStats().recycled - before).toBeGreaterThan(100);
  });

  it('a transfer of a small array\'s buffer leaves it and its neighbours readable (Node: the slab is untransferable)', () => {
    const a = fast.asarray([1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5]);
    const x = a.mul(2);
    const y = a.mul(3);
    const t = x.toTypedArray();
    expect(t.buffer).toBe(y.toTypedArray().buffer);
    let cloned: unknown = null;
    try {
      cloned = structuredClone(t.buffer, { transfer: [t.buffer as ArrayBuffer] }); // Node 20: a copy
    } catch (e) {
      expect((e as Error).name).toBe('DataCloneError'); // Node 21+
    }
    if (cloned !== null) expect((cloned as ArrayBuffer).byteLength).toBe(t.buffer.byteLength);
    expect(t.buffer.byteLength).toBeGreaterThan(0);
    expect(x.toArray()).toEqual([3, 5, 7, 9, 11, 13, 15, 17, 19]);
    expect(y.toArray()).toEqual([4.5, 7.5, 10.5, 13.5, 16.5, 19.5, 22.5, 25.5, 28.5]);
  });

  it('asarray(copy: false) of a slab view with a dtype change refuses (the copy may land in the same slab)', () => {
    const t = fast.asarray([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).mul(2).toTypedArray();
    expect(() => fast.asarray(t, { dtype: 'float32', copy: false })).toThrow(CopyRequiredError);
    const same = fast.asarray(t, { copy: false });
    expect(same.toTypedArray().byteOffset).toBe(t.byteOffset);
    expect(same.toTypedArray().buffer).toBe(t.buffer);
  });

  it('a write whose value is a neighbour in the same slab, or overlaps the destination, is right', () => {
    const base = fast.asarray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const d = base.add(0);
    const v = base.mul(10);
    expect(d.toTypedArray().buffer).toBe(v.toTypedArray().buffer);
    d.set('2:6', v.at('0:4'));
    expect(d.toArray()).toEqual([0, 1, 0, 10, 20, 30, 6, 7, 8, 9]);
    d.set('1:9', d.at('0:8')); // overlapping: NumPy reads the old values
    expect(d.toArray()).toEqual([0, 0, 1, 0, 10, 20, 30, 6, 7, 9]);
  });
});
