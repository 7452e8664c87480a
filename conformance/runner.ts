/**
 * The conformance runner: selects corners from the catalog, generates every trial's inputs from the seed,
 * asks the oracle (NumPy) once for all trials, runs each case on each runtime in this process, compares,
 * and folds the trials into one status per corner and runtime.
 */
import { NdbridgeError, NotSupportedError } from '../src/common/errors.js';
import type { NdArray } from '../src/common/ndarray.js';
import { loadCatalog, type Corner } from '../spec/catalog.js';
import type { Case, CaseContext, TrialSpec } from './case.js';
import { ALL_CASES } from './cases/index.js';
import { compareValues } from './compare.js';
import { generateInput, toHex, type GeneratedInput } from './inputs.js';
import { ORACLE_MODULE } from './oracle/prelude.js';
import { embeddedOracle, ensureOracleModule, subprocessOracle, type Oracle, type OracleAnswer, type OracleRequest } from './oracle/oracle.js';
import { rngFor } from './prng.js';
import { loadCompatModule, type CompatModule } from './runtimes/compat.js';
import { RUNTIMES, RuntimeUnavailableError, type LoadedRuntime, type RuntimeAdapter } from './runtimes/index.js';
import { importOptional } from './runtimes/types.js';
import { wholeWords } from './report/summary.js';
import { decode, showValue, toValue, type Value } from './values.js';
import { call, type Namespace } from './xp.js';

export const STATUSES = ['pass', 'fail', 'unsupported', 'error', 'skip'] as const;
export type Status = (typeof STATUSES)[number];

export interface CornerOutcome {
  readonly status: Status;
  readonly detail?: string;
}

export interface RuntimeInfo {
  readonly available: boolean;
  readonly description: string;
  /** Why the runtime did not run (available: false). */
  readonly reason?: string;
}

export interface CornerReport {
  readonly id: string;
  readonly area: string;
  readonly source: Corner['source'];
  /** `parameter` corners count as parameter coverage, every other kind as function coverage. */
  readonly kind: Corner['kind'];
  readonly description: string;
  readonly results: Readonly<Record<string, CornerOutcome>>;
}

export interface RunReport {
  readonly seed: number;
  readonly oracle: string;
  readonly runtimes: Readonly<Record<string, RuntimeInfo>>;
  readonly corners: readonly CornerReport[];
  readonly trials: number;
  readonly seconds: number;
  /** Why no oracle could be used (then every corner is an error): the run tells nothing. */
  readonly oracleProblem?: string;
}

export interface RunOptions {
  readonly seed: number;
  /** Runtime names, in column order. */
  readonly runtimes: readonly string[];
  /** Only corners of these areas. */
  readonly areas?: readonly string[];
  /** Only these corners: exact ids, or prefixes ending in `.` or `*` (`linalg.*`). */
  readonly corners?: readonly string[];
  readonly progress?: (done: number, total: number) => void;
  /** Use this oracle instead of choosing one (tests). */
  readonly oracle?: Oracle;
  /** Use these cases instead of ALL_CASES (tests). */
  readonly cases?: readonly Case[];
  /** Extra runtime adapters by name (tests, or a runtime not in RUNTIMES). */
  readonly adapters?: readonly RuntimeAdapter[];
}

interface Trial {
  readonly case: Case;
  readonly spec: TrialSpec;
  readonly inputs: Readonly<Record<string, GeneratedInput>>;
  readonly size: number;
  answer?: OracleAnswer;
}

type TrialOutcome =
  | { kind: 'pass' }
  | { kind: 'skip'; detail: string }
  | { kind: 'fail' | 'unsupported' | 'error'; detail: string; size: number };

export function selectCorners(all: readonly Corner[], areas?: readonly string[], ids?: readonly string[]): Corner[] {
  return all.filter((c) => {
    if (areas?.length && !areas.includes(c.area)) return false;
    if (ids?.length) {
      return ids.some((p) => (p.endsWith('*') ? c.id.startsWith(p.slice(0, -1)) : p.endsWith('.') ? c.id.startsWith(p) : c.id === p));
    }
    return true;
  });
}

function trialLabel(t: Trial): string {
  if (t.spec.label) return t.spec.label;
  const ins = Object.entries(t.spec.inputs).map(([k, s]) => `${k}: ${s.dtype}(${s.shape.join(',')}${s.shape.length === 1 ? ',' : ''})${s.view ? `[${s.view}]` : ''}`);
  const ps = t.spec.params ? Object.entries(t.spec.params).map(([k, v]) => `${k}=${JSON.stringify(v)}`) : [];
  return [...ins, ...ps].join(', ') || 'no inputs';
}

function inputsText(t: Trial): string {
  return Object.entries(t.inputs)
    .map(([k, g]) => {
      const v: Value = { kind: 'array', dtype: g.dtype, shape: g.shape, data: g.values };
      return `${k}=${showValue(v, 8)}${g.view ? `[${g.view}]` : ''}`;
    })
    .join('; ');
}

/** The first line of an error, whole (a very long one is cut at a word boundary, never mid-word). */
function errorText(e: unknown): string {
  if (e instanceof Error) return wholeWords(`${e.name}: ${e.message.split('\n')[0]}`, 2000);
  return wholeWords(String(e), 2000);
}

function isNotSupported(e: unknown): boolean {
  if (e instanceof NotSupportedError || (e instanceof Error && e.name === 'NotSupportedError')) return true;
  // a Python runtime's own refusal (Dask: "fancy indexing along more than one axis is not implemented")
  return e instanceof Error && e.name === 'PythonError' && (e as Error & { pythonType?: string }).pythonType === 'NotImplementedError';
}

const TYPED_ERRORS = new Set(['NdbridgeError', 'ShapeError', 'DTypeError', 'IndexError', 'ValueError', 'PythonError', 'NotSupportedError', 'CompatUnavailableError', 'DisposedError']);

/** One of ndbridge's typed errors (by class, or by name when a second copy of the module is loaded, e.g. dist and src). */
function isTypedError(e: unknown): boolean {
  return e instanceof NdbridgeError || (e instanceof Error && TYPED_ERRORS.has(e.name));
}

function encodeInput(g: GeneratedInput): { dtype: string; shape: readonly number[]; hex: string; view?: string } {
  return { dtype: g.dtype, shape: g.shape, hex: toHex(g.dtype, g.values), view: g.view };
}

function numpyInput(ctx: CaseContext, t: Trial, name: string): unknown {
  if (!ctx.pyEval) throw new Error('compat is unavailable: this case needs the embedded NumPy to make its NumPy-side input');
  ensureOracleModule(ctx.pyEval);
  const g = t.inputs[name];
  if (!g) throw new Error(`the trial has no input named ${name}`);
  return ctx.pyEval(`__import__('${ORACLE_MODULE}').input_json(d)`, { d: JSON.stringify(encodeInput(g)) });
}

function runTrial(t: Trial, rt: LoadedRuntime, ctx: CaseContext, bridgeMissing: string | undefined): TrialOutcome {
  const answer = t.answer!;
  const c = t.case;
  if ('raised' in answer && !c.expectError) return { kind: 'skip', detail: `NumPy raised ${answer.raised}: ${answer.message}` };
  if (c.requires?.includes('bridge') && bridgeMissing) return { kind: 'error', detail: bridgeMissing, size: t.size };
  let result: unknown;
  let actual: Value;
  try {
    const arrays: Record<string, NdArray> = {};
    for (const [k, g] of Object.entries(t.inputs)) arrays[k] = rt.makeArray(g);
    const trialCtx: CaseContext = c.requires?.includes('bridge') ? { ...ctx, numpyInput: (name) => numpyInput(ctx, t, name) } : ctx;
    result = c.run(rt.xp, arrays, t.spec.params ?? {}, trialCtx);
    actual = toValue(result);
  } catch (e) {
    if (c.expectError && 'raised' in answer) {
      // a refusal is `unsupported`, never a pass, even where NumPy raises too
      if (isNotSupported(e)) return { kind: 'unsupported', detail: errorText(e), size: t.size };
      // Python's TypeError (an unknown keyword, too many arguments, a casting refusal) is JS's TypeError
      if (isTypedError(e) || (answer.typeError === true && e instanceof TypeError)) return { kind: 'pass' };
      return { kind: 'error', detail: `NumPy raises ${answer.raised}; the runtime threw an untyped ${errorText(e)}`, size: t.size };
    }
    if (isNotSupported(e)) return { kind: 'unsupported', detail: errorText(e), size: t.size };
    return { kind: 'error', detail: `${trialLabel(t)}: ${errorText(e)}`, size: t.size };
  }
  if ('raised' in answer) {
    return { kind: 'fail', detail: `${trialLabel(t)}: NumPy raises ${answer.raised} (${answer.message}), the runtime returned ${showValue(actual)}`, size: t.size };
  }
  const expected = decode(answer.ok);
  const diff = compareValues(expected, actual, {
    tol: c.tol ?? {},
    defaultInt: c.defaultInt,
    runtimeDefaultInt: rt.defaultInt,
    ignoreDtype: c.ignoreDtype,
  });
  if (diff === null) return { kind: 'pass' };
  return { kind: 'fail', detail: `${trialLabel(t)}: ${diff}; inputs ${inputsText(t) || 'none'}`, size: t.size };
}

function fold(outcomes: readonly TrialOutcome[]): CornerOutcome {
  const ran = outcomes.filter((o) => o.kind !== 'skip');
  if (ran.length === 0) {
    const s = outcomes.find((o) => o.kind === 'skip');
    return { status: 'skip', detail: s && 'detail' in s ? s.detail : 'no trials' };
  }
  for (const kind of ['fail', 'error', 'unsupported'] as const) {
    const of = ran.filter((o): o is Extract<TrialOutcome, { size: number }> => o.kind === kind);
    if (of.length) {
      const smallest = of.reduce((a, b) => (b.size < a.size ? b : a));
      const tail = of.length > 1 ? ` [${of.length} of ${ran.length} trials]` : ran.length > 1 ? ` [1 of ${ran.length} trials]` : '';
      return { status: kind, detail: `${smallest.detail}${tail}` };
    }
  }
  return { status: 'pass' };
}

/** Pick the oracle: the embedded interpreter when compat works, else a python3 subprocess. */
export function chooseOracle(compat: CompatModule | undefined): Oracle {
  if (compat) {
    let version = 'NumPy';
    try {
      const v = compat.evaluate('np.__version__');
      if (typeof v === 'string') version = v;
    } catch {
      /* keep the generic name */
    }
    return embeddedOracle((e, v) => compat.evaluate(e, v), version);
  }
  return subprocessOracle();
}

export async function runConformance(opts: RunOptions): Promise<RunReport> {
  const started = performance.now();
  const catalog = loadCatalog();
  const corners = selectCorners(catalog.corners, opts.areas, opts.corners);
  const byCorner = new Map<string, Case[]>();
  for (const c of opts.cases ?? ALL_CASES) byCorner.set(c.corner, [...(byCorner.get(c.corner) ?? []), c]);

  // Trials, inputs generated from the seed.
  const trials = new Map<string, Trial[]>();
  for (const corner of corners) {
    const list: Trial[] = [];
    for (const [ci, c] of (byCorner.get(corner.id) ?? []).entries()) {
      for (const [ti, spec] of c.trials.entries()) {
        const rng = rngFor(opts.seed, corner.id, ci, ti);
        const inputs: Record<string, GeneratedInput> = {};
        let size = 0;
        for (const [name, s] of Object.entries(spec.inputs)) {
          inputs[name] = generateInput(rng, s);
          size += inputs[name].values.length;
        }
        list.push({ case: c, spec, inputs, size });
      }
    }
    trials.set(corner.id, list);
  }

  // Runtimes.
  const adapters = [...(opts.adapters ?? []), ...RUNTIMES];
  const runtimes: Record<string, RuntimeInfo> = {};
  const loaded = new Map<string, LoadedRuntime>();
  for (const name of opts.runtimes) {
    const a = adapters.find((x) => x.name === name);
    if (!a) {
      runtimes[name] = { available: false, description: name, reason: `no runtime named '${name}' (known: ${adapters.map((x) => x.name).join(', ')})` };
      continue;
    }
    try {
      const rt = await a.load();
      loaded.set(name, rt);
      runtimes[name] = { available: true, description: rt.description };
    } catch (e) {
      const reason = e instanceof RuntimeUnavailableError ? e.message : `failed to load: ${errorText(e)}`;
      runtimes[name] = { available: false, description: name, reason };
    }
  }

  // The oracle.
  // compat's embedded interpreter: the oracle (unless one is given), and the NumPy side of bridge cases
  const all = [...trials.values()].flat();
  let compat: CompatModule | undefined;
  if (!opts.oracle || all.some((t) => t.case.requires?.includes('bridge')) || opts.runtimes.includes('compat')) {
    try {
      compat = await loadCompatModule();
    } catch {
      compat = undefined;
    }
  }
  let oracle: Oracle | undefined = opts.oracle;
  let oracleProblem: string | undefined;
  if (!oracle) {
    try {
      oracle = chooseOracle(compat);
    } catch (e) {
      oracleProblem = `no oracle: compat is unavailable and python3 with NumPy could not be run (${errorText(e)})`;
    }
  }
  if (oracle && all.length) {
    const requests: OracleRequest[] = all.map((t) => ({
      py: t.case.py,
      inputs: Object.fromEntries(Object.entries(t.inputs).map(([k, g]) => [k, encodeInput(g)])),
      params: t.spec.params,
    }));
    const answers = oracle.run(requests);
    all.forEach((t, i) => (t.answer = answers[i]));
  }

  // The bridge, for bridge cases.
  let bridge: Namespace | undefined;
  let bridgeMissing: string | undefined;
  if (all.some((t) => t.case.requires?.includes('bridge'))) {
    try {
      bridge = (await importOptional('../../src/bridge/index.js', 'the bridge (src/bridge)')) as Namespace;
    } catch (e) {
      bridgeMissing = e instanceof Error ? e.message : String(e);
    }
  }

  const total = all.length * loaded.size;
  let done = 0;
  const reports: CornerReport[] = [];
  const quiet = compat
    ? (on: boolean) => {
        ensureOracleModule((e, v) => compat.evaluate(e, v));
        compat.evaluate(`__import__('${ORACLE_MODULE}').${on ? 'quiet' : 'unquiet'}()`);
      }
    : undefined;
  quiet?.(true);
  try {
    for (const corner of corners) {
      const list = trials.get(corner.id) ?? [];
      const results: Record<string, CornerOutcome> = {};
      for (const name of opts.runtimes) {
        const rt = loaded.get(name);
        if (!rt) {
          results[name] = { status: 'error', detail: `runtime not run: ${runtimes[name]?.reason ?? 'unavailable'}` };
          continue;
        }
        if (list.length === 0) {
          results[name] = { status: 'error', detail: `no case is written for ${corner.id}` };
          continue;
        }
        if (!oracle) {
          results[name] = { status: 'error', detail: oracleProblem ?? 'no oracle' };
          done += list.length;
          continue;
        }
        const ctx: CaseContext = {
          runtime: name,
          defaultInt: rt.defaultInt,
          arrayNamespace: rt.arrayNamespace ?? rt.xp,
          bridge,
          pyEval: compat ? (e, v) => compat.evaluate(e, v) : undefined,
          importArray: (obj, o) => (rt.importArray ? rt.importArray(bridge, obj, o) : call(rt.xp, 'asarray', obj, o ?? {})),
        };
        const outcomes = list.map((t) => {
          const o = runTrial(t, rt, ctx, bridgeMissing);
          done++;
          opts.progress?.(done, total);
          return o;
        });
        results[name] = fold(outcomes);
      }
      reports.push({ id: corner.id, area: corner.area, source: corner.source, kind: corner.kind, description: corner.description, results });
    }
  } finally {
    quiet?.(false);
  }
  return {
    seed: opts.seed,
    oracle: oracle?.description ?? oracleProblem ?? 'none',
    runtimes,
    corners: reports,
    trials: all.length,
    seconds: (performance.now() - started) / 1000,
    ...(oracle ? {} : { oracleProblem: oracleProblem ?? 'no oracle' }),
  };
}
