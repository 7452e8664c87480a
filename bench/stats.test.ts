import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { measure } from './measure.js';
import { checksumsAgree, median, speedup, summarize, weightedChecksum } from './stats.js';
import { INPUT_MODULI, pattern } from './workloads.js';

const python = (src: string): unknown => JSON.parse(execFileSync('python3', ['-c', src], { encoding: 'utf8' }));

describe('statistics', () => {
  it('median of odd and even counts, unsorted input, as NumPy computes it', () => {
    const odd = [5, 1, 4, 2, 3];
    const even = [10, 2, 7, 1];
    const expected = python(`import json, numpy as np; print(json.dumps([np.median(${JSON.stringify(odd)}), np.median(${JSON.stringify(even)})]))`);
    expect([median(odd), median(even)]).toEqual(expected);
    expect(() => median([])).toThrow(RangeError);
  });

  it('summarize gives median, min, max and the count, and rejects bad samples', () => {
    expect(summarize([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3, reps: 3 });
    expect(() => summarize([1, Number.NaN])).toThrow(/not a finite/);
    expect(() => summarize([])).toThrow(RangeError);
  });

  it('speedup is reference over contender, undefined without both figures', () => {
    expect(speedup(10, 2)).toBe(5);
    expect(speedup(1, 4)).toBe(0.25);
    expect(speedup(undefined, 2)).toBeUndefined();
    expect(speedup(3, undefined)).toBeUndefined();
    expect(speedup(3, 0)).toBeUndefined();
  });

  it('checksums agree within the relative tolerance only', () => {
    expect(checksumsAgree(1e6, 1e6 * (1 + 1e-12), 1e-9)).toBe(true);
    expect(checksumsAgree(1e6, 1e6 * (1 + 1e-6), 1e-9)).toBe(false);
    expect(checksumsAgree(0, 1e-12, 1e-9)).toBe(true);
    expect(checksumsAgree(Number.NaN, Number.NaN, 1)).toBe(false);
  });

  it('inputs and the weighted checksum match bench/numpy_workloads.py (real NumPy)', () => {
    const n = 2500;
    const a = pattern(n, INPUT_MODULI.a);
    const got = python(
      `import json, sys; sys.path.insert(0, 'bench'); import numpy_workloads as w; a = w.pattern(${n}, ${INPUT_MODULI.a}); print(json.dumps({"a": a.tolist(), "c": w.weighted_checksum(a)}))`,
    ) as { a: number[]; c: number };
    expect(Array.from(a)).toEqual(got.a);
    expect(checksumsAgree(got.c, weightedChecksum(a), 1e-12)).toBe(true);
  });
});

describe('measure', () => {
  const work = (): number => {
    let s = 0;
    for (let i = 0; i < 20_000; i++) s += Math.sqrt(i);
    return s;
  };

  it('runs the warm-ups, then at least minReps and at most maxReps timed runs', async () => {
    let calls = 0;
    const m = await measure(() => (calls++, work()), { warmup: 2, minReps: 4, maxReps: 4, budgetMs: 1e9, coldSlowRun: true });
    expect(m.samples).toHaveLength(4);
    expect(calls).toBe(6);
    expect(m.last).toBe(work());
  });

  it('a run slower than the budget cuts the warm-up short and takes at most 3 timed runs', async () => {
    let calls = 0;
    const m = await measure(() => (calls++, work()), { warmup: 3, minReps: 5, maxReps: 30, budgetMs: 0, coldSlowRun: false });
    expect(calls).toBe(1 + 3);
    expect(m.samples).toHaveLength(3);
    expect(m.cold).toBe(false);
  });

  it('coldSlowRun (quick): a first run slower than the budget is the only, cold, sample', async () => {
    let calls = 0;
    const m = await measure(() => (calls++, work()), { warmup: 1, minReps: 1, maxReps: 5, budgetMs: 0, coldSlowRun: true });
    expect(calls).toBe(1);
    expect(m.samples).toHaveLength(1);
    expect(m.cold).toBe(true);
  });
});
