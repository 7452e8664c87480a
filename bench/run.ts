/**
 * The harness: case by case, NumPy in CPython first (one long-lived subprocess, sent one case at a
 * time), then every JavaScript contender on the same case, one after another in this process, with
 * a full garbage collection before each. Nothing runs alongside anything else, and the figures of a
 * case are measured minutes apart at most, under the same machine load. Every figure is checked
 * against NumPy's result before it is reported.
 */
import os from 'node:os';
import { type BenchCase, type Contender, type ContenderId, isUnavailable, type LoadedContender } from './contender.js';
import { JS_CONTENDERS, NUMPY_LABEL, NUMPY_NOTE } from './contenders/index.js';
import { collectGarbage } from './gc.js';
import { EXCLUDED, nodeMachine, packageVersions } from './machine.js';
import { measure, type RepPolicy } from './measure.js';
import { type NumpyInfo, NumpyWorker } from './numpy-cpython.js';
import type { Cell, Report } from './report.js';
import { checksumsAgree, speedup, summarize } from './stats.js';
import type { UserPolicy } from './user/measure.js';
import { isUserContender, runUserBench } from './user/run.js';
import type { UserSizes, UserWorkloadId } from './user/workloads.js';
import { casesOf, WORKLOADS, type CaseSpec, type Sizes, type WorkloadId } from './workloads.js';

export interface BenchConfig {
  /** The user-style table (run first: the headline); absent or no workloads: not run. */
  readonly user?: { readonly workloads: readonly UserWorkloadId[]; readonly policy: UserPolicy; readonly sizes: UserSizes };
  /** Workloads of the recycled-memory table (may be empty). */
  readonly workloads: readonly WorkloadId[];
  /** NumPy is always run: it is the reference of the ratios. */
  readonly contenders: readonly ContenderId[];
  /** Contenders deliberately not run (--quick): listed in the report with the reason. */
  readonly skipped?: readonly ContenderId[];
  /** Cells deliberately not run (--quick): a dash with `skippedCellReason`. */
  readonly skippedCells?: Readonly<Partial<Record<ContenderId, readonly WorkloadId[]>>>;
  readonly skippedCellReason?: string;
  readonly policy: RepPolicy;
  readonly quick: boolean;
  readonly sizes: Sizes;
  /** The command line recorded in the report. */
  readonly command: string;
  readonly python?: string;
  /** Progress lines (the CLI writes them to stderr). */
  readonly log?: (line: string) => void;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

const errorText = (err: unknown): string => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));

function fmtMs(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(1)} µs`;
}

interface NumpyFigure {
  readonly median: number;
  readonly checksum: number;
}

async function measureCell(
  contender: Contender,
  loaded: LoadedContender,
  spec: CaseSpec,
  cfg: BenchConfig,
  reference: NumpyFigure | undefined,
): Promise<Cell> {
  let prepared: BenchCase | { unavailable: string };
  try {
    prepared = loaded.prepare(spec, cfg.sizes);
  } catch (err) {
    return { contender: contender.id, status: 'error', reason: `preparing the inputs failed: ${errorText(err)}` };
  }
  if (isUnavailable(prepared)) return { contender: contender.id, status: 'unavailable', reason: prepared.unavailable };
  const bc = prepared;
  try {
    const m = await measure(() => bc.run(), cfg.policy);
    const checksum = bc.checksum(m.last);
    if (reference && !checksumsAgree(reference.checksum, checksum, loaded.rtol)) {
      return {
        contender: contender.id,
        status: 'wrong',
        reason: `result check failed: checksum ${checksum} vs NumPy ${reference.checksum} (rtol ${loaded.rtol})`,
      };
    }
    const s = summarize(m.samples);
    const ratio = speedup(reference?.median, s.median);
    return {
      contender: contender.id,
      status: 'ok',
      ...s,
      samples: m.samples,
      ...(ratio === undefined ? {} : { speedup: ratio }),
      checksum,
      checked: reference !== undefined,
      cold: m.cold,
    };
  } catch (err) {
    return { contender: contender.id, status: 'error', reason: errorText(err) };
  } finally {
    bc.dispose?.();
  }
}

type NumpyState = { ok: true; worker: NumpyWorker; info: NumpyInfo } | { ok: false; reason: string };

/** NumPy's cell of a case, measured now in the subprocess, and the reference it gives the others. */
async function measureNumpy(
  numpy: NumpyState,
  spec: CaseSpec,
  cfg: BenchConfig,
): Promise<{ cell: Cell; reference: NumpyFigure | undefined }> {
  if (!numpy.ok) return { cell: { contender: 'numpy', status: 'unavailable', reason: numpy.reason }, reference: undefined };
  const r = await numpy.worker.runCase(spec, cfg.sizes, cfg.policy);
  if (!('samples' in r)) return { cell: { contender: 'numpy', status: 'error', reason: r.error }, reference: undefined };
  const s = summarize(r.samples);
  return {
    cell: { contender: 'numpy', status: 'ok', ...s, samples: r.samples, speedup: 1, checksum: r.checksum, checked: true, cold: r.cold },
    reference: { median: s.median, checksum: r.checksum },
  };
}

export async function runBench(cfg: BenchConfig): Promise<Report> {
  const log = cfg.log ?? (() => {});
  const cases = casesOf(cfg.workloads, cfg.sizes);
  const node = nodeMachine();
  const loadStart = os.loadavg()[0];

  const started = await NumpyWorker.start(cfg.python);
  const numpy: NumpyState = typeof started === 'string' ? { ok: false, reason: started } : { ok: true, ...started };
  if (!numpy.ok) log(`NumPy in CPython unavailable: ${numpy.reason}`);

  let user: Report['user'];
  if (cfg.user && cfg.user.workloads.length > 0) {
    try {
      user = await runUserBench(numpy.ok ? numpy.worker : numpy.reason, {
        ...cfg.user,
        contenders: cfg.contenders.filter(isUserContender),
        log,
        fmt: fmtMs,
      });
    } catch (err) {
      if (numpy.ok) numpy.worker.close();
      throw err;
    }
  }

  const selected = cases.length === 0 ? [] : JS_CONTENDERS.filter((c) => cfg.contenders.includes(c.id));
  const loaded = new Map<ContenderId, LoadedContender | { unavailable: string }>();
  for (const c of selected) {
    try {
      loaded.set(c.id, await c.load());
    } catch (err) {
      loaded.set(c.id, { unavailable: `failed to load: ${errorText(err)}` });
    }
    const l = loaded.get(c.id);
    if (l && isUnavailable(l)) log(`${c.label}: ${l.unavailable}`);
  }

  const caseReports: Report['cases'] = [];
  try {
    for (const spec of cases) {
      const numpyCell = await measureNumpy(numpy, spec, cfg);
      const cells: Cell[] = [numpyCell.cell];
      log(`[${spec.label}] ${NUMPY_LABEL}: ${numpyCell.cell.status === 'ok' ? fmtMs(numpyCell.cell.median) : `- ${numpyCell.cell.reason}`}`);
      for (const c of selected) {
        const l = loaded.get(c.id);
        if (!l || isUnavailable(l)) {
          cells.push({ contender: c.id, status: 'unavailable', reason: l ? l.unavailable : 'not loaded' });
          continue;
        }
        if (cfg.skippedCells?.[c.id]?.includes(spec.workload)) {
          cells.push({ contender: c.id, status: 'unavailable', reason: cfg.skippedCellReason ?? 'not run in this mode' });
          log(`[${spec.label}] ${c.label}: - skipped`);
          continue;
        }
        collectGarbage(); // the previous case's garbage is not collected on this case's clock
        const cell = await measureCell(c, l, spec, cfg, numpyCell.reference);
        cells.push(cell);
        log(
          `[${spec.label}] ${c.label}: ${
            cell.status === 'ok'
              ? `${fmtMs(cell.median)}${cell.speedup === undefined ? '' : ` (${cell.speedup.toPrecision(3)}x NumPy)`}`
              : `- ${cell.reason}`
          }`,
        );
      }
      const w = WORKLOADS.find((x) => x.id === spec.workload);
      caseReports.push({
        key: spec.key,
        workload: spec.workload,
        label: spec.label,
        description: w ? w.describe(spec.workload.startsWith('asarray') ? { ...cfg.sizes, asarray: [spec.size] } : cfg.sizes) : spec.workload,
        cells,
      });
    }
  } finally {
    if (numpy.ok) numpy.worker.close();
  }

  return {
    tool: 'ndbridge bench',
    date: new Date().toISOString(),
    command: cfg.command,
    quick: cfg.quick,
    policy: { ...cfg.policy },
    sizes: { ...cfg.sizes, asarray: [...cfg.sizes.asarray] },
    machine: {
      ...node,
      python: numpy.ok ? `${numpy.info.implementation} ${numpy.info.python}` : 'unavailable',
      numpy: numpy.ok ? numpy.info.numpy : 'unavailable',
      blas: numpy.ok ? numpy.info.blas : 'unavailable',
      loadStart: round2(loadStart),
      loadEnd: round2(os.loadavg()[0]),
    },
    packages: packageVersions(),
    reference: 'numpy',
    ...(user === undefined ? {} : { user }),
    contenders: [
      { id: 'numpy', label: NUMPY_LABEL, note: NUMPY_NOTE, ...(numpy.ok ? { version: `NumPy ${numpy.info.numpy}` } : { unavailable: numpy.reason }) },
      ...selected.map((c) => {
        const l = loaded.get(c.id);
        return {
          id: c.id,
          label: c.label,
          ...(c.note === undefined ? {} : { note: c.note }),
          ...(l && !isUnavailable(l) ? { version: l.version } : { unavailable: l ? l.unavailable : 'not loaded' }),
        };
      }),
    ],
    excluded: [
      ...EXCLUDED.map((e) => ({ ...e })),
      ...(cfg.skipped ?? []).map((id) => ({
        name: JS_CONTENDERS.find((c) => c.id === id)?.label ?? id,
        reason: 'not run with --quick (single runs of its slow cells add up to minutes); name it in --only or run without --quick',
      })),
    ],
    cases: caseReports,
  };
}
