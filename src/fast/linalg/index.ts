/**
 * Linear algebra of the fast runtime: the main namespace's matmul, tensordot, vecdot (and NumPy's
 * dot, vdot, inner, outer, kron, trace, diag, cross), and the `linalg` namespace object of the
 * Array API's linalg extension (plus NumPy's linalg.norm, lstsq, cond). Corners fast does not
 * compute, or whose results depend on LAPACK's arbitrary sign choices (eigh/svd vectors, eig),
 * throw NotSupportedError naming the corner, so `nd` runs them on NumPy.
 */
import { ValueError } from '../../common/errors.js';
import type { FastArray } from '../array.js';
import { notSupported } from '../not-supported.js';
import { matrix_transpose } from '../manipulation/views.js';
import { cholesky, cond, det, eigvalsh, inv, lstsq, matrix_power, matrix_rank, pinv, qr, slogdet, solve, svdvals } from './decompositions.js';
import { cross, diagonal, linalgTrace, matrix_norm, norm, vector_norm } from './norms.js';
import { matmul, outer, tensordot, vecdot } from './products.js';
import { toFast, type ArrayInput } from './support.js';

export { dot, inner, kron, matmul, outer, tensordot, vdot, vecdot } from './products.js';
export { cross, diag, trace } from './norms.js';
export type { TensordotAxes } from './products.js';
export type { MatrixNormOptions, VectorNormOptions } from './norms.js';

/** The standard's linalg.outer: 1-d operands only (NumPy's np.linalg.outer raises for others; top-level outer flattens). */
function linalgOuter(x1: ArrayInput, x2: ArrayInput): FastArray {
  const a = toFast(x1);
  const b = toFast(x2);
  if (a.ndim !== 1 || b.ndim !== 1) {
    throw new ValueError(`linalg.outer takes 1-d arrays, got shapes (${a.shape.join(', ')}) and (${b.shape.join(', ')}); fast.outer flattens its operands`);
  }
  return outer(a, b);
}

const VECTORS = "the eigenvector/singular-vector signs LAPACK picks are arbitrary and fast's Jacobi methods pick others";

/** The Array API linalg extension (`fast.linalg.*`), with NumPy's norm, lstsq and cond. */
export const linalg = {
  matmul,
  matrix_transpose,
  tensordot,
  vecdot,
  outer: linalgOuter,
  cross,
  diagonal,
  trace: linalgTrace,
  vector_norm,
  matrix_norm,
  norm,
  det,
  slogdet,
  inv,
  solve,
  cholesky,
  qr,
  matrix_power,
  svdvals,
  matrix_rank,
  pinv,
  eigvalsh,
  lstsq,
  cond,
  eigh: notSupported('linalg.eigh', `${VECTORS}; linalg.eigvalsh gives the eigenvalues`),
  svd: notSupported('linalg.svd', `${VECTORS}; linalg.svdvals gives the singular values`),
  eig: notSupported('linalg.eig', 'no non-symmetric eigensolver in fast'),
  eigvals: notSupported('linalg.eigvals', 'no non-symmetric eigensolver in fast; linalg.eigvalsh handles symmetric matrices'),
} as const;

// NumPy functions outside the standard that fast computes itself (convolve, einsum, polyfit, ...)
export * from '../numpy-extras/index.js';
