/** GitHub-flavoured Markdown: the table the README embeds, with its notes. */
import type { Report } from '../report.js';
import { cellOf, cellText, columnsOf, dashNotes, machineLine, policyLine, RATIO_EXPLAINED } from './common.js';

const esc = (s: string): string => s.replace(/\|/g, '\\|');

export function renderMarkdown(report: Report): string {
  const cols = columnsOf(report);
  const out = [
    `| workload | ${cols.map((c) => esc(c.label)).join(' | ')} |`,
    `| --- | ${cols.map(() => '---:').join(' | ')} |`,
    ...report.cases.map((row) => `| ${esc(row.label)} | ${cols.map((c) => esc(cellText(cellOf(row, c.id)))).join(' | ')} |`),
    '',
    RATIO_EXPLAINED,
    `Machine: ${machineLine(report)}. ${policyLine(report)}. Measured ${report.date} with \`${report.command}\`.`,
    '',
    'Workloads:',
    '',
    ...report.cases.map((r) => `- \`${r.label}\`: ${esc(r.description)}`),
    '',
    'Contenders:',
    '',
    ...report.contenders.map((c) => `- **${esc(c.label)}**: ${esc(c.note ?? '')}${c.version ? ` (${esc(c.version)})` : ''}`),
    ...report.excluded.map((e) => `- **${e.name}**: left out, ${e.reason}`),
  ];
  const notes = dashNotes(report);
  if (notes.length > 0) out.push('', 'Dashes:', '', ...notes.map((n) => `- ${esc(n)}`));
  return `${out.join('\n')}\n`;
}
