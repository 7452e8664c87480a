/**
 * The BLAS/LAPACK rule's work estimates, from shapes and dtypes alone (no Python needed).
 */
import { describe, expect, it } from 'vitest';
import * as fast from '../fast/index.js';
import { DEFAULT_THRESHOLDS, estimateWork, formatWork, POLICY_FUNCTIONS } from './dispatch-policy.js';

const f64 = (...shape: number[]) => fast.zeros(shape);
const of = (dtype: 'float32' | 'complex64' | 'complex128' | 'int32' | 'bool', ...shape: number[]) => fast.zeros(shape, { dtype });

describe('estimateWork', () => {
  it('counts multiply-adds of matmul with NumPy 1-d promotion and broadcast batches', () => {
    expect(estimateWork('matmul', [f64(502, 502), f64(502, 502)])).toMatchObject({
      library: 'BLAS',
      work: 502 ** 3,
      operands: '(502, 502) @ (502, 502) float64',
      result: { shape: [502, 502], dtype: 'float64' },
    });
    expect(estimateWork('matmul', [f64(7), f64(7, 3)])).toMatchObject({ work: 21, result: { shape: [3] } });
    expect(estimateWork('matmul', [f64(4, 5), f64(5)])).toMatchObject({ work: 20, result: { shape: [4] } });
    expect(estimateWork('matmul', [f64(5), f64(5)])).toMatchObject({ work: 5, result: { shape: [] } });
    expect(estimateWork('matmul', [f64(10, 1, 4, 5), f64(3, 5, 6)])).toMatchObject({ work: 30 * 4 * 5 * 6, result: { shape: [10, 3, 4, 6] } });
    expect(estimateWork('linalg.matmul', [of('float32', 8, 8), of('complex64', 8, 8)])).toMatchObject({ work: 512, result: { dtype: 'complex64' } });
    expect(estimateWork('matmul', [of('float32', 8, 8), of('complex64', 8, 8).astype('complex128')])?.result?.dtype).toBe('complex128');
  });

  it('leaves calls it cannot size to fast: wrong dtypes, non-arrays, bad shapes, unknown options', () => {
    expect(estimateWork('matmul', [of('int32', 64, 64), of('int32', 64, 64)])).toBeUndefined();
    expect(estimateWork('matmul', [f64(64, 64), of('bool', 64, 64)])).toBeUndefined();
    expect(estimateWork('matmul', [[[1, 2]], f64(2, 2)])).toBeUndefined();
    expect(estimateWork('matmul', [new Float64Array(4), f64(4)])).toBeUndefined();
    expect(estimateWork('matmul', [f64(3, 4), f64(5, 6)])).toBeUndefined();
    expect(estimateWork('matmul', [f64(2, 3, 4), f64(5, 4, 6)])).toBeUndefined();
    expect(estimateWork('matmul', [fast.zeros([]), f64(3)])).toBeUndefined();
    expect(estimateWork('matmul', [f64(3, 3), f64(3, 3), { out: null }])).toBeUndefined();
    expect(estimateWork('vecdot', [f64(3, 3), f64(3, 3), { axis: 0, keepdims: true }])).toBeUndefined();
    expect(estimateWork('linalg.inv', [f64(3, 4)])).toBeUndefined();
    expect(estimateWork('add', [f64(500, 500), f64(500, 500)])).toBeUndefined();
  });

  it('sizes dot, vdot, inner, tensordot and vecdot', () => {
    expect(estimateWork('dot', [f64(1000), f64(1000)])?.work).toBe(1000);
    expect(estimateWork('dot', [f64(2, 3, 4), f64(5, 4, 6)])?.work).toBe(2 * 3 * 4 * 5 * 6);
    expect(estimateWork('dot', [f64(3, 4), f64(5)])).toBeUndefined();
    expect(estimateWork('dot', [fast.zeros([]), f64(5)])).toBeUndefined();
    expect(estimateWork('vdot', [f64(2, 50), f64(100)])?.work).toBe(100);
    expect(estimateWork('inner', [f64(3, 7), f64(5, 7)])?.work).toBe(3 * 5 * 7);
    expect(estimateWork('tensordot', [f64(20, 30, 40), f64(30, 40, 5)])?.work).toBe(20 * 30 * 40 * 5);
    expect(estimateWork('tensordot', [f64(20, 30, 40), f64(40, 30, 5), [[1, 2], [1, 0]]])?.work).toBe(20 * 1200 * 5);
    expect(estimateWork('linalg.tensordot', [f64(20, 30), f64(30, 5), { axes: 1 }])?.work).toBe(20 * 30 * 5);
    expect(estimateWork('tensordot', [f64(20, 30), f64(31, 5), 1])).toBeUndefined();
    expect(estimateWork('vecdot', [f64(3, 2000), f64(2000)])?.work).toBe(6000);
    expect(estimateWork('linalg.vecdot', [f64(4, 3), f64(4, 3), { axis: 0 }])?.work).toBe(12);
    expect(estimateWork('vecdot', [f64(4, 3), f64(4, 5), { axis: 0 }])).toBeUndefined();
  });

  it('sizes linalg.solve, inv and det as n^3 per matrix, with the matrix size', () => {
    expect(estimateWork('linalg.det', [f64(40, 40)])).toMatchObject({ library: 'LAPACK', work: 64000 });
    expect(estimateWork('linalg.inv', [f64(5, 32, 32)])).toMatchObject({ work: 5 * 32 ** 3 });
    expect(estimateWork('linalg.solve', [f64(32, 32), f64(32)])).toMatchObject({ work: 32 ** 3 });
    expect(estimateWork('linalg.solve', [f64(32, 32), f64(4, 32, 3)])).toMatchObject({ work: 4 * 32 ** 3 });
    expect(estimateWork('linalg.solve', [f64(32, 32), f64(31)])).toBeUndefined();
  });

  it('covers the documented functions, and formats work for reasons', () => {
    expect([...POLICY_FUNCTIONS].sort()).toEqual(
      [
        'dot', 'inner', 'linalg.det', 'linalg.inv', 'linalg.matmul', 'linalg.solve', 'linalg.tensordot', 'linalg.vecdot', 'matmul', 'tensordot', 'vdot', 'vecdot',
        'linalg.svdvals', 'linalg.eigvalsh', 'linalg.pinv', 'linalg.matrix_rank', 'linalg.cond', 'linalg.qr', 'linalg.cholesky', 'linalg.matrix_norm',
      ].sort(),
    );
    expect(DEFAULT_THRESHOLDS).toEqual({ blas: 4096, lapack: 32768, decomposition: 64 });
    // a 3x5 matrix: 3 * 5 * min(3, 5) work; a stack of two 4x4: 2 * 64
    expect(estimateWork('linalg.svdvals', [f64(3, 5)])).toMatchObject({ library: 'decomposition', work: 45 });
    expect(estimateWork('linalg.qr', [fast.zeros([2, 4, 4])])?.work).toBe(128);
    expect(estimateWork('linalg.cholesky', [fast.zeros([4])])).toBeUndefined();
    expect(formatWork(4096)).toBe('4096');
    expect(formatWork(502 ** 3)).toBe('1.3e+8');
  });

  it('never reads values: lazy fast arrays stay lazy', () => {
    const a = f64(64, 64).add(1);
    expect(estimateWork('matmul', [a, a])?.work).toBe(64 ** 3);
    expect(fast.explain(a).operations).toBeGreaterThan(0);
  });
});
