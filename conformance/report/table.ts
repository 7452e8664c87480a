/**
 * The terminal renderer: function coverage and parameter coverage apart, each as per-area pass counts and
 * percentages per runtime, then the corners that fail or error (with the reason), then each runtime's
 * unsupported corners, compactly but every one by name.
 */
import type { CornerReport, RunReport } from '../runner.js';
import { byArea, cornersOf, cornersWith, countsFor, notes, percent, percentText, runtimeNamesOf, type Coverage } from './summary.js';
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
  /** How many corners to list per status (the rest are counted). */
  readonly listLimit?: number;
}

function areaTable(corners: readonly CornerReport[], names: readonly string[], coverage: Coverage, colour: boolean): string[] {
  const rows: string[][] = [];
  for (const [area, list] of byArea(corners)) rows.push([area, String(list.length), ...names.map((n) => cell(countsFor(list, n), colour))]);
  const totals = [`${coverage} total`, String(corners.length), ...names.map((n) => cell(countsFor(corners, n), colour))];
  const header = [coverage === 'functions' ? 'area (functions)' : 'area (parameters)', 'corners', ...names];
  const widths = header.map((h, i) => Math.max(width(h), ...[...rows, totals].map((r) => width(r[i]))));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i])).join('  ');
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [paint(colour, '1', line(header)), rule, ...rows.map(line), rule, paint(colour, '1', line(totals))];
}

export function renderTable(report: RunReport, opts: TableOptions): string {
  const names = runtimeNamesOf(report);
  const fns = cornersOf(report.corners, 'functions');
  const params = cornersOf(report.corners, 'parameters');
  const out: string[] = [];
  if (fns.length) out.push(...areaTable(fns, names, 'functions', opts.colour), '');
  if (params.length) out.push(...areaTable(params, names, 'parameters', opts.colour), '');
  for (const n of names) {
    const f = countsFor(fns, n);
    const p = countsFor(params, n);
    out.push(`${n}: functions ${f.pass}/${f.total} (${percentText(f)}), parameters ${p.pass}/${p.total} (${percentText(p)})`);
  }
  out.push('');
  for (const n of notes(report)) out.push(paint(opts.colour, '2', n));
  const limit = opts.listLimit ?? 40;
  const styles = { fail: ['failing', '31;1'], error: ['erroring', '33;1'] } as const;
  for (const status of ['fail', 'error'] as const) {
    const bad = names.flatMap((n) => cornersWith(report.corners, n, status).map((c) => ({ c, n })));
    if (!bad.length) continue;
    const [title, code] = styles[status];
    out.push('', paint(opts.colour, code, `${title} corners (${bad.length}):`));
    for (const { c, n } of bad.slice(0, limit)) out.push(`  ${n.padEnd(7)} ${c.id}: ${(c.results[n]?.detail ?? '').slice(0, 200)}`);
    if (bad.length > limit) {
      // the rest by name only, so every such corner is named
      const rest = bad.slice(limit);
      for (const n of names) {
        const ids = rest.filter((b) => b.n === n).map((b) => b.c.id);
        if (ids.length) out.push(`  … ${n}, ${ids.length} more: ${ids.join(', ')}`);
      }
    }
  }
  for (const n of names) out.push(...unsupportedLines(report.corners, n, opts.colour));
  return `${out.join('\n')}\n`;
}

/**
 * The corners a runtime does not support, compactly and every one by name: functions by id, parameters
 * grouped by parameter name (`out (80): abs, acos, ...`).
 */
function unsupportedLines(corners: readonly CornerReport[], runtime: string, colour: boolean): string[] {
  const list = cornersWith(corners, runtime, 'unsupported');
  if (!list.length) return [];
  const out = ['', paint(colour, '2;1', `unsupported in ${runtime} (${list.length}${runtime === 'fast' ? '; nd runs these on NumPy' : ''}):`)];
  const fns = list.filter((c) => c.kind !== 'parameter').map((c) => c.id);
  if (fns.length) out.push(`  functions (${fns.length}): ${fns.join(', ')}`);
  const params = new Map<string, string[]>();
  for (const c of list.filter((k) => k.kind === 'parameter')) {
    const at = c.id.lastIndexOf('.');
    const fn = c.id.slice(0, at).replace(`${c.area}.`, '');
    const name = c.id.slice(at + 1);
    params.set(name, [...(params.get(name) ?? []), fn]);
  }
  if (params.size) {
    out.push(`  parameters (${list.length - fns.length}), by parameter:`);
    for (const [name, fnsOf] of [...params].sort((x, y) => y[1].length - x[1].length)) out.push(`    ${name} (${fnsOf.length}): ${fnsOf.join(', ')}`);
  }
  return out;
}
