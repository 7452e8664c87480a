/** Plain-text table for the terminal. */
import type { Report } from '../report.js';
import { cellOf, cellText, columnsOf, dashNotes, machineLine, policyLine, RATIO_EXPLAINED } from './common.js';

export function renderTable(report: Report): string {
  const cols = columnsOf(report);
  const header = ['workload', ...cols.map((c) => c.label)];
  const rows = report.cases.map((row) => [row.label, ...cols.map((c) => cellText(cellOf(row, c.id)))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  const out = [
    `ndbridge bench — ${report.date}`,
    machineLine(report),
    policyLine(report),
    RATIO_EXPLAINED,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    'Workloads:',
    ...report.cases.map((r) => `  ${r.label}: ${r.description}`),
    '',
    'Contenders:',
    ...report.contenders.map((c) => `  ${c.label}: ${c.note ?? ''}${c.version ? ` [${c.version}]` : ''}`),
    ...report.excluded.map((e) => `  ${e.name}: left out, ${e.reason}`),
  ];
  const notes = dashNotes(report);
  if (notes.length > 0) out.push('', 'Dashes:', ...notes.map((n) => `  ${n}`));
  out.push('', `Command: ${report.command}`);
  return `${out.join('\n')}\n`;
}
