import { describe, expect, it } from 'vitest';
import { IndexError, ShapeError, ValueError } from '../../common/errors.js';
import * as fast from '../index.js';
import { expectSame, numpyEval } from '../testing/numpy-oracle.js';

const { slice, newaxis } = fast;
const A = () => fast.arange(24).reshape([2, 3, 4]);
const M = () => fast.arange(20).reshape([4, 5]);

// [python index, js args of at()]
const GETS: [string, unknown[]][] = [
  ['1', [1]],
  ['-1', [-1]],
  ['1, 2', [1, 2]],
  ['1, 2, 3', [1, 2, 3]],
  ['..., 1', ['...', 1]],
  [':, ::-1', [slice(), slice(null, null, -1)]],
  ['::-1, 1:, ::-2', [slice(null, null, -1), slice(1, null), slice(null, null, -2)]],
  ['None, 1, None', [newaxis, 1, newaxis]],
  ['0, 5:1:-2', [0, slice(5, 1, -2)]],
  ['1:1', [slice(1, 1)]],
  ['-100:100', [slice(-100, 100)]],
  ['[1, 0, 1]', [[1, 0, 1]]],
  ['[0, 1], [2, 0]', [[0, 1], [2, 0]]],
  ['[0, 1], :, [2, 0]', [[0, 1], slice(), [2, 0]]],
  ['0, :, [1, 2]', [0, slice(), [1, 2]]],
  [':, [1, 2], 0', [slice(), [1, 2], 0]],
  [':, [0, 2], [1, 3]', [slice(), [0, 2], [1, 3]]],
  ['..., [-1, 0]', ['...', [-1, 0]]],
  ['[True, False]', [[true, false]]],
  [':, [True, False, True]', [slice(), [true, false, true]]],
  ['None, [1], ..., [2]', [newaxis, [1], '...', [2]]],
  ['[[0, 1], [1, 0]], 2', [[[0, 1], [1, 0]], 2]],
  // NumPy's True / False index: a 0-d boolean, a new axis of length 1 / 0 (an advanced index: a copy)
  ['True', [true]],
  ['False', [false]],
  ['np.array(True)', [fast.asarray(true)]],
  ['0, True', [0, true]],
  [':, True, [0, 2]', [slice(), fast.asarray(true), [0, 2]]],
  ['[0, 1], :, True', [[0, 1], slice(), true]],
  ['..., True', ['...', true]],
];

const STRS = ['1:, ::-2', '..., None', '::-1, 1', '0, [2, 0]', '[1, 0], 1:', ':, -1, [0, 3]', 'True', 'False, 1', ':, True, [2, 0]'];

const cases: Record<string, string> = {};
GETS.forEach(([p], i) => (cases[`get${i}`] = `A[${p}]`));
STRS.forEach((s, i) => (cases[`str${i}`] = `A[${s}]`));
cases.mask2d = 'A[A % 3 == 0]';
cases.maskmixed = 'A[:, np.array([[True, False, True, False]] * 3)]' ;
cases.intarr2d = 'M[np.array([[0, 3], [1, 2]])]';
cases.viewOfView = 'M[::-1][1:3, ::2][:, ::-1]';
// writes
cases.set1 = '(lambda a: (a.__setitem__((slice(None), 1), 7.5), a)[1])(M.copy())';
cases.set2 = '(lambda a: (a.__setitem__((slice(None, None, -1), slice(None, None, 2)), np.arange(3)), a)[1])(M.copy())';
cases.set3 = '(lambda a: (a.__setitem__(([0, 2, 0], [1, 1, 4]), [100, 200, 300]), a)[1])(M.copy())';
cases.set4 = '(lambda a: (a.__setitem__(a > 10, 0), a)[1])(M.copy())';
cases.set5 = '(lambda a: (a.__setitem__(slice(None, None, -1), a), a)[1])(M.copy())';
cases.set6 = '(lambda a: (a.__setitem__((1,), np.array([[9, 8, 7, 6, 5]])), a)[1])(M.copy())';
cases.set7 = '(lambda a: (a.__setitem__((slice(None), [0, 2]), np.array([[1], [2], [3], [4]]) * 1.9), a)[1])(M.copy())';

const expected = numpyEval(cases, 'A = np.arange(24, dtype=np.int32).reshape(2, 3, 4)\nM = np.arange(20, dtype=np.int32).reshape(4, 5)');

describe('indexing matches NumPy', () => {
  GETS.forEach(([p, args], i) => {
    it(`A[${p}]`, () => expectSame(A().at(...(args as never[])), expected[`get${i}`], `A[${p}]`));
  });
  STRS.forEach((s, i) => {
    it(`A.at('${s}')`, () => expectSame(A().at(s), expected[`str${i}`], s));
  });
  it('masks and integer index arrays given as fast arrays', () => {
    const a = A();
    expectSame(a.at(a.mod(3).eq(0)), expected.mask2d, 'mask2d');
    const m = fast.asarray([[true, false, true, false], [true, false, true, false], [true, false, true, false]]);
    expectSame(a.at(fast.slice(), m), expected.maskmixed, 'maskmixed');
    expectSame(M().at(fast.asarray([[0, 3], [1, 2]])), expected.intarr2d, 'intarr2d');
  });
  it('0-d arrays indexed with a 0-d boolean, read and written', () => {
    const z = (): fast.FastArray => fast.asarray(5);
    expect(z().at(fast.asarray(true)).toArray()).toEqual([5]);
    expect(z().at(false).shape).toEqual([0]);
    expect(z().at('None, True').shape).toEqual([1, 1]);
    const w = z();
    w.set(fast.asarray(true), 7);
    w.set(false, 9);
    expect(w.item()).toBe(7);
    expect(() => z().at(fast.asarray(false), [0])).toThrow(IndexError);
  });
  it('an out-of-range integer is an IndexError even when the broadcast index is empty (NumPy)', () => {
    expect(() => M().at('6, []')).toThrow(IndexError);
    expect(() => M().at([], 7)).toThrow(/out of bounds for axis 1/);
    expect(() => fast.arange(3).at('6, []')).toThrow(/too many indices/);
  });
  it('views of views, negative steps', () => {
    expectSame(M().at('::-1').at('1:3, ::2').at(':, ::-1'), expected.viewOfView, 'viewOfView');
  });
  it('basic indices give views that share memory', () => {
    const m = M();
    const v = m.at('1:3, ::2');
    v.set([0, 0], -1);
    expect(m.get(1, 0)).toBe(-1);
    const c = m.at([1, 2]);
    c.set([0, 0], -5);
    expect(m.get(1, 0)).toBe(-1);
  });
  it('set with broadcasting, index arrays, masks, overlap and leading 1-dims', () => {
    const run = (f: (m: fast.FastArray) => void) => {
      const m = M();
      f(m);
      return m;
    };
    expectSame(run((m) => m.set([slice(), 1], 7.5)), expected.set1, 'set1');
    expectSame(run((m) => m.set('::-1, ::2', fast.arange(3))), expected.set2, 'set2');
    expectSame(run((m) => m.set([[0, 2, 0], [1, 1, 4]], [100, 200, 300])), expected.set3, 'set3');
    expectSame(run((m) => m.set(m.gt(10) as never, 0)), expected.set4, 'set4');
    expectSame(run((m) => m.set('::-1', m)), expected.set5, 'set5');
    expectSame(run((m) => m.set(1, fast.asarray([[9, 8, 7, 6, 5]]))), expected.set6, 'set6');
    expectSame(run((m) => m.set([slice(), [0, 2]], fast.asarray([[1], [2], [3], [4]]).mul(1.9))), expected.set7, 'set7');
  });
  it('get() reads single elements of every rank, negative indices included', () => {
    const a = A();
    expect(a.get(1, 2, 3)).toBe(23);
    expect(a.get(-1, -1, -1)).toBe(23);
    expect(M().get(3, 4)).toBe(19);
    expect(fast.asarray(5).get()).toBe(5);
    expect(fast.arange(5).get(-5)).toBe(0);
  });
  it('get() and set() agree with toArray() on every dtype and layout, whichever path reads the element', () => {
    // get() takes one of three per-dtype paths (float64 direct, other numbers, boxed) and within each a
    // unit-stride, strided or general route: every route must read the same elements toArray() lists
    const dtypes = ['float64', 'float32', 'int32', 'int16', 'int8', 'uint8', 'uint16', 'uint32', 'int64', 'uint64', 'bool', 'complex64', 'complex128'] as const;
    for (const dtype of dtypes) {
      const base = fast.arange(1, 31).reshape([5, 6]).astype(dtype);
      const layouts: fast.FastArray[] = [
        base, // C-contiguous 2-d
        base.T, // strided 2-d
        base.at('1:4, 2:'), // offset sub-block
        base.at('::-2, ::3'), // negative and large strides
        base.reshape([30]), // contiguous 1-d
        base.reshape([30]).at('3:'), // contiguous 1-d with an offset
        base.reshape([30]).at('::-4'), // strided 1-d
        base.at(2), // a row
        base.at(slice(), 1), // a column
        base.add(base).astype(dtype), // lazy until read
        base.reshape([2, 3, 5]), // 3-d: the general path
      ];
      for (const a of layouts) {
        const list = a.toArray() as unknown[];
        const at = (idx: number[]): unknown => idx.reduce<unknown>((v, i) => (v as unknown[])[i], list);
        const all: number[][] = [[]];
        for (const n of a.shape) all.splice(0, all.length, ...all.flatMap((p) => Array.from({ length: n }, (_, i) => [...p, i])));
        for (const idx of all) {
          expect(a.get(...idx), `${dtype} ${a.shape} [${idx}]`).toEqual(at(idx));
          expect(a.get(...idx.map((i, d) => i - a.shape[d])), `${dtype} negative [${idx}]`).toEqual(at(idx));
        }
        expect(() => a.get(...a.shape), `${dtype} ${a.shape} out of range`).toThrow(IndexError);
        expect(() => a.get(...a.shape.map(() => 0.5)), `${dtype} fractional`).toThrow(IndexError);
      }
    }
    // writes through the fast set() path are seen by every view of the storage, and read back
    for (const dtype of ['float64', 'int32', 'uint8', 'float32'] as const) {
      const m = fast.zeros([4, 5], { dtype });
      const flat = m.reshape([20]);
      const t = m.T;
      m.set([2, 3], 7);
      flat.set(4, 5);
      expect([m.get(2, 3), flat.get(13), t.get(3, 2), m.get(0, 4), t.get(4, 0)]).toEqual([7, 7, 7, 5, 5]);
    }
    const gone = fast.arange(4).astype('float64');
    gone.dispose();
    expect(() => gone.get(0)).toThrow(/disposed/);
  });
  it('bad indices are IndexError / ShapeError / ValueError', () => {
    const a = A();
    expect(() => a.get(2, 0, 0)).toThrow(IndexError);
    expect(() => a.get(0, 0)).toThrow(/one index per dimension/);
    expect(() => fast.arange(3).get(3)).toThrow(/index 3 is out of bounds for axis 0 with size 3/);
    expect(() => fast.arange(3).get(1.5)).toThrow(IndexError);
    expect(() => a.at(0, 0, 0, 0)).toThrow(/too many indices/);
    expect(() => a.at('1:2:3:4')).toThrow(IndexError);
    expect(() => a.at('..., ...')).toThrow(IndexError);
    expect(() => a.at([0, 5])).toThrow(/out of bounds/);
    expect(() => a.at([true, false, true])).toThrow(/boolean index did not match/);
    expect(() => a.at([0, 1], [0, 1, 2])).toThrow(/could not be broadcast/);
    expect(() => a.at(fast.arange(2).astype('float64'))).toThrow(/integer \(or boolean\)/);
    expect(() => M().set(slice(), [1, 2])).toThrow(ShapeError);
    expect(() => fast.broadcast_to(fast.arange(3), [2, 3]).set(0, 1)).toThrow(ValueError);
  });
});
