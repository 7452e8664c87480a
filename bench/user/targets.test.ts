/** The verdict logic of the user-style targets, on made-up sections (figures in, verdict text out). */
import { describe, expect, it } from 'vitest';
import type { Cell, UserSection } from '../report.js';
import { USER_TARGETS, userVerdicts, verdictLines, verdictOf, type UserTarget } from './targets.js';
import { USER_WORKLOAD_IDS, userCasesOf, USER_SIZES } from './workloads.js';

const cell = (contender: 'numpy' | 'fast' | 'float64array', median: number): Cell => ({
  contender,
  status: 'ok',
  median,
  min: median,
  max: median,
  reps: 1,
  samples: [median],
  checksum: 0,
  checked: true,
  cold: false,
});

const row = (key: string, cells: Cell[]): UserSection['cases'][number] => ({
  key,
  workload: 'u-add-small',
  group: 'small arrays',
  label: key,
  description: '',
  cells,
});

const ADD: UserTarget = { what: 'add', cases: ['u-add-small'], minSpeedup: 1 / 8, maxOverFloor: 1.5, reason: 'REASON' };

describe('verdictOf', () => {
  it('met when both the NumPy ratio and the floor ratio hold', () => {
    const v = verdictOf(ADD, row('u-add-small', [cell('numpy', 0.001), cell('fast', 0.0075), cell('float64array', 0.006)]));
    expect(v.status).toBe('met');
  });

  it('missed on the NumPy ratio alone: the floor is above the target, so fast is the limit and the reason is given', () => {
    const v = verdictOf(ADD, row('u-add-small', [cell('numpy', 0.001), cell('fast', 0.01), cell('float64array', 0.005)]));
    expect(v.status).toBe('missed');
    expect(v.text).toContain('0.10x NumPy, target 1/8');
    expect(v.text).toContain('2.00x the plain-JS floor, target 1.5x');
    expect(v.text).toContain('plain-JS floor 5.0 µs = 0.20x NumPy: a fresh ArrayBuffer per result');
    expect(v.text).toContain('REASON');
  });

  it('missed because the floor itself is under the target: names the floor as the limit', () => {
    const v = verdictOf(ADD, row('u-add-small', [cell('numpy', 0.001), cell('fast', 0.012), cell('float64array', 0.011)]));
    expect(v.status).toBe('missed');
    expect(v.text).toContain('limited by the floor');
    expect(v.text).toContain('1.09x it: REASON');
  });

  it('missed while faster than the floor: the floor is not the limit, the reason is', () => {
    const v = verdictOf({ ...ADD, minSpeedup: 1 }, row('u-add@1e7', [cell('numpy', 46), cell('fast', 112), cell('float64array', 1105)]));
    expect(v.status).toBe('missed');
    expect(v.text).toContain('fast beats the plain-JS floor 1.10 s = 0.04x NumPy');
    expect(v.text).toContain('what remains: REASON');
    expect(v.text).not.toContain('limited by the floor');
  });

  it('missed on the floor ratio alone, and without a floor column only the NumPy ratio counts', () => {
    const overFloor = verdictOf(ADD, row('u-add-small', [cell('numpy', 0.001), cell('fast', 0.004), cell('float64array', 0.001)]));
    expect(overFloor.status).toBe('missed');
    expect(overFloor.text).toContain('4.00x the plain-JS floor');
    const noFloor = verdictOf(ADD, row('u-add-small', [cell('numpy', 0.001), cell('fast', 0.004)]));
    expect(noFloor.status).toBe('met');
    const slow = verdictOf({ ...ADD, minSpeedup: 1 }, row('u-add-small', [cell('numpy', 0.001), cell('fast', 0.004)]));
    expect(slow.text).toContain('measured reason: REASON');
  });

  it('not measured when fast or NumPy has no figure', () => {
    const v = verdictOf(ADD, row('u-add-small', [cell('numpy', 0.001), { contender: 'fast', status: 'error', reason: 'x' }]));
    expect(v.status).toBe('not measured');
  });
});

describe('USER_TARGETS', () => {
  it('names only cases the user-style table has, each at most once', () => {
    const keys = new Set(userCasesOf(USER_WORKLOAD_IDS, USER_SIZES).map((c) => c.key));
    const named = USER_TARGETS.flatMap((t) => t.cases);
    for (const k of named) expect(keys.has(k), k).toBe(true);
    expect(new Set(named).size).toBe(named.length);
  });

  it('userVerdicts keeps the targets with a case in the report; verdictLines marks each', () => {
    const user: UserSection = {
      policy: { warmupMs: 0, batchMs: 1, minReps: 1, maxReps: 1, budgetMs: 0 },
      cases: [row('u-add-small', [cell('numpy', 0.001), cell('fast', 0.02), cell('float64array', 0.005)]), row('u-mean', [cell('numpy', 4), cell('fast', 3)])],
    };
    expect(userVerdicts(user).map((t) => t.target.what)).toEqual(['one element-wise op on 50x50', 'streaming work on 1e7, fresh results']);
    const lines = verdictLines(user);
    expect(lines[0]).toMatch(/^MISSED: one element-wise op on 50x50/);
    expect(lines[1]).toMatch(/^met: streaming work on 1e7/);
    expect(userVerdicts(undefined)).toEqual([]);
  });
});
