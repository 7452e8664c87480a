/** Reading a report saved with `--format json`, validated against the schema. */
import { readFileSync } from 'node:fs';
import { ValueError } from '../src/common/errors.js';
import { type Report, ReportSchema } from './report.js';

export function readReport(path: string): Report {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ValueError(`--from ${path}: cannot read it (${err instanceof Error ? err.message : String(err)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ValueError(`--from ${path}: not JSON; save a report with ndbridge bench --format json --out ${path}`);
  }
  const parsed = ReportSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ValueError(`--from ${path}: not an ndbridge bench report (${first ? `${first.path.join('.')}: ${first.message}` : 'schema mismatch'})`);
  }
  return parsed.data;
}
