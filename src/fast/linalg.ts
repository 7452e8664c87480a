/** Linear algebra: matmul, tensordot, vecdot, outer, trace, diagonal, norms, cross, and the fast.linalg namespace. */
export {};
