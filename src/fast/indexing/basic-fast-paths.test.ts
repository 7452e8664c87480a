/**
 * The shortcuts of indexing.ts: views from slices and integers (basicView) and one scalar written
 * over a whole view (fillView), on the index shapes that differ in their loops (negative steps,
 * fewer items than dimensions, integers that drop a dimension, empty slices, every dtype class),
 * against NumPy.
 */
import { describe, it } from 'vitest';
import * as fast from '../index.js';
import { slice } from '../../common/index-expr.js';
import { expectSame, numpyEval } from '../testing/numpy-oracle.js';

const SETUP = 'A = np.arange(60, dtype=np.float64).reshape(3, 4, 5)';
const E = numpyEval(
  {
    v1: 'A[1:, ::-2]',
    v2: 'A[-1, 1:3]',
    v3: 'A[:, 2, ::-1]',
    v4: 'A[2:2]',
    v5: 'A[0]',
    f1: '(lambda B: (B.__setitem__((slice(None), slice(None, None, -2)), 7), B)[1])(A.copy())',
    f2: '(lambda B: (B.__setitem__((1, slice(1, 3), slice(None, None, 2)), -1), B)[1])(A.copy())',
    f3: '(lambda B: (B.__setitem__(Ellipsis, 0), B)[1])(A.astype(np.int16))',
    f4: '(lambda B: (B.__setitem__((slice(None), 3, 4), 1), B)[1])(A.astype(np.uint8))',
    f5: '(lambda B: (B.__setitem__((slice(2, 2),), 9), B)[1])(A.copy())',
    f6: '(lambda B: (B.__setitem__((slice(None), 0), True), B)[1])(A > 30)',
  },
  SETUP,
);

const A = () => fast.arange(60).astype('float64').reshape([3, 4, 5]);

describe('basic views and whole-view scalar writes', () => {
  it('views from slices and integers', () => {
    expectSame(A().at(slice(1, null), slice(null, null, -2)), E.v1, 'v1');
    expectSame(A().at(-1, slice(1, 3)), E.v2, 'v2');
    expectSame(A().at(slice(null), 2, slice(null, null, -1)), E.v3, 'v3');
    expectSame(A().at(slice(2, 2)), E.v4, 'v4');
    expectSame(A().at(0), E.v5, 'v5');
  });

  it('one scalar over a view, as NumPy setitem casts it', () => {
    const f1 = A();
    f1.set([slice(null), slice(null, null, -2)], 7);
    expectSame(f1, E.f1, 'f1');
    const f2 = A();
    f2.set([1, slice(1, 3), slice(null, null, 2)], -1);
    expectSame(f2, E.f2, 'f2');
    const f3 = A().astype('int16');
    f3.set('...', 0);
    expectSame(f3, E.f3, 'f3');
    const f4 = A().astype('uint8');
    f4.set([slice(null), 3, 4], 1);
    expectSame(f4, E.f4, 'f4');
    const f5 = A();
    f5.set([slice(2, 2)], 9);
    expectSame(f5, E.f5, 'f5');
    const f6 = A().gt(30);
    f6.set([slice(null), 0], true);
    expectSame(f6, E.f6, 'f6');
  });
});
