/**
 * ndbridge/fast in a real browser: the esbuild browser bundle (scripts/build-browser.mjs, bundled from
 * src/fast here) and a test page are served on localhost (node:http); headless Chromium (Debian's
 * /usr/bin/chromium, driven by playwright-core) runs the computations of scenarios.ts on it, and the
 * results must equal the same computations in Node: exactly for integers, strings, shapes, dtypes and
 * errors, within 1e-12 (relative) for floats.
 *
 * Without /usr/bin/chromium this suite skips loudly; under CI (CI=true or NDBRIDGE_REQUIRE_BROWSER=1,
 * which .ci/run sets after installing chromium) a missing browser fails it.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fast from '../../src/fast/index.js';
import { bundleFast, type FastBundle } from '../../scripts/build-browser.mjs';
import { runScenarios, type Outcome } from './scenarios.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const REQUIRED = process.env.CI === 'true' || process.env.NDBRIDGE_REQUIRE_BROWSER === '1';
const FLOAT_RTOL = 1e-12;
const FLOAT_ATOL = 1e-15;

/** The chromium flags of the brief: headless, no sandbox (root in a container), nothing phoning home. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>ndbridge/fast in the browser</title>
<script type="module">
  import * as fast from '/ndbridge-fast.min.js';
  import { runScenarios } from '/scenarios.js';
  try {
    window.__ndbridge = { ok: true, results: runScenarios(fast), inspectKey: typeof fast.FastArray.prototype[Symbol.for('nodejs.util.inspect.custom')], userAgent: navigator.userAgent };
  } catch (e) {
    window.__ndbridge = { ok: false, error: String(e && e.stack || e) };
  }
</script>
`;

interface PageResult {
  readonly ok: boolean;
  readonly error?: string;
  readonly results?: Record<string, Outcome>;
  readonly inspectKey?: string;
  readonly userAgent?: string;
}

function floatOf(v: number | string): number {
  return typeof v === 'number' ? v : v === '-0' ? -0 : Number(v);
}

/** Why two outcomes differ (empty when they agree): exact except float elements, which get a tight tolerance. */
function outcomeDifference(browser: Outcome | undefined, node: Outcome): string {
  if (browser === undefined) return 'missing in the browser';
  if (browser.kind !== 'array' || node.kind !== 'array') {
    return JSON.stringify(browser) === JSON.stringify(node) ? '' : `browser ${JSON.stringify(browser)} != node ${JSON.stringify(node)}`;
  }
  if (browser.dtype !== node.dtype) return `dtype ${browser.dtype} != ${node.dtype}`;
  if (JSON.stringify(browser.shape) !== JSON.stringify(node.shape)) return `shape ${JSON.stringify(browser.shape)} != ${JSON.stringify(node.shape)}`;
  if (node.ints !== undefined) return JSON.stringify(browser.ints) === JSON.stringify(node.ints) ? '' : 'integer elements differ';
  const b = browser.floats ?? [];
  const n = node.floats ?? [];
  if (b.length !== n.length) return `${b.length} float elements != ${n.length}`;
  for (let i = 0; i < n.length; i++) {
    const x = floatOf(b[i] as number | string);
    const y = floatOf(n[i] as number | string);
    if (Number.isNaN(x) && Number.isNaN(y)) continue;
    if (!Number.isFinite(x) || !Number.isFinite(y) ? x !== y : Math.abs(x - y) > FLOAT_ATOL + FLOAT_RTOL * Math.max(Math.abs(x), Math.abs(y))) {
      return `element ${i}: browser ${x} != node ${y}`;
    }
  }
  return '';
}

describe('outcomeDifference (the comparison itself)', () => {
  const arr = (floats: (number | string)[]): Outcome => ({ kind: 'array', dtype: 'float64', shape: [floats.length], floats });
  it('accepts equal results and float noise below the tolerance, refuses the rest', () => {
    expect(outcomeDifference(arr([1, 'NaN', '-Infinity']), arr([1 + 1e-14, 'NaN', '-Infinity']))).toBe('');
    expect(outcomeDifference(arr([1]), arr([1 + 1e-9]))).toMatch(/element 0/);
    expect(outcomeDifference(arr(['Infinity']), arr([1e308]))).toMatch(/element 0/);
    expect(outcomeDifference({ kind: 'array', dtype: 'int64', shape: [1], ints: ['1'] }, { kind: 'array', dtype: 'int64', shape: [1], ints: ['2'] })).toMatch(/integer/);
    expect(outcomeDifference({ kind: 'string', value: 'a' }, { kind: 'string', value: 'b' })).toMatch(/!=/);
    expect(outcomeDifference(undefined, { kind: 'value', value: 1 })).toMatch(/missing/);
  });
});

if (!HAVE_CHROMIUM && REQUIRED) {
  describe('fast in headless Chromium', () => {
    it('needs Debian chromium at /usr/bin/chromium (CI=true or NDBRIDGE_REQUIRE_BROWSER=1)', () => {
      throw new Error(`the browser test is required here but ${CHROMIUM} is missing: run \`apt-get install -y chromium\` (.ci/run does)`);
    });
  });
} else if (!HAVE_CHROMIUM) {
  console.warn(`\n*** SKIPPING the browser test: ${CHROMIUM} is missing. Install it with \`apt-get install -y chromium\`;\n*** set NDBRIDGE_REQUIRE_BROWSER=1 to make this a failure.\n`);
  describe.skip(`fast in headless Chromium (SKIPPED: ${CHROMIUM} missing, run \`apt-get install -y chromium\`)`, () => {
    it('runs fast in the browser', () => undefined);
  });
} else {
  describe('fast in headless Chromium', () => {
    let server: Server | undefined;
    let browser: Browser | undefined;
    let bundle: FastBundle;
    let page: PageResult;
    const pageErrors: string[] = [];
    const requested: string[] = [];
    const node = runScenarios(fast);

    beforeAll(async () => {
      bundle = await bundleFast({ entry: resolve(ROOT, 'src/fast/index.ts') });
      const scenarios = await build({
        entryPoints: [resolve(import.meta.dirname, 'scenarios.ts')],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        write: false,
        logLevel: 'silent',
      });
      const files: Record<string, [string, string]> = {
        '/': ['text/html; charset=utf-8', PAGE],
        '/ndbridge-fast.min.js': ['text/javascript; charset=utf-8', bundle.code],
        '/scenarios.js': ['text/javascript; charset=utf-8', scenarios.outputFiles[0]?.text ?? ''],
      };
      server = createServer((req, res) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        requested.push(path);
        const file = files[path];
        if (file === undefined) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1]);
      });
      await new Promise<void>((ok) => server?.listen(0, '127.0.0.1', ok));
      const port = (server.address() as AddressInfo).port;
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      const tab = await browser.newPage();
      tab.on('pageerror', (e) => pageErrors.push(e.message));
      await tab.goto(`http://127.0.0.1:${port}/`);
      await tab.waitForFunction(() => (globalThis as { __ndbridge?: unknown }).__ndbridge !== undefined, undefined, { timeout: 30_000 });
      page = await tab.evaluate(() => (globalThis as unknown as { __ndbridge: PageResult }).__ndbridge);
    });

    afterAll(async () => {
      await browser?.close();
      await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
    });

    it('the page loads the bundle and runs every computation without a page error', () => {
      console.log(`browser bundle: ${bundle.inputs.length} modules, ${(bundle.raw / 1024).toFixed(1)} KB minified, ${(bundle.gzip / 1024).toFixed(1)} KB gzipped; ${page.userAgent ?? ''}`);
      expect(page.error).toBeUndefined();
      expect(page.ok).toBe(true);
      expect(pageErrors).toEqual([]);
      expect(requested).toContain('/ndbridge-fast.min.js');
      expect(page.userAgent).toMatch(/Chrome\//);
      // the inspect hook is a plain Symbol.for key, present in the browser too (it is harmless there)
      expect(page.inspectKey).toBe('function');
    });

    it('the bundle has no Node builtin (esbuild platform "browser" would refuse one)', () => {
      expect(bundle.inputs.filter((p) => p.startsWith('node:') || !p.includes('src/'))).toEqual([]);
      expect(bundle.code).not.toMatch(/from\s*["']node:/);
    });

    it('Node computes what it should: only the error.* scenarios throw', () => {
      const names = Object.keys(node);
      expect(names.length).toBeGreaterThan(50);
      for (const name of names) expect(node[name]?.kind === 'error', `${name}: ${JSON.stringify(node[name])}`).toBe(name.startsWith('error.'));
    });

    it.each(Object.keys(node))('%s: the browser gives what Node gives', (name) => {
      expect(outcomeDifference(page.results?.[name], node[name] as Outcome)).toBe('');
    });
  });
}
