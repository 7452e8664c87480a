/**
 * fast.scope(fn) disposes the arrays made inside except what fn returns; dispose() hands small
 * result buffers to the next result of the same size (storage.ts). Values stay NumPy's.
 */
import { describe, expect, it } from 'vitest';
import { DisposedError } from '../../common/errors.js';
import * as fast from '../index.js';
import { clearRecycledBuffers, recyclingStats } from './storage.js';
import { expectSame, numpyEval } from '../testing/numpy-oracle.js';

const E = numpyEval(
  { softmax: '(lambda e: e / e.sum(axis=1, keepdims=True))(np.exp(x - x.max(axis=1, keepdims=True)))', twice: '(x + 1) * 2', rows: 'x.sum(axis=1)' },
  'x = (np.arange(12, dtype=np.float64) % 5 / 5).reshape(3, 4)',
);
const X = (): fast.FastArray => fast.arange(12).astype('float64').mod(5).div(5).reshape([3, 4]);

describe('fast.scope', () => {
  it('returns fn’s result intact and disposes every intermediate', () => {
    const x = X();
    let inner: fast.FastArray[] = [];
    const out = fast.scope(() => {
      const m = x.max({ axis: 1, keepdims: true });
      const e = fast.exp(x.sub(m));
      const s = e.sum({ axis: 1, keepdims: true });
      inner = [m, e, s];
      return e.div(s);
    });
    expectSame(out, E.softmax, 'softmax', { rtol: 4e-16 }); // exp differs from NumPy's by an ulp at most
    for (const a of inner) expect(() => a.get(0, 0)).toThrow(DisposedError);
    expect(x.get(0, 1)).toBeCloseTo(0.2); // made outside: untouched
  });

  it('keeps arrays inside a returned JS array or plain object; nested scopes hand kept arrays outwards', () => {
    const x = X();
    let innerKept: fast.FastArray | undefined;
    let dropped: fast.FastArray | undefined;
    const res = fast.scope(() => {
      const twice = fast.scope(() => {
        dropped = x.add(1);
        innerKept = dropped.mul(2);
        return innerKept;
      });
      expect(() => dropped!.get(0, 0)).toThrow(DisposedError);
      return { twice, parts: [x.sum({ axis: 1 })] };
    });
    expectSame(res.twice, E.twice, 'twice');
    expectSame(res.parts[0], E.rows, 'rows');
    expect(res.twice).toBe(innerKept);
  });

  it('a lazy result that reads an intermediate keeps its values after the intermediate goes', () => {
    const x = X();
    const out = fast.scope(() => {
      const t = x.add(1).mul(1); // materialised below, then read lazily by the result
      t.get(0, 0);
      return t.mul(2);
    });
    // t's disposal kept a copy of what out reads (its buffer went back to the free list)
    expect(out.lazy).toBe(true);
    expectSame(out, E.twice, 'twice');
  });

  it('disposes everything when fn throws, and refuses what it cannot track', () => {
    let made: fast.FastArray | undefined;
    expect(() =>
      fast.scope(() => {
        made = X().add(1);
        throw new RangeError('boom');
      }),
    ).toThrow(RangeError);
    expect(() => made!.get(0, 0)).toThrow(DisposedError);
    expect(() => fast.scope(5 as never)).toThrow(TypeError);
    expect(() => fast.scope((async () => X()) as never)).toThrow(/Promise/);
  });
});

describe('small buffers are recycled by dispose()', () => {
  it('a disposed 50x50 result gives its buffer to the next one; values are exact', () => {
    clearRecycledBuffers();
    const a = fast.arange(2500).astype('float64').reshape([50, 50]);
    const first = a.mul(2);
    first.get(0, 0);
    first.dispose();
    expect(recyclingStats().freeSmallBuffers).toBe(1);
    const before = recyclingStats().recycled;
    const second = a.add(1); // every element overwritten
    second.get(0, 0);
    expect(recyclingStats().recycled).toBe(before + 1);
    expect(second.toArray()).toEqual(Array.from({ length: 50 }, (_, i) => Array.from({ length: 50 }, (_, j) => 50 * i + j + 1)));
    clearRecycledBuffers();
  });

  it('never a buffer that left the engine or one a view still reads; zeros() never takes one', () => {
    clearRecycledBuffers();
    const a = fast.arange(16).astype('float64');
    const r = a.mul(3);
    const t = r.toTypedArray(); // pinned
    r.dispose();
    const v = a.mul(5);
    const view = v.at('1:');
    v.dispose(); // the view still reads it
    expect(recyclingStats().freeSmallBuffers).toBe(0);
    expect(t[2]).toBe(6);
    expect(view.get(0)).toBe(5);
    const w = a.mul(7);
    w.get(0);
    w.dispose();
    expect(recyclingStats().freeSmallBuffers).toBe(1);
    expect(Array.from(fast.zeros([16]).toTypedArray() as Float64Array).every((x) => x === 0)).toBe(true);
    clearRecycledBuffers();
  });

  it('a scoped loop reuses one buffer per size instead of allocating', () => {
    clearRecycledBuffers();
    const a = fast.arange(100).astype('float64');
    const before = recyclingStats().recycled;
    let total = 0;
    for (let i = 0; i < 50; i++) {
      total += fast.scope(() => {
        const r = a.add(i).mul(2);
        r.get(0); // materialised: a buffer per iteration, the previous iteration's one
        return r.sum().item() as number;
      });
    }
    expect(total).toBe(Array.from({ length: 50 }, (_, i) => 2 * (4950 + 100 * i)).reduce((x, y) => x + y, 0));
    expect(recyclingStats().recycled - before).toBeGreaterThanOrEqual(45);
    clearRecycledBuffers();
  });
});
