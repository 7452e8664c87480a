/**
 * Running the built `ndbridge` command as a user does (node dist/src/cli/main.js, a child process with its
 * own environment). The tests need a build that is not older than the sources: `npm ci` builds through
 * `prepare`; after editing sources, `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const CLI = join(ROOT, 'dist/src/cli/main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** Throws (failing the test file loudly) when dist/ is missing or older than the sources it is built from. */
export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm ci does it through prepare)`);
  const built = statSync(CLI).mtimeMs;
  for (const dir of ['src', 'conformance', 'bench', 'spec']) {
    if (newestSource(join(ROOT, dir)) > built) throw new Error(`dist/ is older than ${dir}/: run npm run build before these tests`);
  }
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Run `ndbridge ...args`. The environment is the test's minus colour variables and CI markers (so colour
 * decisions are the test's), plus `env` (a value of undefined removes a variable).
 */
export function cli(args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}, timeout = 120_000): CliResult {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['NO_COLOR', 'FORCE_COLOR', 'NODE_OPTIONS']) delete base[k];
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete base[k];
    else base[k] = v;
  }
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env: base, encoding: 'utf8', timeout });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
