/**
 * SVG: the speed ratios to NumPy in CPython as horizontal bars on a log scale, readable at 800 px
 * (the chart is exactly WIDTH wide). One small panel per workload (two columns), one row per
 * JavaScript-side contender (named by its id; the legend gives the full names), each bar labelled with its figure; bars go right of the 1x line (NumPy)
 * when faster and left when slower. The scale is shared by the workload panels and capped at
 * [1/100x, 1000x]: a bar beyond the cap stops at the edge with an arrow, its label still gives the
 * figure. The asarray rows (zero-copy crossings, up to thousands of times a NumPy copy) get their own
 * panel and scale at the bottom, so they do not squash the others. A missing figure is a dash.
 *
 * Rect elements are exactly: the background, one legend swatch per contender, one per bar.
 */
import type { ContenderId } from '../contender.js';
import type { Report } from '../report.js';
import { cellOf, formatRatio, machineLine } from './common.js';

const PALETTE: Readonly<Record<ContenderId, string>> = {
  numpy: '#4d4d4d',
  fast: '#d62728',
  compat: '#1f77b4',
  nd: '#9467bd',
  float64array: '#2ca02c',
  'ndarray-ops': '#ff7f0e',
  cwise: '#bcbd22',
  stdlib: '#8c564b',
  tfjs: '#e377c2',
  mathjs: '#17becf',
};

export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The chart's width in px: README width. */
export const WIDTH = 800;
/** The workload panels' scale never goes beyond these (powers of ten). */
export const CAP_LO = -2;
export const CAP_HI = 3;

const MARGIN = 10;
const COL_GAP = 16;
const ROW = 11;
const PANEL_HEAD = 16;
const AXIS = 14;
const PANEL_GAP = 10;
const NAME_W = 72;
const VALUE_W = 40;

interface Row {
  readonly label: string;
  readonly colour: string;
  readonly title: string;
  readonly ratio?: number;
}

interface Scale {
  readonly lo: number; // power of ten
  readonly hi: number;
}

const isAsarray = (workload: string): boolean => workload.startsWith('asarray');

function scaleOf(ratios: readonly number[], cap: Scale | undefined): Scale {
  const finite = ratios.filter((r) => r > 0 && Number.isFinite(r));
  let lo = Math.min(-1, Math.floor(Math.log10(Math.min(1, ...finite))));
  let hi = Math.max(1, Math.ceil(Math.log10(Math.max(1, ...finite))));
  if (cap) {
    lo = Math.max(lo, cap.lo);
    hi = Math.min(hi, cap.hi);
  }
  return { lo, hi };
}

const tickLabel = (e: number): string => (e >= 0 ? `${10 ** e}x` : `1/${10 ** -e}x`);

/** One panel at (x, y), `w` wide: a title, a row per contender, an axis. Returns its height. */
function panel(parts: string[], x: number, y: number, w: number, title: string, rows: readonly Row[], scale: Scale, nameW = NAME_W): number {
  const px0 = x + nameW;
  const pw = w - nameW - VALUE_W;
  const xOf = (r: number): number => {
    const e = Math.min(scale.hi, Math.max(scale.lo, Math.log10(r)));
    return px0 + ((e - scale.lo) / (scale.hi - scale.lo)) * pw;
  };
  parts.push(`<text x="${x}" y="${y + 11}" font-size="11.5" font-weight="bold">${escapeXml(title)}</text>`);
  const top = y + PANEL_HEAD;
  const bottom = top + rows.length * ROW;
  for (let e = scale.lo; e <= scale.hi; e++) {
    const gx = xOf(10 ** e).toFixed(1);
    parts.push(
      `<line x1="${gx}" y1="${top}" x2="${gx}" y2="${bottom}" stroke="${e === 0 ? '#000' : '#e3e3e3'}" stroke-width="${e === 0 ? 1.2 : 1}"/>`,
      `<text x="${gx}" y="${bottom + 10}" font-size="8.5" fill="#666" text-anchor="middle">${tickLabel(e)}</text>`,
    );
  }
  const x1 = xOf(1);
  rows.forEach((row, i) => {
    const ry = top + i * ROW;
    parts.push(`<text x="${px0 - 4}" y="${ry + 8.5}" font-size="9" text-anchor="end" fill="#333">${escapeXml(row.label)}</text>`);
    if (row.ratio === undefined) {
      parts.push(`<text x="${(x1 + 3).toFixed(1)}" y="${ry + 8.5}" font-size="9" fill="#999">–</text>`);
      return;
    }
    const xr = xOf(row.ratio);
    const left = Math.min(x1, xr);
    const bw = Math.max(1, Math.abs(xr - x1));
    const clipped = Math.log10(row.ratio) > scale.hi ? '▸' : Math.log10(row.ratio) < scale.lo ? '◂' : '';
    parts.push(
      `<rect x="${left.toFixed(1)}" y="${ry + 1.5}" width="${bw.toFixed(1)}" height="${ROW - 3}" fill="${row.colour}"><title>${escapeXml(`${row.title}: ${formatRatio(row.ratio)}`)}</title></rect>`,
    );
    // the figure just right of the bar (faster) or of the 1x line (slower); an arrow marks a capped bar
    const lx = (row.ratio >= 1 ? xr : x1) + 3;
    parts.push(`<text x="${lx.toFixed(1)}" y="${ry + 8.5}" font-size="9" class="value">${clipped && row.ratio < 1 ? clipped : ''}${formatRatio(row.ratio)}${clipped && row.ratio >= 1 ? clipped : ''}</text>`);
  });
  return PANEL_HEAD + rows.length * ROW + AXIS;
}

/** Split a long line at "; " so that no piece is longer than `max` characters. */
function wrap(text: string, max: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const piece of text.split('; ')) {
    const next = line ? `${line}; ${piece}` : piece;
    if (next.length > max && line) {
      out.push(`${line};`);
      line = piece;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}

export function renderSvg(report: Report): string {
  const series = report.contenders.filter((c) => c.id !== 'numpy');
  const ratioOf = (row: Report['cases'][number], id: ContenderId): number | undefined => {
    const cell = cellOf(row, id);
    return cell?.status === 'ok' && cell.speedup !== undefined ? cell.speedup : undefined;
  };
  const hasFigure = (row: Report['cases'][number]): boolean => series.some((c) => ratioOf(row, c.id) !== undefined);
  const workloads = report.cases.filter((row) => !isAsarray(row.workload) && hasFigure(row));
  const crossings = report.cases.filter((row) => isAsarray(row.workload) && hasFigure(row));
  const ratiosOf = (rows: typeof workloads): number[] => rows.flatMap((row) => series.flatMap((c) => ratioOf(row, c.id) ?? []));
  const mainScale = scaleOf(ratiosOf(workloads), { lo: CAP_LO, hi: CAP_HI });
  const crossScale = scaleOf(ratiosOf(crossings), undefined);

  const body: string[] = [];
  let y = 0;
  // header: title, machine (wrapped), legend
  body.push(`<text x="${MARGIN}" y="18" font-size="14" font-weight="bold">ndbridge bench: speed relative to NumPy in CPython</text>`);
  body.push(`<text x="${MARGIN}" y="33" font-size="10.5" fill="#333">log scale; right of the 1x line (NumPy) is faster, left is slower; each bar labelled with its ratio</text>`);
  y = 36;
  for (const line of wrap(machineLine(report), 150)) {
    y += 12;
    body.push(`<text x="${MARGIN}" y="${y}" font-size="9" fill="#666">${escapeXml(line)}</text>`);
  }
  y += 8;
  let lx = MARGIN;
  for (const c of series) {
    const w = 22 + c.label.length * 5.6;
    if (lx + w > WIDTH - MARGIN) {
      lx = MARGIN;
      y += 14;
    }
    body.push(`<rect x="${lx}" y="${y}" width="10" height="10" fill="${PALETTE[c.id]}"/>`, `<text x="${lx + 13}" y="${y + 9}" font-size="10">${escapeXml(c.label)}</text>`);
    lx += w;
  }
  y += 22;

  // workload panels, two columns, filled column by column
  const colW = (WIDTH - 2 * MARGIN - COL_GAP) / 2;
  const rowsOf = (row: (typeof workloads)[number]): Row[] =>
    series.map((c) => ({ label: c.id, colour: PALETTE[c.id], title: `${row.label} / ${c.label}`, ratio: ratioOf(row, c.id) }));
  const half = Math.ceil(workloads.length / 2);
  let bottom = y;
  for (let col = 0; col < 2; col++) {
    let py = y;
    for (const row of workloads.slice(col * half, (col + 1) * half)) {
      py += panel(body, MARGIN + col * (colW + COL_GAP), py, colW, row.label, rowsOf(row), mainScale) + PANEL_GAP;
    }
    bottom = Math.max(bottom, py);
  }
  y = bottom;
  if (mainScale.lo === CAP_LO || mainScale.hi === CAP_HI) {
    body.push(`<text x="${MARGIN}" y="${y + 2}" font-size="9" fill="#666">scale capped at ${tickLabel(CAP_LO)} to ${tickLabel(CAP_HI)}: ◂ and ▸ mark bars beyond it, the label gives the figure</text>`);
    y += 14;
  }

  // the asarray crossings: their own panel and scale
  if (crossings.length > 0) {
    y += 6;
    body.push(`<line x1="${MARGIN}" y1="${y}" x2="${WIDTH - MARGIN}" y2="${y}" stroke="#bbb"/>`);
    y += 6;
    const rows: Row[] = crossings.flatMap((row) =>
      series
        .filter((c) => ratioOf(row, c.id) !== undefined)
        .map((c) => ({ label: `${row.label} (${c.id})`, colour: PALETTE[c.id], title: `${row.label} / ${c.label}`, ratio: ratioOf(row, c.id) })),
    );
    y += panel(body, MARGIN, y, WIDTH - 2 * MARGIN, 'asarray: zero-copy crossings vs a NumPy copy (own scale)', rows, crossScale, 200) + PANEL_GAP;
  }
  y += 4;
  body.push(`<text x="${MARGIN}" y="${y}" font-size="9" fill="#666">${escapeXml(`${report.date} — ${report.command}`)}</text>`);
  const height = Math.ceil(y + 8);
  return `${[
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
  ].join('\n')}\n`;
}
