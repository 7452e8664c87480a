import { beforeAll, describe, expect, it } from 'vitest';
import { subprocessOracle } from '../oracle/oracle.js';
import { runConformance, type RunReport } from '../runner.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { JsonReportSchema } from './schema.js';
import { renderTable } from './table.js';

let report: RunReport;

beforeAll(async () => {
  report = await runConformance({
    seed: 5,
    runtimes: ['fast', 'missing-runtime'],
    corners: ['elementwise.add', 'elementwise.sin', 'creation.*', 'repr.2d', 'elementwise.add.*', 'statistical.sum.where'],
    oracle: subprocessOracle(),
  });
});

describe('report renderers', () => {
  it('json follows its own schema exactly, with counts that add up', () => {
    const parsed = JsonReportSchema.parse(JSON.parse(renderJson(report)));
    expect(parsed.seed).toBe(5);
    expect(Object.keys(parsed.runtimes)).toEqual(['fast', 'missing-runtime']);
    for (const c of Object.values(parsed.runtimes)) expect(c.pass + c.fail + c.unsupported + c.error).toBe(c.total);
    expect(parsed.runtimes['missing-runtime']).toMatchObject({ pass: 0, error: parsed.corners.length });
    expect(parsed.corners.map((c) => c.id)).toContain('creation.arange');
    // function and parameter coverage apart, adding up to the whole
    for (const n of ['fast', 'missing-runtime']) {
      const f = parsed.coverage.functions[n];
      const p = parsed.coverage.parameters[n];
      expect(f.total + p.total).toBe(parsed.runtimes[n].total);
      expect(p.total).toBe(parsed.corners.filter((c) => c.kind === 'parameter').length);
    }
    expect(parsed.corners.find((c) => c.id === 'elementwise.add.out')?.kind).toBe('parameter');
    // a strict schema: an extra field is rejected
    expect(JsonReportSchema.safeParse({ ...parsed, extra: 1 }).success).toBe(false);
  });

  it('html is one self-contained page: inline SVG chart, a row per corner, no external resources', () => {
    const html = renderHtml(report);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<svg');
    expect(html).toContain('<input id="q"');
    expect((html.match(/<tr><td><code>/g) ?? []).length).toBe(report.corners.length);
    expect(html).not.toMatch(/\s(src|href)\s*=|@import|url\(|https?:\/\//i);
    // details are escaped
    expect(html).not.toMatch(/<script>(?![\s\S]*<\/script>)/);
  });

  it('markdown has the runtime summary and one row per area', () => {
    const md = renderMarkdown(report);
    expect(md).toMatch(/^\| runtime \| pass \| fail \| unsupported \| error \| total \| pass % \|/);
    const creationFns = report.corners.filter((c) => c.area === 'creation' && c.kind !== 'parameter').length;
    expect(md).toContain(`| creation | ${creationFns} |`);
    expect(md).toMatch(/\| runtime \| function coverage \| parameter coverage \|/);
    expect(md).toMatch(/\| area \(parameters\) \| corners \|/);
    expect(md).toContain('missing-runtime: NOT RUN');
  });

  it('table is coloured only when asked', () => {
    expect(renderTable(report, { colour: false })).not.toContain('\u001b[');
    expect(renderTable(report, { colour: true })).toContain('\u001b[');
    const text = renderTable(report, { colour: false });
    expect(text).toMatch(/^area \(functions\)\s+corners\s+fast\s+missing-runtime/);
    expect(text).toMatch(/^area \(parameters\)\s+corners/m);
    expect(text).toMatch(/^fast: functions \d+\/\d+ .*, parameters \d+\/\d+/m);
    // failing corners are named by id; unsupported ones too, parameters grouped by parameter name
    for (const c of report.corners) {
      const s = c.results.fast?.status;
      if (s === 'fail' || (s === 'unsupported' && c.kind !== 'parameter')) expect(text).toContain(c.id);
      if (s === 'unsupported' && c.kind === 'parameter') {
        const at = c.id.lastIndexOf('.');
        const line = text.split('\n').find((l) => l.startsWith(`    ${c.id.slice(at + 1)} (`));
        expect(line?.split(': ')[1].split(', ')).toContain(c.id.slice(0, at).replace(`${c.area}.`, ''));
      }
    }
  });
});
