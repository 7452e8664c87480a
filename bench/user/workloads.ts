/**
 * The user-style workloads of `ndbridge bench` (issue 12): what people write. Every timed run makes a
 * fresh result, nothing is disposed, and the loop never yields to the event loop (bench/user/measure.ts).
 * Sizes are fixed; `UserSizes` exists only so the tests can run the same code on tiny inputs.
 */

/** Element counts of the per-op rows (per-op cost at the small end, throughput at the large end). */
export const OP_SIZES = [100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000] as const;

export interface UserSizes {
  /** Element counts of the add/chain3/sum rows. */
  readonly ops: readonly number[];
  /** Side of the small square arrays (50 in the targets). */
  readonly small: number;
  /** Game of Life: [side, steps] of the small and the large board. */
  readonly lifeSmall: readonly [number, number];
  readonly lifeLarge: readonly [number, number];
  /** Elements of the x**3 rows (numpy-100 #92) and of the moving average. */
  readonly vector: number;
  /** Rows and columns of the softmax/logsumexp input. */
  readonly rows: readonly [number, number];
  /** k-means step: points, dimensions, clusters. */
  readonly kmeans: readonly [number, number, number];
  /** Pairwise distances: points, dimensions. */
  readonly pairwise: readonly [number, number];
  /** Moving average window. */
  readonly window: number;
  /** Elements of the whole-array streaming rows (a+a+a+a+a, hypot, mean). */
  readonly stream: number;
}

export const USER_SIZES: UserSizes = {
  ops: OP_SIZES,
  small: 50,
  lifeSmall: [50, 100],
  lifeLarge: [500, 20],
  vector: 1_000_000,
  rows: [1000, 100],
  kmeans: [10_000, 3, 8],
  pairwise: [500, 3],
  window: 10,
  stream: 10_000_000,
};

/** The moduli of the inputs (element i of an input is (i mod m) / m), shared with bench/numpy_user.py. */
export const USER_MODULI = { a: 1000, b: 997 } as const;

/** The workload families; `add`, `chain3` and `sum` have one case per element count. */
export const USER_WORKLOAD_IDS = [
  'u-add',
  'u-chain3',
  'u-sum',
  'u-add-small',
  'u-add-small-dispose',
  'u-add-small-scope',
  'u-chain3-small',
  'u-sum-small',
  'u-mask-read',
  'u-mask-write',
  'u-life-small',
  'u-life-large',
  'u-cube-pow',
  'u-cube-mul',
  'u-cube-einsum',
  'u-pow-float',
  'u-softmax',
  'u-logsumexp',
  'u-kmeans',
  'u-pairwise',
  'u-moving-avg',
  'u-add5',
  'u-hypot',
  'u-mean',
] as const;
export type UserWorkloadId = (typeof USER_WORKLOAD_IDS)[number];

/** Group headings of the user-style table, in order. */
export const USER_GROUPS = ['per-op cost and throughput', 'small arrays', 'whole programs', 'streaming with fresh results'] as const;
export type UserGroup = (typeof USER_GROUPS)[number];

export const fmtCount = (n: number): string => {
  const exp = Math.log10(n);
  return Number.isInteger(exp) && exp >= 2 ? `1e${exp}` : String(n);
};

interface UserWorkload {
  readonly id: UserWorkloadId;
  readonly group: UserGroup;
  /** Whether it has one case per element count of `sizes.ops`. */
  readonly perSize?: true;
  /** The row label (size filled in for per-size workloads). */
  label(s: UserSizes, n: number): string;
  /** What is computed, in NumPy notation. */
  describe(s: UserSizes, n: number): string;
}

const sq = (s: UserSizes): string => `${s.small}x${s.small}`;

export const USER_WORKLOADS: readonly UserWorkload[] = [
  { id: 'u-add', group: 'per-op cost and throughput', perSize: true, label: (_, n) => `a+b ${fmtCount(n)}`, describe: (_, n) => `a + b, ${fmtCount(n)} float64, fresh result` },
  {
    id: 'u-chain3',
    group: 'per-op cost and throughput',
    perSize: true,
    label: (_, n) => `(a+b)*a-b ${fmtCount(n)}`,
    describe: (_, n) => `(a + b) * a - b (3 element-wise ops), ${fmtCount(n)} float64, fresh result`,
  },
  { id: 'u-sum', group: 'per-op cost and throughput', perSize: true, label: (_, n) => `sum ${fmtCount(n)}`, describe: (_, n) => `a.sum(), ${fmtCount(n)} float64` },
  { id: 'u-add-small', group: 'small arrays', label: (s) => `a+b ${sq(s)}`, describe: (s) => `a + b on ${sq(s)} float64, fresh result, one element read` },
  {
    id: 'u-add-small-dispose',
    group: 'small arrays',
    label: (s) => `a+b ${sq(s)} disposed`,
    describe: (s) => `the same add, its result disposed at once (fast: dispose(); NumPy: del, which frees it)`,
  },
  {
    id: 'u-add-small-scope',
    group: 'small arrays',
    label: (s) => `a+b ${sq(s)} in a scope`,
    describe: () => 'the same add inside fast.scope(() => ...), which disposes it on the way out (NumPy: as the disposed row)',
  },
  { id: 'u-chain3-small', group: 'small arrays', label: (s) => `(a+b)*a-b ${sq(s)}`, describe: (s) => `(a + b) * a - b on ${sq(s)} float64, fresh result` },
  { id: 'u-sum-small', group: 'small arrays', label: (s) => `sum ${sq(s)}`, describe: (s) => `a.sum() on ${sq(s)} float64` },
  { id: 'u-mask-read', group: 'small arrays', label: (s) => `a[mask] ${sq(s)}`, describe: (s) => `a[a > 0.5] on ${sq(s)} float64 (fast: a.at(mask))` },
  {
    id: 'u-mask-write',
    group: 'small arrays',
    label: (s) => `z[mask] = 1 ${sq(s)}`,
    describe: (s) => `z[mask] = 1 on ${sq(s)} float64, mask precomputed (fast: z.set(mask, 1))`,
  },
  {
    id: 'u-life-small',
    group: 'whole programs',
    label: (s) => `Game of Life ${s.lifeSmall[0]}x${s.lifeSmall[0]}, ${s.lifeSmall[1]} steps`,
    describe: () => `numpy-100 #88: neighbour count from 8 shifted slices, birth/survive masks, Z[...] = 0, Z[1:-1,1:-1][birth|survive] = 1; float64 board`,
  },
  {
    id: 'u-life-large',
    group: 'whole programs',
    label: (s) => `Game of Life ${s.lifeLarge[0]}x${s.lifeLarge[0]}, ${s.lifeLarge[1]} steps`,
    describe: () => 'the same program on the large board',
  },
  { id: 'u-cube-pow', group: 'whole programs', label: (s) => `x**3 ${fmtCount(s.vector)}`, describe: (s) => `numpy-100 #92, way 1: np.power(x, 3), ${fmtCount(s.vector)} float64` },
  { id: 'u-cube-mul', group: 'whole programs', label: (s) => `x*x*x ${fmtCount(s.vector)}`, describe: () => 'numpy-100 #92, way 2: x*x*x' },
  { id: 'u-cube-einsum', group: 'whole programs', label: (s) => `einsum x³ ${fmtCount(s.vector)}`, describe: () => "numpy-100 #92, way 3: np.einsum('i,i,i->i', x, x, x)" },
  { id: 'u-pow-float', group: 'whole programs', label: (s) => `x**2.5 ${fmtCount(s.vector)}`, describe: () => 'np.power(x, 2.5)' },
  {
    id: 'u-softmax',
    group: 'whole programs',
    label: (s) => `softmax rows ${s.rows[0]}x${s.rows[1]}`,
    describe: () => 'e = exp(x - x.max(axis=1, keepdims=True)); e / e.sum(axis=1, keepdims=True)',
  },
  {
    id: 'u-logsumexp',
    group: 'whole programs',
    label: (s) => `logsumexp rows ${s.rows[0]}x${s.rows[1]}`,
    describe: () => 'm = x.max(axis=1, keepdims=True); m[:, 0] + log(exp(x - m).sum(axis=1))',
  },
  {
    id: 'u-kmeans',
    group: 'whole programs',
    label: (s) => `k-means step ${s.kmeans[0]}x${s.kmeans[1]}, k=${s.kmeans[2]}`,
    describe: () =>
      'd = ((X[:, None, :] - C[None, :, :])**2).sum(-1); lab = d.argmin(1); new C[j] = X[lab == j].mean(0) for each cluster',
  },
  {
    id: 'u-pairwise',
    group: 'whole programs',
    label: (s) => `pairwise distances ${s.pairwise[0]}x${s.pairwise[1]}`,
    describe: () => 'sqrt(((X[:, None, :] - X[None, :, :])**2).sum(-1))',
  },
  {
    id: 'u-moving-avg',
    group: 'whole programs',
    label: (s) => `moving average ${fmtCount(s.vector)}, n=${s.window}`,
    describe: () => 'numpy-100 #75: r = cumsum(a); r[n:] = r[n:] - r[:-n]; r[n-1:] / n',
  },
  { id: 'u-add5', group: 'streaming with fresh results', label: (s) => `a+a+a+a+a ${fmtCount(s.stream)}`, describe: (s) => `a = zeros(${fmtCount(s.stream)}); a+a+a+a+a, fresh result` },
  { id: 'u-hypot', group: 'streaming with fresh results', label: (s) => `sqrt(a*a+b*b) ${fmtCount(s.stream)}`, describe: () => 'sqrt(a*a + b*b), fresh result' },
  { id: 'u-mean', group: 'streaming with fresh results', label: (s) => `mean ${fmtCount(s.stream)}`, describe: () => 'a.mean()' },
];

/** One measured case of the user-style table. */
export interface UserCaseSpec {
  readonly workload: UserWorkloadId;
  /** Unique key: the workload id, with `@1eN` for the per-size rows. */
  readonly key: string;
  readonly group: UserGroup;
  readonly label: string;
  readonly description: string;
  /** Element count of the per-size rows; 0 otherwise. */
  readonly size: number;
}

export function userCasesOf(workloads: readonly UserWorkloadId[], s: UserSizes): UserCaseSpec[] {
  const out: UserCaseSpec[] = [];
  for (const group of USER_GROUPS) {
    for (const w of USER_WORKLOADS) {
      if (w.group !== group || !workloads.includes(w.id)) continue;
      for (const n of w.perSize ? s.ops : [0]) {
        out.push({
          workload: w.id,
          key: w.perSize ? `${w.id}@${fmtCount(n)}` : w.id,
          group: w.group,
          label: w.label(s, n),
          description: w.describe(s, n),
          size: n,
        });
      }
    }
  }
  return out;
}

/**
 * The Game of Life's first board, built identically in Python: cell i (C order) is alive when the
 * top three bits of (i * 2654435761) mod 2^32 are below 3 (about 3 cells in 8).
 */
export function lifeBoard(side: number): Float64Array {
  const z = new Float64Array(side * side);
  for (let i = 0; i < z.length; i++) z[i] = Math.imul(i, 2654435761 | 0) >>> 29 < 3 ? 1 : 0;
  return z;
}
