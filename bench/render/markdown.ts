/** GitHub-flavoured Markdown: the table the README embeds, with its notes. */
import type { Report } from '../report.js';
import {
  cellOf,
  cellText,
  columnsOf,
  dashNotes,
  machineLine,
  policyLine,
  RATIO_EXPLAINED,
  RECYCLED_TITLE,
  userColumnsOf,
  userDashNotes,
  userPolicyLine,
  USER_TITLE,
} from './common.js';

import { verdictLines } from '../user/targets.js';

const esc = (s: string): string => s.replace(/\|/g, '\\|');

/** The user-style table (the README's headline), group headings as bold rows. */
function userMarkdown(report: Report): string[] {
  const user = report.user;
  if (!user) return [];
  const cols = userColumnsOf(report);
  const out = [`**${USER_TITLE}**`, '', `| workload | ${cols.map((c) => esc(c.label)).join(' | ')} |`, `| --- | ${cols.map(() => '---:').join(' | ')} |`];
  let group = '';
  for (const row of user.cases) {
    if (row.group !== group) {
      group = row.group;
      out.push(`| **${esc(group)}** | ${cols.map(() => '').join(' | ')} |`);
    }
    out.push(`| ${esc(row.label)} | ${cols.map((c) => esc(cellText(row.cells.find((x) => x.contender === c.id)))).join(' | ')} |`);
  }
  out.push('', RATIO_EXPLAINED, `${userPolicyLine(report)}.`, '', 'Workloads:', '', ...user.cases.map((r) => `- \`${esc(r.label)}\`: ${esc(r.description)}`));
  const notes = userDashNotes(report);
  if (notes.length > 0) out.push('', 'Dashes:', '', ...notes.map((n) => `- ${esc(n)}`));
  const verdicts = verdictLines(user);
  if (verdicts.length > 0) out.push('', 'Targets (DESIGN.md, Performance), from this run:', '', ...verdicts.map((v) => `- ${esc(v)}`));
  return out;
}

export function renderMarkdown(report: Report): string {
  const user = userMarkdown(report);
  if (report.cases.length === 0) {
    return `${[...user, '', `Machine: ${machineLine(report)}. Measured ${report.date} with \`${report.command}\`.`].join('\n')}\n`;
  }
  const cols = columnsOf(report);
  const out = [
    ...(user.length > 0 ? [...user, ''] : []),
    `**${RECYCLED_TITLE}**`,
    '',
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
