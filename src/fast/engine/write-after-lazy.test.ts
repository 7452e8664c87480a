/**
 * A write into memory that lazy arrays still wait to read: they keep the values they were built from
 * (storage.ts Epoch), whatever order and sharing their graphs have. Values must be exactly NumPy's
 * eager results.
 */
import { describe, expect, it } from 'vitest';
import * as fast from '../index.js';
import { expectSame, numpyEval } from '../testing/numpy-oracle.js';

const E = numpyEval(
  {
    p1: 'a0 + 1',
    p2: '(a0 + 1) * 2',
    p3: '(a0 + 1) * 2 - (a0 + 1)',
    cast: '((a0 + 1) * 2).astype(np.int32) + 1',
    mask: '((a0 + 1) > 3) & ((a0 + 1) < 8)',
    after: 'np.full(12, 5.0)',
    n: 'A[0:-2, 0:-2] + A[0:-2, 1:-1] + A[1:-1, 0:-2] + A[2:, 2:]',
    alive: '(lambda N, I: ((N == 3) & (I == 0)) | (((N == 2) | (N == 3)) & (I == 1)))(A[0:-2, 0:-2] + A[0:-2, 1:-1] + A[1:-1, 0:-2] + A[2:, 2:], A[1:-1, 1:-1])',
  },
  'a0 = np.arange(12, dtype=np.float64) * 0.5\nA = (np.arange(36).reshape(6, 6) % 3 == 0).astype(np.float64)',
);

describe('lazy readers of memory written afterwards', () => {
  it('chains that share parts keep their eager values', () => {
    const a = fast.arange(12).astype('float64').mul(0.5);
    const p1 = a.add(1);
    const p2 = p1.mul(2);
    const p3 = p2.sub(p1);
    const cast = p2.astype('int32').add(1);
    const mask = p1.gt(3).and(p1.lt(8));
    a.set('...', 0);
    expectSame(p1, E.p1, 'p1');
    expectSame(p2, E.p2, 'p2');
    expectSame(p3, E.p3, 'p3');
    expectSame(cast, E.cast, 'cast');
    expectSame(mask, E.mask, 'mask');
    // writing a part later changes nothing already computed, and a new expression on it reads the new values
    p1.set('...', 5);
    expectSame(p3, E.p3, 'p3 after p1 is written');
    expectSame(p1.add(0), E.after, 'after');
  });

  it('a Game of Life step: neighbour count and masks from shifted views, then the board is cleared', () => {
    const A = fast.asarray(Array.from({ length: 36 }, (_, i) => (i % 3 === 0 ? 1 : 0))).astype('float64').reshape([6, 6]);
    const s = (r: string) => A.at(r);
    const N = s('0:-2, 0:-2').add(s('0:-2, 1:-1')).add(s('1:-1, 0:-2')).add(s('2:, 2:'));
    const I = s('1:-1, 1:-1');
    const alive = N.eq(3).and(I.eq(0)).or(N.eq(2).or(N.eq(3)).and(I.eq(1)));
    A.set('...', 0);
    expect(A.sum().item()).toBe(0);
    expectSame(N, E.n, 'N');
    expectSame(alive, E.alive, 'alive');
  });
});
