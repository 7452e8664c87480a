/**
 * Timing: warm-up runs, then repeated timed runs until both a minimum count and a time budget are
 * reached (or a maximum count). The same policy is implemented by bench/numpy_workloads.py.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

export interface RepPolicy {
  /** Untimed runs first (JIT warm-up, page faults of first touches). */
  readonly warmup: number;
  readonly minReps: number;
  readonly maxReps: number;
  /** Keep repeating (up to maxReps) until the timed runs add up to this many milliseconds. */
  readonly budgetMs: number;
  /**
   * Quick mode: when the first warm-up run alone exceeds the budget, that (cold) run is the only
   * sample. Multi-second runs barely change with JIT warm-up, and this keeps --quick under a minute.
   */
  readonly coldSlowRun: boolean;
}

export const FULL_POLICY: RepPolicy = { warmup: 2, minReps: 5, maxReps: 30, budgetMs: 1500, coldSlowRun: false };
export const QUICK_POLICY: RepPolicy = { warmup: 1, minReps: 1, maxReps: 5, budgetMs: 150, coldSlowRun: true };

export interface Measurement {
  /** Milliseconds of each timed run. */
  readonly samples: number[];
  /** What the last run returned (used for the result check). */
  readonly last: unknown;
  /** True when the only sample is a cold first run (policy.coldSlowRun). */
  readonly cold: boolean;
}

/** Timed runs of a slow workload (one warm-up run longer than the whole budget). */
export const SLOW_REPS = 3;

/**
 * Runs `fn` per the policy. A slow workload (one warm-up run longer than the whole budget) gets a
 * single warm-up and at most SLOW_REPS timed runs, or (policy.coldSlowRun) just that one cold run.
 *
 * Between runs (outside the timed region) it yields one turn of the event loop, as any Node program
 * does between events: finalizers of dead objects get to run there (fast recycles the buffers of
 * collected arrays from them). Every contender gets the same turns; nothing is collected on purpose.
 */
export async function measure(fn: () => unknown, policy: RepPolicy): Promise<Measurement> {
  let last: unknown;
  let minReps = policy.minReps;
  for (let i = 0; i < policy.warmup; i++) {
    if (i > 0) await nextTurn();
    last = undefined; // the previous result is garbage before the next run starts (bench/numpy_workloads.py alike)
    const t0 = performance.now();
    last = fn();
    const dt = performance.now() - t0;
    if (dt > policy.budgetMs) {
      if (i === 0 && policy.coldSlowRun) return { samples: [dt], last, cold: true };
      minReps = Math.min(minReps, SLOW_REPS);
      break;
    }
  }
  const samples: number[] = [];
  let total = 0;
  while (samples.length < policy.maxReps && (samples.length < minReps || total < policy.budgetMs)) {
    await nextTurn();
    last = undefined;
    const t0 = performance.now();
    last = fn();
    const dt = performance.now() - t0;
    samples.push(dt);
    total += dt;
  }
  return { samples, last, cold: false };
}
