import { describe, expect, it } from 'vitest';
import { NumpyWorker } from './numpy-cpython.js';
import { checksumsAgree } from './stats.js';
import { INPUT_MODULI, pattern, type CaseSpec, type Sizes } from './workloads.js';

const SIZES: Sizes = { n: 5000, image: 10, kernel: 3, matmul: 4, asarray: [10] };
const POLICY = { warmup: 0, minReps: 2, maxReps: 2, budgetMs: 0, coldSlowRun: false };

describe('NumpyWorker (python3 subprocess)', () => {
  it('reports versions, then times the cases it is sent, one at a time', async () => {
    const started = await NumpyWorker.start();
    if (typeof started === 'string') throw new Error(started);
    const { worker, info } = started;
    try {
      expect(info.implementation).toBe('CPython');
      expect(info.numpy).toMatch(/^\d+\.\d+/);
      const sum = await worker.runCase({ workload: 'sum', key: 'sum', label: 'sum', size: 0 }, SIZES, POLICY);
      if (!('samples' in sum)) throw new Error(sum.error);
      expect(sum.samples).toHaveLength(2);
      expect(sum.cold).toBe(false);
      const expected = pattern(SIZES.n, INPUT_MODULI.a).reduce((p, x) => p + x, 0);
      expect(checksumsAgree(expected, sum.checksum, 1e-12)).toBe(true);
      const bad = await worker.runCase({ workload: 'nope', key: 'nope', label: 'nope', size: 0 } as unknown as CaseSpec, SIZES, POLICY);
      expect(bad).toEqual({ key: 'nope', error: "ValueError: unknown workload 'nope'" });
      const after = await worker.runCase({ workload: 'std', key: 'std', label: 'std', size: 0 }, SIZES, POLICY);
      expect('samples' in after).toBe(true);
    } finally {
      worker.close();
    }
  });

  it('a missing Python gives a reason naming NDBRIDGE_PYTHON, not a crash', async () => {
    const started = await NumpyWorker.start('/nonexistent/python3');
    expect(started).toMatch(/cannot run \/nonexistent\/python3 .*NDBRIDGE_PYTHON/);
  });
});
