/**
 * NumPy's ufunc keywords on fast's element-wise functions (out, where, dtype, casting, order, subok),
 * against NumPy at test time: values, dtypes, that out is the very array returned, layouts, and the
 * errors NumPy raises (same exception kind and the same wording for casting errors).
 */
import { describe, expect, it } from 'vitest';
import { DTypeError, NotSupportedError, OverflowError, ShapeError, ValueError } from '../../common/errors.js';
import type { DTypeName } from '../../common/dtypes.js';
import * as fast from '../index.js';
import type { FastArray } from '../array.js';
import { expectSame, numpyError, numpyEval } from '../testing/numpy-oracle.js';

const X = '[[0.5, -1.25, 3.0], [2.0, 0.0, -7.5]]';
const Y = '[[1.0, 2.0, -3.0], [4.5, -0.25, 8.0]]';
const M = '[[True, False, True], [False, True, True]]';
const fx = (d: DTypeName = 'float64') => fast.asarray([[0.5, -1.25, 3.0], [2.0, 0.0, -7.5]]).astype(d);
const fy = () => fast.asarray([[1.0, 2.0, -3.0], [4.5, -0.25, 8.0]]);
const fm = () => fast.asarray([[true, false, true], [false, true, true]]);
const ix = () => fast.asarray([[1, -2, 3], [40, 5, -6]], { dtype: 'int16' });
const IX = "np.array([[1, -2, 3], [40, 5, -6]], dtype=np.int16)";

interface Row {
  readonly label: string;
  readonly py: string;
  readonly run: () => FastArray;
  /** The result must be this very array (out=). */
  readonly same?: () => FastArray;
}

describe('ufunc keywords match NumPy', () => {
  it('out, where, dtype, casting and order give NumPy values and dtypes', () => {
    const rows: Row[] = [];
    const add = (label: string, py: string, run: () => FastArray) => rows.push({ label, py, run });
    // out: written and returned; operands broadcast to out; casting of the result into out
    {
      const o = fast.zeros([2, 3]);
      rows.push({ label: 'add out', py: `np.add(np.array(${X}), np.array(${Y}), out=np.zeros((2, 3)))`, run: () => fast.add(fx(), fy(), { out: o }), same: () => o });
    }
    {
      const o = fast.zeros([2, 3], { dtype: 'float32' });
      rows.push({ label: 'multiply out float32', py: `np.multiply(np.array(${X}), np.array(${Y}), out=np.zeros((2, 3), np.float32))`, run: () => fast.multiply(fx(), fy(), { out: o }), same: () => o });
    }
    add('add scalar out broadcast', 'np.add(1, 2, out=np.zeros(3))', () => fast.add(1, 2, { out: fast.zeros([3]) }));
    add('sqrt out list', `np.sqrt(np.abs(np.array(${X})), out=(np.zeros((2, 3)),))`, () => fast.sqrt(fast.abs(fx()), { out: [fast.zeros([2, 3])] }));
    add('add out where', `np.add(np.array(${X}), np.array(${Y}), where=np.array(${M}), out=np.full((2, 3), 7.0))`, () => fast.add(fx(), fy(), { where: fm(), out: fast.full([2, 3], 7.0, { dtype: 'float64' }) }));
    add('less out where', `np.less(np.array(${X}), np.array(${Y}), where=np.array(${M}), out=np.zeros((2, 3), bool))`, () => fast.less(fx(), fy(), { where: fm(), out: fast.zeros([2, 3], { dtype: 'bool' }) }));
    add('negative out where false', `np.negative(np.array(${X}), where=False, out=np.full((2, 3), 3.0))`, () => fast.negative(fx(), { where: false, out: fast.full([2, 3], 3.0, { dtype: 'float64' }) }));
    add('add where row broadcast', `np.add(np.array(${X}), 1, where=np.array([True, False, True]), out=np.zeros((2, 3)))`, () => fast.add(fx(), 1, { where: fast.asarray([true, false, true]), out: fast.zeros([2, 3]) }));
    add('add out aliasing a shifted view', 'a = np.arange(6.0); np.add(a[1:], a[:-1], out=a[1:]); a', () => {
      const a = fast.arange(6, { dtype: 'float64' });
      fast.add(a.at('1:'), a.at(':-1'), { out: a.at('1:') });
      return a;
    });
    // dtype: the loop dtype; operands cast under casting
    add('add dtype float32', `np.add(np.array(${X}), np.array(${Y}), dtype='float32')`, () => fast.add(fx(), fy(), { dtype: 'float32' }));
    add('add dtype int8 wraps', `np.add(${IX}, ${IX} * 10, dtype=np.int8)`, () => fast.add(ix(), fast.multiply(ix(), 10), { dtype: 'int8' }));
    add('sqrt dtype float32 of ints', `np.sqrt(np.abs(${IX}), dtype='float32')`, () => fast.sqrt(fast.abs(ix()), { dtype: 'float32' }));
    add('add dtype unsafe', `np.add(np.array(${X}), np.array(${Y}), dtype='int32', casting='unsafe')`, () => fast.add(fx(), fy(), { dtype: 'int32', casting: 'unsafe' }));
    add('less dtype bool', `np.less(np.array(${X}), np.array(${Y}), dtype=bool)`, () => fast.less(fx(), fy(), { dtype: 'bool' }));
    add('divide dtype float32 of ints', `np.divide(${IX}, 3, dtype=np.float32)`, () => fast.divide(ix(), 3, { dtype: 'float32' }));
    add('maximum dtype complex128', `np.maximum(np.array(${X}), np.array(${Y}), dtype=np.complex128)`, () => fast.maximum(fx(), fy(), { dtype: 'complex128' }));
    // casting: the default same_kind writes float64 into float32; safe operands pass
    add('subtract casting safe', `np.subtract(${IX}, ${IX}, casting='safe')`, () => fast.subtract(ix(), ix(), { casting: 'safe' }));
    add('add casting no, same dtypes', `np.add(np.array(${X}), np.array(${Y}), casting='no')`, () => fast.add(fx(), fy(), { casting: 'no' }));
    add('sqrt casting unsafe out int16', `np.sqrt(np.abs(np.array(${X})), out=np.zeros((2, 3), np.int16), casting='unsafe')`, () => fast.sqrt(fast.abs(fx()), { out: fast.zeros([2, 3], { dtype: 'int16' }), casting: 'unsafe' }));
    add('negative subok False', `np.negative(np.array(${X}), subok=False)`, () => fast.negative(fx(), { subok: false }));
    const res = numpyEval(Object.fromEntries(rows.map((r) => [r.label, r.py.includes(';') ? `(lambda: (${r.py.split('; ').slice(0, -1).map((s) => s.replace(/^a = /, 'a := ')).join(', ')}, ${r.py.split('; ').at(-1)})[-1])()` : r.py])));
    for (const r of rows) {
      const got = r.run();
      expectSame(got, res[r.label], r.label);
      if (r.same) expect(got, `${r.label}: returns out itself`).toBe(r.same());
    }
  });

  it('order lays the result out as NumPy does', () => {
    const cases: [string, string, () => FastArray][] = [
      ['F', `np.add(np.array(${X}), 1, order='F')`, () => fast.add(fx(), 1, { order: 'F' })],
      ['K of a transpose', `np.add(np.array(${X}).T, 1, order='K')`, () => fast.add(fx().T, 1, { order: 'K' })],
      ['A of a transpose', `np.add(np.array(${X}).T, np.array(${Y}).T, order='A')`, () => fast.add(fx().T, fy().T, { order: 'A' })],
      ['A of mixed layouts', `np.add(np.array(${X}).T, np.ones((3, 2)), order='A')`, () => fast.add(fx().T, fast.ones([3, 2]), { order: 'A' })],
      ['C of a transpose', `np.add(np.array(${X}).T, 1, order='C')`, () => fast.add(fx().T, 1, { order: 'C' })],
    ];
    const res = numpyEval(Object.fromEntries(cases.map(([k, py]) => [k, py])));
    const strides = numpyEval(Object.fromEntries(cases.map(([k, py]) => [k, `list(${py}.strides)`])));
    for (const [k, , run] of cases) {
      const got = run();
      expectSame(got, res[k], k);
      const s = strides[k] as { data: number[] };
      expect([...got.strides], `${k}: strides`).toEqual(s.data.map(Number));
    }
  });

  it('raises what NumPy raises', () => {
    const cases: [string, string, () => unknown, new (...a: never[]) => Error][] = [
      ['output cast', `np.add(np.array(${X}), 1, out=np.zeros((2, 3), np.int32))`, () => fast.add(fx(), 1, { out: fast.zeros([2, 3], { dtype: 'int32' }) }), DTypeError],
      ['input cast dtype', `np.add(np.array(${X}), 1, dtype=np.int32)`, () => fast.add(fx(), 1, { dtype: 'int32' }), DTypeError],
      ['casting no', `np.add(${IX}, np.array(${X}), casting='no')`, () => fast.add(ix(), fx(), { casting: 'no' }), DTypeError],
      ['casting equiv out', `np.add(${IX}, ${IX}, casting='equiv', out=np.zeros((2, 3), np.int64))`, () => fast.add(ix(), ix(), { casting: 'equiv', out: fast.zeros([2, 3], { dtype: 'int64' }) }), DTypeError],
      ['no loop predicate', `np.less(np.array(${X}), 1, dtype=np.float64)`, () => fast.less(fx(), 1, { dtype: 'float64' }), DTypeError],
      ['no loop divide int', `np.divide(${IX}, 2, dtype=np.int16)`, () => fast.divide(ix(), 2, { dtype: 'int16' }), DTypeError],
      ['weak float to int loop', `np.add(${IX}, 1.5, dtype=np.int16)`, () => fast.add(ix(), 1.5, { dtype: 'int16' }), DTypeError],
      ['python int out of bounds', `np.add(${IX}, 300, dtype=np.int8)`, () => fast.add(ix(), 300, { dtype: 'int8' }), OverflowError],
      ['out shape', 'np.add(np.ones(3), np.ones(3), out=np.zeros(2))', () => fast.add(fast.ones([3]), fast.ones([3]), { out: fast.zeros([2]) }), ShapeError], // fast's broadcast error
      ['out not broadcast', 'np.add(np.ones((2, 3)), 1, out=np.zeros(3))', () => fast.add(fast.ones([2, 3]), 1, { out: fast.zeros([3]) }), ValueError],
      ['where of ints', `np.add(np.array(${X}), 1, where=np.array([1, 0, 1]), out=np.zeros((2, 3)))`, () => fast.add(fx(), 1, { where: fast.asarray([1, 0, 1]), out: fast.zeros([2, 3]) }), DTypeError],
      ['bad casting', `np.add(np.array(${X}), 1, casting='sideways')`, () => fast.add(fx(), 1, { casting: 'sideways' as never }), ValueError],
      ['bad order', `np.add(np.array(${X}), 1, order='Z')`, () => fast.add(fx(), 1, { order: 'Z' as never }), ValueError],
    ];
    const res = numpyEval(Object.fromEntries(cases.map(([k, py]) => [k, py])));
    for (const [k, , run, kind] of cases) {
      const e = numpyError(res[k], k);
      let err: unknown;
      try {
        run();
      } catch (x) {
        err = x;
      }
      expect(err, `${k}: fast must raise (NumPy: ${e.error}: ${e.message})`).toBeInstanceOf(kind);
      if (e.message.startsWith('Cannot cast ufunc')) expect((err as Error).message, k).toBe(e.message);
    }
  });

  it('out must be a writeable fast array; signature and the two-output ufuncs keywords are refused by name', () => {
    expect(() => fast.add(fx(), 1, { out: [1, 2] as never })).toThrow(TypeError);
    expect(() => fast.add(fx(), 1, { out: fast.broadcast_to(fast.zeros([3]), [2, 3]) })).toThrow(/read-only/);
    expect(() => fast.add(fx(), 1, { signature: 'dd->d' } as never)).toThrow(NotSupportedError);
    expect(() => fast.modf(fx(), { out: [fast.zeros([2, 3]), fast.zeros([2, 3])] } as never)).toThrow(/modf\.out/);
    expect(() => fast.ldexp(fx(), 2, { dtype: 'float32' } as never)).toThrow(/ldexp\.dtype/);
  });
});
