/**
 * The user-style table end to end on tiny sizes (the CLI always runs USER_SIZES): the real NumPy
 * subprocess, fast and the plain-JS floor. Every fast and floor figure must have passed the result
 * check against NumPy's values, and the renderers must show the table first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { render } from '../render/index.js';
import { type Report, ReportSchema } from '../report.js';
import { runBench } from '../run.js';
import { measureUser } from './measure.js';
import { userCasesOf, USER_WORKLOAD_IDS, type UserSizes } from './workloads.js';

const TINY: UserSizes = {
  ops: [100, 1000],
  small: 12,
  lifeSmall: [12, 5],
  lifeLarge: [30, 3],
  vector: 2000,
  rows: [20, 7],
  kmeans: [300, 3, 4],
  pairwise: [20, 3],
  window: 4,
  stream: 5000,
};
const POLICY = { warmupMs: 0, batchMs: 0.05, minReps: 2, maxReps: 2, budgetMs: 0 };

let report: Report;

beforeAll(async () => {
  report = await runBench({
    user: { workloads: USER_WORKLOAD_IDS, policy: POLICY, sizes: TINY },
    workloads: [],
    contenders: ['numpy', 'fast', 'float64array'],
    policy: { warmup: 1, minReps: 1, maxReps: 1, budgetMs: 0, coldSlowRun: false },
    quick: true,
    sizes: { n: 10, image: 5, kernel: 3, matmul: 3, asarray: [10] },
    command: 'test: tiny user-style sizes',
  });
}, 120_000);

describe('the user-style table on tiny sizes', () => {
  it('has one row per case, NumPy measured in every one, and the report is schema-valid', () => {
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(report.cases).toEqual([]);
    const user = report.user!;
    expect(user.cases.map((c) => c.key)).toEqual(userCasesOf(USER_WORKLOAD_IDS, TINY).map((c) => c.key));
    for (const row of user.cases) {
      const np = row.cells[0];
      expect(np.contender).toBe('numpy');
      expect(np.status, `${row.key}: ${np.status === 'ok' ? '' : np.reason}`).toBe('ok');
    }
  });

  it('every fast figure passed the result check against NumPy', () => {
    for (const row of report.user!.cases) {
      const cell = row.cells.find((c) => c.contender === 'fast')!;
      expect(cell.status, `${row.key}: ${cell.status === 'ok' ? '' : cell.reason}`).toBe('ok');
      if (cell.status === 'ok') expect(cell.checked).toBe(true);
    }
  });

  it('the floor runs where a plain loop is written for the workload, checked against NumPy, and says why elsewhere', () => {
    // programs with a hand-written plain-JS version (contenders.ts prepareFloorUser)
    const programFloors = new Set(['u-life-small', 'u-life-large', 'u-softmax', 'u-logsumexp', 'u-pow-float', 'u-cube-pow', 'u-mask-read']);
    for (const row of report.user!.cases) {
      const cell = row.cells.find((c) => c.contender === 'float64array')!;
      if ((row.group === 'whole programs' || row.key.startsWith('u-mask')) && !programFloors.has(row.key)) {
        expect(cell.status).toBe('unavailable');
      } else {
        expect(cell.status, `${row.key}: ${cell.status === 'ok' ? '' : cell.reason}`).toBe('ok');
      }
    }
  });

  it('table and markdown put the user-style table first; json round-trips', () => {
    const table = render(report, 'table');
    expect(table).toMatch(/User-style/);
    expect(table).toMatch(/Game of Life 12x12, 5 steps/);
    const md = render(report, 'markdown');
    expect(md.split('\n')[0]).toMatch(/^\*\*User-style/);
    expect(md).toMatch(/\| \*\*whole programs\*\* \|/);
    expect(ReportSchema.parse(JSON.parse(render(report, 'json')))).toEqual(ReportSchema.parse(report));
  });
});

describe('measureUser', () => {
  it('times whole batches synchronously and reports the time per run', () => {
    let calls = 0;
    const m = measureUser(() => ++calls, { warmupMs: 0, batchMs: 1, minReps: 3, maxReps: 3, budgetMs: 0 });
    expect(m.samples).toHaveLength(3);
    expect(m.batch).toBeGreaterThan(1);
    expect(calls).toBe(1 + 3 * m.batch);
    expect(m.last).toBe(calls);
  });
});
