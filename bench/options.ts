/**
 * Options of `ndbridge bench`, parsed from argv and validated with zod:
 *   --quick                 fewer repetitions (the workloads stay the same), under a minute: a run longer
 *                           than 150 ms is timed once, cold, and the slow JS peers are skipped unless named
 *   --only name,...         only these workloads and/or contenders (NumPy always runs: it is the reference);
 *                           `user` and `recycled` name all the workloads of one table
 *   --format table|markdown|json|svg
 *   --out FILE              write there instead of stdout
 *   --from FILE             render a saved JSON report instead of running (one run, every format)
 */
import { z } from 'zod';
import { type CommandSpec, parseCommandArgs, UsageError } from '../src/cli/args.js';
import { ValueError } from '../src/common/errors.js';
import { CONTENDER_IDS, type ContenderId } from './contender.js';
import { FULL_POLICY, QUICK_POLICY, type RepPolicy } from './measure.js';
import { USER_FULL_POLICY, USER_QUICK_POLICY, type UserPolicy } from './user/measure.js';
import { USER_WORKLOAD_IDS, type UserWorkloadId } from './user/workloads.js';
import { FORMATS, type Format } from './render/index.js';
import { WORKLOAD_IDS, type WorkloadId } from './workloads.js';

/** Contenders --quick skips unless --only names them: single runs of their slow cells add up to minutes. */
export const QUICK_SKIPPED: readonly ContenderId[] = ['ndarray-ops', 'stdlib', 'tfjs', 'mathjs'];

/**
 * Cells --quick leaves out (a dash with this reason): compat's element loops make one FFI call per
 * element (1e7 for iterate, 3e6 for convolve-loops), tens of seconds even for a single cold run.
 */
export const QUICK_SKIPPED_CELLS: Readonly<Partial<Record<ContenderId, readonly WorkloadId[]>>> = {
  compat: ['iterate', 'convolve-loops'],
};
export const QUICK_SKIPPED_CELL_REASON =
  'not run with --quick: one FFI call per element takes tens of seconds (run without --quick, or name compat in --only)';

export const BENCH_USAGE = `usage: ndbridge bench [--quick] [--only name,...] [--format table|markdown|json|svg] [--out FILE]
       ndbridge bench --from REPORT.json [--format table|markdown|json|svg] [--out FILE]

  --quick          fewer repetitions (same fixed workloads): a first look in under a minute; runs longer
                   than 150 ms are timed once (cold), and ${QUICK_SKIPPED.join(', ')} are skipped
                   unless named in --only (their slow cells alone take minutes), and so are compat's
                   element loops (iterate, convolve-loops: one FFI call per element)
  --only LIST      comma-separated workload and/or contender names; NumPy always runs (the reference)
                   tables:      user (the user-style table: fresh results, no dispose, no event-loop
                                turns), recycled (memory reused between runs)
                   user-style:  ${USER_WORKLOAD_IDS.join(', ')}
                   recycled:    ${WORKLOAD_IDS.join(', ')}
                   contenders:  ${CONTENDER_IDS.join(', ')}
  --format FORMAT  table (default), markdown, json (every figure, machine, versions) or svg (bar chart)
  --out FILE       write the output to FILE instead of stdout (progress always goes to stderr)
  --from FILE      render a report saved with --format json instead of running the benchmark

Environment: NDBRIDGE_PYTHON = the Python with NumPy (default python3).`;

const RawSchema = z
  .object({
    quick: z.boolean(),
    help: z.boolean(),
    only: z.array(z.string().min(1)).min(1).optional(),
    format: z.enum(FORMATS, { error: (iss) => `--format must be one of ${FORMATS.join(', ')}, not '${String(iss.input)}'` }),
    out: z.string().min(1, '--out needs a file name').optional(),
    from: z.string().min(1, '--from needs a file name').optional(),
  })
  .strict();

export interface BenchOptions {
  readonly help: boolean;
  readonly quick: boolean;
  readonly policy: RepPolicy;
  /** Policy of the user-style table. */
  readonly userPolicy: UserPolicy;
  /** Workloads of the user-style table (empty: not run). */
  readonly userWorkloads: readonly UserWorkloadId[];
  /** Workloads of the recycled-memory table (empty: not run). */
  readonly workloads: readonly WorkloadId[];
  readonly contenders: readonly ContenderId[];
  /** Contenders left out by --quick (reported as such). */
  readonly skipped: readonly ContenderId[];
  /** Single cells left out by --quick (reported as dashes with QUICK_SKIPPED_CELL_REASON). */
  readonly skippedCells: Readonly<Partial<Record<ContenderId, readonly WorkloadId[]>>>;
  readonly format: Format;
  readonly out: string | undefined;
  /** Render this saved JSON report instead of running. */
  readonly from: string | undefined;
}

/** Names for --only that select every workload of one table. */
export const TABLES = ['user', 'recycled'] as const;

/** The options for the CLI's shared parser (src/cli/args.ts); BENCH_USAGE is the help text. */
export const BENCH_SPEC: CommandSpec = {
  name: 'bench',
  description: BENCH_USAGE,
  options: {
    quick: { type: 'boolean', help: 'fewer repetitions' },
    only: { type: 'string', value: 'LIST', help: 'only these workloads and/or contenders' },
    format: { type: 'string', value: 'FORMAT', help: FORMATS.join(', ') },
    out: { type: 'string', value: 'FILE', help: 'write to FILE' },
    from: { type: 'string', value: 'FILE', help: 'render a saved JSON report' },
  },
};

/** Parses argv (without the `bench` word). Throws ValueError naming the bad argument and the fix. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let args: ReturnType<typeof parseCommandArgs>;
  try {
    args = parseCommandArgs(BENCH_SPEC, argv);
  } catch (e) {
    throw e instanceof UsageError ? new ValueError(e.message) : e;
  }
  const { only, ...rest } = args.values;
  const raw: Record<string, unknown> = {
    quick: false,
    format: 'table',
    ...rest,
    help: args.help,
    ...(typeof only === 'string' ? { only: only.split(',').map((s) => s.trim()).filter((s) => s !== '') } : {}),
  };
  const parsed = RawSchema.safeParse(raw);
  if (!parsed.success) throw new ValueError(parsed.error.issues.map((i) => i.message).join('; '));
  const o = parsed.data;
  if (o.from !== undefined && (o.quick || o.only)) throw new ValueError('--from renders a saved report; --quick and --only apply to a new run, not to it');
  let workloads: WorkloadId[] = [...WORKLOAD_IDS];
  let userWorkloads: UserWorkloadId[] = [...USER_WORKLOAD_IDS];
  let contenders: ContenderId[] = [...CONTENDER_IDS];
  let skipped: ContenderId[] = [];
  let skippedCells: BenchOptions['skippedCells'] = {};
  if (o.quick && !o.only?.some((n) => (CONTENDER_IDS as readonly string[]).includes(n))) {
    skippedCells = QUICK_SKIPPED_CELLS;
    skipped = [...QUICK_SKIPPED];
    contenders = contenders.filter((c) => !QUICK_SKIPPED.includes(c));
  }
  if (o.only) {
    const unknown = o.only.filter(
      (n) =>
        !(WORKLOAD_IDS as readonly string[]).includes(n) &&
        !(USER_WORKLOAD_IDS as readonly string[]).includes(n) &&
        !(CONTENDER_IDS as readonly string[]).includes(n) &&
        !(TABLES as readonly string[]).includes(n),
    );
    if (unknown.length > 0) {
      throw new ValueError(
        `--only: unknown name(s) ${unknown.map((n) => `'${n}'`).join(', ')}; tables are ${TABLES.join(', ')}; user-style workloads are ${USER_WORKLOAD_IDS.join(', ')}; recycled-memory workloads are ${WORKLOAD_IDS.join(', ')}; contenders are ${CONTENDER_IDS.join(', ')}`,
      );
    }
    const w = o.only.includes('recycled') ? [...WORKLOAD_IDS] : WORKLOAD_IDS.filter((id) => o.only?.includes(id));
    const uw = o.only.includes('user') ? [...USER_WORKLOAD_IDS] : USER_WORKLOAD_IDS.filter((id) => o.only?.includes(id));
    const c = CONTENDER_IDS.filter((id) => o.only?.includes(id));
    if (w.length > 0 || uw.length > 0) {
      workloads = w;
      userWorkloads = uw;
    }
    if (c.length > 0) contenders = c.includes('numpy') ? c : ['numpy', ...c];
  }
  return {
    help: o.help,
    quick: o.quick,
    policy: o.quick ? QUICK_POLICY : FULL_POLICY,
    userPolicy: o.quick ? USER_QUICK_POLICY : USER_FULL_POLICY,
    userWorkloads,
    workloads,
    contenders,
    skipped,
    skippedCells,
    format: o.format,
    out: o.out,
    from: o.from,
  };
}
