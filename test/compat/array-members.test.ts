/**
 * CompatArray's Array API members and the FastArray method surface (device, to_device, mT,
 * __array_namespace__, the conversion dunders, pos/lshift/rshift/matmul, DLPack, and the namespace
 * functions that are also methods), and the axis rule for JS arrays passed positionally.
 * Expected values come from a python3 subprocess at test time.
 */
import { expect, it } from 'vitest';
import { DTypeError, ValueError } from '../../src/common/errors.js';
import * as compat from '../../src/compat/index.js';
import { CompatArray } from '../../src/compat/index.js';
import { FastArray } from '../../src/fast/array.js';
import { describeCompat, python } from './support.js';

/** JSON-comparable form: bigint -> number (values in these tests are small). */
function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof CompatArray) return plain(v.toArray());
  return v;
}

const py = <T = unknown>(expr: string): T => python<T>(`import numpy as np, json, operator\nprint(json.dumps(${expr}))`);

describeCompat('CompatArray members', () => {
  it('has every public method and accessor FastArray has', () => {
    const names = (proto: object): Set<string> => {
      const out = new Set<string>();
      for (let p: object | null = proto; p && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
        for (const k of Object.getOwnPropertyNames(p)) if (!k.startsWith('_') || k.startsWith('__')) out.add(k);
      }
      return out;
    };
    const compatNames = names(CompatArray.prototype);
    // FastArray-only internals: lazy engine state and storage access have no NumPy counterpart.
    const fastOnly = new Set(['constructor', 'storage', 'offset', 'elementStrides', 'writeable', 'lazy', 'cContiguous', 'toTypedArray', 'valueOf']);
    const missing = [...names(FastArray.prototype)].filter((n) => !fastOnly.has(n) && !compatNames.has(n));
    expect(missing).toEqual([]);
  });

  it('device, to_device, mT and __array_namespace__', () => {
    const np = compat.numpy();
    const x = np.arange(24).reshape([2, 3, 4]);
    expect(x.device).toBe(py("str(np.arange(3).device)"));
    expect(x.to_device('cpu').shape).toEqual([2, 3, 4]);
    expect(() => x.to_device('gpu')).toThrow(ValueError);
    expect(() => x.to_device('gpu')).toThrow(/Unsupported device/);
    expect(plain(x.mT)).toEqual(py('np.arange(24).reshape(2, 3, 4).mT.tolist()'));
    expect(x.__array_namespace__()).toBe(np);
    expect(() => x.__array_namespace__({ api_version: '1999.01' })).toThrow(/1999\.01/);
  });

  it('__bool__, __int__, __float__, __complex__, __index__ as Python bool/int/float/complex/operator.index', () => {
    const np = compat.numpy();
    const a = (src: string) => compat.evaluate(src) as CompatArray;
    expect(a('np.array(0.5)').__bool__()).toBe(py('bool(np.array(0.5))'));
    expect(a('np.array([0], dtype=np.int8)').__bool__()).toBe(py('bool(np.array([0], dtype=np.int8))'));
    expect(a('np.array(-2.75)').__int__()).toBe(py('int(np.array(-2.75))'));
    const big = a('np.array(2**62, dtype=np.int64)').__int__();
    expect(typeof big).toBe('bigint');
    expect(String(big)).toBe(String(py('str(int(np.array(2**62, dtype=np.int64)))')));
    expect(a('np.array(200, dtype=np.uint8)').__int__()).toBe(200);
    expect(a('np.array(7, dtype=np.int32)').__float__()).toBe(py('float(np.array(7, dtype=np.int32))'));
    expect(Number.isNaN(a('np.array(np.nan, dtype=np.float32)').__float__())).toBe(true);
    const c = a('np.array(1.5-2j)').__complex__();
    expect([c.re, c.im]).toEqual(py('[complex(np.array(1.5-2j)).real, complex(np.array(1.5-2j)).imag]'));
    expect(a('np.array(3.0)').__complex__()).toEqual({ re: 3, im: 0 });
    expect(a('np.array(-12, dtype=np.int16)').__index__()).toBe(py('operator.index(np.array(-12, dtype=np.int16))'));
    expect(String(a('np.array(2**63 + 5, dtype=np.uint64)').__index__())).toBe(py('str(operator.index(np.array(2**63 + 5, dtype=np.uint64)))'));
    // NumPy's errors, typed: ValueError for an ambiguous truth value, DTypeError for NumPy's TypeErrors.
    expect(() => np.arange(3).__bool__()).toThrow(ValueError);
    expect(() => np.arange(3).__bool__()).toThrow(/ambiguous/);
    expect(() => np.arange(3).__int__()).toThrow(DTypeError);
    expect(() => a('np.array(1.5)').__index__()).toThrow(DTypeError);
    expect(() => a('np.array(np.nan)').__int__()).toThrow(ValueError);
  });

  it('pos, lshift, rshift, matmul', () => {
    const np = compat.numpy();
    const i = np.arange(6, { dtype: 'int32' });
    expect(plain(i.pos())).toEqual(py('np.positive(np.arange(6, dtype=np.int32)).tolist()'));
    expect(plain(i.lshift(2))).toEqual(py('(np.arange(6, dtype=np.int32) << 2).tolist()'));
    expect(plain(i.rshift(1))).toEqual(py('(np.arange(6, dtype=np.int32) >> 1).tolist()'));
    const m = np.arange(12.0).reshape([3, 4]);
    const n = np.arange(8.0).reshape([4, 2]);
    expect(plain(m.matmul(n))).toEqual(py('(np.arange(12.0).reshape(3, 4) @ np.arange(8.0).reshape(4, 2)).tolist()'));
    expect(plain(m.__matmul__([1, 0, 0, 1]))).toEqual(py('(np.arange(12.0).reshape(3, 4) @ [1, 0, 0, 1]).tolist()'));
  });

  it('__dlpack__ gives NumPy capsule, __dlpack_device__ a JS pair', () => {
    const np = compat.numpy();
    const x = np.arange(6.0).reshape([3, 2]);
    expect(x.__dlpack_device__()).toEqual(py('[int(v) for v in np.arange(3.0).__dlpack_device__()]'));
    const cap = x.__dlpack__();
    expect(cap.$type).toBe(py('type(np.arange(3.0).__dlpack__()).__name__'));
    // NumPy consumes the producer's protocol: from_dlpack(x) shares memory with x.
    const y = np.from_dlpack(x) as CompatArray;
    expect(y.__array_interface__.data[0]).toBe(x.__array_interface__.data[0]);
    expect(plain(y)).toEqual(plain(x));
  });

  it('namespace functions as methods, with NumPy results', () => {
    const np = compat.numpy();
    const x = compat.evaluate('np.array([[3., -1., 2.], [0., 5., -4.]])') as CompatArray;
    const X = 'np.array([[3., -1., 2.], [0., 5., -4.]])';
    expect(plain(x.clip(-1, 2))).toEqual(py(`${X}.clip(-1, 2).tolist()`));
    expect(plain(x.clip({ min: 0 }))).toEqual(py(`np.clip(${X}, 0, None).tolist()`));
    expect(plain(x.div(3).round(2))).toEqual(py(`np.round(${X} / 3, 2).tolist()`));
    expect(plain(x.argmax(1))).toEqual(py(`${X}.argmax(1).tolist()`));
    expect(plain(x.argmin({ axis: 0, keepdims: true }))).toEqual(py(`np.argmin(${X}, axis=0, keepdims=True).tolist()`));
    expect(plain(x.cumsum())).toEqual(py(`${X}.cumsum().tolist()`));
    expect(plain(x.cumulative_sum({ axis: 1, include_initial: true }))).toEqual(py(`np.cumulative_sum(${X}, axis=1, include_initial=True).tolist()`));
    expect(plain(x.count_nonzero({ axis: 0 }))).toEqual(py(`np.count_nonzero(${X}, axis=0).tolist()`));
    expect(plain(x.argsort())).toEqual(py(`np.argsort(${X}).tolist()`));
    const d = compat.evaluate('np.array([1, 3, 3, 2, 3, 1])') as CompatArray;
    // Stable descending order (Array API): equal elements keep their order.
    expect(plain(d.argsort({ descending: true }))).toEqual([1, 2, 4, 3, 0, 5]);
    expect(plain(x.nonzero())).toEqual(py(`[v.tolist() for v in np.nonzero(${X})]`));
    expect(plain(np.arange(5).searchsorted(2.5))).toEqual(py('int(np.arange(5).searchsorted(2.5))'));
    expect(plain(x.take([0, 2], 1))).toEqual(py(`np.take(${X}, [0, 2], axis=1).tolist()`));
    expect(plain(x.repeat(2, { axis: 0 }))).toEqual(py(`np.repeat(${X}, 2, axis=0).tolist()`));
    expect(x.permute_dims([1, 0]).shape).toEqual([3, 2]);
    expect(x.expand_dims([0, 2]).shape).toEqual(py(`list(np.expand_dims(${X}, (0, 2)).shape)`));
    expect(x.expand_dims([0, 2]).squeeze([0, 2]).shape).toEqual([2, 3]);
    expect(plain(x.flip(1))).toEqual(py(`np.flip(${X}, 1).tolist()`));
    expect(plain(x.ravel())).toEqual(py(`${X}.ravel().tolist()`));
    expect(plain(x.T.flatten())).toEqual(py(`${X}.T.flatten().tolist()`));
    expect(x.moveaxis(0, 1).shape).toEqual([3, 2]);
    expect(x.swapaxes(0, 1).shape).toEqual([3, 2]);
    expect(x.broadcast_to([4, 2, 3]).shape).toEqual([4, 2, 3]);
    expect(x.conj().dtype).toBe('float64');
    expect(plain((compat.evaluate('np.array([1+2j])') as CompatArray).conjugate())).toEqual([{ re: 1, im: -2 }]);
    expect(x.item === undefined).toBe(false);
    expect(np.arange(1).item()).toBe(0);
  });

  it('the axis rule: JS arrays given for axis/axes parameters become tuples, positionally too', () => {
    const np = compat.numpy();
    const x = np.zeros([1, 3, 1, 2]);
    expect(np.squeeze(x, [0, 2]).shape).toEqual(py('list(np.squeeze(np.zeros((1, 3, 1, 2)), (0, 2)).shape)'));
    expect(np.squeeze(x, { axis: [0, 2] }).shape).toEqual([3, 2]);
    expect(plain(np.sum(np.ones([2, 3, 4]), [0, 2]))).toEqual(py('np.sum(np.ones((2, 3, 4)), (0, 2)).tolist()'));
    expect(np.transpose(np.zeros([2, 3, 4]), [2, 0, 1]).shape).toEqual([4, 2, 3]);
    expect(np.expand_dims(np.zeros([2]), [0, 2]).shape).toEqual([1, 2, 1]);
    // Other array arguments stay lists (a shape, data).
    expect(np.reshape(np.arange(6), [2, 3]).shape).toEqual([2, 3]);
    expect(plain(np.array([[1, 2], [3, 4]]))).toEqual([[1, 2], [3, 4]]);
    // A Python function's own `axis` parameter, positionally.
    const f = compat.evaluate('lambda a, axis: type(axis).__name__') as compat.PyObjectProxy;
    expect(f(1, [0, 1])).toBe('tuple');
    const g = compat.evaluate('lambda a, b: type(b).__name__') as compat.PyObjectProxy;
    expect(g(1, [0, 1])).toBe('list');
    // Builtins without a signature keep the plain rule.
    const len = compat.evaluate('len') as compat.PyObjectProxy;
    expect(len([1, 2, 3])).toBe(3);
  });
});
