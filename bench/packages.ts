/** Versions of the installed packages the benchmark measures, read from their package.json. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest directory at or above this module holding node_modules/<name>/package.json. */
function packageJsonPath(name: string): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The installed version of a package, or 'not installed'. */
export function packageVersion(name: string): string {
  const path = packageJsonPath(name);
  if (path === undefined) return 'not installed';
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const version = (parsed as { version?: unknown }).version;
  return typeof version === 'string' ? version : 'unknown';
}

/** The directory at or above this module that contains `relative` (used to find bench/numpy_workloads.py from dist/). */
export function findUpwards(relative: string): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
