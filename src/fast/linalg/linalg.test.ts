/** The fast.linalg namespace object: every name of the standard's linalg extension is there, the unsupported ones throw NotSupportedError naming their corner. */
import { describe, expect, it } from 'vitest';
import { NotSupportedError, ValueError } from '../../common/errors.js';
import { isNotSupported } from '../not-supported.js';
import { linalg, outer } from './index.js';
import { asarray } from '../creation/creation.js';
import { expectSame, numpyEval } from '../testing/numpy-oracle.js';

const STANDARD = ['cholesky', 'cross', 'det', 'diagonal', 'eigh', 'eigvalsh', 'inv', 'matmul', 'matrix_norm', 'matrix_power', 'matrix_rank', 'matrix_transpose', 'outer', 'pinv', 'qr', 'slogdet', 'solve', 'svd', 'svdvals', 'tensordot', 'trace', 'vecdot', 'vector_norm', 'eig', 'eigvals'];

describe('fast.linalg', () => {
  it('has every function of the linalg extension (2024.12, plus eig/eigvals of 2025.12)', () => {
    for (const name of STANDARD) expect(typeof (linalg as Record<string, unknown>)[name], name).toBe('function');
  });
  it('eigh, svd, eig, eigvals are NotSupported with their corner ids', () => {
    for (const name of ['eigh', 'svd', 'eig', 'eigvals'] as const) {
      expect(isNotSupported(linalg[name])).toBe(true);
      try {
        linalg[name](asarray([[1, 0], [0, 1]]));
        throw new Error('did not throw');
      } catch (e) {
        expect(e).toBeInstanceOf(NotSupportedError);
        expect((e as NotSupportedError).corner).toBe(`linalg.${name}`);
      }
    }
  });
  it('linalg.outer takes 1-d operands only; top-level outer flattens (NumPy)', () => {
    expect(() => linalg.outer(asarray([[1, 2]]), asarray([1]))).toThrow(ValueError);
    const exp = numpyEval({ o: "np.outer(np.array([[1, 2]], dtype='int32'), np.array([3], dtype='int32'))" });
    expectSame(outer(asarray([[1, 2]]), asarray([3])), exp.o, 'outer of 2-d');
  });
});
