/** Summary statistics of repeated timings. */

export interface Summary {
  /** Median of the samples, milliseconds. */
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Number of timed repetitions (warm-up runs excluded). */
  readonly reps: number;
}

/** The median: the middle sample, or the mean of the two middle samples for an even count. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('median of no samples: measure at least one repetition');
  const s = [...samples].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError('summarize: no samples; measure at least one repetition');
  for (const x of samples) {
    if (!Number.isFinite(x) || x < 0) throw new RangeError(`summarize: sample ${x} is not a finite non-negative time`);
  }
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), reps: samples.length };
}

/**
 * How many times faster the contender is than the reference (reference median / contender median):
 * 2 means twice as fast, 0.5 half as fast. Undefined when either figure is missing.
 */
export function speedup(reference: number | undefined, contender: number | undefined): number | undefined {
  if (reference === undefined || contender === undefined) return undefined;
  if (contender <= 0) return undefined;
  return reference / contender;
}

/** The checksum of an array result: sum of x[i] * (1 + i mod 7) in C order (the same formula runs in Python). */
export function weightedChecksum(data: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < data.length; i++) s += data[i] * (1 + (i % 7));
  return s;
}

/** Whether two checksums agree to a relative tolerance (absolute near zero). */
export function checksumsAgree(expected: number, actual: number, rtol: number): boolean {
  if (Number.isNaN(expected) || Number.isNaN(actual)) return false;
  const scale = Math.max(1, Math.abs(expected), Math.abs(actual));
  return Math.abs(expected - actual) <= rtol * scale;
}
