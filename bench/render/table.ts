/** Plain-text table for the terminal. */
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

function grid(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** The user-style table with its group headings, policy and dash notes. */
function userTable(report: Report): string[] {
  const user = report.user;
  if (!user) return [];
  const cols = userColumnsOf(report);
  const rows: string[][] = [];
  let group = '';
  for (const row of user.cases) {
    if (row.group !== group) {
      group = row.group;
      rows.push([`${group}:`, ...cols.map(() => '')]);
    }
    rows.push([`  ${row.label}`, ...cols.map((c) => cellText(row.cells.find((x) => x.contender === c.id)))]);
  }
  const out = [USER_TITLE, userPolicyLine(report), '', ...grid(['workload', ...cols.map((c) => c.label)], rows), '', 'Workloads:'];
  out.push(...user.cases.map((r) => `  ${r.label}: ${r.description}`));
  const notes = userDashNotes(report);
  if (notes.length > 0) out.push('', 'Dashes:', ...notes.map((n) => `  ${n}`));
  const verdicts = verdictLines(user);
  if (verdicts.length > 0) out.push('', 'Targets (DESIGN.md, Performance), from this run:', ...verdicts.map((v) => `  ${v}`));
  return out;
}

export function renderTable(report: Report): string {
  const head = [`ndbridge bench — ${report.date}`, machineLine(report), RATIO_EXPLAINED, ''];
  const user = userTable(report);
  if (report.cases.length === 0) return `${[...head, ...user, '', `Command: ${report.command}`].join('\n')}\n`;
  const recycled = recycledTable(report);
  return `${[...head, ...user, ...(user.length > 0 ? [''] : []), ...recycled].join('\n')}\n`;
}

function recycledTable(report: Report): string[] {
  const cols = columnsOf(report);
  const rows = report.cases.map((row) => [row.label, ...cols.map((c) => cellText(cellOf(row, c.id)))]);
  const out = [
    RECYCLED_TITLE,
    policyLine(report),
    '',
    ...grid(['workload', ...cols.map((c) => c.label)], rows),
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
  return out;
}
