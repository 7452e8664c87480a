/**
 * The runtimes the conformance report can run, in column order. To add one: write
 * conformance/runtimes/<name>.ts exporting a RuntimeAdapter (see fast.ts and nd.ts: load the namespace,
 * say the default integer dtype, make input arrays, optionally say how it takes foreign arrays) and add
 * it to this list. A runtime that cannot load throws RuntimeUnavailableError and its column says why.
 */
import { compatRuntime } from './compat.js';
import { fastRuntime } from './fast.js';
import { ndRuntime } from './nd.js';
import type { RuntimeAdapter } from './types.js';

export const RUNTIMES: readonly RuntimeAdapter[] = [fastRuntime, compatRuntime, ndRuntime];

export function runtimeNames(): string[] {
  return RUNTIMES.map((r) => r.name);
}

export type { LoadedRuntime, RuntimeAdapter } from './types.js';
export { RuntimeUnavailableError } from './types.js';
