/**
 * The performance targets of DESIGN.md ("Performance") and issue 12 that the user-style table measures,
 * as data, and their verdicts computed from one report: met or missed, and for a missed one the
 * figures that show by how much, the plain-JS floor of the same run where the table has one (a loop
 * into a fresh Float64Array: what any JS library pays at least) and the measured reason (profiles of
 * the workload, recorded in `reason`). Nothing here is a timing: every figure comes from the report.
 */
import type { Cell, UserSection } from '../report.js';
import { formatMs, formatRatio } from '../render/common.js';

export interface UserTarget {
  /** What DESIGN.md's table names. */
  readonly what: string;
  /** Case keys of the user-style table (the workload id, `@1eN` for per-size rows). */
  readonly cases: readonly string[];
  /** NumPy time / fast time must be at least this. */
  readonly minSpeedup: number;
  /** fast time / plain-JS floor time must be at most this (where the floor column has the case). */
  readonly maxOverFloor?: number;
  /** Why fast misses it where it does: what its profile showed (measured, not computed here). */
  readonly reason: string;
}

/** What limits a fresh-result floor: V8 allocates and zero-fills one ArrayBuffer per result. */
export const FLOOR_REASON =
  'a fresh ArrayBuffer per result (V8: 1.2-4.7 us for 65 B to 20 KB against 0.09 us for 64 B kept in its heap; page faults on large ones; fast carves results of up to 32 KiB from shared 64 KiB slabs instead, so it can beat this floor)';

/** The floor loops that are not a fresh-result loop (bench/user/contenders.ts, prepareFloorUser). */
const FLOOR_REASONS: Readonly<Record<string, string>> = {
  'u-add-small-dispose': 'the add into one reused buffer (no allocation)',
  'u-add-small-scope': 'the add into one reused buffer (no allocation)',
  'u-sum@1e7': 'one accumulator, left to right (NumPy: 8 accumulators, pairwise, SIMD)',
  'u-mean': 'one accumulator, left to right (NumPy: 8 accumulators, pairwise, SIMD)',
  'u-sum-small': 'one accumulator, left to right',
  'u-softmax': 'Math.exp per element (scalar libm; NumPy vectorises exp)',
  'u-logsumexp': 'Math.exp per element (scalar libm; NumPy vectorises exp)',
  'u-pow-float': 'Math.pow per element (scalar libm)',
  'u-life-small': 'one fused scalar pass per step into a fresh board',
  'u-life-large': 'one fused scalar pass per step into a fresh board (NumPy: some 20 vectorised passes)',
};

export const USER_TARGETS: readonly UserTarget[] = [
  {
    what: 'one element-wise op on 50x50',
    cases: ['u-add-small'],
    minSpeedup: 1 / 8,
    maxOverFloor: 1.5,
    reason: 'the fresh result (a 20 KB piece of a 64 KiB slab: three per slab, so a slab allocation every third run) plus the fixed cost of one lazy node, one kernel look-up and the FastArray and storage objects',
  },
  {
    what: 'one op on 50x50, disposed or in a scope (issue 12)',
    cases: ['u-add-small-dispose', 'u-add-small-scope'],
    minSpeedup: 1 / 2.5,
    reason: 'the same fixed cost per op, without the allocation (the buffer is recycled)',
  },
  { what: 'chain of 3 ops, 50x50', cases: ['u-chain3-small'], minSpeedup: 1 / 2.5, reason: 'fixed cost of three lazy nodes and one fused kernel call' },
  {
    what: 'sum, 50x50',
    cases: ['u-sum-small'],
    minSpeedup: 1 / 2,
    reason: "NumPy's pairwise kernel (8 accumulators, its rounding order) about 1.1 us of 2,500 elements without SIMD, and the call around it: result storage, the 0-d array, item() (node --cpu-prof: kernel 44%)",
  },
  {
    what: 'masked read or write, 50x50',
    cases: ['u-mask-read', 'u-mask-write'],
    minSpeedup: 1 / 3,
    reason:
      'a[mask]: the mask is a compare kernel into a fresh bool array (18%), then one branchy gather pass into reused scratch and one copy into the result (32%), slab allocation 11% (node --cpu-prof --no-turbo-inlining); z[mask] = 1: one branchy pass over the mask (branch-free selects measured 4x slower)',
  },
  {
    what: 'pow(x, 3), pow(x, 2.5)',
    cases: ['u-cube-pow', 'u-pow-float'],
    minSpeedup: 1,
    reason:
      'pow(x, 3) is x*x*x and pow(x, 2.5) x*x*sqrt(x), one fused scalar loop each; the fresh 8 MB result dominates and varies with when V8 collects: one in-process run gave pow(x, 3) 1.13 ms min / 1.96 ms median and x.mul(x).mul(x) 1.17 / 6.97 ms; NumPy frees each result at once (reference counting) and glibc hands the same block back',
  },
  {
    what: 'softmax rows',
    cases: ['u-softmax'],
    minSpeedup: 1,
    reason: 'exp is computed twice per element: inside the row sums and again in the division (a lazy array is recomputed per use; materialising it for the sums measured 2.3 -> 1.55 ms here but slowed logsumexp 0.85 -> 1.22 ms)',
  },
  {
    what: 'Game of Life 50x50 and 500x500',
    cases: ['u-life-small', 'u-life-large'],
    minSpeedup: 1,
    reason:
      '50x50: about 55 us of fixed cost per step (9 views, 16 lazy nodes, one fused kernel over 9 shifted views, the masked write); 500x500 per step: the fused kernel 2.4 ms (data-dependent branches of the rule), the copy of the board kept for the lazy readers at Z[...] = 0 into fresh memory 1 ms, the masked write 0.7 ms (node --cpu-prof)',
  },
  {
    what: 'streaming work on 1e7, fresh results',
    cases: ['u-add@1e7', 'u-chain3@1e7', 'u-sum@1e7', 'u-hypot', 'u-mean'],
    minSpeedup: 1,
    reason:
      'a+b on 1e7 into a reused buffer: 9.4 ms against NumPy out= 6.3 ms (a scalar loop; JS has no SIMD), and the fresh result adds 15.8 ms against NumPy\'s 11.9 (huge-page faults on both sides); sums keep NumPy\'s pairwise order bit for bit, in 128-element blocks',
  },
  { what: 'a+a+a+a+a on 1e7, fresh result', cases: ['u-add5'], minSpeedup: 1.2, reason: 'the fresh 80 MB result (page faults) and the scalar loop' },
];

export type Verdict =
  | { readonly status: 'met'; readonly key: string; readonly label: string; readonly text: string }
  | { readonly status: 'missed'; readonly key: string; readonly label: string; readonly text: string }
  | { readonly status: 'not measured'; readonly key: string; readonly label: string; readonly text: string };

export interface TargetVerdicts {
  readonly target: UserTarget;
  readonly verdicts: readonly Verdict[];
}

const ok = (c: Cell | undefined): (Cell & { status: 'ok' }) | undefined => (c?.status === 'ok' ? c : undefined);
const need = (r: number): string => (r >= 1 ? formatRatio(r) : `1/${+(1 / r).toFixed(2)}`);

/** The verdict of one case against one target. */
export function verdictOf(target: UserTarget, row: UserSection['cases'][number]): Verdict {
  const base = { key: row.key, label: row.label };
  const fast = ok(row.cells.find((c) => c.contender === 'fast'));
  const np = ok(row.cells.find((c) => c.contender === 'numpy'));
  if (fast === undefined || np === undefined) return { ...base, status: 'not measured', text: 'no fast or NumPy figure in this run' };
  const floor = ok(row.cells.find((c) => c.contender === 'float64array'));
  const speedup = np.median / fast.median;
  const misses: string[] = [];
  if (speedup < target.minSpeedup) misses.push(`${formatRatio(speedup)} NumPy, target ${need(target.minSpeedup)}`);
  const overFloor = floor === undefined ? undefined : fast.median / floor.median;
  if (target.maxOverFloor !== undefined && overFloor !== undefined && overFloor > target.maxOverFloor) {
    misses.push(`${overFloor.toFixed(2)}x the plain-JS floor, target ${target.maxOverFloor}x`);
  }
  const figures = `fast ${formatMs(fast.median)} = ${formatRatio(speedup)} NumPy (${formatMs(np.median)})`;
  if (misses.length === 0) return { ...base, status: 'met', text: figures };
  let limit: string;
  if (floor === undefined) limit = `measured reason: ${target.reason}`;
  else {
    const floorSpeedup = np.median / floor.median;
    const floorText = `plain-JS floor ${formatMs(floor.median)} = ${formatRatio(floorSpeedup)} NumPy: ${FLOOR_REASONS[row.key] ?? FLOOR_REASON}`;
    if (speedup >= floorSpeedup) limit = `fast beats the ${floorText}; what remains: ${target.reason}`;
    else if (floorSpeedup < target.minSpeedup) limit = `limited by the floor (${floorText}), under the target itself; fast is ${overFloor!.toFixed(2)}x it: ${target.reason}`;
    else limit = `${floorText}; fast is ${overFloor!.toFixed(2)}x it: ${target.reason}`;
  }
  return { ...base, status: 'missed', text: `${figures}; missed: ${misses.join('; ')}; ${limit}` };
}

/** Every target with a case in the report, and its verdicts. */
export function userVerdicts(user: UserSection | undefined, targets: readonly UserTarget[] = USER_TARGETS): TargetVerdicts[] {
  if (user === undefined) return [];
  const out: TargetVerdicts[] = [];
  for (const target of targets) {
    const rows = user.cases.filter((c) => target.cases.includes(c.key));
    if (rows.length > 0) out.push({ target, verdicts: rows.map((r) => verdictOf(target, r)) });
  }
  return out;
}

/** Lines for the renderers: one per case, `met`/`MISSED` first. */
export function verdictLines(user: UserSection | undefined): string[] {
  return userVerdicts(user).flatMap(({ target, verdicts }) =>
    verdicts.map((v) => `${v.status === 'met' ? 'met' : v.status === 'missed' ? 'MISSED' : 'not measured'}: ${target.what} (${v.label}): ${v.text}`),
  );
}
