/** The JSON renderer: exactly the documented schema (report/schema.ts), validated before it is written. */
import type { RunReport } from '../runner.js';
import { JsonReportSchema, REPORT_VERSION, type JsonReport } from './schema.js';
import { cornersOf, countsFor, runtimeNamesOf } from './summary.js';

export function toJsonReport(report: RunReport): JsonReport {
  const names = runtimeNamesOf(report);
  return JsonReportSchema.parse({
    version: REPORT_VERSION,
    seed: report.seed,
    runtimes: Object.fromEntries(names.map((n) => [n, countsFor(report.corners, n)])),
    coverage: {
      functions: Object.fromEntries(names.map((n) => [n, countsFor(cornersOf(report.corners, 'functions'), n)])),
      parameters: Object.fromEntries(names.map((n) => [n, countsFor(cornersOf(report.corners, 'parameters'), n)])),
    },
    corners: report.corners.map((c) => ({
      id: c.id,
      area: c.area,
      source: c.source,
      kind: c.kind,
      results: Object.fromEntries(Object.entries(c.results).map(([n, r]) => [n, r.detail === undefined ? { status: r.status } : { status: r.status, detail: r.detail }])),
    })),
  });
}

export function renderJson(report: RunReport): string {
  return `${JSON.stringify(toJsonReport(report), null, 1)}\n`;
}
