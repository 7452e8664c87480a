/**
 * The JSON report's schema (`ndbridge conformance --format json`), documented here and validated when
 * written:
 *
 * ```
 * {
 *   version: 2,                       // this format's version (2: coverage and corner kinds)
 *   seed: number,                     // the seed the inputs were generated from
 *   runtimes: { <name>: { pass, fail, unsupported, error, total } },          // every corner
 *   coverage: {
 *     functions: { <name>: { pass, fail, unsupported, error, total } },       // corners of every kind but parameter
 *     parameters: { <name>: { pass, fail, unsupported, error, total } },      // parameter corners
 *   },
 *   corners: [ { id, area, source, kind, results: { <runtime>: { status, detail? } } } ]
 * }
 * ```
 * status: `pass`; `fail` (detail: the smallest failing input and a diff); `unsupported` (the runtime threw
 * NotSupportedError); `error` (anything else thrown, a missing function, a runtime that could not run,
 * a part not built yet); `skip` (NumPy itself raised on every input: not counted). total = pass + fail +
 * unsupported + error.
 */
import { z } from 'zod';
import { CORNER_KINDS, CORNER_SOURCES } from '../../spec/schema.js';

export const REPORT_VERSION = 2;

export const StatusSchema = z.enum(['pass', 'fail', 'unsupported', 'error', 'skip']);

export const CountsSchema = z.strictObject({
  pass: z.number().int().nonnegative(),
  fail: z.number().int().nonnegative(),
  unsupported: z.number().int().nonnegative(),
  error: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type Counts = z.infer<typeof CountsSchema>;

export const JsonReportSchema = z.strictObject({
  version: z.literal(REPORT_VERSION),
  seed: z.number().int().nonnegative(),
  runtimes: z.record(z.string(), CountsSchema),
  coverage: z.strictObject({
    functions: z.record(z.string(), CountsSchema),
    parameters: z.record(z.string(), CountsSchema),
  }),
  corners: z.array(
    z.strictObject({
      id: z.string(),
      area: z.string(),
      source: z.enum(CORNER_SOURCES),
      kind: z.enum(CORNER_KINDS),
      results: z.record(z.string(), z.strictObject({ status: StatusSchema, detail: z.string().optional() })),
    }),
  ),
});
export type JsonReport = z.infer<typeof JsonReportSchema>;
