/**
 * The fixed workloads of `ndbridge bench` (issue 7). Sizes are fixed; `Sizes` exists only so the test
 * suite can run the same code end to end on tiny inputs. The CLI never exposes it.
 */

export const WORKLOAD_IDS = [
  'add',
  'iterate',
  'convolve-loops',
  'convolve-slices',
  'sum',
  'std',
  'hypot',
  'mean',
  'sum-ab',
  'matmul',
  'copy-fresh',
  'copy-reused',
  'asarray-to-numpy',
  'asarray-from-numpy',
] as const;
export type WorkloadId = (typeof WORKLOAD_IDS)[number];

/** Every size a workload uses. */
export interface Sizes {
  /** Elements of the 1-D streaming workloads (add, iterate, sum, std, hypot, copy). */
  readonly n: number;
  /** Side of the square convolution image. */
  readonly image: number;
  /** Side of the square convolution kernel. */
  readonly kernel: number;
  /** Side of the square matmul operands. */
  readonly matmul: number;
  /** Element counts of the asarray workloads. */
  readonly asarray: readonly number[];
}

export const FIXED_SIZES: Sizes = {
  n: 10_000_000,
  image: 200,
  kernel: 9,
  matmul: 502,
  asarray: [1_000, 1_000_000, 10_000_000],
};

export interface Workload {
  readonly id: WorkloadId;
  /** What is computed, in NumPy notation, with the sizes filled in. */
  describe(sizes: Sizes): string;
}

const fmt = (n: number): string => {
  const exp = Math.log10(n);
  return Number.isInteger(exp) && exp >= 3 ? `1e${exp}` : String(n);
};

export const WORKLOADS: readonly Workload[] = [
  { id: 'add', describe: (s) => `a+a+a+a+a, a = zeros(${fmt(s.n)}) float64, new result` },
  { id: 'iterate', describe: (s) => `sum of a.get(i) (a[i] in Python) over all ${fmt(s.n)} elements, one at a time` },
  {
    id: 'convolve-loops',
    describe: (s) => `2-D convolution ${s.image}x${s.image} image, ${s.kernel}x${s.kernel} kernel, valid, element loops`,
  },
  {
    id: 'convolve-slices',
    describe: (s) =>
      `same convolution as a sum of ${s.kernel * s.kernel} shifted slices k[u,v]*img[u:u+m, v:v+m]`,
  },
  { id: 'sum', describe: (s) => `sum(a), ${fmt(s.n)} float64` },
  { id: 'std', describe: (s) => `std(a) (ddof 0), ${fmt(s.n)} float64` },
  { id: 'hypot', describe: (s) => `sqrt(a*a+b*b), ${fmt(s.n)} float64, new result` },
  { id: 'mean', describe: (s) => `mean(a), ${fmt(s.n)} float64 (issue 3 row)` },
  { id: 'sum-ab', describe: (s) => `sum(a*b), ${fmt(s.n)} float64 (issue 3 row)` },
  { id: 'matmul', describe: (s) => `${s.matmul}x${s.matmul} @ ${s.matmul}x${s.matmul} float64` },
  { id: 'copy-fresh', describe: (s) => `copy ${fmt(s.n)} float64 into a fresh buffer (memory-copy limit)` },
  { id: 'copy-reused', describe: (s) => `copy ${fmt(s.n)} float64 into a reused buffer (memory-copy limit)` },
  {
    id: 'asarray-to-numpy',
    describe: (s) => `fast -> NumPy asarray at ${s.asarray.map(fmt).join(', ')} elements (NumPy column: a copy)`,
  },
  {
    id: 'asarray-from-numpy',
    describe: (s) => `NumPy -> fast asarray at ${s.asarray.map(fmt).join(', ')} elements (NumPy column: a copy)`,
  },
];

/**
 * A measured case: one workload at one size. Most workloads have one case; asarray has one per size.
 */
export interface CaseSpec {
  readonly workload: WorkloadId;
  /** Unique key: the workload id, with `@size` for the asarray sizes. */
  readonly key: string;
  readonly label: string;
  /** For asarray: the element count; otherwise unused. */
  readonly size: number;
}

export function casesOf(workloads: readonly WorkloadId[], sizes: Sizes): CaseSpec[] {
  const out: CaseSpec[] = [];
  for (const w of WORKLOADS) {
    if (!workloads.includes(w.id)) continue;
    if (w.id === 'asarray-to-numpy' || w.id === 'asarray-from-numpy') {
      for (const n of sizes.asarray) {
        out.push({ workload: w.id, key: `${w.id}@${fmt(n)}`, label: `${w.id} ${fmt(n)}`, size: n });
      }
    } else {
      out.push({ workload: w.id, key: w.id, label: w.id, size: 0 });
    }
  }
  return out;
}

/**
 * The deterministic input data every contender (and the Python script) builds identically:
 * element i is (i mod m) / m, a value NumPy computes as `np.arange(n) % m / m` with the same rounding.
 */
export function pattern(n: number, m: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (i % m) / m;
  return out;
}

/** The moduli of the inputs, shared with bench/numpy_workloads.py. */
export const INPUT_MODULI = {
  /** `a` of iterate, sum, std, hypot, copy; the image of convolve; A of matmul. */
  a: 1000,
  /** `b` of hypot; B of matmul. */
  b: 997,
  /** The convolution kernel (kernel*kernel elements). */
  kernel: 81,
} as const;

/** The output side of the valid convolution. */
export const convolveOutSide = (s: Sizes): number => s.image - s.kernel + 1;
