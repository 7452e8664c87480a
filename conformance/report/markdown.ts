/** The Markdown renderer, for the README: a summary per runtime, a table per area, failing corners folded. */
import type { RunReport } from '../runner.js';
import { byArea, countsFor, notes, percentText, runtimeNamesOf } from './summary.js';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(report: RunReport): string {
  const names = runtimeNamesOf(report);
  const out: string[] = [];
  out.push(`| runtime | pass | fail | unsupported | error | total | pass % |`, `| --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
  for (const n of names) {
    const c = countsFor(report.corners, n);
    out.push(`| ${n} | ${c.pass} | ${c.fail} | ${c.unsupported} | ${c.error} | ${c.total} | ${percentText(c)} |`);
  }
  out.push('', `| area | corners | ${names.join(' | ')} |`, `| --- | ---: | ${names.map(() => '---:').join(' | ')} |`);
  for (const [area, corners] of byArea(report.corners)) {
    out.push(`| ${area} | ${corners.length} | ${names.map((n) => { const c = countsFor(corners, n); return `${c.pass}/${c.total} (${percentText(c)})`; }).join(' | ')} |`);
  }
  out.push('', ...notes(report).map((n) => `- ${esc(n)}`));
  const failing = report.corners.flatMap((c) => names.filter((n) => c.results[n]?.status === 'fail').map((n) => `| ${n} | \`${c.id}\` | ${esc((c.results[n]?.detail ?? '').slice(0, 300))} |`));
  if (failing.length) {
    out.push('', `<details><summary>${failing.length} failing corner results</summary>`, '', '| runtime | corner | detail |', '| --- | --- | --- |', ...failing, '', '</details>');
  }
  return `${out.join('\n')}\n`;
}
