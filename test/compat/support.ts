/**
 * Shared test support for compat integration tests: boots the real interpreter once per test file,
 * skips loudly when Python/NumPy is missing (fails instead when NDBRIDGE_REQUIRE_COMPAT=1 or CI=true),
 * and computes expected values with a real `python3` subprocess.
 */
import { execFileSync } from 'node:child_process';
import { describe } from 'vitest';
import { getRuntime } from '../../src/compat/python/runtime.js';

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

/** Run Python source in a real python3 subprocess (the same interpreter compat found) and parse its JSON stdout. */
export function python<T = unknown>(source: string): T {
  const exe = getRuntime().python.interpreter.path;
  const out = execFileSync(exe, ['-c', source], { encoding: 'utf8' });
  return JSON.parse(out) as T;
}
