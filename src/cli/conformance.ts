/**
 * `ndbridge conformance`: runs the conformance suite (conformance/) over the catalog (spec/) on the chosen
 * runtimes and prints the report. Its first line goes to stderr before the catalog and Python load, so
 * the command is never silent; the exit codes are the CLI's (args.ts EXIT).
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { nearestName } from '../common/nearest.js';
import { FORMATS } from '../../conformance/report/index.js';
import { runtimeByName, runtimeNames } from '../../conformance/runtimes/index.js';
import { type CommandSpec, EXIT, helpText, parseCommandArgs, UsageError } from './args.js';
import { useColour } from './colour.js';

const list = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

const failUnder = z
  .string()
  .transform((s, ctx) => {
    const out: { runtime: string | null; percent: number }[] = [];
    for (const part of s.split(',').map((x) => x.trim()).filter(Boolean)) {
      const m = /^(?:([A-Za-z_][\w.-]*)=)?(\d+(?:\.\d+)?)%?$/.exec(part);
      const pct = m ? Number(m[2]) : NaN;
      if (!m || pct > 100) {
        ctx.addIssue({ code: 'custom', message: `--fail-under: '${part}' is not PERCENT or RUNTIME=PERCENT (0..100)` });
        return z.NEVER;
      }
      out.push({ runtime: m[1] ?? null, percent: pct });
    }
    return out;
  });

export const OptionsSchema = z.strictObject({
  runtime: list.optional(),
  area: list.optional(),
  corner: list.optional(),
  format: z.enum(FORMATS, { error: (iss) => `--format must be one of ${FORMATS.join(', ')}, not '${String(iss.input)}'` }).optional(),
  out: z.string().min(1).optional(),
  'fail-under': failUnder.optional(),
  seed: z
    .string()
    .regex(/^\d+$/, '--seed takes a non-negative integer')
    .transform(Number)
    .optional(),
  'no-progress': z.boolean().optional(),
});
type Options = z.infer<typeof OptionsSchema>;

export const SPEC: CommandSpec = {
  name: 'conformance',
  description: `Runs every catalogued corner of the API on each runtime and compares it with NumPy. Corners are
functions (and methods, behaviours, bridge crossings) and the parameters of each function; the report
shows function coverage and parameter coverage apart, and names every failing, erroring and
unsupported corner. Progress goes to stderr, the report to stdout (or --out).`,
  options: {
    runtime: {
      type: 'string',
      value: 'LIST',
      help: `runtimes to run, comma-separated (default: ${runtimeNames().join(',')}); also any Python\nArray API module by its dotted name (dask.array, array_api_strict), run through\ncompat.namespace in NDBRIDGE_PYTHON, NumPy still the oracle`,
    },
    area: { type: 'string', value: 'LIST', help: 'only these areas (elementwise, linalg, numpy, bridge, ...)' },
    corner: { type: 'string', value: 'LIST', help: 'only these corners: ids, or prefixes ending in * (linalg.*)' },
    format: { type: 'string', value: 'FORMAT', help: `${FORMATS.join(', ')} (default table; colour only on a terminal,\nNO_COLOR and FORCE_COLOR honoured)` },
    out: { type: 'string', value: 'FILE', help: 'write the report to FILE instead of stdout' },
    'fail-under': {
      type: 'string',
      value: 'P',
      help: 'exit 1 when a runtime passes less than P percent; RUNTIME=P for one runtime,\ncomma-separated for several (compat=100,fast=30)',
    },
    seed: { type: 'string', value: 'N', help: 'seed of the generated inputs (default 1)' },
    'no-progress': { type: 'boolean', help: 'nothing on stderr but errors' },
  },
  footer: 'Environment: NDBRIDGE_PYTHON = the Python with NumPy (the oracle and compat; default: an active\nvirtual environment or conda environment, then python3 on PATH).',
};

/** Python Array API modules people name most; a name close to one of these is taken for a typo of it. */
const COMMON_NAMESPACES = ['numpy', 'dask.array', 'array_api_strict', 'array_api_compat.numpy', 'array_api_compat.dask.array', 'torch', 'jax.numpy', 'cupy'];

/** Parse and validate; throws UsageError. */
export function parseConformanceArgs(argv: readonly string[]): { help: true } | { help: false; options: Options } {
  const { help, values } = parseCommandArgs(SPEC, argv);
  if (help) return { help: true };
  const parsed = OptionsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
  const known = runtimeNames();
  for (const name of parsed.data.runtime ?? []) {
    // a plain name a step or two from a runtime or a common namespace is a typo ('fsat', 'numpyy'), not a module
    const near = known.includes(name) || COMMON_NAMESPACES.includes(name) ? undefined : nearestName(name, [...known, ...COMMON_NAMESPACES]);
    if (!runtimeByName(name) || (near !== undefined && !name.includes('.'))) {
      throw new UsageError(
        `--runtime: no runtime named '${name}'${near ? `; did you mean '${near}'?` : ''} (runtimes: ${known.join(', ')}, or a Python Array API module by its dotted name such as dask.array)`,
      );
    }
  }
  for (const rule of parsed.data['fail-under'] ?? []) {
    const runtimes = parsed.data.runtime ?? known;
    if (rule.runtime !== null && !runtimes.includes(rule.runtime)) {
      throw new UsageError(`--fail-under: '${rule.runtime}' is not among the runtimes run (${runtimes.join(', ')})`);
    }
  }
  return { help: false, options: parsed.data };
}

function progressReporter(enabled: boolean): ((done: number, total: number) => void) | undefined {
  if (!enabled) return undefined;
  const tty = process.stderr.isTTY === true;
  let lastPct = -1;
  return (done, total) => {
    const pct = total === 0 ? 100 : Math.floor((100 * done) / total);
    if (tty) {
      if (pct === lastPct && done !== total) return;
      const width = 30;
      const fill = Math.round((width * pct) / 100);
      process.stderr.write(`\r[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${pct}% ${done}/${total} runs (trials x runtimes)${done === total ? '\n' : ''}`);
    } else if (Math.floor(pct / 25) !== Math.floor(lastPct / 25) || done === total) {
      process.stderr.write(`ndbridge conformance: ${pct}% (${done}/${total} runs: trials x runtimes)\n`);
    }
    lastPct = pct;
  };
}

const say = (line: string) => process.stderr.write(`ndbridge conformance: ${line}\n`);

export async function run(argv: readonly string[]): Promise<number> {
  let opts: Options;
  try {
    const parsed = parseConformanceArgs(argv);
    if (parsed.help) {
      process.stdout.write(helpText(SPEC));
      return EXIT.ok;
    }
    opts = parsed.options;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    say(e.message);
    return EXIT.usage;
  }
  const runtimes = opts.runtime ?? runtimeNames();
  const format = opts.format ?? 'table';
  const progress = !opts['no-progress'];
  if (progress) say(`checking ${runtimes.join(', ')} against NumPy (seed ${opts.seed ?? 1}); loading the catalog and Python...`);
  const [{ runConformance }, { render }, { countsFor, percent }] = await Promise.all([
    import('../../conformance/runner.js'),
    import('../../conformance/report/index.js'),
    import('../../conformance/report/summary.js'),
  ]);
  let report: Awaited<ReturnType<typeof runConformance>>;
  try {
    // Python Array API namespaces (dask.array...) are runtimes by module name: the runner gets their adapters
    const adapters = runtimes.flatMap((n) => runtimeByName(n) ?? []);
    report = await runConformance({ seed: opts.seed ?? 1, runtimes, areas: opts.area, corners: opts.corner, adapters, progress: progressReporter(progress) });
  } catch (e) {
    say(`cannot run: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT.cannotRun;
  }
  if (report.oracleProblem !== undefined) {
    say(`cannot run: there is no NumPy to compare with (${report.oracleProblem.replace(/^no oracle: /, '')}). Fix: install Python 3 with NumPy, or set NDBRIDGE_PYTHON; \`npx ndbridge doctor\` says what is missing.`);
    return EXIT.cannotRun;
  }
  if (report.corners.length === 0) {
    say(`no corner matches ${[opts.area ? `--area ${opts.area.join(',')}` : '', opts.corner ? `--corner ${opts.corner.join(',')}` : ''].filter(Boolean).join(' ')} (ids look like linalg.svd; areas are the first part)`);
    return EXIT.usage;
  }
  const text = render(report, format, format === 'table' && !opts.out && useColour(process.stdout));
  if (opts.out) {
    writeFileSync(opts.out, text);
    if (progress) say(`wrote the ${format} report to ${opts.out}`);
  } else {
    process.stdout.write(text);
  }
  let code: number = EXIT.ok;
  const notRun = Object.entries(report.runtimes).filter(([, info]) => !info.available);
  for (const [name, info] of notRun) say(`${name} could not run: ${info.reason ?? 'unavailable'}`);
  for (const rule of opts['fail-under'] ?? []) {
    for (const name of rule.runtime ? [rule.runtime] : runtimes) {
      const p = percent(countsFor(report.corners, name));
      if (p < rule.percent) {
        say(`${name} passes ${p.toFixed(1)}% of corners, under --fail-under ${rule.percent}%`);
        code = EXIT.failed;
      }
    }
  }
  const failing = report.corners.filter((c) => runtimes.some((n) => c.results[n]?.status === 'fail'));
  if (failing.length > 0) {
    say(`${failing.length} corner${failing.length === 1 ? '' : 's'} gave an answer that differs from NumPy's: ${failing.map((c) => c.id).join(', ')}`);
    code = EXIT.failed;
  }
  return notRun.length > 0 ? EXIT.cannotRun : code;
}
