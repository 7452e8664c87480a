/**
 * User-style timing: one synchronous loop, as a program runs. Every run makes a fresh result and
 * drops the previous one; nothing is disposed by the harness and the event loop never gets a turn,
 * so finalizers cannot recycle memory and garbage collection lands on the clock, as it does for users.
 * Fast runs are timed in batches (one sample = one batch's time / its runs) so that microsecond runs
 * are measured above the timer's resolution. bench/numpy_user.py implements the same policy.
 */
import { performance } from 'node:perf_hooks';
import { z } from 'zod';

export const UserPolicySchema = z.object({
  /** Untimed runs (whole batches) for at least this long first, and at least one run. */
  warmupMs: z.number().nonnegative(),
  /** A batch repeats the run until it lasts at least this long (microsecond runs). */
  batchMs: z.number().positive(),
  minReps: z.number().int().positive(),
  maxReps: z.number().int().positive(),
  /** Keep taking samples (up to maxReps) until they add up to this many milliseconds. */
  budgetMs: z.number().nonnegative(),
});
export type UserPolicy = z.infer<typeof UserPolicySchema>;

export const USER_FULL_POLICY: UserPolicy = { warmupMs: 150, batchMs: 5, minReps: 5, maxReps: 25, budgetMs: 500 };
export const USER_QUICK_POLICY: UserPolicy = { warmupMs: 20, batchMs: 2, minReps: 3, maxReps: 5, budgetMs: 60 };

export interface UserMeasurement {
  /** Milliseconds per run, one per batch. */
  readonly samples: number[];
  /** Runs per batch. */
  readonly batch: number;
  readonly last: unknown;
}

/** Times `fn` per the policy; the loop is synchronous from the first warm-up run to the last sample. */
export function measureUser(fn: () => unknown, policy: UserPolicy): UserMeasurement {
  let last: unknown;
  // warm-up, and the batch size from the warm-up's speed
  let runs = 0;
  const w0 = performance.now();
  let elapsed = 0;
  do {
    last = fn();
    runs++;
    elapsed = performance.now() - w0;
  } while (elapsed < policy.warmupMs && runs < 1_000_000);
  const perRun = elapsed / runs;
  const batch = Math.max(1, Math.min(1_000_000, Math.ceil(policy.batchMs / Math.max(perRun, 1e-6))));
  const samples: number[] = [];
  let total = 0;
  while (samples.length < policy.maxReps && (samples.length < policy.minReps || total < policy.budgetMs)) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) last = fn();
    const dt = performance.now() - t0;
    samples.push(dt / batch);
    total += dt;
  }
  return { samples, batch, last };
}
