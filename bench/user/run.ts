/**
 * The user-style table: case by case, NumPy in CPython first (the same subprocess as the
 * recycled-memory table), then fast, then the plain-JS floor where there is one, one after another.
 * Every figure is checked against NumPy's result (checksum of the values) before it is reported.
 */
import type { BenchCase, ContenderId, Unavailable } from '../contender.js';
import { isUnavailable, F64_RTOL } from '../contender.js';
import { collectGarbage } from '../gc.js';
import type { NumpyWorker } from '../numpy-cpython.js';
import type { Cell, UserSection } from '../report.js';
import { checksumsAgree, speedup, summarize } from '../stats.js';
import { prepareFastUser, prepareFloorUser } from './contenders.js';
import { measureUser, type UserPolicy } from './measure.js';
import { userCasesOf, type UserCaseSpec, type UserSizes, type UserWorkloadId } from './workloads.js';

/** The JavaScript columns of the user-style table. */
export const USER_CONTENDERS = ['fast', 'float64array'] as const;
export type UserContenderId = (typeof USER_CONTENDERS)[number];

const PREPARE: Record<UserContenderId, (spec: UserCaseSpec, s: UserSizes) => BenchCase | Unavailable> = {
  fast: prepareFastUser,
  float64array: prepareFloorUser,
};

/**
 * Tolerance of the result check. The floor sums left to right (NumPy sums pairwise): over 1e7
 * elements the two orders differ by up to ~1e-9 relative, so its scalar rows get a wider one.
 */
const RTOL: Record<UserContenderId, number> = { fast: F64_RTOL, float64array: 1e-7 };

export interface UserBenchConfig {
  readonly workloads: readonly UserWorkloadId[];
  readonly contenders: readonly UserContenderId[];
  readonly policy: UserPolicy;
  readonly sizes: UserSizes;
  readonly log: (line: string) => void;
  readonly fmt: (ms: number) => string;
}

const errorText = (err: unknown): string => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));

function measureJs(id: UserContenderId, spec: UserCaseSpec, cfg: UserBenchConfig, reference: { median: number; checksum: number } | undefined): Cell {
  let prepared: BenchCase | Unavailable;
  try {
    prepared = PREPARE[id](spec, cfg.sizes);
  } catch (err) {
    return { contender: id, status: 'error', reason: `preparing the inputs failed: ${errorText(err)}` };
  }
  if (isUnavailable(prepared)) return { contender: id, status: 'unavailable', reason: prepared.unavailable };
  try {
    const m = measureUser(() => prepared.run(), cfg.policy);
    const checksum = prepared.checksum(m.last);
    if (reference && !checksumsAgree(reference.checksum, checksum, RTOL[id])) {
      return { contender: id, status: 'wrong', reason: `result check failed: checksum ${checksum} vs NumPy ${reference.checksum} (rtol ${RTOL[id]})` };
    }
    const s = summarize(m.samples);
    const ratio = speedup(reference?.median, s.median);
    return { contender: id, status: 'ok', ...s, samples: m.samples, ...(ratio === undefined ? {} : { speedup: ratio }), checksum, checked: reference !== undefined, cold: false };
  } catch (err) {
    return { contender: id, status: 'error', reason: errorText(err) };
  }
}

export async function runUserBench(numpy: NumpyWorker | string, cfg: UserBenchConfig): Promise<UserSection> {
  const cases: UserSection['cases'] = [];
  for (const spec of userCasesOf(cfg.workloads, cfg.sizes)) {
    const cells: Cell[] = [];
    let reference: { median: number; checksum: number } | undefined;
    if (typeof numpy === 'string') cells.push({ contender: 'numpy', status: 'unavailable', reason: numpy });
    else {
      const r = await numpy.runUserCase(spec, cfg.sizes, cfg.policy);
      if ('samples' in r) {
        const s = summarize(r.samples);
        cells.push({ contender: 'numpy', status: 'ok', ...s, samples: r.samples, speedup: 1, checksum: r.checksum, checked: true, cold: false });
        reference = { median: s.median, checksum: r.checksum };
      } else cells.push({ contender: 'numpy', status: 'error', reason: r.error });
    }
    const np = cells[0];
    cfg.log(`[user ${spec.label}] numpy: ${np.status === 'ok' ? cfg.fmt(np.median) : `- ${np.reason}`}`);
    for (const id of USER_CONTENDERS) {
      if (!cfg.contenders.includes(id)) continue;
      collectGarbage(); // the previous cell's garbage is not collected on this cell's clock
      const cell = measureJs(id, spec, cfg, reference);
      cells.push(cell);
      cfg.log(
        `[user ${spec.label}] ${id}: ${
          cell.status === 'ok' ? `${cfg.fmt(cell.median)}${cell.speedup === undefined ? '' : ` (${cell.speedup.toPrecision(3)}x NumPy)`}` : `- ${cell.reason}`
        }`,
      );
    }
    cases.push({ key: spec.key, workload: spec.workload, group: spec.group, label: spec.label, description: spec.description, cells });
  }
  return { policy: { ...cfg.policy }, cases };
}

export const isUserContender = (id: ContenderId): id is UserContenderId => (USER_CONTENDERS as readonly string[]).includes(id);
