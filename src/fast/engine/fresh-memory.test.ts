import { afterEach, describe, expect, it } from 'vitest';
import { asarray, zeros } from '../index.js';
import { FRESH_HOOK_MIN_BYTES, hasFreshBufferHook, setFreshBufferHook } from '../../internal.js';
import type { FastArray } from '../array.js';
import { clearRecycledBuffers } from './storage.js';

const N = FRESH_HOOK_MIN_BYTES / 8 + 16; // float64 elements just over the hook's threshold

afterEach(() => {
  setFreshBufferHook(null);
  clearRecycledBuffers();
});

describe('the fresh-buffer hook (huge pages, installed by the bridge)', () => {
  it('is called once per fresh large buffer, before anything is written, and never for small or recycled ones', () => {
    clearRecycledBuffers();
    const seen: { bytes: number; zero: boolean }[] = [];
    setFreshBufferHook((b) => seen.push({ bytes: b.byteLength, zero: new Float64Array(b, 0, 4).every((x) => x === 0) }));
    const a = asarray(Float64Array.from({ length: N }, (_, i) => i % 9));
    asarray(new Float64Array(100)).add(1).get(0); // small: no call
    expect(seen).toEqual([]);
    const r = a.add(2);
    expect(r.get(N - 1)).toBe(((N - 1) % 9) + 2);
    expect(seen).toEqual([{ bytes: N * 8, zero: true }]);
    r.dispose(); // back to the free list
    const again = a.mul(3);
    expect(again.get(7)).toBe(21);
    expect(seen.length).toBe(1); // the recycled buffer is not fresh
    const z = zeros([N]) as FastArray;
    expect(seen.length).toBe(2);
    expect(z.get(N - 1)).toBe(0);
  });

  it('a hook that throws is removed and the result is still computed', () => {
    let calls = 0;
    setFreshBufferHook(() => {
      calls++;
      throw new Error('no madvise here');
    });
    const a = asarray(new Float64Array(N).fill(1.5));
    expect(a.add(a).get(3)).toBe(3);
    expect(calls).toBe(1);
    expect(hasFreshBufferHook()).toBe(false);
    expect(a.mul(2).get(N - 1)).toBe(3);
    expect(calls).toBe(1);
  });
});
