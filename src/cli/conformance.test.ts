import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JsonReportSchema } from '../../conformance/report/schema.js';
import { OptionsSchema, run } from './conformance.js';

describe('ndbridge conformance', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes a json report that validates against its schema', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ndb-conf-')), 'r.json');
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await run(['--runtime', 'fast', '--corner', 'repr.*,elementwise.add', '--format', 'json', '--out', out, '--seed', '9']);
    expect(code).toBe(0);
    const report = JsonReportSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(report.seed).toBe(9);
    expect(report.corners.map((c) => c.id)).toContain('repr.float64');
    expect(report.corners.every((c) => c.id.startsWith('repr.') || c.id === 'elementwise.add')).toBe(true);
  });

  it('exits 1 when --fail-under is not met and 2 on bad options', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await run(['--runtime', 'fast', '--corner', 'linalg.svd,linalg.svdvals', '--fail-under', 'fast=60', '--no-progress'])).toBe(1);
    expect(err.mock.calls.map((c) => String(c[0])).join('')).toMatch(/fast passes 50.0% of corners, under --fail-under 60%/);
    expect(await run(['--runtime', 'no-such-runtime'])).toBe(2);
    expect(await run(['--format', 'pdf'])).toBe(2);
    expect(await run(['--seed', '-3'])).toBe(2);
    expect(await run(['--fail-under', '120'])).toBe(2);
    expect(await run(['--bogus'])).toBe(2);
    expect(await run(['--corner', 'no.such.corner', '--no-progress'])).toBe(2);
  });

  it('parses lists and per-runtime thresholds', () => {
    const o = OptionsSchema.parse({ runtime: 'fast, compat', 'fail-under': 'compat=100,30', seed: '42' });
    expect(o.runtime).toEqual(['fast', 'compat']);
    expect(o['fail-under']).toEqual([{ runtime: 'compat', percent: 100 }, { runtime: null, percent: 30 }]);
    expect(o.seed).toBe(42);
  });
});
