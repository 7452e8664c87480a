import { describe, expect, it } from 'vitest';
import { asarray, zeros } from '../index.js';
import { FastArray } from '../array.js';
import { clearRecycledBuffers, recyclingStats, REGISTERED_MAX_BYTES, snapshotStats, Storage } from './storage.js';

const gc = (globalThis as { gc?: () => void }).gc;

/** Collects garbage and lets the finalizers run (they run in later turns of the event loop). */
async function collect(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 0));
  }
}

const BIG = (1 << 20) / 8 + 8; // float64 elements just over the recycling threshold

describe.skipIf(gc === undefined)('recycling of large buffers', () => {
  it('gives the buffer of a collected storage to the next allocateForOverwrite of the same size', async () => {
    clearRecycledBuffers();
    const before = recyclingStats().recycled;
    (() => {
      const st = Storage.allocateForOverwrite('float64', BIG);
      (st.data as Float64Array).fill(7);
    })();
    await collect();
    expect(recyclingStats().freeBuffers).toBeGreaterThanOrEqual(1);
    const again = Storage.allocateForOverwrite('float64', BIG);
    expect(recyclingStats().recycled).toBe(before + 1);
    // unspecified contents: here, the old values
    expect(again.data[0]).toBe(7);
    clearRecycledBuffers();
  });

  it('never recycles a buffer that left the engine (storage.buffer read)', async () => {
    clearRecycledBuffers();
    let escaped: Float64Array | null = null;
    (() => {
      const st = Storage.allocateForOverwrite('float64', BIG);
      escaped = new Float64Array(st.buffer);
      escaped.fill(3);
    })();
    await collect();
    const handedOut = Array.from({ length: 6 }, () => Storage.allocateForOverwrite('float64', BIG).data.buffer);
    expect(handedOut).not.toContain(escaped!.buffer);
    expect(escaped![5]).toBe(3);
  });

  it('lazy results computed into recycled buffers are exact; a typed array of a result pins it', async () => {
    clearRecycledBuffers();
    const a = asarray(Float64Array.from({ length: BIG }, (_, i) => i % 13));
    const expected = Float64Array.from({ length: BIG }, (_, i) => 3 * (i % 13) + 1);
    let kept: Float64Array | null = null;
    for (let round = 0; round < 4; round++) {
      const r = a.mul(3).add(1);
      const t = r.toTypedArray() as Float64Array;
      expect(t).toEqual(expected);
      if (round === 0) kept = t; // pinned: must keep its values through later rounds
      // garbage in the buffer of a dead result must not show through in the next one
      (() => {
        const junk = a.add(100);
        junk.get(0);
      })();
      await collect();
    }
    expect(kept).toEqual(expected);
    expect(recyclingStats().recycled).toBeGreaterThan(0);
    clearRecycledBuffers();
  });

  it('small storages are never recycled by garbage collection (only dispose() gives them back), zeros() stays zero-filled', async () => {
    clearRecycledBuffers();
    const st = Storage.allocateForOverwrite('float64', 10);
    expect(st.length).toBe(10);
    (() => {
      const r = asarray(new Float64Array(BIG).fill(9)).add(1);
      r.get(0);
    })();
    await collect();
    const z = zeros([BIG]) as FastArray;
    expect(z.toTypedArray().every((x) => x === 0)).toBe(true);
    clearRecycledBuffers();
  });
});

describe('fresh large results in a synchronous loop', () => {
  it('the finalization registry keeps at most REGISTERED_MAX_BYTES alive; every result stays exact', () => {
    const n = (4 << 20) / 8; // 4 MB float64 results
    const a = asarray(Float64Array.from({ length: n }, (_, i) => i % 11));
    const rounds = (2 * REGISTERED_MAX_BYTES) / (n * 8) + 4;
    const kept: FastArray[] = [];
    for (let k = 0; k < rounds; k++) {
      const r = a.add(k);
      expect(r.get(n - 1)).toBe(((n - 1) % 11) + k);
      expect(recyclingStats().registeredBytes).toBeLessThanOrEqual(REGISTERED_MAX_BYTES);
      if (k % 8 === 0) kept.push(r);
    }
    // results made past the cap own their buffers as before
    kept.forEach((r, j) => expect(r.get(5)).toBe(5 + 8 * j));
  });

  it('dispose() returns a storage past the cap to the free list, and releases its registration otherwise', () => {
    clearRecycledBuffers();
    const a = asarray(new Float64Array(BIG).fill(2));
    const before = recyclingStats().registeredBytes;
    const arr = a.mul(3);
    expect(arr.get(0)).toBe(6);
    const after = recyclingStats().registeredBytes;
    expect(after === before || after === before + BIG * 8).toBe(true);
    arr.dispose();
    expect(recyclingStats().registeredBytes).toBe(before);
    expect(recyclingStats().freeBuffers).toBe(1);
    clearRecycledBuffers();
  });
});

describe('pending lazy readers', () => {
  it('a long chain of dropped lazy arrays is not evaluated; after a write every live one reads the old values', () => {
    const base = asarray(Float64Array.from({ length: 16 }, (_, i) => i));
    const kept: FastArray[] = [];
    for (let i = 0; i < 3000; i++) {
      const lazy = base.add(i);
      if (i % 500 === 0) kept.push(lazy); // the storage holds none of them: dropped ones are garbage
    }
    expect(kept.every((k) => k.lazy)).toBe(true);
    const copies = snapshotStats().copies;
    base.set(0, 1000);
    expect(snapshotStats().copies).toBe(copies + 1); // one copy of the old contents for all of them
    expect(kept.every((k) => k.lazy)).toBe(true);
    kept.forEach((k, j) => expect(k.get(0)).toBe(500 * j));
    expect(base.get(0)).toBe(1000);
  });

  it('a write after a weakly held reader was forced and disposed does not throw', () => {
    const base = asarray(new Float64Array(8));
    const first = base.add(1);
    for (let i = 0; i < 1100; i++) base.mul(i);
    first.get(0);
    first.dispose();
    base.set(1, 5);
    expect(base.get(1)).toBe(5);
  });
});

describe('dispose() recycles at once', () => {
  it('the buffer of a disposed lazy result is reused by the next result of that size, no GC needed', () => {
    clearRecycledBuffers();
    const a = asarray(Float64Array.from({ length: BIG }, (_, i) => i % 7));
    const first = a.mul(2);
    first.get(0);
    const before = recyclingStats().recycled;
    first.dispose();
    expect(recyclingStats().freeBuffers).toBe(1);
    const second = a.add(1); // takes the disposed buffer: every element is overwritten
    expect(second.get(BIG - 1)).toBe(((BIG - 1) % 7) + 1);
    expect(recyclingStats().recycled).toBe(before + 1);
    expect(second.toArray()).toEqual(Array.from({ length: BIG }, (_, i) => (i % 7) + 1));
    clearRecycledBuffers();
  });

  it('not while another view is undisposed, nor once its buffer has left the engine', () => {
    clearRecycledBuffers();
    const a = asarray(Float64Array.from({ length: BIG }, (_, i) => i));
    const r = a.mul(1);
    const view = r.at('1:');
    r.dispose();
    expect(recyclingStats().freeBuffers).toBe(0); // the view still reads it
    expect(view.get(0)).toBe(1);
    const s = a.mul(3);
    const t = s.toTypedArray(); // the buffer has left the engine
    s.dispose();
    expect(recyclingStats().freeBuffers).toBe(0);
    expect(t[2]).toBe(6);
    clearRecycledBuffers();
  });
});
