/** The machine and versions a report records. */
import os from 'node:os';
import { packageVersion } from './packages.js';

export interface NodeMachine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly v8: string;
}

export function nodeMachine(): NodeMachine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: Math.max(1, cpus.length),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.versions.node,
    v8: process.versions.v8,
  };
}

/** The JavaScript packages the benchmark measures. */
export const MEASURED_PACKAGES = [
  'ndarray',
  'ndarray-ops',
  'cwise',
  '@stdlib/ndarray',
  '@stdlib/blas',
  '@stdlib/stats',
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-backend-cpu',
  'mathjs',
  'koffi',
] as const;

export function packageVersions(): Record<string, string> {
  return Object.fromEntries(MEASURED_PACKAGES.map((p) => [p, packageVersion(p)]));
}

/** Packages deliberately left out, with the reason (shown in every output). */
export const EXCLUDED = [
  {
    name: 'numjs',
    reason: 'not installable here: its dependency sharp downloads a native library at install time',
  },
] as const;
