/**
 * One tiny end-to-end run of the real harness: the real contenders and the real NumPy subprocess,
 * on tiny sizes that only this test uses (the CLI always runs FIXED_SIZES). Every peer-library
 * figure must have passed the result check against NumPy.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENDER_IDS } from './contender.js';
import { render } from './render/index.js';
import { type Report, ReportSchema } from './report.js';
import { readReport } from './report-file.js';
import { runBench } from './run.js';
import { WORKLOAD_IDS, type Sizes } from './workloads.js';

const TINY: Sizes = { n: 3000, image: 14, kernel: 3, matmul: 9, asarray: [10, 100] };
const PEERS = ['float64array', 'ndarray-ops', 'cwise', 'stdlib', 'tfjs', 'mathjs'] as const;

let report: Report;

beforeAll(async () => {
  report = await runBench({
    workloads: WORKLOAD_IDS,
    contenders: CONTENDER_IDS,
    policy: { warmup: 1, minReps: 2, maxReps: 2, budgetMs: 0, coldSlowRun: false },
    quick: true,
    sizes: TINY,
    command: 'test: tiny sizes',
  });
}, 120_000);

describe('runBench on tiny sizes', () => {
  it('produces a schema-valid report with one row per case and one cell per contender', () => {
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(report.cases.map((c) => c.key)).toEqual([
      ...WORKLOAD_IDS.filter((w) => !w.startsWith('asarray')),
      'asarray-to-numpy@10',
      'asarray-to-numpy@100',
      'asarray-from-numpy@10',
      'asarray-from-numpy@100',
    ]);
    for (const row of report.cases) expect(row.cells.map((c) => c.contender)).toEqual([...CONTENDER_IDS]);
    expect(report.excluded.map((e) => e.name)).toContain('numjs');
    expect(report.machine.numpy).toMatch(/^\d+\.\d+/);
  });

  it('NumPy measured every case itself; its ratio is 1', () => {
    for (const row of report.cases) {
      const np = row.cells[0];
      expect(np.status, row.key).toBe('ok');
      if (np.status === 'ok') {
        expect(np.speedup).toBe(1);
        expect(np.reps).toBe(2);
      }
    }
  });

  it('every peer figure passed the result check against NumPy, and dashes carry a reason', () => {
    for (const row of report.cases) {
      for (const cell of row.cells) {
        if ((PEERS as readonly string[]).includes(cell.contender)) {
          expect(['ok', 'unavailable'], `${row.key}/${cell.contender}: ${cell.status === 'ok' ? '' : cell.reason}`).toContain(cell.status);
        }
        if (cell.status === 'ok') {
          expect(cell.checked).toBe(true);
          expect(cell.speedup).toBeGreaterThan(0);
        } else {
          expect(cell.reason.length).toBeGreaterThan(0);
        }
      }
    }
    // The Float64Array loop does every workload but asarray.
    const f64 = report.cases.filter((r) => !r.workload.startsWith('asarray')).map((r) => r.cells.find((c) => c.contender === 'float64array')?.status);
    expect(f64.every((s) => s === 'ok')).toBe(true);
  });

  it('loads the ndbridge runtimes by path: fast, compat and the bridge produce checked figures', () => {
    const status = (key: string, id: string): string | undefined =>
      report.cases.find((r) => r.key === key)?.cells.find((c) => c.contender === id)?.status;
    expect(status('add', 'fast')).toBe('ok');
    expect(status('iterate', 'fast')).toBe('ok');
    expect(status('sum', 'compat')).toBe('ok');
    expect(status('matmul', 'compat')).toBe('ok');
    expect(status('asarray-to-numpy@100', 'nd')).toBe('ok');
    expect(status('asarray-from-numpy@100', 'nd')).toBe('ok');
  });

  it('renders json (schema-valid), svg (well-formed XML), markdown and table', () => {
    const json: unknown = JSON.parse(render(report, 'json'));
    expect(ReportSchema.parse(json)).toEqual(report);

    const svg = render(report, 'svg');
    const parsed = execFileSync(
      'python3',
      ['-c', 'import sys, xml.etree.ElementTree as E; r = E.fromstring(sys.stdin.read()); print(r.tag, len(r.findall(".//{http://www.w3.org/2000/svg}rect")))'],
      { input: svg, encoding: 'utf8' },
    ).trim();
    const [tag, rects] = parsed.split(' ');
    expect(tag).toBe('{http://www.w3.org/2000/svg}svg');
    const bars = report.cases
      .flatMap((r) => r.cells)
      .filter((c) => c.contender !== 'numpy' && c.status === 'ok' && c.speedup !== undefined).length;
    const legend = report.contenders.length - 1;
    expect(Number(rects)).toBe(1 + legend + bars);

    const md = render(report, 'markdown').split('\n');
    const tableRows = md.filter((l) => l.startsWith('| '));
    expect(tableRows).toHaveLength(2 + report.cases.length);
    for (const row of tableRows) expect(row.split(' | ')).toHaveLength(1 + report.contenders.length);

    const table = render(report, 'table');
    for (const c of report.contenders) expect(table).toContain(c.label);
    expect(table).toContain('numjs: left out');
  });

  it('a JSON report read back with readReport (--from) is the same report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ndbridge-bench-'));
    try {
      const file = join(dir, 'report.json');
      writeFileSync(file, render(report, 'json'));
      expect(readReport(file)).toEqual(report);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the JSON renderer refuses a report that breaks the schema', () => {
    const broken = { ...report, reference: 'fast' } as unknown as Report;
    expect(() => render(broken, 'json')).toThrow();
  });
});
