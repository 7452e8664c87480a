/**
 * The NumPy parameters fast implements, against NumPy computed at test time: where= and initial= of the
 * reductions, order= of reshape/ravel/copy/asarray/creation (values and strides), reshape's copy=,
 * asarray's copy= and nested 0-d arrays; writes into integer arrays (full, set, asarray) raising as NumPy;
 * set(i, j, value); shape limits (64 dimensions, 2**53 elements, V8's typed array length).
 */
import { describe, expect, it } from 'vitest';
import { CopyRequiredError, IndexError, MemoryError, OverflowError, ValueError } from '../../common/errors.js';
import * as fast from '../index.js';
import { expectSame, numpyError, numpyEval } from '../testing/numpy-oracle.js';

const X = '[[1, 5, 3], [4, 2, 6]]';
const M = '[[True, False, True], [False, True, True]]';
const x = (dtype: fast.FastArray['dtype'] = 'float64') => fast.asarray([[1, 5, 3], [4, 2, 6]], { dtype });
const m = () => fast.asarray([[true, false, true], [false, true, true]]);

const cases: Record<string, string> = {};
const runs: Record<string, () => fast.FastArray> = {};
const add = (label: string, py: string, run: () => fast.FastArray) => {
  cases[label] = py;
  runs[label] = run;
};

// where= and initial= (the reductions), as a NumPy user writes them
add('sum where', `np.sum(np.array(${X}, dtype=float), where=np.array(${M}))`, () => fast.sum(x(), { where: m() }));
add('sum where axis0', `np.sum(np.array(${X}, dtype=float), axis=0, where=np.array(${M}))`, () => fast.sum(x(), { axis: 0, where: m() }));
add('sum where row', `np.sum(np.array(${X}, dtype=float), axis=1, where=np.array([True, False, True]))`, () => fast.sum(x(), { axis: 1, where: fast.asarray([true, false, true]) }));
add('sum initial', `np.sum(np.array(${X}, dtype=float), initial=100)`, () => fast.sum(x(), { initial: 100 }));
add('sum int initial axis1', `np.sum(np.array(${X}, dtype=np.int32), axis=1, initial=7, dtype=np.int32)`, () => fast.sum(x('int32'), { axis: 1, initial: 7 }));
add('prod where initial', `np.prod(np.array(${X}, dtype=float), axis=1, where=np.array(${M}), initial=2)`, () => fast.prod(x(), { axis: 1, where: m(), initial: 2 }));
add('max initial', `np.max(np.array(${X}, dtype=float), initial=10)`, () => fast.max(x(), { initial: 10 }));
add('max where initial', `np.max(np.array(${X}, dtype=float), axis=0, where=np.array(${M}), initial=-1)`, () => fast.max(x(), { axis: 0, where: m(), initial: -1 }));
add('min where initial int8', `np.min(np.array(${X}, dtype=np.int8), axis=1, where=np.array(${M}), initial=3)`, () => fast.min(x('int8'), { axis: 1, where: m(), initial: 3 }));
add('max empty initial', `np.max(np.zeros((0, 2)), axis=0, initial=5)`, () => fast.max(fast.zeros([0, 2]), { axis: 0, initial: 5 }));
add('max nan initial', `np.max(np.array([1.0, np.nan]), initial=5)`, () => fast.max(fast.asarray([1, NaN]), { initial: 5 }));
add('mean where', `np.mean(np.array(${X}, dtype=float), where=np.array(${M}))`, () => fast.mean(x(), { where: m() }));
add('mean where axis1', `np.mean(np.array(${X}, dtype=np.int16), axis=1, where=np.array(${M}))`, () => fast.mean(x('int16'), { axis: 1, where: m() }));
add('mean where f32 keepdims', `np.mean(np.array(${X}, dtype=np.float32), axis=0, keepdims=True, where=np.array(${M}))`, () => fast.mean(x('float32'), { axis: 0, keepdims: true, where: m() }));
add('all where', `np.all(np.array(${X}) > 2, axis=1, where=np.array(${M}))`, () => fast.all(x().gt(2), { axis: 1, where: m() }));
add('any where', `np.any(np.array(${X}) > 4, axis=0, where=np.array(${M}))`, () => fast.any(x().gt(4), { axis: 0, where: m() }));
// order=
add('reshape F', `np.reshape(np.arange(6, dtype=np.int32), (3, 2), order='F')`, () => fast.reshape(fast.arange(6), [3, 2], { order: 'F' }));
add('reshape F 2d', `np.reshape(np.array(${X}, dtype=np.int32), (3, 2), order='F')`, () => fast.reshape(x('int32'), [3, 2], { order: 'F' }));
add('reshape A of F', `np.reshape(np.asfortranarray(np.array(${X}, dtype=np.int32)), (3, 2), order='A')`, () => fast.reshape(fast.asarray([[1, 5, 3], [4, 2, 6]], { order: 'F' }), [3, 2], { order: 'A' }));
add('method reshape F', `np.arange(6, dtype=np.int32).reshape(2, 3, order='F')`, () => fast.arange(6).reshape(2, 3, { order: 'F' }));
add('ravel F', `np.ravel(np.array(${X}, dtype=np.int32), 'F')`, () => fast.ravel(x('int32'), { order: 'F' }));
add('ravel K of T', `np.ravel(np.array(${X}, dtype=np.int32).T, 'K')`, () => fast.ravel(x('int32').T, { order: 'K' }));
add('ravel A of T', `np.ravel(np.array(${X}, dtype=np.int32).T, 'A')`, () => fast.ravel(x('int32').T, { order: 'A' }));
add('ravel K reversed', `np.ravel(np.array(${X}, dtype=np.int32)[:, ::-1], 'K')`, () => fast.ravel(x('int32').at(':, ::-1'), { order: 'K' }));
add('flatten F', `np.array(${X}, dtype=np.int32).flatten('F')`, () => x('int32').flatten({ order: 'F' }));
// strides (bytes) of order= results
add('zeros F strides', `np.array(np.zeros((2, 3, 4), order='F').strides, dtype=np.int32)`, () => fast.asarray(fast.zeros([2, 3, 4], { order: 'F' }).strides));
add('ones F values', `np.ones((2, 3), dtype=np.int8, order='F')`, () => fast.ones([2, 3], { dtype: 'int8', order: 'F' }));
add('full F strides', `np.array(np.full((2, 3), 7, dtype=np.int32, order='F').strides, dtype=np.int32)`, () => fast.asarray(fast.full([2, 3], 7, { order: 'F' }).strides));
add('eye F', `np.eye(3, 4, k=1, order='F')`, () => fast.eye(3, 4, { k: 1, order: 'F' }));
add('eye F strides', `np.array(np.eye(3, 4, k=1, order='F').strides, dtype=np.int32)`, () => fast.asarray(fast.eye(3, 4, { k: 1, order: 'F' }).strides));
add('zeros_like K of F strides', `np.array(np.zeros_like(np.asfortranarray(np.ones((2, 3)))).strides, dtype=np.int32)`, () => fast.asarray(fast.zeros_like(fast.ones([2, 3], { order: 'F' })).strides));
add('ones_like C of F strides', `np.array(np.ones_like(np.asfortranarray(np.ones((2, 3))), order='C').strides, dtype=np.int32)`, () => fast.asarray(fast.ones_like(fast.ones([2, 3], { order: 'F' }), { order: 'C' }).strides));
add('full_like shape', `np.full_like(np.ones((2, 3)), 4, shape=(3,))`, () => fast.full_like(fast.ones([2, 3]), 4, { shape: [3] }));
add('copy F strides', `np.array(np.copy(np.array(${X}, dtype=float), order='F').strides, dtype=np.int32)`, () => fast.asarray(fast.copy(x(), { order: 'F' }).strides));
add('copy K of T strides', `np.array(np.copy(np.array(${X}, dtype=float).T, order='K').strides, dtype=np.int32)`, () => fast.asarray(fast.copy(x().T, { order: 'K' }).strides));
add('asarray F strides', `np.array(np.asarray(np.array(${X}, dtype=float), order='F').strides, dtype=np.int32)`, () => fast.asarray(fast.asarray(x(), { order: 'F' }).strides));
add('asarray nested F values', `np.asarray(${X}, dtype=np.int32, order='F')`, () => fast.asarray([[1, 5, 3], [4, 2, 6]], { order: 'F' }));
// asarray of nested lists of arrays (0-d and not)
add('asarray of 0-d arrays', `np.asarray([np.asarray(1.5), np.asarray(2.0)])`, () => fast.asarray([fast.asarray(1.5), fast.asarray(2)] as never));
add('asarray of 0-d f32 arrays', `np.asarray([[np.asarray(1, dtype=np.float32)], [np.asarray(2, dtype=np.float32)]])`, () => fast.asarray([[fast.asarray(1, { dtype: 'float32' })], [fast.asarray(2, { dtype: 'float32' })]] as never));
add('asarray of rows', `np.asarray([np.array([1, 2], dtype=np.int16), np.array([3, 4], dtype=np.int16)])`, () => fast.asarray([fast.asarray([1, 2], { dtype: 'int16' }), fast.asarray([3, 4], { dtype: 'int16' })] as never));
add('asarray mixed', `np.asarray([np.asarray(1, dtype=np.int8), 2.5])`, () => fast.asarray([fast.asarray(1, { dtype: 'int8' }), 2.5] as never));
// integer writes that NumPy allows (truncation of Python floats)
add('asarray float into int', `np.asarray([3.7, -2.5], dtype=np.int32)`, () => fast.asarray([3.7, -2.5], { dtype: 'int32' }));
add('full float into int', `np.full(2, 3.7, dtype=np.int32)`, () => fast.full([2], 3.7, { dtype: 'int32' }));

// what NumPy refuses: integer writes out of range / NaN / inf
const errs: Record<string, [string, () => unknown]> = {
  'full 300 uint8': ['np.full(2, 300, dtype=np.uint8)', () => fast.full([2], 300, { dtype: 'uint8' })],
  'full -1 uint8': ['np.full(2, -1, dtype=np.uint8)', () => fast.full([2], -1, { dtype: 'uint8' })],
  'full 2**40 int32': ['np.full(2, 2**40, dtype=np.int32)', () => fast.full([2], 2 ** 40, { dtype: 'int32' })],
  'full 2**64 uint64': ['np.full(2, 2**64, dtype=np.uint64)', () => fast.full([2], 2n ** 64n, { dtype: 'uint64' })],
  'asarray 300 uint8': ['np.asarray([300], dtype=np.uint8)', () => fast.asarray([300], { dtype: 'uint8' })],
  'asarray nan int32': ['np.asarray([np.nan], dtype=np.int32)', () => fast.asarray([NaN], { dtype: 'int32' })],
  'asarray 1e20 int32': ['np.asarray([10**20], dtype=np.int32)', () => fast.asarray([1e20], { dtype: 'int32' })],
  'set nan int32': ['(lambda a: a.__setitem__(slice(None), np.nan))(np.zeros(3, np.int32))', () => fast.zeros([3], { dtype: 'int32' }).set(':', NaN)],
  'set 2**40 int32': ['(lambda a: a.__setitem__(0, 2**40))(np.zeros(3, np.int32))', () => fast.zeros([3], { dtype: 'int32' }).set(0, 2 ** 40)],
  'set list nan int16': ['(lambda a: a.__setitem__(slice(None), [1, np.nan, 2]))(np.zeros(3, np.int16))', () => fast.zeros([3], { dtype: 'int16' }).set(':', [1, NaN, 2])],
  'set -1 uint16 2d': ['(lambda a: a.__setitem__((1, 1), -1))(np.zeros((2, 2), np.uint16))', () => fast.zeros([2, 2], { dtype: 'uint16' }).set([1, 1], -1)],
  'set big int64': ['(lambda a: a.__setitem__(0, 2**63))(np.zeros(2, np.int64))', () => fast.zeros([2], { dtype: 'int64' }).set(0, 2n ** 63n)],
  'reshape copy false': ["np.reshape(np.array(" + X + ").T, (6,), copy=False)", () => fast.reshape(x().T, [6], { copy: false })],
  'reshape order K': ["np.reshape(np.arange(6), (2, 3), order='K')", () => fast.reshape(fast.arange(6), [2, 3], { order: 'K' } as never)],
  'ravel order X': ["np.ravel(np.arange(6), order='X')", () => fast.ravel(fast.arange(6), { order: 'X' } as never)],
  '65 dims': ['np.zeros((1,) * 65)', () => fast.zeros(new Array<number>(65).fill(1))],
  '65 dims reshape': ['np.zeros(1).reshape((1,) * 65)', () => fast.zeros([1]).reshape(new Array<number>(65).fill(1))],
  '65 dims expand': ['np.expand_dims(np.zeros((1,) * 64), 0)', () => fast.expand_dims(fast.zeros(new Array<number>(64).fill(1)), 0)],
  'size > 2**53': ['np.empty((2**30, 2**30, 2**30))', () => fast.empty([2 ** 30, 2 ** 30, 2 ** 30])],
  'expand_dims axis 5': ['np.expand_dims(np.zeros(3), 5)', () => fast.expand_dims(fast.zeros([3]), 5)],
};
const ERR_CLASS: Record<string, new (...a: never[]) => Error> = {
  OverflowError,
  ValueError,
  AxisError: IndexError,
  MemoryError,
  _ArrayMemoryError: MemoryError,
};

const expected = numpyEval({ ...cases, ...Object.fromEntries(Object.entries(errs).map(([k, [py]]) => [k, py])) }, 'import warnings\nwarnings.simplefilter("ignore")');

describe('NumPy parameters fast implements', () => {
  it.each(Object.keys(cases))('%s', (label) => {
    // fast's sums of small integers are int32 (its default integer); every other dtype is NumPy's
    expectSame(runs[label](), expected[label], label, { rtol: 1e-6 });
  });
});

describe('refused as NumPy refuses', () => {
  it.each(Object.keys(errs))('%s', (label) => {
    const np = numpyError(expected[label], label);
    let err: unknown;
    try {
      errs[label][1]();
    } catch (e) {
      err = e;
    }
    expect(err, `${label}: fast did not raise (NumPy: ${np.error}: ${np.message})`).toBeDefined();
    const want = ERR_CLASS[np.error] ?? ValueError;
    // reshape with copy=False: NumPy's ValueError is fast's CopyRequiredError (the bridge's class for the same refusal)
    if (label === 'reshape copy false') expect(err).toBeInstanceOf(CopyRequiredError);
    else if (label === 'size > 2**53') expect(err instanceof ValueError || err instanceof MemoryError).toBe(true);
    else expect(err, `${label}: ${String(err)} vs NumPy ${np.error}`).toBeInstanceOf(want);
  });
});

describe('writes and copies', () => {
  it('set(i, j, value) sets element [i, j] (value last, as scijs ndarray); it never reads j as the value', () => {
    const a = fast.zeros([3, 3]);
    a.set(1, 2, 5);
    expect(a.toArray()).toEqual([[0, 0, 0], [0, 0, 5], [0, 0, 0]]);
    const b = fast.zeros([2, 2, 2], { dtype: 'int32' });
    b.set(1, 0, 1, 7);
    expect(b.get(1, 0, 1)).toBe(7);
    expect(() => a.set(1, 2, 3, 4)).toThrow(IndexError);
    expect(() => (a.set as (...v: unknown[]) => void)(1, ':', 4)).toThrow(TypeError);
    expect(() => fast.zeros([2, 2], { dtype: 'uint8' }).set(0, 1, 300)).toThrow(OverflowError);
  });

  it('asarray copy: true always copies (same dtype too); copy: false refuses what needs a copy', () => {
    const c = fast.asarray([1, 2, 3]);
    const d = fast.asarray(c, { copy: true });
    c.set(0, 9);
    expect(d.get(0)).toBe(1);
    expect(fast.asarray(c, { copy: false })).toBe(c);
    expect(fast.asarray(c)).toBe(c);
    expect(() => fast.asarray(c, { dtype: 'float32', copy: false })).toThrow(CopyRequiredError);
    expect(() => fast.asarray([1, 2], { copy: false })).toThrow(CopyRequiredError);
    const t = new Float64Array([1, 2]);
    const shared = fast.asarray(t, { copy: false });
    t[0] = 5;
    expect(shared.get(0)).toBe(5);
    const copied = fast.asarray(t, { copy: true });
    t[0] = 6;
    expect(copied.get(0)).toBe(5);
    expect(() => fast.asarray(x().T, { order: 'C', copy: false })).toThrow(CopyRequiredError);
  });

  it('reshape copy: true copies, copy: false gives a view when one exists', () => {
    const a = fast.arange(6);
    const v = fast.reshape(a, [2, 3], { copy: false });
    const c = fast.reshape(a, [2, 3], { copy: true });
    a.set(0, 42);
    expect(v.get(0, 0)).toBe(42);
    expect(c.get(0, 0)).toBe(0);
  });

  it('a uint8 array of 2**33 elements, and shapes past V8\'s typed array limit, are MemoryError naming the fix', () => {
    expect(() => fast.zeros([2 ** 33], { dtype: 'uint8' })).toThrow(MemoryError);
    expect(() => fast.zeros([2 ** 33], { dtype: 'uint8' })).toThrow(/nd or compat\.numpy\(\)/);
    expect(() => fast.ones([2 ** 20, 2 ** 13])).toThrow(MemoryError);
    expect(() => fast.full([2 ** 16, 2 ** 16, 2], 1)).toThrow(MemoryError);
  });
});
