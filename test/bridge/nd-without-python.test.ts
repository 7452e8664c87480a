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
  expect(() => nd.linalg.svd(fast.eye(2))).toThrow(CompatUnavailableError);
  expect(() => nd.linalg.svd(fast.eye(2))).toThrow(/nonexistent/);
});
