/**
 * compat end to end against the real NumPy: the proxy namespace, conversions both ways, evaluate/exec,
 * CompatArray, and errors. Expected values come from a python3 subprocess at test time.
 */
import { expect, it } from 'vitest';
import { DisposedError, IndexError, PythonError, ShapeError, ValueError } from '../../src/common/errors.js';
import { slice } from '../../src/common/index-expr.js';
import * as compat from '../../src/compat/index.js';
import { CompatArray } from '../../src/compat/index.js';
import { describeCompat, python } from './support.js';

/** JSON-comparable form: bigint -> number (values in these tests are small). */
function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof CompatArray) return plain(v.toArray());
  return v;
}

describeCompat('compat namespace', () => {
  it('calls NumPy functions, submodules and methods with keyword arguments', () => {
    const np = compat.numpy();
    const x = np.linspace(0, 1, 5);
    expect(x).toBeInstanceOf(CompatArray);
    expect(plain(x)).toEqual(python('import numpy as np, json; print(json.dumps(np.linspace(0, 1, 5).tolist()))'));
    const [u, s, vt] = np.linalg.svd(np.random.default_rng(0).random([3, 3]));
    const expected = python<number[][]>(
      'import numpy as np, json; u, s, vt = np.linalg.svd(np.random.default_rng(0).random((3, 3))); print(json.dumps([s.tolist(), (u @ np.diag(s) @ vt).ravel().tolist()]))',
    );
    expect((s.toArray() as number[]).map((v, i) => Math.abs(v - expected[0][i]) < 1e-12)).toEqual([true, true, true]);
    const back = (u.mul(s).py.__matmul__ as compat.PyObjectProxy)(vt) as CompatArray;
    expect(Array.isArray(np.linalg.svd(np.eye(2)))).toBe(true); // SVDResult (a namedtuple) -> array
    expect(np.allclose(back.reshape([9]), expected[1])).toBe(true);
    const r = np.random.default_rng(0).normal({ size: [3, 3] }) as CompatArray;
    expect(r.shape).toEqual([3, 3]);
    expect(plain(r)).toEqual(python('import numpy as np, json; print(json.dumps(np.random.default_rng(0).normal(size=(3, 3)).tolist()))'));
    const f = np.fft.rfft(x, { n: 8 });
    const fe = python<number[][]>('import numpy as np, json; f = np.fft.rfft(np.linspace(0, 1, 5), n=8); print(json.dumps([[c.real, c.imag] for c in f]))');
    expect((f.toArray() as { re: number; im: number }[]).map((c) => [c.re, c.im])).toEqual(fe);
    expect(np.pi).toBe(Math.PI);
    expect(np.sum(np.arange(6).reshape([2, 3]), { axis: [0, 1] })).toBe(15n);
    expect(plain(np.sum(np.arange(6).reshape([2, 3]), { axis: 0 }))).toEqual([3, 5, 7]);
  });

  it('has the Array API names NumPy 2 provides', () => {
    const np = compat.numpy();
    const a = np.arange(4).reshape([2, 2]);
    expect(plain(np.concat([a, a], { axis: 0 }))).toEqual(python('import numpy as np, json; a = np.arange(4).reshape(2, 2); print(json.dumps(np.concat([a, a], axis=0).tolist()))'));
    expect(plain(np.permute_dims(a, [1, 0]))).toEqual([[0, 2], [1, 3]]);
    expect(plain(np.pow(a, 2))).toEqual([[0, 1], [4, 9]]);
    expect(plain(np.unique_values(compat.evaluate('np.array([3, 1, 3, 2])') as CompatArray))).toEqual(
      python('import numpy as np, json; print(json.dumps(np.unique_values(np.array([3, 1, 3, 2])).tolist()))'),
    );
  });

  it('converts values both ways as documented', () => {
    const got = compat.evaluate('(1, 2.5, True, None, "héllo", 2**70, np.int64(3), np.int32(4), 1+2j, np.float32(0.5), np.complex64(1-1j), [1, [2]], np.uint64(2**64-1), np.bool_(False))');
    expect(got).toEqual([1, 2.5, true, null, 'héllo', 2n ** 70n, 3n, 4, { re: 1, im: 2 }, 0.5, { re: 1, im: -1 }, [1, [2]], 2n ** 64n - 1n, false]);
    const types = compat.evaluate(
      '[type(v).__name__ for v in (a, b, c, d, e, f, g, h, i)]',
      { a: 3, b: 3.5, c: -0, d: 2n ** 65n, e: 'x\u0000y', f: [1, 2], g: compat.tuple(1, 2), h: compat.dict({ k: 1 }), i: compat.complex(1, 2) },
    );
    expect(types).toEqual(['int', 'float', 'float', 'int', 'str', 'list', 'tuple', 'dict', 'complex']);
    expect(compat.evaluate('len(e), d', { e: 'x\u0000y', d: 2n ** 65n })).toEqual([3, 2n ** 65n]);
    expect(compat.evaluate('(a.dtype.name, a.tolist())', { a: new Float32Array([1.5, 2]) })).toEqual(['float32', [1.5, 2]]);
    expect(compat.evaluate('(a.dtype.name, a.tolist())', { a: new BigInt64Array([5n]) })).toEqual(['int64', [5]]);
    const d = compat.evaluate('{"a": [1, 2], "b": {"c": None}}') as compat.PyObjectProxy;
    expect(d.$toJs()).toEqual({ a: [1, 2], b: { c: null } });
    expect(d.$item('a')).toEqual([1, 2]);
    d.$setItem('z', 5);
    expect(d.$item('z')).toBe(5);
    expect(d.$type).toBe('dict');
  });

  it('evaluate passes CompatArray through as the very NumPy array; exec returns bound names', () => {
    const np = compat.numpy();
    const a = np.zeros([3]);
    compat.exec('a[1] = 7', { a });
    expect(plain(a)).toEqual([0, 7, 0]);
    const out = compat.exec('import math\ny = a * 2\nz = [i * k for i in range(3)]\nw = math.floor(2.5)', { a, k: 2 });
    expect(plain(out.y)).toEqual([0, 14, 0]);
    expect(out.z).toEqual([0, 2, 4]);
    expect(out.w).toBe(2);
  });

  it('runs JS functions called from Python', () => {
    const apply = compat.evaluate('lambda f, xs: [f(x) for x in xs]') as compat.PyObjectProxy;
    expect(apply((v: number) => v * 10, [1, 2, 3])).toEqual([10, 20, 30]);
    const np = compat.numpy();
    const vec = np.vectorize as compat.PyObjectProxy;
    const f = vec((v: bigint) => Number(v) + 0.5) as compat.PyObjectProxy;
    expect(plain(f(np.arange(3)))).toEqual([0.5, 1.5, 2.5]);
    expect(() => apply(() => {
      throw new Error('boom from JS');
    }, [1])).toThrow(/boom from JS/);
  });

  it('compat.import returns any module through the same proxy', () => {
    const math = compat.import('math');
    expect((math.sqrt as compat.PyObjectProxy)(16)).toBe(4);
    const json = compat.import('json');
    expect((json.dumps as compat.PyObjectProxy)([1, compat.dict({ a: null })])).toBe('[1, {"a": null}]');
    expect(() => compat.import('no_such_module_xyz')).toThrow(PythonError);
  });
});

describeCompat('errors', () => {
  it('PythonError carries type, message and traceback, and the interpreter stays usable', () => {
    const np = compat.numpy();
    let err: unknown;
    try {
      np.linalg.inv(np.zeros([2, 2]));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PythonError);
    const pe = err as PythonError;
    expect(pe.pythonType).toBe('numpy.linalg.LinAlgError');
    expect(pe.pythonMessage).toBe('Singular matrix');
    expect(pe.pythonTraceback).toMatch(/Traceback[\s\S]*linalg/);
    expect(plain(np.add(np.ones([2]), 1))).toEqual([2, 2]);
  });

  it('missing attributes, wrong argument types and disposed objects give typed errors', () => {
    const np = compat.numpy();
    expect(() => (np.no_such_function as compat.PyObjectProxy)(1)).toThrow(/AttributeError: module 'numpy' has no attribute 'no_such_function'/);
    expect(() => np.zeros('not a shape' as unknown as number[])).toThrow(PythonError);
    expect(() => np.add(np.ones([2]), compat.evaluate('object()') as compat.PyObjectProxy)).toThrow(PythonError);
    expect(() => np.add(np.ones([2]), new Date() as unknown as number)).toThrow(ValueError);
    const a = np.ones([2]);
    a.dispose();
    a.dispose();
    expect(() => a.sum()).toThrow(DisposedError);
    expect(() => np.add(a, 1)).toThrow(DisposedError);
    const f = np.random.default_rng(1);
    f.$dispose();
    expect(() => f.random()).toThrow(DisposedError);
  });

  it('CompatArray maps NumPy errors to typed errors', () => {
    const np = compat.numpy();
    const a = np.arange(6).reshape([2, 3]);
    expect(() => a.get(5, 0)).toThrow(IndexError);
    expect(() => a.get(0)).toThrow(IndexError);
    expect(() => a.reshape([4, 4])).toThrow(ShapeError);
    expect(() => a.add(np.ones([4]))).toThrow(ShapeError);
    expect(() => a.sum({ axis: 5 })).toThrow(IndexError);
  });
});

describeCompat('CompatArray (NdArray on NumPy)', () => {
  const expectedFor = (expr: string): unknown => python(`import numpy as np, json; a = np.arange(24).reshape(2, 3, 4); print(json.dumps(${expr}))`);

  it('attributes match NumPy', () => {
    const a = compat.numpy().arange(24).reshape([2, 3, 4]);
    const e = expectedFor('[list(a.shape), a.dtype.name, list(a.strides), a.ndim, a.size, a.itemsize, a.nbytes, list(a.T.shape)]') as unknown[];
    expect([a.shape, a.dtype, a.strides, a.ndim, a.size, a.itemsize, a.nbytes, a.T.shape]).toEqual(e);
    const ai = a.__array_interface__;
    expect(ai.typestr).toBe('<i8');
    expect(ai.shape).toEqual([2, 3, 4]);
    expect(ai.version).toBe(3);
    expect(typeof ai.data[0] === 'number' || typeof ai.data[0] === 'bigint').toBe(true);
  });

  it('indexing: get, at with NumPy index strings and objects, set', () => {
    const np = compat.numpy();
    const a = np.arange(24).reshape([2, 3, 4]);
    expect(a.get(1, 2, 3)).toBe(23n);
    expect(a.get(-1, -1, -1)).toBe(23n);
    const e = expectedFor('[a[1:, ::-2].tolist(), a[..., None, 1].tolist(), a[0, ::2, None].tolist(), a[[1, 0], 2].tolist(), a[a > 20].tolist()]') as unknown[];
    expect(plain(a.at('1:, ::-2'))).toEqual(e[0]);
    expect(plain(a.at('..., None, 1'))).toEqual(e[1]);
    expect(plain(a.at(0, slice(null, null, 2), null))).toEqual(e[2]);
    expect(plain(a.at('[1, 0], 2'))).toEqual(e[3]);
    const zeroD = a.at(1, 2, 3);
    expect(zeroD.ndim).toBe(0);
    expect(zeroD.toArray()).toBe(23n);
    expect(plain(a.at(a.gt(20)))).toEqual(e[4]);
    const b = np.zeros([3, 3]);
    b.set('1, :', 5);
    b.set([0, 0], 1);
    b.set(slice(2, 3), [[7, 8, 9]]);
    expect(plain(b)).toEqual([[1, 0, 0], [5, 5, 5], [7, 8, 9]]);
    const view = b.at('1');
    view.set(0, -1);
    expect(b.get(1, 0)).toBe(-1);
  });

  it('arithmetic, comparison, logical methods and reductions match NumPy', () => {
    const np = compat.numpy();
    const a = np.arange(24).reshape([2, 3, 4]);
    const cases: [unknown, string][] = [
      [a.add(1).mul(a).sub(np.ones([4])), '(((a + 1) * a) - np.ones(4)).tolist()'],
      [a.div(3), '(a / 3).tolist()'],
      [a.floordiv(5).mod(3), '((a // 5) % 3).tolist()'],
      [a.pow(2).neg().abs(), 'abs(-(a ** 2)).tolist()'],
      [a.eq(3).or(a.ge(20)).and(a.ne(22)).xor(a.lt(1)), '((((a == 3) | (a >= 20)) & (a != 22)) ^ (a < 1)).tolist()'],
      [a.le(2).not(), '(~(a <= 2)).tolist()'],
      [a.sum({ axis: 1 }), 'a.sum(axis=1).tolist()'],
      [a.sum({ axis: [0, 2], keepdims: true }), 'a.sum(axis=(0, 2), keepdims=True).tolist()'],
      [a.prod({ axis: 0 }), 'a.prod(axis=0).tolist()'],
      [a.min(), 'a.min().tolist()'],
      [a.max({ axis: -1 }), 'a.max(axis=-1).tolist()'],
      [a.mean({ axis: 2 }), 'a.mean(axis=2).tolist()'],
      [a.gt(5).all({ axis: 2 }), '(a > 5).all(axis=2).tolist()'],
      [a.gt(5).any(), '(a > 5).any().tolist()'],
      [a.transpose([2, 0, 1]), 'a.transpose(2, 0, 1).tolist()'],
      [a.astype('float32').div(7), '(a.astype(np.float32) / 7).tolist()'],
      [a.astype('int32').add(1), '(a.astype(np.int32) + 1).tolist()'],
    ];
    const expected = expectedFor(`[${cases.map(([, e]) => e).join(', ')}]`) as unknown[];
    cases.forEach(([got, expr], i) => expect([expr, plain(got)]).toEqual([expr, expected[i]]));
    expect(a.sum().ndim).toBe(0);
    expect(a.astype('int32').toArray()).toEqual(expectedFor('a.astype(np.int32).tolist()'));
    expect(a.astype('int64').at(0, 0).toArray()).toEqual([0n, 1n, 2n, 3n]);
    expect(a.astype('bool').at(0, 0).toArray()).toEqual([false, true, true, true]);
    expect(a.astype('complex64').at(0, 0, slice(0, 2)).toArray()).toEqual([{ re: 0, im: 0 }, { re: 1, im: 0 }]);
    const c = a.copy();
    c.set('...', 0);
    expect(a.get(1, 1, 1)).toBe(17n);
  });

  it('toString is NumPy repr; toArray handles non-native byte order and exotic dtypes', () => {
    const np = compat.numpy();
    const x = np.linspace(0, 1, 3);
    expect(x.toString()).toBe(python<string>('import numpy as np, json; print(json.dumps(repr(np.linspace(0, 1, 3))))'));
    expect(String(x)).toBe(x.toString());
    const be = compat.evaluate("np.arange(3, dtype='>i4')") as CompatArray;
    expect(be.toArray()).toEqual([0, 1, 2]);
    const s = compat.evaluate("np.array(['a', 'bc'])") as CompatArray;
    expect(s.toArray()).toEqual(['a', 'bc']);
    expect(String(s.dtype)).toBe('str256'.replace('256', String(python('import numpy as np, json; print(json.dumps(np.array(["a", "bc"]).itemsize * 8))'))));
  });
});
