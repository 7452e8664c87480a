/**
 * Linear algebra of the fast runtime: the main namespace's matmul, tensordot, vecdot (and NumPy's
 * dot, vdot, inner, outer, kron), and the `linalg` namespace object of the Array API's linalg
 * extension. Corners fast does not compute (or not exactly enough against NumPy) throw
 * NotSupportedError naming the corner, so `nd` runs them on NumPy.
 */
import { matrix_transpose } from './views.js';
import { matmul, outer, tensordot, vecdot } from './linalg/products.js';

export { dot, inner, kron, matmul, outer, tensordot, vdot, vecdot } from './linalg/products.js';
export type { TensordotAxes } from './linalg/products.js';
export type { ArrayInput } from './linalg/support.js';

/** The Array API linalg extension (`fast.linalg.*`). */
export const linalg = {
  matmul,
  matrix_transpose,
  tensordot,
  vecdot,
  outer,
} as const;
