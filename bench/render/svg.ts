/**
 * SVG: a grouped bar chart of the speed ratios to NumPy in CPython, on a log scale, one group per
 * workload, one bar per JavaScript-side contender. Bars grow up from the 1x line (NumPy) when faster
 * and down when slower; a missing figure draws no bar.
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

const BAR = 9;
const GAP = 18;
const LEFT = 64;
const TOP = 78;
const PLOT_H = 320;
const BOTTOM = 120;

export function renderSvg(report: Report): string {
  const series = report.contenders.filter((c) => c.id !== 'numpy');
  const groups = report.cases.filter((row) =>
    series.some((c) => {
      const cell = cellOf(row, c.id);
      return cell?.status === 'ok' && cell.speedup !== undefined;
    }),
  );
  const ratios: number[] = [];
  for (const row of groups) {
    for (const c of series) {
      const cell = cellOf(row, c.id);
      if (cell?.status === 'ok' && cell.speedup !== undefined) ratios.push(cell.speedup);
    }
  }
  const lo = Math.min(-1, Math.floor(Math.log10(Math.min(1, ...ratios))));
  const hi = Math.max(1, Math.ceil(Math.log10(Math.max(1, ...ratios))));
  const y = (r: number): number => TOP + ((hi - Math.log10(r)) / (hi - lo)) * PLOT_H;
  const groupW = Math.max(1, series.length) * BAR + GAP;
  const plotW = Math.max(1, groups.length) * groupW;
  const width = LEFT + plotW + 50;
  const height = TOP + PLOT_H + BOTTOM;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="18" font-size="14" font-weight="bold">ndbridge bench: speed relative to NumPy in CPython (log scale, higher is faster)</text>`,
    `<text x="${LEFT}" y="34" fill="#555">${escapeXml(machineLine(report))}</text>`,
  );
  // Legend.
  let lx = LEFT;
  for (const c of series) {
    parts.push(
      `<rect x="${lx}" y="46" width="10" height="10" fill="${PALETTE[c.id]}"/>`,
      `<text x="${lx + 14}" y="55">${escapeXml(c.label)}</text>`,
    );
    lx += 22 + c.label.length * 6.2;
  }
  // Axis and grid.
  for (let e = lo; e <= hi; e++) {
    const yy = y(10 ** e).toFixed(1);
    const label = e >= 0 ? `${10 ** e}x` : `1/${10 ** -e}x`;
    parts.push(
      `<line x1="${LEFT}" y1="${yy}" x2="${LEFT + plotW}" y2="${yy}" stroke="${e === 0 ? '#000' : '#ddd'}" stroke-width="${e === 0 ? 1.2 : 1}"/>`,
      `<text x="${LEFT - 6}" y="${yy}" text-anchor="end" dominant-baseline="middle">${label}</text>`,
    );
  }
  parts.push(`<text x="${LEFT + plotW + 4}" y="${y(1).toFixed(1)}" dominant-baseline="middle" fill="#000" font-size="9">NumPy</text>`);
  // Bars.
  groups.forEach((row, gi) => {
    const gx = LEFT + gi * groupW + GAP / 2;
    series.forEach((c, si) => {
      const cell = cellOf(row, c.id);
      if (cell?.status !== 'ok' || cell.speedup === undefined) return;
      const y0 = y(1);
      const y1 = y(cell.speedup);
      const top = Math.min(y0, y1);
      const h = Math.max(0.5, Math.abs(y1 - y0));
      parts.push(
        `<rect x="${(gx + si * BAR).toFixed(1)}" y="${top.toFixed(1)}" width="${BAR - 1}" height="${h.toFixed(1)}" fill="${PALETTE[c.id]}"><title>${escapeXml(`${row.label} / ${c.label}: ${formatRatio(cell.speedup)}`)}</title></rect>`,
      );
    });
    const cx = gx + (series.length * BAR) / 2;
    const ly = TOP + PLOT_H + 10;
    parts.push(
      `<text x="${cx.toFixed(1)}" y="${ly}" text-anchor="end" transform="rotate(-40 ${cx.toFixed(1)} ${ly})">${escapeXml(row.label)}</text>`,
    );
  });
  parts.push(
    `<text x="${LEFT}" y="${height - 8}" fill="#555">${escapeXml(`${report.date} — ${report.command}`)}</text>`,
    '</svg>',
  );
  return `${parts.join('\n')}\n`;
}
