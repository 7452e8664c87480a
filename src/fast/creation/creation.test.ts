import { describe, expect, it } from 'vitest';
import { DTYPE_NAMES, DTYPES, type DTypeName } from '../../common/dtypes.js';
import { DisposedError, DTypeError, NotSupportedError, ShapeError, ValueError } from '../../common/errors.js';
import * as fast from '../index.js';
import * as internal from '../../internal.js';
import { MK_PY, mk } from '../testing/fixtures.js';
import { expectSame, numpyEval } from '../testing/numpy-oracle.js';

const cases: Record<string, string> = {};
const thunks: Record<string, () => fast.FastArray> = {};
const add = (k: string, py: string, js: () => fast.FastArray) => {
  cases[k] = py;
  thunks[k] = js;
};

// creation (fast's default integer dtype is int32, so NumPy is asked for int32 explicitly where it would say int64)
add('nested-int', 'np.array([[1, 2], [3, -4]], dtype=np.int32)', () => fast.asarray([[1, 2], [3, -4]]));
add('nested-float', 'np.array([[1, 2.5], [3, -4]])', () => fast.asarray([[1, 2.5], [3, -4]]));
add('nested-bool', 'np.array([True, False])', () => fast.asarray([true, false]));
add('mixed-bool-int', 'np.array([True, 2], dtype=np.int32)', () => fast.asarray([true, 2]));
add('bigint', 'np.array([1, -2**63])', () => fast.asarray([1n, -(2n ** 63n)]));
add('bigint-u', 'np.array([2**64 - 1, 0], dtype=np.uint64)', () => fast.asarray([2n ** 64n - 1n, 0n]));
add('large-int', 'np.array([3_000_000_000, 1])', () => fast.asarray([3_000_000_000, 1]));
add('complex', 'np.array([1+2j, 3])', () => fast.asarray([{ re: 1, im: 2 }, 3]));
add('negzero', 'np.array(-0.0)', () => fast.asarray(-0));
add('nan', 'np.array([np.nan, np.inf, 1])', () => fast.asarray([NaN, Infinity, 1]));
add('scalar', 'np.array(5, dtype=np.int32)', () => fast.asarray(5));
add('empty-list', 'np.array([])', () => fast.asarray([]));
add('empty-2d', 'np.array([[], []])', () => fast.asarray([[], []]));
add('dtype-opt', 'np.array([1.7, -1.7, 100, -128], dtype=np.int8)', () => fast.asarray([1.7, -1.7, 100, -128], { dtype: 'int8' }));
add('int-mix-neg', 'np.array([2**63, -1])', () => fast.asarray([2n ** 63n, -1]));
add('dtype-bool', 'np.array([0, 2, np.nan], dtype=bool)', () => fast.asarray([0, 2, NaN], { dtype: 'bool' }));
add('typed-f32', 'np.array([1.5, 2], dtype=np.float32)', () => fast.asarray(new Float32Array([1.5, 2])));
add('typed-u8c', 'np.array([1, 255], dtype=np.uint8)', () => fast.asarray(new Uint8ClampedArray([1, 255])));
add('typed-i64', 'np.array([5, -5], dtype=np.int64)', () => fast.asarray(new BigInt64Array([5n, -5n])));
add('dataview', 'np.frombuffer(np.array([1.5, -2], dtype="<f8").tobytes(), dtype=np.float64)', () =>
  fast.asarray(new DataView(new Float64Array([1.5, -2]).buffer), { dtype: 'float64' }));
add('zeros', 'np.zeros((2, 3))', () => fast.zeros([2, 3]));
add('zeros-int', 'np.zeros(3, dtype=np.int16)', () => fast.zeros(3, { dtype: 'int16' }));
add('ones-c', 'np.ones((2,), dtype=np.complex64)', () => fast.ones([2], { dtype: 'complex64' }));
add('ones-bool', 'np.ones((2, 2), dtype=bool)', () => fast.ones([2, 2], { dtype: 'bool' }));
add('empty', 'np.zeros((0, 2))', () => fast.empty([0, 2]));
add('full', 'np.full((2, 2), 7, dtype=np.int32)', () => fast.full([2, 2], 7));
add('full-f', 'np.full(3, 2.5)', () => fast.full([3], 2.5));
add('full-b', 'np.full(2, True)', () => fast.full([2], true));
add('full-i64', 'np.full(2, 2**40)', () => fast.full([2], 2n ** 40n));
add('full-like', 'np.full_like(np.zeros((2, 2), np.float32), 3)', () => fast.full_like(fast.zeros([2, 2], { dtype: 'float32' }), 3));
add('zeros-like', 'np.zeros_like(np.ones(3, np.uint16))', () => fast.zeros_like(fast.ones([3], { dtype: 'uint16' })));
add('ones-like', 'np.ones_like(np.zeros((1, 2)), dtype=np.int8)', () => fast.ones_like(fast.zeros([1, 2]), { dtype: 'int8' }));
add('empty-like', 'np.zeros_like(np.ones(2))', () => fast.empty_like(fast.ones([2])));
add('arange1', 'np.arange(5, dtype=np.int32)', () => fast.arange(5));
add('arange2', 'np.arange(2, 11, 3, dtype=np.int32)', () => fast.arange(2, 11, 3));
add('arange-neg', 'np.arange(5, -5, -2, dtype=np.int32)', () => fast.arange(5, -5, -2));
add('arange-f', 'np.arange(0, 1, 0.1)', () => fast.arange(0, 1, 0.1));
add('arange-f2', 'np.arange(1.5, 4)', () => fast.arange(1.5, 4));
add('arange-empty', 'np.arange(5, 2, dtype=np.int32)', () => fast.arange(5, 2));
add('arange-dtype', 'np.arange(4, dtype=np.float32)', () => fast.arange(4, null, null, { dtype: 'float32' }));
add('linspace', 'np.linspace(0, 1, 11)', () => fast.linspace(0, 1, 11));
add('linspace-ne', 'np.linspace(-3, 7, 6, endpoint=False)', () => fast.linspace(-3, 7, 6, { endpoint: false }));
add('linspace-1', 'np.linspace(2, 5, 1)', () => fast.linspace(2, 5, 1));
add('linspace-0', 'np.linspace(2, 5, 0)', () => fast.linspace(2, 5, 0));
add('linspace-int', 'np.linspace(0, 10, 4, dtype=np.int32)', () => fast.linspace(0, 10, 4, { dtype: 'int32' }));
add('linspace-default', 'np.linspace(1, 2)', () => fast.linspace(1, 2));
add('eye', 'np.eye(3)', () => fast.eye(3));
add('linspace-num-kw', 'np.linspace(0, 1, num=5)', () => fast.linspace(0, 1, { num: 5 }));
add('linspace-num-kw-ne', 'np.linspace(0, 1, num=4, endpoint=False)', () => fast.linspace(0, 1, { num: 4, endpoint: false }));
add('eye-k-huge', 'np.eye(3, k=2**53)', () => fast.eye(3, { k: 2n ** 53n }));
add('eye-k-huge-neg', 'np.eye(2, 3, k=-2**60)', () => fast.eye(2, 3, { k: -(2n ** 60n) }));
add('eye-k', 'np.eye(3, 4, k=1, dtype=np.int32)', () => fast.eye(3, 4, { k: 1, dtype: 'int32' }));
add('eye-km', 'np.eye(4, 2, k=-1)', () => fast.eye(4, 2, { k: -1 }));
add('identity', 'np.identity(2, dtype=bool)', () => fast.identity(2, { dtype: 'bool' }));

// views
const A = 'np.arange(24, dtype=np.int32).reshape(2, 3, 4)';
const a = () => fast.arange(24).reshape([2, 3, 4]);
add('reshape-1', `${A}.reshape(4, -1)`, () => a().reshape([4, -1]));
add('reshape-T', `${A}.T.reshape(-1)`, () => a().T.reshape([-1]));
add('reshape-view', `${A}[:, ::2].reshape(2, 2, 2, 2)`, () => a().at(':, ::2').reshape([2, 2, 2, 2]));
add('reshape-0d', 'np.arange(1, dtype=np.int32).reshape(())', () => fast.arange(1).reshape([]));
add('transpose', `${A}.transpose(1, 0, 2)`, () => a().transpose([1, 0, 2]));
add('T', `${A}.T`, () => a().T);
add('permute', `np.permute_dims(${A}, (2, 0, 1))`, () => fast.permute_dims(a(), [2, 0, 1]));
add('swapaxes', `np.swapaxes(${A}, 0, -1)`, () => fast.swapaxes(a(), 0, -1));
add('moveaxis', `np.moveaxis(${A}, 0, -1)`, () => fast.moveaxis(a(), 0, -1));
add('moveaxis2', `np.moveaxis(${A}, [0, 1], [-1, 0])`, () => a().moveaxis([0, 1], [-1, 0]));
add('squeeze', 'np.zeros((1, 3, 1, 2)).squeeze()', () => fast.zeros([1, 3, 1, 2]).squeeze());
add('squeeze-ax', 'np.zeros((1, 3, 1, 2)).squeeze(axis=2)', () => fast.squeeze(fast.zeros([1, 3, 1, 2]), 2));
add('expand', `np.expand_dims(${A}, (0, -1))`, () => fast.expand_dims(a(), [0, -1]));
add('bcast', 'np.broadcast_to(np.arange(3, dtype=np.int32), (2, 3))', () => fast.broadcast_to(fast.arange(3), [2, 3]));
add('flip', `np.flip(${A})`, () => fast.flip(a()));
add('flip-ax', `np.flip(${A}, axis=1)`, () => a().flip(1));
add('ravel', `${A}[:, 1].ravel()`, () => a().at(':, 1').ravel());
add('flatten', `${A}.T.flatten()`, () => a().T.flatten());
// astype: every pair, on finite values for float -> integer (NaN/inf to int is undefined in C)
for (const from of DTYPE_NAMES) {
  for (const to of DTYPE_NAMES) {
    const finite = DTYPES[from].kind === 'float' ? '[[0, 1, 2, 3, 7]]' : DTYPES[from].kind === 'complex' ? '[[0, 1, 2, 3, 6, 7]]' : '';
    const toInt = DTYPES[to].kind === 'signed' || DTYPES[to].kind === 'unsigned';
    const sel = toInt && finite ? finite : '';
    add(`astype/${from}->${to}`, `mk("${from}")${sel}.astype("${to}")`, () => {
      const x = sel ? mk(from).at(sel.slice(1, -1)) : mk(from);
      return x.astype(to);
    });
  }
}

const expected = numpyEval(cases, `${MK_PY}\nimport warnings\nwarnings.simplefilter("ignore")`);

describe('creation, views and astype match NumPy', () => {
  for (const key of Object.keys(cases)) {
    it(key, () => {
      expectSame(thunks[key](), expected[key], key);
    });
  }
});

describe('FastArray basics', () => {
  it('storage is an off-heap ArrayBuffer; typed arrays are shared, not copied', () => {
    const ta = new Float64Array(new ArrayBuffer(32));
    const f = fast.asarray(ta);
    ta[1] = 5;
    expect(f.get(1)).toBe(5);
    expect(f.storage.buffer).toBe(ta.buffer);
    expect(fast.zeros([2]).storage.buffer).toBeInstanceOf(ArrayBuffer);
  });
  it('views share memory; reshape copies only when it must', () => {
    const a = fast.arange(6).reshape([2, 3]);
    expect(a.reshape([3, 2]).storage).toBe(a.storage);
    expect(a.T.storage).toBe(a.storage);
    expect(a.T.reshape([6]).storage).not.toBe(a.storage);
    expect(a.at(':, ::2').ravel().storage).not.toBe(a.storage);
    expect(a.at('1').ravel().storage).toBe(a.storage);
  });
  it('attributes: strides in bytes, itemsize, nbytes, ndim, size', () => {
    const a = fast.zeros([2, 3, 4], { dtype: 'complex64' });
    expect(a.strides).toEqual([96, 32, 8]);
    expect(a.T.strides).toEqual([8, 32, 96]);
    expect(a.itemsize).toBe(8);
    expect(a.nbytes).toBe(192);
    expect([a.ndim, a.size]).toEqual([3, 24]);
    expect(fast.arange(10).at('::-3').strides).toEqual([-12]);
  });
  it('toArray, toTypedArray, item, get of every dtype', () => {
    expect(fast.arange(6).reshape([2, 3]).toArray()).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(fast.asarray(3.5).toArray()).toBe(3.5);
    expect(mk('int64').get(3)).toBe(-(2n ** 63n));
    expect(mk('uint64').get(2)).toBe(2n ** 64n - 1n);
    expect(mk('bool').get(0)).toBe(true);
    expect(mk('complex128').get(1)).toEqual({ re: 1.5, im: -2 });
    const a = fast.arange(6);
    const t = a.toTypedArray();
    expect(t).toBeInstanceOf(Int32Array);
    expect(t.buffer).toBe(a.storage.buffer);
    const r = a.at('::-1').toTypedArray();
    expect(Array.from(r as Int32Array)).toEqual([5, 4, 3, 2, 1, 0]);
    expect(fast.asarray([[7]]).item()).toBe(7);
    expect(() => a.item()).toThrow(ValueError);
  });
  it('__array_interface__ needs an address resolver (the bridge installs one)', () => {
    const a = fast.arange(6).reshape([2, 3]);
    expect(() => a.__array_interface__).toThrow(NotSupportedError);
    internal.setAddressResolver(() => 4096n);
    try {
      expect(a.__array_interface__).toEqual({ shape: [2, 3], typestr: '<i4', data: [4096n, false], strides: null, version: 3 });
      expect(a.T.__array_interface__.strides).toEqual([4, 12]);
      expect(a.at('1:').__array_interface__.data[0]).toBe(4096n + 12n);
      expect(fast.broadcast_to(a, [2, 2, 3]).__array_interface__.data[1]).toBe(true);
    } finally {
      internal.setAddressResolver(null);
    }
  });
  it('namespace constants and re-exports', () => {
    expect([fast.bool, fast.int32, fast.float64, fast.complex64, fast.uint64]).toEqual(['bool', 'int32', 'float64', 'complex64', 'uint64']);
    expect(fast.newaxis).toBeNull();
    expect(fast.ellipsis).toBe('...');
    expect(String(fast.slice(1, null, -1))).toBe('1::-1');
    expect(fast.asarray(new DataView(new Uint8Array([1, 2, 250]).buffer)).toArray()).toEqual([1, 2, 250]);
    expect(fast.asarray(new DataView(new Uint8Array([1, 2, 250]).buffer)).dtype).toBe('uint8');
    expect(fast.arange(6).reshape([1, 2, 3]).mT.shape).toEqual([1, 3, 2]);
  });

  it('dispose releases the bridge owner once', () => {
    const a = fast.zeros([3]);
    let released = 0;
    a.storage.owner = { release: () => void released++ };
    const lazy = a.add(1);
    a.dispose();
    a.dispose();
    expect(released).toBe(1);
    expect(lazy.toArray()).toEqual([1, 1, 1]); // lazy readers keep the values they were built from (a copy at the release)
    expect(() => a.get(0)).toThrow(DisposedError);
    expect(() => a.add(1)).toThrow(DisposedError);
    expect(() => a.toArray()).toThrow(DisposedError);
  });
  it('bad input gives typed errors naming the problem', () => {
    expect(() => fast.asarray([[1, 2], [3]])).toThrow(ShapeError);
    expect(() => fast.asarray([1, [2]] as never)).toThrow(/inhomogeneous/);
    expect(() => fast.asarray(['a'] as never)).toThrow(DTypeError);
    expect(() => fast.asarray([1], { dtype: 'float16' as DTypeName })).toThrow(/"float16".*not available in the fast runtime/);
    expect(() => fast.zeros([-1])).toThrow(ShapeError);
    expect(() => fast.zeros([2.5])).toThrow(ShapeError);
    expect(() => fast.arange(0, 5, 0)).toThrow(ValueError);
    expect(() => fast.arange(6).reshape([4, -1])).toThrow(/cannot reshape array of size 6/);
    expect(() => fast.arange(6).reshape([-1, -1])).toThrow(/only specify one unknown/);
    expect(() => fast.arange(6).transpose([0, 0])).toThrow(ValueError);
    expect(() => fast.squeeze(fast.zeros([2, 1]), 0)).toThrow(/size not equal to one/);
    expect(() => fast.broadcast_to(fast.arange(3), [2, 4])).toThrow(ShapeError);
    expect(() => fast.arange(3).astype('int8', { casting: 'safe' })).toThrow(/cannot cast/);
    expect(fast.arange(3).astype('int64', { casting: 'safe' }).dtype).toBe('int64');
    expect(() => fast.linspace(0, 1, -1)).toThrow(ValueError);
    expect(() => fast.linspace(0, 1, 5, { num: 5 })).toThrow(/multiple values for argument 'num'/);
    expect(() => fast.linspace(0, 1, { num: 2.5 })).toThrow(TypeError);
    expect(() => fast.asarray([1, 300], { dtype: 'int8' })).toThrow(/300 out of bounds for int8/);
  });
});
