/** Counting outcomes per runtime and per area, shared by every renderer. */
import type { CornerReport, RunReport, Status } from '../runner.js';
import type { Counts } from './schema.js';

export function emptyCounts(): Counts {
  return { pass: 0, fail: 0, unsupported: 0, error: 0, total: 0 };
}

export function add(c: Counts, s: Status): void {
  if (s === 'skip') return;
  c[s]++;
  c.total++;
}

export function countsFor(corners: readonly CornerReport[], runtime: string): Counts {
  const c = emptyCounts();
  for (const k of corners) {
    const r = k.results[runtime];
    if (r) add(c, r.status);
  }
  return c;
}

/** The two coverages the report shows apart: functions (every corner but parameters) and parameters. */
export const COVERAGES = ['functions', 'parameters'] as const;
export type Coverage = (typeof COVERAGES)[number];

export function isParameterCorner(c: Pick<CornerReport, 'kind'>): boolean {
  return c.kind === 'parameter';
}

export function cornersOf(corners: readonly CornerReport[], coverage: Coverage): CornerReport[] {
  return corners.filter((c) => isParameterCorner(c) === (coverage === 'parameters'));
}

/** Corners of a runtime with a status, in catalog order. */
export function cornersWith(corners: readonly CornerReport[], runtime: string, status: Status): CornerReport[] {
  return corners.filter((c) => c.results[runtime]?.status === status && !c.results[runtime]?.detail?.startsWith('runtime not run'));
}

export function runtimeNamesOf(report: RunReport): string[] {
  return Object.keys(report.runtimes);
}

export function percent(c: Counts): number {
  return c.total === 0 ? 0 : (100 * c.pass) / c.total;
}

export function percentText(c: Counts): string {
  return c.total === 0 ? '—' : `${percent(c).toFixed(1)}%`;
}

/** Areas in catalog order with their corners. */
export function byArea(corners: readonly CornerReport[]): Map<string, CornerReport[]> {
  const m = new Map<string, CornerReport[]>();
  for (const c of corners) m.set(c.area, [...(m.get(c.area) ?? []), c]);
  return m;
}

/**
 * `text` whole when it has at most `max` characters, else cut at the last space before `max` (never
 * inside a word) and ended with an ellipsis.
 */
export function wholeWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, space > 0 ? space : max - 1).trimEnd()}…`;
}

/** Lines explaining runtimes that did not run and the oracle used. */
export function notes(report: RunReport): string[] {
  const out = [`oracle: ${report.oracle}`, `seed ${report.seed}, ${report.trials} trials, ${report.seconds.toFixed(1)} s`];
  for (const [name, info] of Object.entries(report.runtimes)) {
    out.push(info.available ? `${name}: ${info.description}` : `${name}: NOT RUN — ${info.reason ?? 'unavailable'}`);
  }
  return out;
}
