import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JsonReportSchema } from '../../conformance/report/schema.js';
import { runtimeByName } from '../../conformance/runtimes/index.js';
import * as compat from '../compat/index.js';
import { OptionsSchema, parseConformanceArgs, run } from './conformance.js';

/** Can the Python compat embeds (NDBRIDGE_PYTHON, else the default) import `module`? */
function pythonHas(module: string): boolean {
  try {
    return compat.available() && compat.evaluate(`__import__('importlib.util').util.find_spec(m) is not None`, { m: module }) === true;
  } catch {
    return false;
  }
}

const HAS_DASK = pythonHas('dask');
if (!HAS_DASK) {
  console.warn(
    `\n!!! src/cli/conformance.test.ts: SKIPPING the dask.array conformance run: the Python compat embeds ` +
      `(${process.env.NDBRIDGE_PYTHON ? `NDBRIDGE_PYTHON=${process.env.NDBRIDGE_PYTHON}` : 'the default python3'}) has no dask. ` +
      `Run with NDBRIDGE_PYTHON=<a Python with dask and NumPy> to include it.\n`,
  );
}

function stderrOf(spy: { mock: { calls: unknown[][] } }): string {
  return spy.mock.calls.map((c) => String(c[0])).join('');
}

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

  it('takes any dotted Python module name as a runtime; anything else is a usage error with the did-you-mean', async () => {
    expect(runtimeByName('compat')?.name).toBe('compat');
    expect(runtimeByName('dask.array')?.name).toBe('dask.array');
    expect(runtimeByName('array_api_strict')?.name).toBe('array_api_strict');
    for (const bad of ['not_a..module', 'dask.', '.array', '2d.array', 'dask-array', 'no-such-runtime']) expect(runtimeByName(bad), bad).toBeUndefined();
    expect(parseConformanceArgs(['--runtime', 'fast,dask.array', '--fail-under', 'dask.array=10'])).toMatchObject({ help: false, options: { runtime: ['fast', 'dask.array'] } });
    expect(() => parseConformanceArgs(['--runtime', 'not_a..module'])).toThrow(/--runtime: no runtime named 'not_a\.\.module'.*dotted name/);
    expect(() => parseConformanceArgs(['--runtime', 'compat-'])).toThrow(/did you mean 'compat'\?/);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await run(['--runtime', 'not_a..module', '--no-progress'])).toBe(2);
    expect(stderrOf(err)).toMatch(/no runtime named 'not_a\.\.module'/);
  });

  it('a module the Python cannot import: the runtime could not run (exit 3), naming the module', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await run(['--runtime', 'fast,ndbridge_no_such_module.array', '--corner', 'elementwise.add', '--no-progress'])).toBe(3);
    expect(stderrOf(err)).toMatch(/ndbridge_no_such_module\.array could not run: .*'ndbridge_no_such_module\.array' cannot be imported.*No module named 'ndbridge_no_such_module'/);
  });

  it.skipIf(HAS_DASK)('--runtime dask.array on a Python without dask: the runtime could not run (exit 3), naming dask', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ndb-conf-')), 'r.json');
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await run(['--runtime', 'dask.array', '--corner', 'elementwise.add', '--format', 'json', '--out', out, '--no-progress'])).toBe(3);
    expect(stderrOf(err)).toMatch(/dask\.array could not run: .*'dask\.array' cannot be imported .*No module named 'dask'/);
    // the report still says so, in the column
    const report = JsonReportSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(report.corners[0]?.results['dask.array']).toMatchObject({ status: 'error', detail: expect.stringMatching(/runtime not run: .*No module named 'dask'/) as unknown });
  });

  it.skipIf(!HAS_DASK)('runs corners on dask.array and compares them with NumPy', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ndb-conf-')), 'r.json');
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const corners = ['elementwise.add', 'elementwise.multiply', 'statistical.sum', 'manipulation.reshape', 'linalg.svd', 'indexing.boolean-mask', 'repr.float64'];
    const code = await run(['--runtime', 'compat,dask.array', '--corner', corners.join(','), '--format', 'json', '--out', out, '--no-progress']);
    expect([0, 1]).toContain(code); // 1: a corner whose answer differs from NumPy's; never 3 (dask.array ran)
    const report = JsonReportSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(Object.keys(report.runtimes)).toEqual(['compat', 'dask.array']);
    const dask = (id: string) => report.corners.find((c) => c.id === id)?.results['dask.array'];
    // lazy Dask results computed where the comparator reads them, and equal to NumPy's
    for (const id of ['elementwise.add', 'elementwise.multiply', 'statistical.sum']) expect(dask(id), id).toEqual({ status: 'pass' });
    // and where Dask differs the detail is the diff against NumPy's answer (a Dask array's repr is not NumPy's)
    expect(dask('repr.float64')).toMatchObject({ status: 'fail', detail: expect.stringContaining('expected "array([') as unknown });
    // every corner has an outcome on both columns; what does not pass says why (nothing crashed the run)
    expect(report.corners.map((c) => c.id).sort()).toEqual([...corners].sort());
    for (const c of report.corners) {
      expect(c.results.compat?.status, c.id).toBe('pass');
      const r = c.results['dask.array'];
      expect(r, c.id).toBeDefined();
      if (r?.status !== 'pass') expect(r?.detail, c.id).toMatch(/\S/);
      expect(r?.detail ?? '', c.id).not.toMatch(/runtime not run/);
    }
  });
});
