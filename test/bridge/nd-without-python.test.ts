/**
 * `nd` with no usable Python: fast work still runs, the rest throws CompatUnavailableError. This file
 * points NDBRIDGE_PYTHON at an interpreter that does not exist before anything loads compat (vitest runs
 * each test file in its own process).
 */
import { expect, it } from 'vitest';

process.env.NDBRIDGE_PYTHON = '/nonexistent/ndbridge-test/python3';

it('runs fast functions and explains what NumPy-only calls need', async () => {
  const { nd, lastDispatch } = await import('../../src/bridge/nd.js');
  const fast = await import('../../src/fast/index.js');
  const { CompatUnavailableError } = await import('../../src/common/errors.js');
  const r = nd.multiply(fast.arange(3), 2) as InstanceType<typeof fast.FastArray>;
  expect(r.toArray()).toEqual([0, 2, 4]);
  expect(lastDispatch()?.runtime).toBe('fast');
  // The BLAS/LAPACK rule would send these to NumPy; without it they run on fast, and the record says why.
  const a = fast.ones([64, 64]);
  const p = nd.matmul(a, a) as InstanceType<typeof fast.FastArray>;
  expect(p.get(0, 0)).toBe(64);
  expect(lastDispatch()).toMatchObject({ name: 'matmul', runtime: 'fast' });
  expect(lastDispatch()?.reason).toMatch(/above the BLAS threshold 4096, but NumPy is unavailable/);
  const inv = nd.linalg.inv(fast.eye(40).mul(2)) as InstanceType<typeof fast.FastArray>;
  expect(inv.get(3, 3)).toBe(0.5);
  expect(lastDispatch()).toMatchObject({ name: 'linalg.inv', runtime: 'fast' });
  expect((nd.matmul(fast.eye(3), fast.eye(3)) as InstanceType<typeof fast.FastArray>).get(1, 1)).toBe(1);
  expect(lastDispatch()?.reason).toMatch(/below the BLAS threshold/);
  expect(() => nd.linalg.svd(fast.eye(2))).toThrow(CompatUnavailableError);
  expect(() => nd.linalg.svd(fast.eye(2))).toThrow(/nonexistent/);
});
