/** JSON: the whole report, validated against its schema before it is written. */
import { type Report, ReportSchema } from '../report.js';

export function renderJson(report: Report): string {
  return `${JSON.stringify(ReportSchema.parse(report), null, 2)}\n`;
}
