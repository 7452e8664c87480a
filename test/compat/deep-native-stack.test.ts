/**
 * Native code that needs a deep stack runs through compat without crashing the process: OpenBLAS's
 * parallel LU recurses with ~600 KB frames from 10,000-element matrices on, which overflowed koffi's
 * default 2 MiB call stack (a segmentation fault at np.linalg.solve on 100x100). Runs under both FFI
 * engines (npm test runs test/compat again with NDBRIDGE_FFI=ffi-napi).
 */
import { expect, it } from 'vitest';
import * as compat from '../../src/compat/index.js';
import type { CompatArray } from '../../src/compat/index.js';
import { describeCompat, python } from './support.js';

describeCompat('LAPACK on large matrices', () => {
  it('solve, inv and det of 100x100 to 400x400 matrices return NumPy-in-CPython results', () => {
    const np = compat.numpy();
    for (const n of [100, 250, 400]) {
      const a = np.random.default_rng(n).random([n, n]) as CompatArray;
      const b = np.ones([n]) as CompatArray;
      const x = np.linalg.solve(a, b) as CompatArray;
      const inv = np.linalg.inv(a) as CompatArray;
      const det = np.linalg.det(a) as number;
      // checks computed in this process: A x = b and A A^-1 = I
      expect(np.allclose(np.matmul(a, x), b)).toBe(true);
      expect(np.allclose(np.matmul(a, inv), np.eye(n), { atol: 1e-8 })).toBe(true);
      const expected = python<number>(`import numpy as np, json; print(json.dumps(float(np.linalg.det(np.random.default_rng(${n}).random((${n}, ${n}))))))`);
      expect(Math.abs(det - expected)).toBeLessThanOrEqual(Math.abs(expected) * 1e-9);
    }
  });
});
