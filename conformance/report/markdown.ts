/**
 * The Markdown renderer, for the README: a summary per runtime, function and parameter coverage apart,
 * a table per area for each, failing corners folded.
 */
import type { CornerReport, RunReport } from '../runner.js';
import { byArea, cornersOf, countsFor, notes, percentText, runtimeNamesOf, wholeWords } from './summary.js';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function areaRows(corners: readonly CornerReport[], names: readonly string[], title: string): string[] {
  const out = [`| ${title} | corners | ${names.join(' | ')} |`, `| --- | ---: | ${names.map(() => '---:').join(' | ')} |`];
  for (const [area, list] of byArea(corners)) {
    out.push(`| ${area} | ${list.length} | ${names.map((n) => { const c = countsFor(list, n); return `${c.pass}/${c.total} (${percentText(c)})`; }).join(' | ')} |`);
  }
  return out;
}

export function renderMarkdown(report: RunReport): string {
  const names = runtimeNamesOf(report);
  const fns = cornersOf(report.corners, 'functions');
  const params = cornersOf(report.corners, 'parameters');
  const out: string[] = [];
  out.push(`| runtime | pass | fail | unsupported | error | total | pass % |`, `| --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
  for (const n of names) {
    const c = countsFor(report.corners, n);
    out.push(`| ${n} | ${c.pass} | ${c.fail} | ${c.unsupported} | ${c.error} | ${c.total} | ${percentText(c)} |`);
  }
  out.push('', '| runtime | function coverage | parameter coverage |', '| --- | ---: | ---: |');
  for (const n of names) {
    const f = countsFor(fns, n);
    const p = countsFor(params, n);
    out.push(`| ${n} | ${f.pass}/${f.total} (${percentText(f)}) | ${p.pass}/${p.total} (${percentText(p)}) |`);
  }
  if (fns.length) out.push('', ...areaRows(fns, names, 'area (functions)'));
  if (params.length) out.push('', ...areaRows(params, names, 'area (parameters)'));
  out.push('', ...notes(report).map((n) => `- ${esc(n)}`));
  for (const [status, title] of [['fail', 'failing'], ['unsupported', 'unsupported'], ['error', 'erroring']] as const) {
    const rows = report.corners.flatMap((c) => names.filter((n) => c.results[n]?.status === status && !c.results[n]?.detail?.startsWith('runtime not run')).map((n) => `| ${n} | \`${c.id}\` | ${esc(wholeWords(c.results[n]?.detail ?? '', 600))} |`));
    if (rows.length) out.push('', `<details><summary>${rows.length} ${title} corner results</summary>`, '', '| runtime | corner | detail |', '| --- | --- | --- |', ...rows, '', '</details>');
  }
  return `${out.join('\n')}\n`;
}
