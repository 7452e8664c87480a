/** Helpers shared by the renderers: cell text, column order, the notes under a table. */
import type { ContenderId } from '../contender.js';
import type { Cell, Report } from '../report.js';

/** A duration in readable units. */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(1)} µs`;
}

/** A speed ratio: 3 significant digits, "x" after. */
export function formatRatio(r: number): string {
  if (r >= 100) return `${r.toFixed(0)}x`;
  if (r >= 10) return `${r.toFixed(1)}x`;
  if (r >= 0.01) return `${r.toFixed(2)}x`;
  return `${r.toPrecision(2)}x`;
}

/** The text of one cell: median and ratio, or a dash. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '-';
  switch (cell.status) {
    case 'ok': {
      const t = `${formatMs(cell.median)}${cell.cold ? '*' : ''}`;
      return cell.speedup === undefined ? t : `${t} ${formatRatio(cell.speedup)}`;
    }
    case 'unavailable':
      return '-';
    case 'wrong':
      return '- (wrong)';
    case 'error':
      return '- (error)';
  }
}

/** Columns: the contenders of the report, in its order. */
export const columnsOf = (report: Report): { id: ContenderId; label: string }[] =>
  report.contenders.map((c) => ({ id: c.id, label: c.label }));

export const cellOf = (row: Report['cases'][number], id: ContenderId): Cell | undefined =>
  row.cells.find((c) => c.contender === id);

/** Why each dash: grouped by contender and reason, listing the cases. */
export function dashNotes(report: Report): string[] {
  const groups = new Map<string, { label: string; status: string; reason: string; cases: string[] }>();
  for (const row of report.cases) {
    for (const cell of row.cells) {
      if (cell.status === 'ok') continue;
      const label = report.contenders.find((c) => c.id === cell.contender)?.label ?? cell.contender;
      const key = `${cell.contender}\u0000${cell.status}\u0000${cell.reason}`;
      const g = groups.get(key) ?? { label, status: cell.status, reason: cell.reason, cases: [] };
      g.cases.push(row.label);
      groups.set(key, g);
    }
  }
  return [...groups.values()].map(
    (g) => `${g.label}${g.status === 'unavailable' ? '' : ` (${g.status})`}: ${g.reason} [${g.cases.join(', ')}]`,
  );
}

export function machineLine(report: Report): string {
  const m = report.machine;
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; ${m.os}; Node ${m.node} (V8 ${m.v8}); ${m.python}, NumPy ${m.numpy}, BLAS ${m.blas}; load average ${m.loadStart} at start, ${m.loadEnd} at end`;
}

export function policyLine(report: Report): string {
  const p = report.policy;
  const slow = p.coldSlowRun ? 'a first run slower than that is the only sample, cold, marked *' : 'a run slower than that: 1 warm-up, 3 timed runs';
  return `${report.quick ? 'quick run' : 'full run'}: ${p.warmup} warm-up run(s), then ${p.minReps}-${p.maxReps} timed runs until they add up to ${p.budgetMs} ms (${slow}); median shown`;
}

export const RATIO_EXPLAINED = 'Each cell: median time, then speed relative to NumPy in CPython in the same run (NumPy median / this median; above 1x is faster than NumPy).';

/** Columns of the user-style table: NumPy, fast, then the plain-JS floor, those present in the report. */
export function userColumnsOf(report: Report): { id: ContenderId; label: string }[] {
  const all: { id: ContenderId; label: string }[] = [
    { id: 'numpy', label: 'NumPy (CPython)' },
    { id: 'fast', label: 'fast' },
    { id: 'float64array', label: 'plain JS loop (floor)' },
  ];
  const cases = report.user?.cases ?? [];
  return all.filter((c) => cases.some((row) => row.cells.some((cell) => cell.contender === c.id)));
}

export const USER_TITLE = 'User-style: how programs run (a fresh result every run, nothing disposed, no event-loop turns)';
export const RECYCLED_TITLE =
  'Recycled memory: the seed workloads, the previous result dropped and the event loop yielded between runs (fast recycles large buffers there)';

export function userPolicyLine(report: Report): string {
  const p = report.user?.policy;
  if (!p) return '';
  return `${report.quick ? 'quick run' : 'full run'}: one synchronous loop per cell; ${p.warmupMs} ms of warm-up, then ${p.minReps}-${p.maxReps} samples until they add up to ${p.budgetMs} ms; a sample is a batch of runs lasting at least ${p.batchMs} ms, divided by its runs; median per run shown; NumPy timed the same way in the same run`;
}

/** Why each dash of the user-style table. */
export function userDashNotes(report: Report): string[] {
  const labels = new Map(userColumnsOf(report).map((c) => [c.id, c.label]));
  const groups = new Map<string, { text: string; cases: string[] }>();
  for (const row of report.user?.cases ?? []) {
    for (const cell of row.cells) {
      if (cell.status === 'ok') continue;
      const text = `${labels.get(cell.contender) ?? cell.contender}${cell.status === 'unavailable' ? '' : ` (${cell.status})`}: ${cell.reason}`;
      const g = groups.get(text) ?? { text, cases: [] };
      g.cases.push(row.label);
      groups.set(text, g);
    }
  }
  return [...groups.values()].map((g) => `${g.text} [${g.cases.join(', ')}]`);
}
