/**
 * The runtimes the conformance report can run, in column order. To add one (the bridge's `nd`): write
 * conformance/runtimes/nd.ts exporting a RuntimeAdapter (see fast.ts: load the namespace, say the default
 * integer dtype, make input arrays) and add it to this list.
 */
import { compatRuntime } from './compat.js';
import { fastRuntime } from './fast.js';
import type { RuntimeAdapter } from './types.js';

export const RUNTIMES: readonly RuntimeAdapter[] = [fastRuntime, compatRuntime];

export function runtimeNames(): string[] {
  return RUNTIMES.map((r) => r.name);
}

export type { LoadedRuntime, RuntimeAdapter } from './types.js';
export { RuntimeUnavailableError } from './types.js';
