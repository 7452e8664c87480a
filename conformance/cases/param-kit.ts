/**
 * Building blocks for parameter corners: one call written once as data, spelled the way each runtime's
 * users write it, with the Python expression generated from the same data.
 *
 * - fast: the fast spelling, required arguments then one options object (`fast.sum(x, { axis: 1 })`).
 * - nd and compat: NumPy's spellings, every one of them checked: keywords in a trailing object
 *   (`nd.sum(x, { axis: 1 })`) and, where the case gives one, NumPy's positional form (`nd.sum(x, 1)`).
 *
 * The result compared with NumPy is a pair `[first spelling, keyword spelling]` (fast: the keyword
 * spelling twice), so a runtime passes only when every spelling gives NumPy's answer.
 *
 * Every case also carries `ignored`: the same call with the corner's parameter left out. NumPy's answer to
 * it must differ from its answer to the call (params.test.ts checks every trial), so a runtime that
 * silently ignores the parameter cannot pass the corner.
 */
import type { NdArray } from '../../src/common/ndarray.js';
import type { Case, CaseContext, TrialSpec } from '../case.js';
import { dtypeName } from '../values.js';
import { attr, call, items, type Namespace } from '../xp.js';

/** An input array of the trial, by name. */
export interface InputRef {
  readonly $in: string;
}
/** The runtime's dtype object (`xp.float32`; NumPy's `np.float32`). */
export interface DtypeRef {
  readonly $dtype: string;
}
export type Arg = number | string | boolean | null | InputRef | DtypeRef | readonly Arg[];

export const $ = (name: string): InputRef => ({ $in: name });
export const $dt = (name: string): DtypeRef => ({ $dtype: name });

const isInput = (v: unknown): v is InputRef => typeof v === 'object' && v !== null && '$in' in v;
const isDtype = (v: unknown): v is DtypeRef => typeof v === 'object' && v !== null && '$dtype' in v;

/** Python source of an argument value (JS arrays become tuples). */
export function pyLit(v: Arg): string {
  if (isInput(v)) return v.$in;
  if (isDtype(v)) return `np.${v.$dtype}`;
  if (Array.isArray(v)) return v.length === 1 ? `(${pyLit(v[0] as Arg)},)` : `(${(v as readonly Arg[]).map(pyLit).join(', ')})`;
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Number.isNaN(v)) return "float('nan')";
  if (v === Infinity) return "float('inf')";
  if (v === -Infinity) return "-float('inf')";
  return String(v);
}

/** The JS value of an argument on the runtime under test. */
export function jsVal(v: Arg, a: Readonly<Record<string, NdArray>>, xp: Namespace): unknown {
  if (isInput(v)) {
    const x = a[v.$in];
    if (x === undefined) throw new Error(`the trial has no input ${v.$in}`);
    return x;
  }
  if (isDtype(v)) return attr(xp, v.$dtype);
  if (Array.isArray(v)) return (v as readonly Arg[]).map((x) => jsVal(x, a, xp));
  return v;
}

export type Kw = Readonly<Record<string, Arg>>;

export function pyCall(fn: string, args: readonly Arg[], kw: Kw): string {
  const parts = [...args.map(pyLit), ...Object.entries(kw).map(([k, v]) => `${k}=${pyLit(v)}`)];
  return `np.${fn}(${parts.join(', ')})`;
}

function without(kw: Kw, key: string): Kw {
  const o: Record<string, Arg> = {};
  for (const [k, v] of Object.entries(kw)) if (k !== key) o[k] = v;
  return o;
}

function jsKw(kw: Kw, a: Readonly<Record<string, NdArray>>, xp: Namespace): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(kw)) o[k] = jsVal(v, a, xp);
  return o;
}

const withObj = (args: readonly unknown[], o: Record<string, unknown>): unknown[] => (Object.keys(o).length ? [...args, o] : [...args]);

export interface ParamCaseSpec {
  readonly corner: string;
  /** Dotted path of the function, the same on the runtimes and under `np.`. */
  readonly fn: string;
  /** Leading positional arguments of every spelling. */
  readonly args: readonly Arg[];
  /** Keyword arguments by NumPy's names, the corner's parameter among them. */
  readonly kw: Kw;
  /** The corner's parameter (a key of kw); default: the corner id's last segment. */
  readonly param?: string;
  /** NumPy's positional spelling for nd and compat (the whole argument list). */
  readonly pos?: readonly Arg[];
  /** Positional arguments followed by a keyword object, for nd and compat (`sum(x, 0, { keepdims: true })`). */
  readonly mixed?: readonly [args: readonly Arg[], kw: Kw];
  /** fast's options object when its names differ from NumPy's. */
  readonly fastKw?: Kw;
  /** fast's leading positional arguments when they differ (standard positional parameters). */
  readonly fastArgs?: readonly Arg[];
  /** The call's positional arguments without the parameter, for positional-only parameters (default: args). */
  readonly ignoredArgs?: readonly Arg[];
  /** Tuple-like results: the fields, in order. */
  readonly fields?: readonly string[];
  /** What of the result is compared: a Python function of `r` (and the inputs) and the same in JS. */
  readonly view?: View;
  readonly trials: readonly TrialSpec[];
  readonly extra?: Partial<Omit<Case, 'corner' | 'py' | 'run' | 'trials' | 'ignored'>>;
}

export interface View {
  /** Python: an expression of `r` (the call's result) and the trial's inputs. */
  readonly py: string;
  readonly js: (r: unknown, a: Readonly<Record<string, NdArray>>, xp: Namespace) => unknown;
}

/** Shape and dtype name only (empty, empty_like: the values are unspecified). */
export const SHAPE_DTYPE: View = {
  py: '[list(r.shape), str(r.dtype)]',
  js: (r) => [[...(r as NdArray).shape], dtypeName((r as NdArray).dtype)],
};

/** Write 99 into the result's first element, then look at input x: a copy leaves x unchanged, a view does not. */
export const WRITE_THEN_X: View = {
  py: '(r.reshape(-1).__setitem__(0, 99), x)[1]',
  js: (r, a) => {
    (r as NdArray).reshape([-1]).set('0', 99);
    return a.x;
  },
};

const paramOf = (corner: string, param?: string) => param ?? corner.slice(corner.lastIndexOf('.') + 1);

/** A parameter corner's case: every spelling of one call, compared with NumPy's answer. */
export function paramCase(s: ParamCaseSpec): Case {
  const param = paramOf(s.corner, s.param);
  if (!(param in s.kw) && !s.ignoredArgs) throw new Error(`${s.corner}: the keyword arguments do not include the parameter ${param}`);
  const view = s.view;
  const wrap = (expr: string) => {
    const r = s.fields ? `tuple(${expr})` : expr;
    return view ? `(lambda r: (lambda v: [v, v])(${view.py}))(${r})` : `(lambda r: [r, r])(${r})`;
  };
  return {
    corner: s.corner,
    py: wrap(pyCall(s.fn, s.args, s.kw)),
    ignored: wrap(pyCall(s.fn, s.ignoredArgs ?? s.args, without(s.kw, param))),
    trials: s.trials,
    ...s.extra,
    run(xp, a, _p, ctx) {
      const post = (r: unknown): unknown => {
        const t = s.fields ? items(r, s.fields) : r;
        return view ? view.js(t, a, xp) : t;
      };
      const args = s.args.map((v) => jsVal(v, a, xp));
      if (ctx.runtime === 'fast') {
        const fa = (s.fastArgs ?? s.args).map((v) => jsVal(v, a, xp));
        const r = post(fn(xp, s.fn)(...withObj(fa, jsKw(s.fastKw ?? s.kw, a, xp))));
        return [r, r];
      }
      const kwRes = post(fn(xp, s.fn)(...withObj(args, jsKw(s.kw, a, xp))));
      if (s.pos) return [post(fn(xp, s.fn)(...s.pos.map((v) => jsVal(v, a, xp)))), kwRes];
      if (s.mixed) return [post(fn(xp, s.fn)(...withObj(s.mixed[0].map((v) => jsVal(v, a, xp)), jsKw(s.mixed[1], a, xp)))), kwRes];
      return [kwRes, kwRes];
    },
  };
}

function fn(xp: Namespace, path: string): (...args: unknown[]) => unknown {
  return (...args) => call(xp, path, ...args);
}

/** Is `r` the very array `o` (for compat, the same Python object)? */
export function sameArray(ctx: CaseContext, r: unknown, o: unknown): boolean {
  if (r === o) return true;
  // Python-backed runtimes (compat, namespaces such as dask.array): the same Python object
  if (ctx.runtime !== 'fast' && ctx.runtime !== 'nd' && ctx.pyEval) return ctx.pyEval('r is o', { r, o }) === true;
  return false;
}

export const NOT_OUT = 'the result is not the out array';

export interface OutCaseSpec {
  readonly corner: string;
  readonly fn: string;
  readonly args: readonly Arg[];
  /** Keywords besides out (axis...). */
  readonly kw?: Kw;
  /** nd/compat also pass out positionally after args (ufuncs: `np.add(a, b, o)`). */
  readonly outPositional?: boolean;
  /** Also pass `where=<input>` (the ufunc where corner): the result is out itself. */
  readonly where?: string;
  /** Value out is filled with before the call. */
  readonly fill?: number;
  readonly trials: readonly TrialSpec[];
  readonly extra?: Partial<Omit<Case, 'corner' | 'py' | 'run' | 'trials' | 'ignored'>>;
}

/**
 * `out=` (and `where=` with out): out is made like the plain result and filled with `fill`; the call must
 * return out itself (nd: the very FastArray; compat: the same Python object) and write its memory. The
 * compared value is `[result or NOT_OUT, out]`.
 */
export function outCase(s: OutCaseSpec): Case {
  const kw = s.kw ?? {};
  const fill = s.fill ?? 7;
  const plain = pyCall(s.fn, s.args, kw);
  const whereKw: Kw = s.where ? { where: $(s.where) } : {};
  const pyWith = (withOut: boolean, withWhere: boolean) =>
    `(lambda o: (lambda r: [r if r is o else ${JSON.stringify(NOT_OUT)}, o])(${pyCall(s.fn, s.args, { ...kw, ...(withOut ? { out: $('o') } : {}), ...(withWhere ? whereKw : {}) } as Kw)}))(np.full_like(${plain}, ${fill}))`;
  return {
    corner: s.corner,
    py: pyWith(true, true),
    // the where corner: where left out; the out corner: out left out
    ignored: s.where ? pyWith(true, false) : pyWith(false, false),
    trials: s.trials,
    ...s.extra,
    run(xp, a, _p, ctx) {
      const args = s.args.map((v) => jsVal(v, a, xp));
      const k = jsKw(kw, a, xp);
      const w = jsKw(whereKw, a, xp);
      const fresh = () => call(xp, 'full_like', call(xp, s.fn, ...withObj(args, k)), fill);
      const o = fresh();
      const r = call(xp, s.fn, ...args, { ...k, out: o, ...w });
      let ok = sameArray(ctx, r, o);
      if (ctx.runtime !== 'fast' && s.outPositional) {
        // NumPy's positional out: np.add(a, b, o); written again into the same array
        const r2 = call(xp, s.fn, ...args, o, ...(Object.keys({ ...k, ...w }).length ? [{ ...k, ...w }] : []));
        ok = ok && sameArray(ctx, r2, o);
      }
      return [ok ? r : NOT_OUT, o];
    },
  };
}

/** A result's memory order: true when a 2-d result with both dimensions > 1 is Fortran-ordered. */
export function isFortran(r: unknown): boolean {
  const x = r as { shape: readonly number[]; strides?: readonly number[] };
  if (!x.strides || x.shape.length < 2) return false;
  return x.strides[0] < x.strides[x.shape.length - 1];
}

/** The `order='F'` form: `[result, is Fortran-ordered]`. */
export function orderCase(s: ParamCaseSpec): Case {
  const base = paramCase(s);
  const param = paramOf(s.corner, s.param);
  const wrap = (expr: string) => `(lambda r: [r, bool(r.flags.f_contiguous and not r.flags.c_contiguous)])(${expr})`;
  return {
    ...base,
    py: wrap(pyCall(s.fn, s.args, s.kw)),
    ignored: wrap(pyCall(s.fn, s.args, without(s.kw, param))),
    run(xp, a, p, ctx) {
      const [r1, r2] = base.run(xp, a, p, ctx) as [unknown, unknown];
      const f = isFortran(r1) && isFortran(r2);
      return [r2, f];
    },
  };
}

