/**
 * What a contender of `ndbridge bench` provides. Every contender builds its own inputs (from
 * `pattern`, so all of them compute on the same numbers), runs one case per call of `run`, and
 * reports a checksum of the result, which the harness compares with NumPy's before it shows a figure.
 */
import type { CaseSpec, Sizes } from './workloads.js';

export const CONTENDER_IDS = [
  'numpy',
  'fast',
  'compat',
  'nd',
  'float64array',
  'ndarray-ops',
  'cwise',
  'stdlib',
  'tfjs',
  'mathjs',
] as const;
export type ContenderId = (typeof CONTENDER_IDS)[number];

/** Why a contender (or one of its cells) has no figure. Shown as a dash with this reason. */
export interface Unavailable {
  readonly unavailable: string;
}

export const unavailable = (reason: string): Unavailable => ({ unavailable: reason });
export const isUnavailable = (x: unknown): x is Unavailable =>
  typeof x === 'object' && x !== null && typeof (x as { unavailable?: unknown }).unavailable === 'string';

/** One prepared case: inputs built, ready to be timed. */
export interface BenchCase {
  /** One timed run; returns the result (forced: no lazy work may remain). */
  run(): unknown;
  /** The checksum of a result of `run` (`weightedChecksum` of array results, the value of scalars). */
  checksum(result: unknown): number;
  /** Releases the inputs (large arrays) after the case. */
  dispose?(): void;
}

export interface LoadedContender {
  /** Version of the library measured (or of Node for plain loops). */
  readonly version: string;
  /** Relative tolerance of the result check against NumPy's float64 checksum. */
  readonly rtol: number;
  prepare(spec: CaseSpec, sizes: Sizes): BenchCase | Unavailable;
}

export interface Contender {
  readonly id: ContenderId;
  readonly label: string;
  /** A note shown under the table (dtype caveats, how the contender is used). */
  readonly note?: string;
  load(): Promise<LoadedContender | Unavailable>;
}

/** Float64 results are compared to 1e-9 relative: summation order may differ, nothing else. */
export const F64_RTOL = 1e-9;
