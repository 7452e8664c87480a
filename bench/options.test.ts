import { describe, expect, it } from 'vitest';
import { ValueError } from '../src/common/errors.js';
import { CONTENDER_IDS } from './contender.js';
import { FULL_POLICY, QUICK_POLICY } from './measure.js';
import { parseBenchArgs, QUICK_SKIPPED } from './options.js';
import { USER_FULL_POLICY, USER_QUICK_POLICY } from './user/measure.js';
import { USER_WORKLOAD_IDS } from './user/workloads.js';
import { WORKLOAD_IDS } from './workloads.js';

describe('parseBenchArgs', () => {
  it('defaults to every workload and contender, the full policy and a table on stdout', () => {
    const o = parseBenchArgs([]);
    expect(o.workloads).toEqual([...WORKLOAD_IDS]);
    expect(o.userWorkloads).toEqual([...USER_WORKLOAD_IDS]);
    expect(o.contenders).toEqual([...CONTENDER_IDS]);
    expect(o.policy).toEqual(FULL_POLICY);
    expect(o.userPolicy).toEqual(USER_FULL_POLICY);
    expect(o.format).toBe('table');
    expect(o.out).toBeUndefined();
    expect(o.help).toBe(false);
  });

  it('--quick keeps the workloads, lowers the repetitions and skips the slow JS peers unless named', () => {
    const o = parseBenchArgs(['--quick']);
    expect(o.policy).toEqual(QUICK_POLICY);
    expect(o.userPolicy).toEqual(USER_QUICK_POLICY);
    expect(USER_QUICK_POLICY.budgetMs).toBeLessThan(USER_FULL_POLICY.budgetMs);
    expect(o.workloads).toEqual([...WORKLOAD_IDS]);
    expect(o.userWorkloads).toEqual([...USER_WORKLOAD_IDS]);
    expect(QUICK_POLICY.maxReps).toBeLessThan(FULL_POLICY.maxReps);
    expect(o.skipped).toEqual([...QUICK_SKIPPED]);
    expect(o.contenders).toEqual(CONTENDER_IDS.filter((c) => !QUICK_SKIPPED.includes(c)));
    const named = parseBenchArgs(['--quick', '--only', 'mathjs,add']);
    expect(named.contenders).toEqual(['numpy', 'mathjs']);
    expect(named.skipped).toEqual([]);
    expect(named.skippedCells).toEqual({});
    expect(parseBenchArgs([]).skipped).toEqual([]);
    expect(parseBenchArgs([]).skippedCells).toEqual({});
    expect(o.skippedCells.compat).toEqual(['iterate', 'convolve-loops']);
  });

  it('--only selects workloads and contenders, in canonical order, and always keeps NumPy', () => {
    const o = parseBenchArgs(['--only', 'matmul,fast,add']);
    expect(o.workloads).toEqual(['add', 'matmul']);
    expect(o.contenders).toEqual(['numpy', 'fast']);
    expect(o.userWorkloads).toEqual([]);
    const w = parseBenchArgs(['--only=sum']);
    expect(w.workloads).toEqual(['sum']);
    expect(w.contenders).toEqual([...CONTENDER_IDS]);
  });

  it('--only names user-style workloads, or a whole table (user, recycled); contenders alone keep both tables', () => {
    const u = parseBenchArgs(['--only', 'u-life-large,u-softmax']);
    expect(u.userWorkloads).toEqual(['u-life-large', 'u-softmax']);
    expect(u.workloads).toEqual([]);
    const t = parseBenchArgs(['--only', 'user,fast']);
    expect(t.userWorkloads).toEqual([...USER_WORKLOAD_IDS]);
    expect(t.workloads).toEqual([]);
    expect(t.contenders).toEqual(['numpy', 'fast']);
    const r = parseBenchArgs(['--only', 'recycled']);
    expect(r.userWorkloads).toEqual([]);
    expect(r.workloads).toEqual([...WORKLOAD_IDS]);
    const c = parseBenchArgs(['--only', 'fast']);
    expect(c.userWorkloads).toEqual([...USER_WORKLOAD_IDS]);
    expect(c.workloads).toEqual([...WORKLOAD_IDS]);
    expect(() => parseBenchArgs(['--only', 'u-nope'])).toThrow(/unknown name\(s\) 'u-nope'; tables are user, recycled/);
  });

  it('accepts --format and --out in both spellings', () => {
    const o = parseBenchArgs(['--format', 'json', '--out=.bench-out/x.json']);
    expect(o.format).toBe('json');
    expect(o.out).toBe('.bench-out/x.json');
    expect(parseBenchArgs(['--format=svg']).format).toBe('svg');
    expect(parseBenchArgs(['-h']).help).toBe(true);
  });

  it('--from names a saved report to render', () => {
    const o = parseBenchArgs(['--from', 'r.json', '--format', 'svg']);
    expect(o.from).toBe('r.json');
    expect(o.format).toBe('svg');
    expect(parseBenchArgs([]).from).toBeUndefined();
  });

  it('rejects bad input with a ValueError naming it', () => {
    expect(() => parseBenchArgs(['--format', 'html'])).toThrow(/--format must be one of table, markdown, json, svg, not 'html'/);
    expect(() => parseBenchArgs(['--only', 'add,nope'])).toThrow(/unknown name\(s\) 'nope'/);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown option --fast for ndbridge bench \(see ndbridge bench --help\)/);
    expect(() => parseBenchArgs(['--quik'])).toThrow(/unknown option --quik for ndbridge bench; did you mean --quick\?/);
    expect(() => parseBenchArgs(['--out'])).toThrow(/--out needs a value/);
    expect(() => parseBenchArgs(['--only', '--quick'])).toThrow(/--only needs a value/);
    expect(() => parseBenchArgs(['--quick=yes'])).toThrow(/takes no value/);
    expect(() => parseBenchArgs(['--out', 'a', '--out', 'b'])).toThrow(/given twice/);
    expect(() => parseBenchArgs(['--only', ','])).toThrow(ValueError);
  });
});
