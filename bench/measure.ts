/**
 * Timing: warm-up runs, then repeated timed runs until both a minimum count and a time budget are
 * reached (or a maximum count). The same policy is implemented by bench/numpy_workloads.py.
 */
import { performance } from 'node:perf_hooks';

export interface RepPolicy {
  /** Untimed runs first (JIT warm-up, page faults of first touches). */
  readonly warmup: number;
  readonly minReps: number;
  readonly maxReps: number;
  /** Keep repeating (up to maxReps) until the timed runs add up to this many milliseconds. */
  readonly budgetMs: number;
}

export const FULL_POLICY: RepPolicy = { warmup: 2, minReps: 5, maxReps: 30, budgetMs: 1500 };
export const QUICK_POLICY: RepPolicy = { warmup: 1, minReps: 1, maxReps: 5, budgetMs: 150 };

export interface Measurement {
  /** Milliseconds of each timed run. */
  readonly samples: number[];
  /** What the last run returned (used for the result check). */
  readonly last: unknown;
}

/** Timed runs of a slow workload (one warm-up run longer than the whole budget). */
export const SLOW_REPS = 3;

/**
 * Runs `fn` per the policy. A slow workload (one warm-up run longer than the whole budget) gets a
 * single warm-up and at most SLOW_REPS timed runs.
 */
export function measure(fn: () => unknown, policy: RepPolicy): Measurement {
  let last: unknown;
  let minReps = policy.minReps;
  for (let i = 0; i < policy.warmup; i++) {
    const t0 = performance.now();
    last = fn();
    if (performance.now() - t0 > policy.budgetMs) {
      minReps = Math.min(minReps, SLOW_REPS);
      break;
    }
  }
  const samples: number[] = [];
  let total = 0;
  while (samples.length < policy.maxReps && (samples.length < minReps || total < policy.budgetMs)) {
    const t0 = performance.now();
    last = fn();
    const dt = performance.now() - t0;
    samples.push(dt);
    total += dt;
  }
  return { samples, last };
}
