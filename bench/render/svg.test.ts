/**
 * The bench chart's structure, on the committed report (bench/results/latest.json) and on doctored
 * copies of it: README width, a value label per bar, a capped log scale for the workloads, and the
 * asarray rows in their own panel with their own scale.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../report.js';
import { readReport } from '../report-file.js';
import { formatRatio } from './common.js';
import { CAP_HI, CAP_LO, renderSvg, WIDTH } from './svg.js';

const report = readReport(resolve(import.meta.dirname, '../results/latest.json'));

interface Parsed {
  width: number;
  rects: { x: number; width: number; title: string }[];
  texts: string[];
}

/** Parsed by Python's XML parser: also proves the SVG well-formed. */
function parse(svg: string): Parsed {
  const script = [
    'import sys, json, xml.etree.ElementTree as E',
    'ns = "{http://www.w3.org/2000/svg}"',
    'r = E.fromstring(sys.stdin.read())',
    'rects = [{"x": float(e.get("x")), "width": float(e.get("width")), "title": "".join(t.text or "" for t in e.findall(ns + "title"))} for e in r.iter(ns + "rect")]',
    'texts = ["".join(e.itertext()) for e in r.iter(ns + "text")]',
    'print(json.dumps({"width": float(r.get("width")), "rects": rects, "texts": texts}))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script], { input: svg, encoding: 'utf8' })) as Parsed;
}

const bars = (r: Report): { workload: string; label: string; ratio: number }[] =>
  r.cases.flatMap((row) =>
    row.cells.flatMap((c) => (c.contender !== 'numpy' && c.status === 'ok' && c.speedup !== undefined ? [{ workload: row.workload, label: row.label, ratio: c.speedup }] : [])),
  );

describe('bench chart (svg)', () => {
  const svg = renderSvg(report);
  const parsed = parse(svg);

  it('is at most 800 px wide, and everything drawn stays inside', () => {
    expect(WIDTH).toBeLessThanOrEqual(800);
    expect(parsed.width).toBe(WIDTH);
    for (const r of parsed.rects) {
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.x + r.width).toBeLessThanOrEqual(WIDTH);
    }
    const xs = [...svg.matchAll(/<text x="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.max(...xs)).toBeLessThan(WIDTH - 20);
  });

  it('draws one bar per figure, each with its value label and a title naming case and contender', () => {
    const expected = bars(report);
    expect(expected.length).toBeGreaterThan(50);
    const barRects = parsed.rects.filter((r) => r.title !== '');
    expect(barRects).toHaveLength(expected.length);
    // value labels: the ratio as text, once per bar (an arrow may mark a capped one)
    const values = parsed.texts.map((t) => t.replace(/[◂▸]/g, ''));
    const want = expected.map((b) => formatRatio(b.ratio)).sort();
    for (const w of new Set(want)) expect(values.filter((g) => g === w).length, w).toBeGreaterThanOrEqual(want.filter((x) => x === w).length);
  });

  it('the workload scale is capped: the asarray rows (1000s of x) do not stretch it; they get their own panel and scale', () => {
    const ticks = parsed.texts.filter((t) => /^(1\/)?\d+x$/.test(t));
    const asarrayAt = parsed.texts.findIndex((t) => t.startsWith('asarray:'));
    expect(asarrayAt).toBeGreaterThan(0);
    const before = parsed.texts.slice(0, asarrayAt).filter((t) => ticks.includes(t));
    const after = parsed.texts.slice(asarrayAt).filter((t) => ticks.includes(t));
    expect(before).not.toContain('10000x'); // the workload panels stop at 1000x
    expect(before).toContain(`${10 ** CAP_HI}x`);
    expect(after).toContain('10000x'); // asarray reaches 2533x on its own scale
    // every asarray figure is drawn after the asarray panel title, none before
    const asarrayBars = bars(report).filter((b) => b.workload.startsWith('asarray'));
    expect(asarrayBars.length).toBeGreaterThan(0);
    const titles = parsed.rects.filter((r) => r.title.startsWith('asarray'));
    expect(titles).toHaveLength(asarrayBars.length);
    expect(CAP_LO).toBeLessThan(0);
  });

  it('caps a figure beyond the scale at the edge, with an arrow and the true figure', () => {
    const doctored: Report = {
      ...report,
      cases: report.cases.map((row) =>
        row.workload === 'add' ? { ...row, cells: row.cells.map((c) => (c.contender === 'fast' && c.status === 'ok' ? { ...c, speedup: 123456 } : c)) } : row,
      ),
    };
    const p = parse(renderSvg(doctored));
    expect(p.texts).toContain(`${formatRatio(123456)}▸`);
    const bar = p.rects.find((r) => r.title.startsWith('add / ') && r.title.endsWith(formatRatio(123456)));
    expect(bar).toBeDefined();
    expect((bar?.x ?? 0) + (bar?.width ?? 0)).toBeLessThan(WIDTH);
  });

  it('a report without asarray rows has no asarray panel', () => {
    const p = parse(renderSvg({ ...report, cases: report.cases.filter((r) => !r.workload.startsWith('asarray')) }));
    expect(p.texts.some((t) => t.startsWith('asarray:'))).toBe(false);
    expect(p.texts.filter((t) => t === '10000x')).toEqual([]);
  });
});
