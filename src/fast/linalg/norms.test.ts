/**
 * vector_norm, matrix_norm, norm, trace, diagonal, diag and cross against NumPy at test time.
 * Tolerances: norms 1e-14 relative for float64 (NumPy reduces some axes in another order),
 * 1e-6 for float32; singular-value norms 1e-13 (complex128 too; complex64 1e-5); traces, diagonals, cross products of integers
 * exact, of floats 1e-15 (same operations as NumPy).
 */
import { describe, expect, it } from 'vitest';
import type { DTypeName } from '../../common/dtypes.js';
import { DTypeError, ShapeError, ValueError } from '../../common/errors.js';
import type { FastArray } from '../array.js';
import { numpyEval } from '../testing/numpy-oracle.js';
import { cross, diag, diagonal, linalgTrace, matrix_norm, norm, trace, vector_norm } from './norms.js';
import { build, expectNear, py, type Spec } from './testing.js';

const s = (dtype: DTypeName, shape: number[], seed: number, view?: string): Spec => ({ dtype, shape, seed, view });

interface Row {
  label: string;
  run: () => FastArray;
  py: string;
  rtol: number;
}

function table(): Row[] {
  const rows: Row[] = [];
  const add = (label: string, run: () => FastArray, expr: string, rtol = 1e-14): void => {
    rows.push({ label, run, py: expr, rtol });
  };
  const X = s('float64', [3, 4], 1);
  for (const ord of [2, 1, Infinity, -Infinity, 0, 3, -1, 0.5]) {
    const o = ord === Infinity ? 'np.inf' : ord === -Infinity ? '-np.inf' : String(ord);
    add(`vector_norm ord=${ord}`, () => vector_norm(build(X), { ord }), `np.linalg.vector_norm(${py(X)}, ord=${o})`);
    add(`vector_norm ord=${ord} axis=1 keepdims`, () => vector_norm(build(X), { ord, axis: 1, keepdims: true }), `np.linalg.vector_norm(${py(X)}, ord=${o}, axis=1, keepdims=True)`);
  }
  const Y = s('float64', [2, 3, 4], 2, '::-1, :, ::2');
  add('vector_norm axes (0, 2) of a view', () => vector_norm(build(Y), { axis: [0, 2] }), `np.linalg.vector_norm(${py(Y)}, axis=(0, 2))`);
  add('vector_norm float32', () => vector_norm(build(s('float32', [9], 3))), `np.linalg.vector_norm(${py(s('float32', [9], 3))})`, 1e-6);
  add('vector_norm complex128', () => vector_norm(build(s('complex128', [5], 4)), { ord: 1 }), `np.linalg.vector_norm(${py(s('complex128', [5], 4))}, ord=1)`);
  add('vector_norm int8 -> float64', () => vector_norm(build(s('int8', [6], 5))), `np.linalg.vector_norm(${py(s('int8', [6], 5))})`);
  add('vector_norm empty', () => vector_norm(build(s('float64', [0], 6))), `np.linalg.vector_norm(np.zeros(0))`);
  add('vector_norm 0-d', () => vector_norm(build(s('float64', [], 7))), `np.linalg.vector_norm(${py(s('float64', [], 7))})`);
  add('vector_norm nan and inf', () => vector_norm([1, NaN, Infinity]), `np.linalg.vector_norm(np.array([1, np.nan, np.inf]))`);
  const M = s('float64', [2, 3, 4], 8);
  for (const ord of ['fro', 1, -1, Infinity, -Infinity] as const) {
    add(`matrix_norm ord=${ord}`, () => matrix_norm(build(M), { ord }), `np.linalg.matrix_norm(${py(M)}, ord=${ord === Infinity ? 'np.inf' : ord === -Infinity ? '-np.inf' : JSON.stringify(ord)})`);
  }
  for (const ord of [2, -2, 'nuc'] as const) {
    add(`matrix_norm ord=${ord}`, () => matrix_norm(build(M), { ord, keepdims: true }), `np.linalg.matrix_norm(${py(M)}, ord=${JSON.stringify(ord)}, keepdims=True)`, 1e-13);
  }
  for (const [dtype, tol] of [['complex128', 1e-13], ['complex64', 1e-5]] as const) {
    const C = s(dtype, [2, 3, 4], 30);
    for (const ord of [2, -2, 'nuc', 'fro', 1, Infinity] as const) {
      const o = ord === Infinity ? 'np.inf' : JSON.stringify(ord);
      add(`matrix_norm ${dtype} ord=${ord}`, () => matrix_norm(build(C), { ord }), `np.linalg.matrix_norm(${py(C)}, ord=${o})`, tol);
    }
    add(`norm ${dtype} ord=2 of a view`, () => norm(build(s(dtype, [4, 3], 31, '::-1')), { ord: 2 }), `np.linalg.norm(${py(s(dtype, [4, 3], 31, '::-1'))}, ord=2)`, tol);
  }
  add('matrix_norm transposed view', () => matrix_norm(build(s('float64', [4, 3], 9)).mT, { ord: 1 }), `np.linalg.matrix_norm(${py(s('float64', [4, 3], 9))}.T, ord=1)`);
  add('norm default 2-d', () => norm(build(X)), `np.linalg.norm(${py(X)})`);
  add('norm ord=1 2-d', () => norm(build(X), { ord: 1 }), `np.linalg.norm(${py(X)}, ord=1)`);
  add('norm ord=inf axis=0', () => norm(build(X), { ord: Infinity, axis: 0 }), `np.linalg.norm(${py(X)}, ord=np.inf, axis=0)`);
  add('norm axis pair keepdims', () => norm(build(M), { axis: [2, 0], keepdims: true }), `np.linalg.norm(${py(M)}, axis=(2, 0), keepdims=True)`);
  add('linalg.trace offset 1', () => linalgTrace(build(M), { offset: 1 }), `np.linalg.trace(${py(M)}, offset=1)`, 1e-15);
  add('linalg.trace int32', () => linalgTrace(build(s('int32', [3, 3], 10))), `np.linalg.trace(${py(s('int32', [3, 3], 10))}, dtype=np.int32)`, 0);
  add('trace offset -1', () => trace(build(s('float64', [4, 4], 11)), { offset: -1 }), `np.trace(${py(s('float64', [4, 4], 11))}, offset=-1)`, 1e-15);
  add('trace axes 1, 2 of a view', () => trace(build(s('float64', [3, 4, 5], 12, '::-1')), { axis1: 1, axis2: 2 }), `np.trace(${py(s('float64', [3, 4, 5], 12, '::-1'))}, axis1=1, axis2=2)`, 1e-15);
  add('trace out of range offset', () => trace(build(X), { offset: 9 }), `np.trace(${py(X)}, offset=9)`, 0);
  add('diagonal offset -1', () => diagonal(build(s('int32', [2, 4, 3], 13)), { offset: -1 }), `np.linalg.diagonal(${py(s('int32', [2, 4, 3], 13))}, offset=-1)`, 0);
  add('diagonal view offset 2', () => diagonal(build(s('float32', [4, 4], 14, '::-1')), { offset: 2 }), `np.linalg.diagonal(${py(s('float32', [4, 4], 14, '::-1'))}, offset=2)`, 0);
  add('diag of 2-d', () => diag(build(X), { k: 1 }), `np.diag(${py(X)}, k=1)`, 0);
  add('diag of 1-d', () => diag(build(s('int32', [3], 15)), { k: -1 }), `np.diag(${py(s('int32', [3], 15))}, k=-1)`, 0);
  add('cross float64', () => cross(build(s('float64', [4, 3], 16)), build(s('float64', [3], 17))), `np.linalg.cross(${py(s('float64', [4, 3], 16))}, ${py(s('float64', [3], 17))})`, 0);
  add('cross int32 axis 0', () => cross(build(s('int32', [3, 2], 18)), build(s('int32', [3, 2], 19)), { axis: 0 }), `np.linalg.cross(${py(s('int32', [3, 2], 18))}, ${py(s('int32', [3, 2], 19))}, axis=0)`, 0);
  add('cross int8 and float32', () => cross(build(s('int8', [3], 20)), build(s('float32', [2, 3], 21))), `np.linalg.cross(${py(s('int8', [3], 20))}, ${py(s('float32', [2, 3], 21))})`, 0);
  return rows;
}

describe('norms, traces, diagonals, cross against NumPy', () => {
  const rows = table();
  const expected = numpyEval(Object.fromEntries(rows.map((r) => [r.label, r.py])));
  for (const r of rows) it(r.label, () => expectNear(r.run(), expected[r.label], r.label, { rtol: r.rtol }));
});

describe('norms: bad input', () => {
  it('cross needs 3-vectors and non-bool dtypes', () => {
    expect(() => cross([1, 2], [3, 4])).toThrow(ShapeError);
    expect(() => cross([true, false, true], [true, true, true])).toThrow(DTypeError);
  });
  it('matrix norms need two dimensions', () => {
    expect(() => matrix_norm([1, 2, 3])).toThrow(ValueError);
    expect(() => norm(build(s('float64', [3], 1)), { ord: 'fro', axis: 0 })).toThrow(ValueError);
  });
});
