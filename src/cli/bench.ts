/**
 * `ndbridge bench`: the user-style table first (fast and NumPy as users run them: fresh results, no
 * dispose, no event-loop turns), then the recycled-memory table of the seed workloads on every
 * contender, side by side in one run (bench/).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ValueError } from '../common/errors.js';
import { BENCH_USAGE, type BenchOptions, parseBenchArgs, QUICK_SKIPPED_CELL_REASON } from '../../bench/options.js';
import { render } from '../../bench/render/index.js';
import type { Report } from '../../bench/report.js';
import { readReport } from '../../bench/report-file.js';
import { runBench } from '../../bench/run.js';
import { USER_SIZES } from '../../bench/user/workloads.js';
import { FIXED_SIZES } from '../../bench/workloads.js';

/** A saved report (--from) or a new run of the fixed workloads. */
async function obtainReport(options: BenchOptions, argv: readonly string[]): Promise<Report> {
  if (options.from !== undefined) return readReport(options.from);
  return runBench({
    user: { workloads: options.userWorkloads, policy: options.userPolicy, sizes: USER_SIZES },
    workloads: options.workloads,
    contenders: options.contenders,
    skipped: options.skipped,
    skippedCells: options.skippedCells,
    skippedCellReason: QUICK_SKIPPED_CELL_REASON,
    policy: options.policy,
    quick: options.quick,
    sizes: FIXED_SIZES,
    command: ['ndbridge bench', ...argv].join(' '),
    log: (line) => process.stderr.write(`${line}\n`),
  });
}

export async function run(argv: readonly string[]): Promise<number> {
  let options: BenchOptions;
  let report: Report;
  try {
    options = parseBenchArgs(argv);
    if (options.help) {
      process.stdout.write(`${BENCH_USAGE}\n`);
      return 0;
    }
    report = await obtainReport(options, argv);
  } catch (err) {
    if (err instanceof ValueError) {
      process.stderr.write(`ndbridge bench: ${err.message}\n\n${BENCH_USAGE}\n`);
      return 2;
    }
    throw err;
  }
  const text = render(report, options.format);
  if (options.out) {
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, text);
    process.stderr.write(`wrote ${options.out}\n`);
  } else {
    process.stdout.write(text);
  }
  return 0;
}
