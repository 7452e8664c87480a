/**
 * `ndbridge conformance`: runs the conformance suite (conformance/) over the catalog (spec/) on the chosen
 * runtimes and prints the report.
 *
 *   ndbridge conformance [--runtime fast,compat,nd] [--area A,B] [--corner ID,PREFIX*] [--format table|markdown|json|html]
 *                        [--out FILE] [--fail-under PERCENT | --fail-under compat=100,fast=30] [--seed N]
 *
 * Exit codes: 0 done (and every --fail-under met), 1 a --fail-under threshold not met, 2 bad options,
 * 3 the run itself broke.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { FORMATS, render } from '../../conformance/report/index.js';
import { countsFor, percent } from '../../conformance/report/summary.js';
import { runConformance } from '../../conformance/runner.js';
import { runtimeNames } from '../../conformance/runtimes/index.js';

const list = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

const failUnder = z
  .string()
  .transform((s, ctx) => {
    const out: { runtime: string | null; percent: number }[] = [];
    for (const part of s.split(',').map((x) => x.trim()).filter(Boolean)) {
      const m = /^(?:([a-z][\w-]*)=)?(\d+(?:\.\d+)?)%?$/.exec(part);
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
  format: z.enum(FORMATS).optional(),
  out: z.string().min(1).optional(),
  'fail-under': failUnder.optional(),
  seed: z
    .string()
    .regex(/^\d+$/, '--seed takes a non-negative integer')
    .transform(Number)
    .optional(),
  help: z.boolean().optional(),
  'no-progress': z.boolean().optional(),
});

const HELP = `usage: ndbridge conformance [options]

Runs every catalogued corner of the API on each runtime and compares it with NumPy. Corners are
functions (and methods, behaviours, bridge crossings) and the parameters of each function; the report
shows function coverage and parameter coverage apart, and names every failing, erroring and
unsupported corner.

options:
  --runtime LIST     runtimes to run, comma-separated (default: ${runtimeNames().join(',')})
  --area LIST        only these areas (elementwise, linalg, numpy, bridge, ...)
  --corner LIST      only these corners: ids, or prefixes ending in * (linalg.*)
  --format FORMAT    table (default), markdown, json or html
  --out FILE         write the report to FILE instead of stdout
  --fail-under P     exit 1 when a runtime passes less than P percent; RUNTIME=P for one runtime,
                     comma-separated for several (compat=100,fast=30)
  --seed N           seed of the generated inputs (default 1)
  --no-progress      no progress on stderr
`;

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
      process.stderr.write(`\r[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${pct}% ${done}/${total} trials${done === total ? '\n' : ''}`);
    } else if (Math.floor(pct / 25) !== Math.floor(lastPct / 25) || done === total) {
      process.stderr.write(`conformance: ${done}/${total} trials\n`);
    }
    lastPct = pct;
  };
}

export async function run(argv: readonly string[]): Promise<number> {
  let opts: z.infer<typeof OptionsSchema>;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        runtime: { type: 'string' },
        area: { type: 'string' },
        corner: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        'fail-under': { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        'no-progress': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    });
    const parsed = OptionsSchema.safeParse(values);
    if (!parsed.success) {
      process.stderr.write(`ndbridge conformance: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ')}\n\n${HELP}`);
      return 2;
    }
    opts = parsed.data;
  } catch (e) {
    process.stderr.write(`ndbridge conformance: ${e instanceof Error ? e.message : String(e)}\n\n${HELP}`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const runtimes = opts.runtime ?? runtimeNames();
  const format = opts.format ?? 'table';
  try {
    const report = await runConformance({
      seed: opts.seed ?? 1,
      runtimes,
      areas: opts.area,
      corners: opts.corner,
      progress: progressReporter(!opts['no-progress']),
    });
    if (report.corners.length === 0) {
      process.stderr.write('ndbridge conformance: no corner matches --area/--corner\n');
      return 2;
    }
    const colour = format === 'table' && !opts.out && process.stdout.isTTY === true;
    const text = render(report, format, colour);
    if (opts.out) {
      writeFileSync(opts.out, text);
      process.stderr.write(`ndbridge conformance: wrote ${format} report to ${opts.out}\n`);
    } else {
      process.stdout.write(text);
    }
    let code = 0;
    for (const rule of opts['fail-under'] ?? []) {
      for (const name of rule.runtime ? [rule.runtime] : runtimes) {
        const p = percent(countsFor(report.corners, name));
        if (p < rule.percent) {
          process.stderr.write(`ndbridge conformance: ${name} passes ${p.toFixed(1)}% of corners, under --fail-under ${rule.percent}%\n`);
          code = 1;
        }
      }
    }
    return code;
  } catch (e) {
    process.stderr.write(`ndbridge conformance: the run broke: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 3;
  }
}
