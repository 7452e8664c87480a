/**
 * Crash isolation for tests: run a script in a child Node process, so that a SIGSEGV, an abort or a hang
 * fails the one test that caused it instead of killing the test runner.
 *
 * The child imports the library as plain JS from a one-off transpiled copy of `src/` (no type check,
 * built once per test process): `import { fast, compat, asarray } from '${LIB}/index.js'`, where the
 * script writes `${LIB}` literally and runIsolated substitutes the directory.
 *
 *   const r = runIsolated(`import { compat } from '${LIB}/compat/index.js'; ...; console.log('ok')`, { engine: 'ffi-napi' });
 *   expect(r.signal).toBeNull(); expect(r.stdout).toContain('ok');
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The placeholder scripts use for the transpiled `src/` directory. */
export const LIB = '${LIB}';

export type FfiEngineName = 'koffi' | 'ffi-napi';
/** Both FFI engines, for `describe.each(ENGINES)`. */
export const ENGINES: readonly FfiEngineName[] = ['koffi', 'ffi-napi'];

export interface IsolatedResult {
  /** Exit code, or null when a signal ended the child. */
  readonly status: number | null;
  /** The signal that ended the child (SIGSEGV, SIGABRT, SIGKILL after the timeout...), or null. */
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** True when the child was killed because it ran past the timeout (a hang). */
  readonly timedOut: boolean;
}

export interface IsolatedOptions {
  /** FFI engine of the child (NDBRIDGE_FFI); default: the parent's. */
  readonly engine?: FfiEngineName;
  /** Milliseconds before the child counts as hung and is killed; default 60 s. */
  readonly timeoutMs?: number;
  /** Extra node flags, e.g. ['--expose-gc', '--max-old-space-size=512']. */
  readonly nodeArgs?: readonly string[];
  /** Extra environment variables. */
  readonly env?: NodeJS.ProcessEnv;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let built: string | undefined;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

/** Transpile `src/` (and `spec/`, which src may read) into a temporary directory once; returns `<dir>/src`. */
export function isolatedLibrary(): string {
  if (built) return join(built, 'src');
  const out = mkdtempSync(join(tmpdir(), 'ndbridge-isolated-'));
  for (const file of [...walk(join(ROOT, 'src')), ...walk(join(ROOT, 'spec'))]) {
    const js = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, useDefineForClassFields: true },
    }).outputText;
    const dest = join(out, relative(ROOT, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, js);
  }
  for (const dir of ['src', 'spec']) {
    for (const f of readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
      if (!f.endsWith('.json')) continue;
      mkdirSync(dirname(join(out, dir, f)), { recursive: true });
      writeFileSync(join(out, dir, f), readFileSync(join(ROOT, dir, f)));
    }
  }
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'));
  process.on('exit', () => rmSync(out, { recursive: true, force: true }));
  built = out;
  return join(out, 'src');
}

/** Run an ES module script in a child Node process; `${LIB}` in the script names the transpiled `src/`. */
export function runIsolated(script: string, options: IsolatedOptions = {}): IsolatedResult {
  const lib = isolatedLibrary();
  const file = join(dirname(lib), `case-${process.pid}-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, script.split(LIB).join(lib));
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (options.engine) env.NDBRIDGE_FFI = options.engine;
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), file], {
    env,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  rmSync(file, { force: true });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', timedOut };
}

/** A one-line account of how a child ended, for assertion messages. */
export function describeExit(r: IsolatedResult): string {
  const how = r.timedOut ? 'hung (killed after the timeout)' : r.signal ? `killed by ${r.signal}` : `exit ${r.status}`;
  return `${how}\n--- stdout ---\n${r.stdout.slice(-4000)}\n--- stderr ---\n${r.stderr.slice(-4000)}`;
}
