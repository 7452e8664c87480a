/**
 * Building blocks for case tables: dtype categories of the standard and the usual trial sets
 * (every dtype of a category on a 1-d input with edge values, plus a reversed 2-d view, a strided view,
 * a 0-d and an empty array, and broadcasting for binary functions).
 */
import type { DTypeName } from '../../src/common/dtypes.js';
import type { NdArray } from '../../src/common/ndarray.js';
import type { Case, CaseRun, Params, TrialSpec } from '../case.js';
import type { Tolerance } from '../compare.js';
import type { Domain, InputSpec } from '../inputs.js';
import type { Namespace } from '../xp.js';

export const SIGNED: readonly DTypeName[] = ['int8', 'int16', 'int32', 'int64'];
export const UNSIGNED: readonly DTypeName[] = ['uint8', 'uint16', 'uint32', 'uint64'];
export const INTEGER: readonly DTypeName[] = [...SIGNED, ...UNSIGNED];
export const REAL_FLOAT: readonly DTypeName[] = ['float32', 'float64'];
export const COMPLEX: readonly DTypeName[] = ['complex64', 'complex128'];
export const FLOATING: readonly DTypeName[] = [...REAL_FLOAT, ...COMPLEX];
export const REAL: readonly DTypeName[] = [...INTEGER, ...REAL_FLOAT];
export const NUMERIC: readonly DTypeName[] = [...REAL, ...COMPLEX];
export const BOOL: readonly DTypeName[] = ['bool'];
export const ALL: readonly DTypeName[] = [...BOOL, ...NUMERIC];
export const INT_BOOL: readonly DTypeName[] = [...BOOL, ...INTEGER];

export type Category = 'numeric' | 'real' | 'integer' | 'int-bool' | 'floating' | 'real-floating' | 'bool' | 'all';
export const CATEGORIES: Readonly<Record<Category, readonly DTypeName[]>> = {
  numeric: NUMERIC,
  real: REAL,
  integer: INTEGER,
  'int-bool': INT_BOOL,
  floating: FLOATING,
  'real-floating': REAL_FLOAT,
  bool: BOOL,
  all: ALL,
};

const isFloatish = (d: DTypeName) => d.startsWith('float') || d.startsWith('complex');

/** The shape variants of a unary trial set: dtype → extra layouts for one dtype per kind. */
export function unaryTrials(dtypes: readonly DTypeName[], domain: Domain = 'any', params?: Params): TrialSpec[] {
  const out: TrialSpec[] = [];
  const extrasFor = new Set<DTypeName>();
  for (const kind of ['float', 'int', 'uint', 'complex', 'bool']) {
    const first = dtypes.find((d) => d.startsWith(kind) && (kind !== 'int' || d.startsWith('int')));
    if (first) extrasFor.add(first);
  }
  for (const d of dtypes) {
    out.push({ inputs: { x: { dtype: d, shape: [9], domain } }, params });
    if (extrasFor.has(d)) {
      out.push({ inputs: { x: { dtype: d, shape: [3, 4], domain, view: '::-1, ::-1' } }, params });
      out.push({ inputs: { x: { dtype: d, shape: [11], domain, view: '1::2' } }, params });
      out.push({ inputs: { x: { dtype: d, shape: [], domain } }, params });
      out.push({ inputs: { x: { dtype: d, shape: [0], domain } }, params });
    }
  }
  return out;
}

/** Binary trial set: same-dtype pairs over the dtypes, broadcasting and views for one dtype per kind, mixed pairs. */
export function binaryTrials(dtypes: readonly DTypeName[], d1: Domain = 'any', d2: Domain = d1, mixed = true): TrialSpec[] {
  const out: TrialSpec[] = [];
  const seen = new Set<string>();
  for (const d of dtypes) {
    out.push({ inputs: { x1: { dtype: d, shape: [9], domain: d1 }, x2: { dtype: d, shape: [9], domain: d2 } } });
    const kind = d.replace(/\d+$/, '');
    if (!seen.has(kind)) {
      seen.add(kind);
      out.push({ inputs: { x1: { dtype: d, shape: [3, 1], domain: d1 }, x2: { dtype: d, shape: [4], domain: d2 } } });
      out.push({ inputs: { x1: { dtype: d, shape: [4, 3], domain: d1, view: '::-1' }, x2: { dtype: d, shape: [7], domain: d2, view: '::2, None' } } });
      out.push({ inputs: { x1: { dtype: d, shape: [], domain: d1 }, x2: { dtype: d, shape: [5], domain: d2 } } });
      out.push({ inputs: { x1: { dtype: d, shape: [0], domain: d1 }, x2: { dtype: d, shape: [0], domain: d2 } } });
    }
  }
  if (mixed && dtypes.length > 1) {
    // a pair of different dtypes (promotion): the first and the middle one of the list
    const a = dtypes[0];
    const b = dtypes[Math.floor(dtypes.length / 2)];
    if (a !== b && isFloatish(a) === isFloatish(b)) {
      out.push({ inputs: { x1: { dtype: a, shape: [6], domain: d1 }, x2: { dtype: b, shape: [6], domain: d2 } } });
    }
  }
  return out;
}

export const one = (dtype: DTypeName, shape: readonly number[], extra: Partial<InputSpec> = {}): InputSpec => ({ dtype, shape, ...extra });

/** A case with inline defaults. */
export function kase(
  corner: string,
  py: string,
  run: CaseRun,
  trials: readonly TrialSpec[],
  extra: Partial<Omit<Case, 'corner' | 'py' | 'run' | 'trials'>> = {},
): Case {
  return { corner, py, run, trials, ...extra };
}

/** One trial with the given inputs and params. */
export function trial(inputs: Readonly<Record<string, InputSpec>>, params?: Params, label?: string): TrialSpec {
  return { inputs, params, label };
}

export type A = Readonly<Record<string, NdArray>>;
export type { Namespace, Tolerance };

/** A trailing options object of the named parameters that are not null. */
export function opts(p: Params, ...keys: readonly string[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const k of keys) if (p[k] !== null && p[k] !== undefined) o[k] = p[k];
  return o;
}

/** Positional arguments up to the last non-null one (nulls before it stay null). */
export function positional(p: Params, ...keys: readonly string[]): unknown[] {
  const vals = keys.map((k) => p[k] ?? null);
  while (vals.length && vals[vals.length - 1] === null) vals.pop();
  return vals;
}

/** Call a function with positional args and an options object, leaving the object out when empty. */
export function withOpts(args: readonly unknown[], o: Record<string, unknown>): unknown[] {
  return Object.keys(o).length ? [...args, o] : [...args];
}
