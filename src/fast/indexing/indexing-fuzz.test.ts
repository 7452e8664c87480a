/**
 * Property test of fast's indexing against NumPy: seeded random small arrays and random indices (ints,
 * negative and out of range, slices with steps, None, Ellipsis, True/False, boolean masks, integer
 * arrays of one and two dimensions), written as an index string when NumPy's syntax can say it and as
 * index objects otherwise (or by choice). Each case reads (`at`) and writes (`set`) and compares shape
 * and values with NumPy; where NumPy raises, fast must throw a typed error of its own (an IndexError
 * where NumPy's is an IndexError). NumPy runs once for the whole batch (cases sampled with the seed of
 * the property), and again only for the cases shrinking makes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexError, NdbridgeError, ShapeError, ValueError } from '../../common/errors.js';
import { Slice } from '../../common/index-expr.js';
import type { FastArray } from '../array.js';
import { arange, asarray } from '../creation/creation.js';
import { numpyEval, expectSame, type Enc } from '../testing/numpy-oracle.js';

type Gen =
  | { readonly k: 'int'; readonly v: number }
  | { readonly k: 'slice'; readonly start: number | null; readonly stop: number | null; readonly step: number | null }
  | { readonly k: 'none' }
  | { readonly k: 'ell' }
  | { readonly k: 'bool'; readonly v: boolean; readonly asArray: boolean }
  | { readonly k: 'mask'; readonly v: readonly boolean[] }
  | { readonly k: 'ints'; readonly v: readonly number[] }
  | { readonly k: 'ints2'; readonly v: readonly (readonly number[])[] };

interface Case {
  readonly shape: readonly number[];
  readonly items: readonly Gen[];
  /** write the index as a NumPy index string when every item can be spelled in one */
  readonly asString: boolean;
}

const small = fc.integer({ min: -4, max: 4 });
const bound = fc.option(small, { nil: null });
const gen: fc.Arbitrary<Gen> = fc.oneof(
  { weight: 4, arbitrary: small.map((v) => ({ k: 'int', v }) as const) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(bound, bound, fc.option(fc.constantFrom(-3, -2, -1, 1, 2, 3), { nil: null }))
      .map(([start, stop, step]) => ({ k: 'slice', start, stop, step }) as const),
  },
  { weight: 1, arbitrary: fc.constant({ k: 'none' } as const) },
  { weight: 1, arbitrary: fc.constant({ k: 'ell' } as const) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('bool' as const), v: fc.boolean(), asArray: fc.boolean() }) },
  { weight: 2, arbitrary: fc.array(fc.boolean(), { maxLength: 4 }).map((v) => ({ k: 'mask', v }) as const) },
  { weight: 2, arbitrary: fc.array(small, { maxLength: 3 }).map((v) => ({ k: 'ints', v }) as const) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 2 }))
      .chain(([r, c]) => fc.array(fc.array(small, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }))
      .map((v) => ({ k: 'ints2', v }) as const),
  },
);
const caseArb: fc.Arbitrary<Case> = fc.record({
  shape: fc.array(fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 5, arbitrary: fc.integer({ min: 1, max: 4 }) }), { maxLength: 3 }),
  items: fc.array(gen, { maxLength: 3 }),
  asString: fc.boolean(),
});

const py = (v: number | null): string => (v === null ? 'None' : String(v));
const pyBools = (v: readonly boolean[]): string => `[${v.map((b) => (b ? 'True' : 'False')).join(', ')}]`;

/** The item in Python. */
function pyItem(g: Gen): string {
  switch (g.k) {
    case 'int':
      return String(g.v);
    case 'slice':
      return `slice(${py(g.start)}, ${py(g.stop)}, ${py(g.step)})`;
    case 'none':
      return 'None';
    case 'ell':
      return 'Ellipsis';
    case 'bool':
      return g.asArray ? `np.array(${g.v ? 'True' : 'False'})` : g.v ? 'True' : 'False';
    case 'mask':
      return `np.array(${pyBools(g.v)}, dtype=bool)`;
    case 'ints':
      return `np.array(${JSON.stringify(g.v)}, dtype=np.intp)`;
    case 'ints2':
      return `np.array(${JSON.stringify(g.v)}, dtype=np.intp).reshape(${g.v.length}, ${g.v[0].length})`;
  }
}

/** The item in NumPy's index-string syntax, or null when strings cannot say it. */
function strItem(g: Gen): string | null {
  switch (g.k) {
    case 'int':
      return String(g.v);
    case 'slice':
      return `${g.start ?? ''}:${g.stop ?? ''}${g.step === null ? '' : `:${g.step}`}`;
    case 'none':
      return 'None';
    case 'ell':
      return '...';
    case 'bool':
      return g.asArray ? null : g.v ? 'True' : 'False';
    case 'mask':
      return g.v.length === 0 ? null : pyBools(g.v);
    case 'ints':
      return JSON.stringify(g.v).replace(/,/g, ', ');
    case 'ints2':
      return null;
  }
}

/** The item as a fast index object. */
function fastItem(g: Gen): unknown {
  switch (g.k) {
    case 'int':
      return g.v;
    case 'slice':
      return new Slice(g.start, g.stop, g.step);
    case 'none':
      return null;
    case 'ell':
      return '...';
    case 'bool':
      return g.asArray ? asarray(g.v) : g.v;
    case 'mask':
      // a JS boolean[] is a mask; the empty one must be an array to say its dtype
      return g.v.length === 0 ? asarray([], { dtype: 'bool' }) : g.v;
    case 'ints':
      return [...g.v];
    case 'ints2':
      return asarray(g.v.map((r) => [...r]), { dtype: 'int32' });
  }
}

const size = (shape: readonly number[]): number => shape.reduce((p, d) => p * d, 1);
const base = (c: Case): FastArray => arange(size(c.shape), { dtype: 'int32' }).reshape([...c.shape]).copy();
const pyBase = (c: Case): string => `np.arange(${size(c.shape)}, dtype=np.int32).reshape(${JSON.stringify(c.shape)})`;
const pyIndex = (c: Case): string => `(${c.items.map(pyItem).join(', ')}${c.items.length === 1 ? ',' : ''})`;
/** The index string of a case, or null (objects). */
function indexString(c: Case): string | null {
  if (!c.asString) return null;
  const parts = c.items.map(strItem);
  return parts.every((p) => p !== null) ? parts.join(', ') : null;
}

/** NumPy's a[index] and, with the values -1, -2, ... shaped like the result, a after a[index] = values. */
function pyCases(c: Case, key: string): Record<string, string> {
  const idx = pyIndex(c);
  return {
    [`${key} get`]: `${pyBase(c)}[${idx}]`,
    [`${key} set`]: `(lambda a: (a.__setitem__(${idx}, -1 - np.arange(a[${idx}].size, dtype=np.int32).reshape(a[${idx}].shape)), a)[1])(${pyBase(c)})`,
  };
}

const oracle = new Map<string, Enc>();
function expected(c: Case, what: 'get' | 'set'): Enc {
  const key = JSON.stringify(c);
  if (!oracle.has(`${key} ${what}`)) for (const [k, v] of Object.entries(numpyEval(pyCases(c, key)))) oracle.set(k, v);
  return oracle.get(`${key} ${what}`)!;
}

/** fast's result of `run`, or the error it threw, checked against NumPy's. */
function check(label: string, exp: Enc, run: () => FastArray): void {
  let got: FastArray;
  try {
    got = run();
  } catch (e) {
    if (!('error' in exp)) throw new Error(`${label}: fast threw ${String(e)}; NumPy gave shape ${JSON.stringify('shape' in exp ? exp.shape : exp)}`);
    const typed = e instanceof IndexError || e instanceof ValueError || e instanceof ShapeError || (e instanceof TypeError && !(e instanceof NdbridgeError));
    expect(typed, `${label}: ${String(e)} is not a typed error (NumPy: ${exp.error}: ${exp.message})`).toBe(true);
    if (exp.error === 'IndexError') expect(e, `${label}: NumPy raised IndexError: ${exp.message}`).toBeInstanceOf(IndexError);
    return;
  }
  if ('error' in exp) throw new Error(`${label}: fast gave shape ${JSON.stringify(got.shape)}; NumPy raised ${exp.error}: ${exp.message}`);
  expectSame(got, exp, label);
}

function runCase(c: Case): void {
  const str = indexString(c);
  const items = c.items.map(fastItem);
  const label = `shape ${JSON.stringify(c.shape)} [${pyIndex(c)}]${str === null ? '' : ` as '${str}'`}`;
  check(`${label} get`, expected(c, 'get'), () => (str === null ? base(c).at(...(items as never[])) : base(c).at(str)));
  const exp = expected(c, 'set');
  check(`${label} set`, exp, () => {
    const a = base(c);
    const r = a.at(...(items as never[]));
    const values = arange(r.size, { dtype: 'int32' }).mul(-1).sub(1).astype('int32').reshape([...r.shape]);
    // an all-boolean JS array given to set() is a mask: say scalar booleans with 0-d arrays there
    const objs = items.every((i) => typeof i === 'boolean') ? items.map((i) => asarray(i as boolean)) : items;
    a.set(str ?? (objs as never), values);
    return a;
  });
}

const SEED = 42;
const RUNS = 600;

describe('indexing against NumPy (fast-check, seeded)', () => {
  it(`${RUNS} random indices of small arrays, read and written, as strings and as objects`, () => {
    const sampled = fc.sample(caseArb, { seed: SEED, numRuns: RUNS });
    const batch: Record<string, string> = {};
    for (const c of sampled) Object.assign(batch, pyCases(c, JSON.stringify(c)));
    for (const [k, v] of Object.entries(numpyEval(batch))) oracle.set(k, v);
    fc.assert(
      fc.property(caseArb, (c) => {
        runCase(c);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('the cases the issue names', () => {
    const cases: Case[] = [
      { shape: [1, 3], items: [{ k: 'bool', v: true, asArray: false }], asString: true },
      { shape: [3], items: [{ k: 'int', v: 6 }, { k: 'ints', v: [] }], asString: true },
      { shape: [3, 4], items: [{ k: 'int', v: 6 }, { k: 'ints', v: [] }], asString: true },
      { shape: [], items: [{ k: 'bool', v: false, asArray: true }], asString: false },
      { shape: [2, 3], items: [{ k: 'bool', v: true, asArray: true }, { k: 'ints', v: [0, 2] }], asString: false },
    ];
    const batch: Record<string, string> = {};
    for (const c of cases) Object.assign(batch, pyCases(c, JSON.stringify(c)));
    for (const [k, v] of Object.entries(numpyEval(batch))) oracle.set(k, v);
    for (const c of cases) runCase(c);
  });
});
