import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { subprocessOracle } from '../oracle/oracle.js';
import { runConformance, type RunReport } from '../runner.js';
import { escapeHtml, renderHtml } from './html.js';
import { wholeWords } from './summary.js';
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

  it('html is one self-contained page: a row per corner, no external resources', () => {
    const html = renderHtml(report);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<input id="q"');
    expect((html.match(/<tr data-kind="(function|parameter)"><td><code>/g) ?? []).length).toBe(report.corners.length);
    expect(html).not.toMatch(/\s(src|href)\s*=\s*"(?!#)|@import|url\(|https?:\/\//i); // links only inside the page
    // details are escaped
    expect(html).not.toMatch(/<script>(?![\s\S]*<\/script>)/);
  });

  it('html opens on what does not pass: each non-passing corner per runtime, its message whole, before the areas and the full table', () => {
    const long = 'NotSupportedError: sum.where is not supported by the fast runtime: ' + 'a rather long explanation of why, '.repeat(12) + 'ending with its last word NumPy.';
    const first = report.corners[0] as (typeof report.corners)[number];
    const doctored: RunReport = {
      ...report,
      corners: [{ ...first, results: { ...first.results, fast: { status: 'fail', detail: long } } }, ...report.corners.slice(1)],
    };
    const html = renderHtml(doctored);
    // order on the page: summary, search, not passing, areas, every corner
    const at = (s: string) => html.indexOf(s);
    expect(at('id="summary"')).toBeGreaterThan(0);
    expect(at('<input id="q"')).toBeGreaterThan(at('id="summary"'));
    expect(at('id="not-passing"')).toBeGreaterThan(at('<input id="q"'));
    expect(at('id="areas"')).toBeGreaterThan(at('id="not-passing"'));
    expect(at('id="corners"')).toBeGreaterThan(at('id="areas"'));
    const section = html.slice(at('id="not-passing"'), at('id="areas"'));
    // every failing, erroring and unsupported corner of the runtimes that ran, once, and nothing else
    const expected = doctored.corners.flatMap((c) =>
      Object.entries(c.results)
        .filter(([n, r]) => doctored.runtimes[n]?.available !== false && (r.status === 'fail' || r.status === 'error' || r.status === 'unsupported'))
        .map(([n, r]) => `data-runtime="${n}" data-status="${r.status}"`),
    );
    expect(expected.length).toBeGreaterThan(0);
    const listed = section.match(/data-runtime="[^"]+" data-status="[^"]+"/g) ?? [];
    expect(listed.sort()).toEqual(expected.sort());
    expect(section).toContain(`<code>${first.id}</code>`);
    expect(section).toContain(escapeHtml(long)); // whole, not cut
    // the runtime that did not run is one line in the summary, not a row per corner
    expect(section).not.toContain('data-runtime="missing-runtime"');
    expect(html).toMatch(/<th>missing-runtime<\/th><td colspan="2" class="error">NOT RUN/);
    // compact bars: one per runtime in the summary, one per area and runtime in the area table; no SVG chart
    expect(html).not.toContain('<svg');
    const areaRows = (html.slice(at('id="areas"'), at('id="corners"')).match(/<tr><td>/g) ?? []).length;
    expect(areaRows).toBe(new Set(doctored.corners.map((c) => `${c.area}${c.kind === 'parameter' ? ' p' : ''}`)).size);
  });

  it('wholeWords cuts long text at a word boundary only', () => {
    expect(wholeWords('short', 10)).toBe('short');
    expect(wholeWords('one two three four', 12)).toBe('one two…');
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 1, maxLength: 40 }), fc.integer({ min: 20, max: 200 }), (words, max) => {
        const text = words.join(' ');
        const out = wholeWords(text, max);
        if (text.length <= max) return out === text;
        const kept = out.slice(0, -1).split(' ');
        return out.endsWith('…') && out.length <= max && kept.every((w, i) => w === words[i]);
      }),
      { seed: 42, numRuns: 200 },
    );
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
