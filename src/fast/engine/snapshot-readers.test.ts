/**
 * A write into a storage that lazy arrays still wait to read ends its epoch: the range they read is
 * copied once and they read the copy, staying lazy (storage.ts Epoch). Every value is NumPy's eager
 * result, checked here against NumPy in CPython; the copies are counted (snapshotStats).
 */
import { describe, expect, it } from 'vitest';
import * as fast from '../index.js';
import { expectSame, numpyEval } from '../testing/numpy-oracle.js';
import { snapshotStats } from './storage.js';

const E = numpyEval(
  {
    b: 'a0 + 1',
    c: 'a0 * 2',
    d: '(a0 + 1) * (a0 * 2)',
    afterFirst: 'w1 + (a0 + 1)',
    w2: 'w2',
    x: 'a0 + b0',
    y: 'a0 * b0 - b0',
    zc: 'z0 * (1 - 2j) + z0',
    zm: 'abs(z0)',
    one: 'a0 - 3',
    part: 'a0[8:10] * 3',
    loop: 'np.cumsum(np.ones(12)) * 2',
    masked: 'np.where(a0 > 2, -1.0, a0)',
    s1: 'a0[0:6] + a0[6:]',
    s2: 'a0[0:6] * a0[6:]',
  },
  [
    'a0 = np.arange(12, dtype=np.float64) * 0.5',
    'b0 = np.linspace(-1, 1, 12)',
    'w1 = a0.copy(); w1[:] = 7.0',
    'w2 = w1.copy(); w2[3] = -1.0',
    'z0 = (np.arange(6) + 1j * np.arange(6)[::-1]).astype(np.complex128)',
  ].join('\n'),
);

const a0 = () => fast.arange(12).astype('float64').mul(0.5).copy();
const b0 = () => fast.linspace(-1, 1, 12);
const isLazy = (x: fast.FastArray): boolean => x._expr !== null;

describe('lazy readers of overwritten memory', () => {
  it('many readers stay lazy and read a copy of the old contents; shared parts stay shared', () => {
    const a = a0();
    const b = a.add(1);
    const c = a.mul(2);
    const d = b.mul(c);
    a.set('...', 7);
    expect([b, c, d].map(isLazy)).toEqual([true, true, true]);
    expect(fast.explain(d).leaves).toBe(1); // b and c read the same copy: one leaf
    expectSame(b, E.b, 'b');
    expectSame(c, E.c, 'c');
    expectSame(d, E.d, 'd');
    // an expression made after the write reads the new contents and the old ones side by side
    const e = a.add(b);
    a.set(3, -1);
    expectSame(e, E.afterFirst, 'afterFirst');
    expectSame(a, E.w2, 'w2');
  });

  it('the write copies only the range the readers read, once; computed readers cost no copy', () => {
    const a = a0();
    const one = a.sub(3);
    const part = a.at('8:10').mul(3);
    const before = snapshotStats();
    a.set(0, 100);
    const after = snapshotStats();
    expect(after.copies - before.copies).toBe(1);
    expect(after.slots - before.slots).toBe(12);
    expect(isLazy(one)).toBe(true);
    expectSame(one, E.one, 'one');
    expectSame(part, E.part, 'part');
    // only the slice is read now: the next write copies its two elements
    const part2 = a.at('8:10').mul(3);
    a.set(1, 100);
    expect(snapshotStats().slots - after.slots).toBe(2);
    expect(Array.from(part2.toTypedArray() as Float64Array)).toEqual([12, 13.5]);
    // a loop that computes what it builds before writing copies nothing
    const c = fast.zeros([12]);
    const mark = snapshotStats();
    for (let i = 0; i < 12; i++) {
      const t = c.add(1); // lazy, pending on c
      c.set(i, (t.get(i) as number) + (i > 0 ? (c.get(i - 1) as number) : 0) + 1); // forced before the write
    }
    expect(snapshotStats().copies).toBe(mark.copies);
    expectSame(c, E.loop, 'loop');
    // a mask built on the array it writes is computed before the write: nothing to keep
    const z = a0();
    z.set(z.gt(2), -1);
    expect(snapshotStats().copies).toBe(mark.copies);
    expectSame(z, E.masked, 'masked');
  });

  it('readers of two storages written one after the other', () => {
    const a = a0();
    const b = b0();
    const x = a.add(b);
    const y = a.mul(b).sub(b);
    a.set('...', 0);
    b.set('...', 0);
    expectSame(x, E.x, 'x');
    expectSame(y, E.y, 'y');
  });

  it('complex memory is copied whole (both lanes)', () => {
    const z = fast.asarray(Array.from({ length: 6 }, (_, i) => ({ re: i, im: 5 - i })), { dtype: 'complex128' });
    const zc = z.mul({ re: 1, im: -2 }).add(z);
    const zm = fast.abs(z);
    z.set('...', 0);
    expectSame(zc, E.zc, 'zc');
    expectSame(zm, E.zm, 'zm');
  });

  it('a lazy array returned from a scope keeps reading the copy after the scope disposes what it made', () => {
    const a = a0();
    const [b, d] = fast.scope(() => {
      const bb = a.add(1);
      const dd = bb.mul(a.mul(2));
      a.set('...', 7);
      return [bb, dd];
    });
    expectSame(b, E.b, 'b');
    expectSame(d, E.d, 'd');
  });

  it('disposing the written array leaves the readers their values', () => {
    const a = a0();
    const b = a.add(1);
    const c = a.mul(2);
    a.dispose();
    expectSame(b, E.b, 'b');
    expectSame(c, E.c, 'c');
  });

  it('written views: readers of overlapping views of one buffer', () => {
    const a = a0();
    const lo = a.at('0:6');
    const hi = a.at('6:');
    const s1 = lo.add(hi);
    const s2 = lo.mul(hi);
    a.at('2:8').set('...', -5);
    expectSame(s1, E.s1, 's1');
    expectSame(s2, E.s2, 's2');
  });
});
