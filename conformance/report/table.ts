/** The terminal renderer: per-area pass counts and percentages per runtime, then the failing corners. */
import type { RunReport } from '../runner.js';
import { byArea, countsFor, notes, percent, percentText, runtimeNamesOf } from './summary.js';
import type { Counts } from './schema.js';

const ESC = '\u001b[';
const paint = (on: boolean, code: string, s: string) => (on ? `${ESC}${code}m${s}${ESC}0m` : s);

function cell(c: Counts, colour: boolean): string {
  const text = `${c.pass}/${c.total} ${percentText(c)}`;
  if (!colour || c.total === 0) return text;
  const p = percent(c);
  return paint(true, p >= 90 ? '32' : p >= 50 ? '33' : '31', text);
}

/** Visible width (without colour codes). */
const width = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

export interface TableOptions {
  readonly colour: boolean;
  /** How many failing/erroring corners to list (the rest are counted). */
  readonly listLimit?: number;
}

export function renderTable(report: RunReport, opts: TableOptions): string {
  const names = runtimeNamesOf(report);
  const rows: string[][] = [];
  for (const [area, corners] of byArea(report.corners)) rows.push([area, String(corners.length), ...names.map((n) => cell(countsFor(corners, n), opts.colour))]);
  const totals = ['total', String(report.corners.length), ...names.map((n) => cell(countsFor(report.corners, n), opts.colour))];
  const header = ['area', 'corners', ...names];
  const widths = header.map((h, i) => Math.max(width(h), ...[...rows, totals].map((r) => width(r[i]))));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i])).join('  ');
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const out = [paint(opts.colour, '1', line(header)), rule, ...rows.map(line), rule, paint(opts.colour, '1', line(totals)), ''];
  for (const n of notes(report)) out.push(paint(opts.colour, '2', n));
  const limit = opts.listLimit ?? 40;
  for (const status of ['fail', 'error'] as const) {
    const bad = report.corners.flatMap((c) => names.filter((n) => c.results[n]?.status === status && !c.results[n]?.detail?.startsWith('runtime not run')).map((n) => ({ c, n })));
    if (!bad.length) continue;
    out.push('', paint(opts.colour, status === 'fail' ? '31;1' : '33;1', `${status === 'fail' ? 'failing' : 'erroring'} corners (${bad.length}):`));
    for (const { c, n } of bad.slice(0, limit)) out.push(`  ${n.padEnd(7)} ${c.id}: ${(c.results[n]?.detail ?? '').slice(0, 200)}`);
    if (bad.length > limit) out.push(`  … and ${bad.length - limit} more (--format json lists every corner)`);
  }
  return `${out.join('\n')}\n`;
}
