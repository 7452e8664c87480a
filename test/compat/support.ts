/**
 * Shared test support for compat integration tests: boots the real interpreter once per test file,
 * skips loudly when Python/NumPy is missing (fails instead when NDBRIDGE_REQUIRE_COMPAT=1 or CI=true),
 * and computes expected values with a real `python3` subprocess.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe } from 'vitest';
import { getRuntime } from '../../src/compat/python/runtime.js';
import { liveReferenceCount } from '../../src/compat/python/objects.js';
import { evaluate } from '../../src/compat/index.js';

function bootProblem(): string | null {
  try {
    const rt = getRuntime();
    return rt.numpy.error ? `NumPy is not importable in ${rt.python.interpreter.path}: ${rt.numpy.error}` : null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export const COMPAT_PROBLEM = bootProblem();
const REQUIRED = process.env.NDBRIDGE_REQUIRE_COMPAT === '1' || process.env.CI === 'true';

if (COMPAT_PROBLEM) {
  if (REQUIRED) {
    throw new Error(`compat tests are required (NDBRIDGE_REQUIRE_COMPAT=1 or CI=true) but compat is unavailable: ${COMPAT_PROBLEM}`);
  }
  console.warn(`\n*** SKIPPING compat tests: ${COMPAT_PROBLEM}\n*** Set NDBRIDGE_REQUIRE_COMPAT=1 to make this a failure.\n`);
}

/** `describe` that runs only when compat boots (skipping loudly otherwise). */
export function describeCompat(name: string, body: () => void): void {
  describe.skipIf(COMPAT_PROBLEM !== null)(name, body);
}

/**
 * Collect garbage and let finalisers (and compat's batched releases) run, until the count of owned
 * Python references settles. Needs node --expose-gc (vitest.config.ts sets it).
 */
export async function collectOwnedReferences(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run vitest with --expose-gc (vitest.config.ts sets it)');
  let prev = -1;
  for (let i = 0; i < 20; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 5));
    const now = liveReferenceCount();
    if (now === prev && i > 3) return;
    prev = now;
  }
}

/** sys.getrefcount of a value as the embedded interpreter sees it (the argument adds one). */
export function pyRefcount(x: unknown): number {
  return evaluate('__import__("sys").getrefcount(x)', { x }) as number;
}

/** Run Python source in a real python3 subprocess (the same interpreter compat found) and parse its JSON stdout. */
export function python<T = unknown>(source: string): T {
  const exe = getRuntime().python.interpreter.path;
  const out = execFileSync(exe, ['-c', source], { encoding: 'utf8' });
  return JSON.parse(out) as T;
}

/**
 * Transpile src/common, src/compat and src/cli/doctor.ts with its args.ts (no type check) into a temporary directory, so child processes
 * and worker threads can import compat as plain JS: returns the directory; import
 * `${dir}/src/compat/index.js` from there.
 */
let childBuild: string | undefined;
export function buildCompatForChild(): string {
  if (childBuild) return childBuild;
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const out = mkdtempSync(join(tmpdir(), 'ndbridge-compat-child-'));
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
    );
  for (const file of [...walk(join(root, 'src/common')), ...walk(join(root, 'src/compat')), join(root, 'src/cli/doctor.ts'), join(root, 'src/cli/args.ts')]) {
    const js = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, useDefineForClassFields: true },
    }).outputText;
    const dest = join(out, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, js);
  }
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'));
  process.on('exit', cleanupChildBuild);
  childBuild = out;
  return out;
}

/** Remove the directory made by buildCompatForChild (call from afterAll). */
export function cleanupChildBuild(): void {
  if (childBuild) rmSync(childBuild, { recursive: true, force: true });
  childBuild = undefined;
}

/** Run an ES module script (source text) with node in a child process; returns status, signal, stdout, stderr. */
export function runNodeChild(
  script: string,
  env: NodeJS.ProcessEnv = process.env,
): { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const dir = buildCompatForChild();
  const file = join(dir, `child-${process.pid}-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, script);
  const r = spawnSync(process.execPath, [file], { env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}
