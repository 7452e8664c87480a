/**
 * matmul, tensordot, vecdot, dot, vdot, inner, outer, kron against NumPy run at test time. Integer
 * and bool results are exact; float64 within 1e-14 relative (the blocked kernel sums in another
 * order than OpenBLAS); float32 within 1e-6 (fast accumulates in float64, sgemm in float32).
 */
import { describe, expect, it } from 'vitest';
import type { DTypeName } from '../../common/dtypes.js';
import { ShapeError, ValueError } from '../../common/errors.js';
import type { FastArray } from '../array.js';
import { encode, expectSame, numpyEval, type Enc } from '../testing/numpy-oracle.js';
import { dot, inner, kron, matmul, outer, tensordot, vdot, vecdot } from './products.js';
import { build, py, type Spec } from './testing.js';

const rtolOf = (d: string): number => (d === 'float32' || d === 'complex64' ? 1e-6 : d.startsWith('float') || d.startsWith('complex') ? 1e-14 : 0);

interface Row {
  label: string;
  run: () => FastArray;
  py: string;
  dtype: string;
  /** absolute tolerance instead of rtol (sums of many terms with cancellation) */
  atol?: number;
}

function rows(): Row[] {
  const out: Row[] = [];
  const add = (label: string, run: () => FastArray, expr: string, dtype: string, atol?: number): void => {
    out.push({ label, run, py: expr, dtype, atol });
  };
  const s = (dtype: DTypeName, shape: number[], seed: number, view?: string, domain?: Spec['domain']): Spec => ({ dtype, shape, seed, view, domain });
  const DT: DTypeName[] = ['float64', 'float32', 'complex128', 'complex64', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'bool'];
  for (const d of DT) {
    const A = s(d, [3, 4], 1);
    const B = s(d, [4, 5], 2);
    add(`matmul ${d} 2-d`, () => matmul(build(A), build(B)), `np.matmul(${py(A)}, ${py(B)})`, d);
    const V = s(d, [4], 3);
    add(`matmul ${d} 2-d @ 1-d`, () => matmul(build(A), build(V)), `np.matmul(${py(A)}, ${py(V)})`, d);
    add(`matmul ${d} 1-d @ 2-d`, () => matmul(build(V), build(B)), `np.matmul(${py(V)}, ${py(B)})`, d);
    add(`matmul ${d} 1-d @ 1-d`, () => matmul(build(V), build(V)), `np.matmul(${py(V)}, ${py(V)})`, d);
    const X = s(d, [3, 4], 5);
    add(`vecdot ${d}`, () => vecdot(build(A), build(X)), `np.vecdot(${py(A)}, ${py(X)})`, d);
  }
  // large values that wrap in the integer dtypes
  const W = s('int32', [2, 3], 4);
  add('matmul int32 wraps', () => matmul(build(W).mul(1000000), build(W).mT.mul(3000)), `np.matmul(${py(W)} * np.int32(1000000), ${py(W)}.T * np.int32(3000))`, 'int32');
  // broadcasting batches, views with negative and gapped strides, mixed dtypes
  const P = s('float64', [2, 1, 3, 4], 7);
  const Q = s('float64', [3, 4, 2], 8);
  add('matmul batch broadcast', () => matmul(build(P), build(Q)), `np.matmul(${py(P)}, ${py(Q)})`, 'float64');
  const R = s('float64', [6, 9], 9, '::-2, 1::2');
  const T = s('float64', [8, 5], 10, '::-2, ::-1');
  add('matmul strided views', () => matmul(build(R), build(T)), `np.matmul(${py(R)}, ${py(T)})`, 'float64');
  const BIG1 = s('float64', [70, 300], 11);
  const BIG2 = s('float64', [300, 67], 12, '::1, ::-1');
  add('matmul blocked kernel', () => matmul(build(BIG1), build(BIG2)), `np.matmul(${py(BIG1)}, ${py(BIG2)})`, 'float64', 300 * 4 * 2 ** -52);
  const I8 = s('int8', [3, 4], 13);
  const F32 = s('float32', [4, 2], 14);
  add('matmul int8 @ float32 -> float32', () => matmul(build(I8), build(F32)), `np.matmul(${py(I8)}, ${py(F32)})`, 'float32');
  const U8 = s('uint8', [3, 4], 15);
  const I8b = s('int8', [4, 2], 16);
  add('matmul uint8 @ int8 -> int16', () => matmul(build(U8), build(I8b)), `np.matmul(${py(U8)}, ${py(I8b)})`, 'int16');
  const E1 = s('float64', [0, 3], 17);
  const E2 = s('float64', [3, 2], 18);
  add('matmul empty rows', () => matmul(build(E1), build(E2)), `np.matmul(${py(E1)}, ${py(E2)})`, 'float64');
  const E3 = s('float64', [2, 0], 19);
  const E4 = s('float64', [0, 3], 20);
  add('matmul empty inner (zeros)', () => matmul(build(E3), build(E4)), `np.matmul(${py(E3)}, ${py(E4)})`, 'float64');
  const Ba = s('complex128', [2, 3, 3], 21);
  const Bb = s('complex128', [3], 22);
  add('matmul complex batch @ 1-d', () => matmul(build(Ba), build(Bb)), `np.matmul(${py(Ba)}, ${py(Bb)})`, 'complex128');

  // tensordot
  const T1 = s('float64', [2, 3, 4], 23);
  const T2 = s('float64', [3, 4, 5], 24);
  add('tensordot axes=2', () => tensordot(build(T1), build(T2), 2), `np.tensordot(${py(T1)}, ${py(T2)}, axes=2)`, 'float64');
  add('tensordot axes={axes: 0}', () => tensordot(build(s('float64', [2, 3], 25)), build(s('float64', [2], 26)), { axes: 0 }), `np.tensordot(${py(s('float64', [2, 3], 25))}, ${py(s('float64', [2], 26))}, axes=0)`, 'float64');
  const T3 = s('int32', [4, 3, 2], 27, '::-1');
  const T4 = s('int32', [3, 4], 28);
  add('tensordot lists, int32 view', () => tensordot(build(T3), build(T4), [[1, 0], [0, 1]]), `np.tensordot(${py(T3)}, ${py(T4)}, axes=([1, 0], [0, 1]))`, 'int32');
  // vecdot with an axis, broadcasting, complex conj
  const V1 = s('complex128', [3, 4], 29);
  const V2 = s('complex128', [4], 30);
  add('vecdot complex broadcast', () => vecdot(build(V1), build(V2)), `np.vecdot(${py(V1)}, ${py(V2)})`, 'complex128');
  const V3 = s('int32', [3, 2], 31);
  const V4 = s('int32', [3, 2], 32, '::-1');
  add('vecdot axis 0', () => vecdot(build(V3), build(V4), { axis: 0 }), `np.vecdot(${py(V3)}, ${py(V4)}, axis=0)`, 'int32');
  add('vecdot 0-length axis', () => vecdot(build(s('float64', [2, 0], 33)), build(s('float64', [0], 34))), `np.vecdot(${py(s('float64', [2, 0], 33))}, ${py(s('float64', [0], 34))})`, 'float64');
  // NumPy extras
  const D1 = s('float64', [3, 4], 35);
  const D2 = s('float64', [4, 2], 36, '::-1');
  add('dot 2-d', () => dot(build(D1), build(D2)), `np.dot(${py(D1)}, ${py(D2)})`, 'float64');
  add('dot 2-d 1-d', () => dot(build(D1), build(s('float64', [4], 37))), `np.dot(${py(D1)}, ${py(s('float64', [4], 37))})`, 'float64');
  add('dot N-d M-d', () => dot(build(T1), build(s('float64', [2, 4, 3], 38))), `np.dot(${py(T1)}, ${py(s('float64', [2, 4, 3], 38))})`, 'float64');
  add('dot scalar', () => dot(build(s('float64', [], 39)), build(D1)), `np.dot(${py(s('float64', [], 39))}, ${py(D1)})`, 'float64');
  add('vdot complex', () => vdot(build(V1), build(s('complex128', [12], 40))), `np.vdot(${py(V1)}, ${py(s('complex128', [12], 40))})`, 'complex128');
  add('inner', () => inner(build(s('float64', [2, 3], 41)), build(s('float64', [4, 3], 42))), `np.inner(${py(s('float64', [2, 3], 41))}, ${py(s('float64', [4, 3], 42))})`, 'float64');
  add('outer', () => outer(build(s('int8', [3], 43)), build(s('int8', [2, 2], 44))), `np.outer(${py(s('int8', [3], 43))}, ${py(s('int8', [2, 2], 44))})`, 'int8');
  add('kron 2-d', () => kron(build(s('float64', [2, 2], 45)), build(s('float64', [2, 3], 46))), `np.kron(${py(s('float64', [2, 2], 45))}, ${py(s('float64', [2, 3], 46))})`, 'float64');
  add('kron mixed ndim', () => kron(build(s('int32', [3], 47)), build(s('int32', [2, 2], 48))), `np.kron(${py(s('int32', [3], 47))}, ${py(s('int32', [2, 2], 48))})`, 'int32');
  return out;
}

describe('products against NumPy', () => {
  const table = rows();
  const expected = numpyEval(Object.fromEntries(table.map((r) => [r.label, r.py])));
  for (const r of table) {
    it(r.label, () => {
      const got = r.run();
      if (r.atol !== undefined) return expectClose(got, expected[r.label], r.atol, r.label);
      // fast's int32 default does not apply here: every case keeps NumPy's dtype
      expectSame(got, expected[r.label], r.label, { rtol: rtolOf(r.dtype) });
    });
  }
});

/** Same dtype and shape, every element within `atol` (k·eps·max|a|·max|b| for a k-term product). */
function expectClose(got: FastArray, exp: Enc | undefined, atol: number, label: string): void {
  if (exp === undefined || !('data' in exp)) throw new Error(`${label}: NumPy gave ${JSON.stringify(exp)}`);
  const g = encode(got);
  expect(g.dtype).toBe(exp.dtype);
  expect(g.shape).toEqual(exp.shape);
  let worst = 0;
  for (let i = 0; i < g.data.length; i++) worst = Math.max(worst, Math.abs((g.data[i] as number) - (exp.data[i] as number)));
  expect(worst, `${label}: max abs difference`).toBeLessThanOrEqual(atol);
}

describe('products: bad input', () => {
  it('matmul rejects 0-d and mismatched shapes with both shapes named', () => {
    expect(() => matmul(build({ dtype: 'float64', shape: [] }), build({ dtype: 'float64', shape: [2] }))).toThrow(ValueError);
    expect(() => matmul(build({ dtype: 'float64', shape: [2, 3] }), build({ dtype: 'float64', shape: [4, 2] }))).toThrow(/\(2, 3\) and \(4, 2\)/);
    expect(() => matmul(build({ dtype: 'float64', shape: [2, 2, 3] }), build({ dtype: 'float64', shape: [3, 3, 2] }))).toThrow(ShapeError);
  });
  it('tensordot and vecdot name the sizes that differ', () => {
    expect(() => tensordot(build({ dtype: 'float64', shape: [2, 3] }), build({ dtype: 'float64', shape: [2, 3] }), 1)).toThrow(ShapeError);
    expect(() => vecdot(build({ dtype: 'float64', shape: [3] }), build({ dtype: 'float64', shape: [4] }))).toThrow(/size 3 in x1 but 4/);
  });
});

describe('FastArray.matmul / __matmul__', () => {
  it('equals the matmul function (values and dtype)', () => {
    const a = build({ dtype: 'int32', shape: [2, 2, 3], seed: 3 });
    const b = build({ dtype: 'int32', shape: [3, 2], seed: 4 });
    expect(a.matmul(b).toArray()).toEqual(matmul(a, b).toArray());
    expect(a.__matmul__(b).dtype).toBe('int32');
    expect(() => a.matmul(build({ dtype: 'int32', shape: [2, 2], seed: 5 }))).toThrow(ShapeError);
  });
});
