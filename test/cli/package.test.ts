/**
 * What `npm pack` ships: the built library and CLI with LICENSE, README and bench's Python scripts; no
 * tests, test-only modules or source maps; every relative import inside the package resolvable; each
 * export's surface the documented API (internals only under ndbridge/internal); publint and
 * @arethetypeswrong/cli clean. One pack (scripts off: it packs the current build) into a temp dir.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ROOT } from './support.js';

const work = mkdtempSync(join(tmpdir(), 'ndb-pack-'));
const pkgDir = join(work, 'package');
let files: string[] = [];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

beforeAll(() => {
  assertBuilt();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const pack = spawnSync(npm, ['pack', '--ignore-scripts', '--pack-destination', work, '--json'], { cwd: ROOT, encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  files = info.files.map((f) => f.path).sort();
  const tar = spawnSync('tar', ['-xzf', join(work, info.filename), '-C', work], { encoding: 'utf8' });
  if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm pack', () => {
  it('ships LICENSE (MIT, as package.json says), README, the CLI and bench\'s Python scripts', () => {
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/src/cli/main.js', 'bench/numpy_workloads.py', 'bench/numpy_user.py']));
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { license: string };
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(pkgDir, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} the ndbridge authors\n/);
  });

  it('ships no tests, test-only modules, TypeScript sources or source maps', () => {
    const bad = files.filter(
      (f) =>
        /\.test\.|\.map$|(^|\/)testing(\/|\.)|numpy-oracle|spec\/generate\./.test(f) ||
        (f.endsWith('.ts') && !f.endsWith('.d.ts')) ||
        !(f.startsWith('dist/') || ['LICENSE', 'README.md', 'package.json', 'bench/numpy_workloads.py', 'bench/numpy_user.py'].includes(f)),
    );
    expect(bad).toEqual([]);
    expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(100);
  });

  it('every relative import of a shipped module is shipped too', () => {
    const shipped = new Set(files);
    const missing: string[] = [];
    for (const f of files.filter((x) => x.endsWith('.js') || x.endsWith('.d.ts'))) {
      const text = readFileSync(join(pkgDir, f), 'utf8');
      for (const m of text.matchAll(/(importOptional\()?['"](\.\.?\/[^'"\s]+\.js)['"]/g)) {
        // importOptional (conformance/runtimes/types.ts) resolves its path against conformance/runtimes/
        const base = m[1] ? join(pkgDir, 'dist/conformance/runtimes') : dirname(join(pkgDir, f));
        const target = relative(pkgDir, resolve(base, m[2]));
        const alt = target.replace(/\.js$/, '.d.ts');
        if (!shipped.has(f.endsWith('.d.ts') ? alt : target) && !shipped.has(target)) missing.push(`${f} -> ${m[2]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('bench finds its NumPy script from the installed package (so ndbridge bench shows NumPy ratios)', async () => {
    const { findUpwards } = (await import(pathToFileURL(join(pkgDir, 'dist/bench/packages.js')).href)) as { findUpwards(r: string): string | undefined };
    expect(findUpwards('bench/numpy_workloads.py')).toBe(join(pkgDir, 'bench/numpy_workloads.py'));
  });

  it('every export target exists in the package', () => {
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { exports: Record<string, string | Record<string, string>>; bin: Record<string, string> };
    const targets = [...Object.values(pkg.exports).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v))), ...Object.values(pkg.bin)];
    for (const t of targets) expect(existsSync(join(pkgDir, t)) && statSync(join(pkgDir, t)).isFile(), t).toBe(true);
    expect(Object.keys(pkg.exports)).toEqual(expect.arrayContaining(['.', './fast', './compat', './bridge', './internal', './package.json']));
  });

  it('is clean under publint (strict) and @arethetypeswrong/cli (ESM-only profile)', async () => {
    const { publint } = await import('publint');
    const { messages } = await publint({ pkgDir, pack: false, strict: true });
    expect(messages).toEqual([]);
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz')) ?? '';
    const attw = spawnSync(process.execPath, [join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js'), join(work, tgz), '--profile', 'esm-only', '--format', 'json'], { encoding: 'utf8' });
    expect(attw.status, attw.stdout.slice(0, 2000) + attw.stderr).toBe(0);
  }, 120_000);
});

describe('public surfaces', () => {
  const INTERNALS = ['OPS', 'defineOp', 'wrap', 'reprOf', 'Storage', 'setAddressResolver', 'hasAddressResolver', 'compiledKernelCount', 'setForeignArrayImporter', 'setDlpackHooks', 'checkIndex', 'notSupported', 'isNotSupported'];

  it('ndbridge/fast exports none of fast\'s internals; ndbridge/internal has them', async () => {
    const fast = (await import(pathToFileURL(join(ROOT, 'dist/src/fast/index.js')).href)) as Record<string, unknown>;
    expect(INTERNALS.filter((n) => n in fast)).toEqual([]);
    expect(fast.asarray).toBeTypeOf('function');
    const internal = (await import(pathToFileURL(join(ROOT, 'dist/src/internal.js')).href)) as Record<string, unknown>;
    expect(INTERNALS.filter((n) => !(n in internal))).toEqual([]);
  });

  it('the ndbridge entry exports none of them either', async () => {
    const root = (await import(pathToFileURL(join(ROOT, 'dist/src/index.js')).href)) as Record<string, unknown>;
    const leaks = INTERNALS.filter((n) => n in root);
    const fastNs = root.fast as Record<string, unknown> | undefined;
    expect(leaks).toEqual([]);
    if (fastNs) expect(INTERNALS.filter((n) => n in fastNs)).toEqual([]);
  });
});
