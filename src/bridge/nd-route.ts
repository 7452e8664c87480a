/**
 * nd's routing by call: for each dotted path (`sum`, `linalg.norm`), NumPy's compiled signature and how
 * fast takes it (src/fast/engine/signatures.ts), computed once; and for each bound call, the fast call that
 * computes exactly what NumPy would, or the reason fast cannot (then NumPy runs it).
 *
 * A bound argument goes to fast only where FAST_SIGNATURES says fast takes it (positionally or in its
 * options); an argument fast does not take is dropped only when it equals NumPy's default (`out=None`,
 * `where=True`), so nothing a caller asked for is ever ignored.
 */
import { numpySignature, type NumpyParam } from '../../spec/numpy-signatures.js';
import { DTypeError } from '../common/errors.js';
import * as fast from '../fast/index.js';
import { isNotSupported } from '../fast/not-supported.js';
import { checkDType } from '../fast/engine/promotion.js';
import { FAST_SIGNATURES, type FastSignature } from '../fast/engine/signatures.js';
import { compileSignature, isDefaultValue, NOT_PASSED, type BoundCall, type CompiledSignature } from './bind.js';

/** What a NumPy parameter becomes on the fast route. */
type Role =
  | { readonly kind: 'positional'; readonly slot: number; readonly spread: boolean }
  | { readonly kind: 'option'; readonly key: string }
  | { readonly kind: 'refuse' };

export interface Route {
  readonly path: string;
  /** NumPy's signature, compiled; undefined when NumPy's table has no signature for the path. */
  readonly signature: CompiledSignature | undefined;
  /** The fast function, when fast can run this path at all. */
  readonly fastFn: ((...args: unknown[]) => unknown) | undefined;
  /** Why fast cannot run this path at all (when fastFn is undefined). */
  readonly fastMissing: string;
  readonly fastSignature: FastSignature | undefined;
  /** Per NumPy parameter: its role on the fast route. */
  readonly roles: readonly Role[];
}

/** fast's member at a dotted path (`['linalg', 'svd']`), or undefined. */
export function resolveFast(path: readonly string[]): unknown {
  let cur: unknown = fast;
  for (const p of path) {
    if ((typeof cur !== 'object' && typeof cur !== 'function') || cur === null || !(p in cur)) return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

function rolesOf(sig: CompiledSignature, fs: FastSignature): Role[] {
  return sig.params.map((p: NumpyParam): Role => {
    const slot = fs.positional.indexOf(p.name);
    if (slot >= 0) return { kind: 'positional', slot, spread: p.kind === 'var-positional' };
    const key = fs.options[p.name];
    if (key !== undefined) return { kind: 'option', key };
    return { kind: 'refuse' };
  });
}

/** Paths nd always runs on NumPy, although fast has them, and why. */
const NUMPY_ONLY: Readonly<Record<string, string>> = {
  __array_namespace_info__: "nd's results follow NumPy's dtypes, so its namespace info (default dtypes...) is NumPy's",
};

const routes = new Map<string, Route>();

/** The route of a dotted path (cached). */
export function routeOf(path: string): Route {
  let r = routes.get(path);
  if (r !== undefined) return r;
  const fn = numpySignature(path);
  const signature = fn === undefined ? undefined : compileSignature(fn);
  const f = resolveFast(path.split('.'));
  const fastSignature = FAST_SIGNATURES[path];
  let fastFn: Route['fastFn'];
  let fastMissing = '';
  if (NUMPY_ONLY[path] !== undefined) fastMissing = NUMPY_ONLY[path];
  else if (isNotSupported(f)) fastMissing = `fast does not support ${(f as { notSupported: string }).notSupported}`;
  else if (typeof f !== 'function') fastMissing = `fast has no ${path}`;
  else if (signature === undefined) fastMissing = `NumPy's signature of ${path} is unknown, so the call cannot be checked for fast`;
  else if (fastSignature === undefined) fastMissing = `fast has ${path}, but not with NumPy's parameters (no entry in FAST_SIGNATURES)`;
  else fastFn = f as (...args: unknown[]) => unknown;
  r = { path, signature, fastFn, fastMissing, fastSignature, roles: signature && fastSignature ? rolesOf(signature, fastSignature) : [] };
  routes.set(path, r);
  return r;
}

/** A fast call for a bound call, or why there is none. */
export type FastPlan =
  | {
      readonly args: unknown[];
      /** NumPy's parameter name of each of args (the spread `*args` values carry its name). */
      readonly names: readonly string[];
      readonly options: Record<string, unknown> | undefined;
    }
  | { readonly refuse: string };

/** Can fast take this dtype argument (a spelling fast knows)? */
function fastTakesDtype(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  try {
    checkDType(v);
    return true;
  } catch (err) {
    if (err instanceof DTypeError) return false;
    throw err;
  }
}

/** The fast call computing `bound`, or the reason fast cannot (naming the corner, e.g. `sum.where`). */
export function planFast(route: Route, bound: BoundCall): FastPlan {
  const fs = route.fastSignature!;
  const params = bound.signature.params;
  const positional: unknown[] = new Array<unknown>(fs.positional.length);
  let spreadSlot = -1;
  let spreadValues: readonly unknown[] = [];
  let lastPositional = -1;
  let options: Record<string, unknown> | undefined;
  for (let i = 0; i < params.length; i++) {
    const v = bound.values[i];
    if (v === NOT_PASSED) continue;
    const role = route.roles[i];
    const p = params[i];
    if (typeof v === 'bigint' && (v >= 2n ** 53n || v <= -(2n ** 53n))) return { refuse: `fast's integer arguments are JS numbers: ${route.path}.${p.name} = ${v}n is not below 2**53 in magnitude` };
    if (role.kind === 'positional') {
      if (role.spread) {
        spreadSlot = role.slot;
        spreadValues = v as readonly unknown[];
      } else positional[role.slot] = v;
      if (role.slot > lastPositional) lastPositional = role.slot;
      continue;
    }
    if (p.kind === 'var-positional') {
      if ((v as readonly unknown[]).length > 0) return { refuse: `fast does not support ${route.path} with extra positional arguments (*${p.name})` };
      continue;
    }
    if (p.kind === 'var-keyword') {
      const keys = Object.keys(v as object);
      if (keys.length > 0) return { refuse: `fast does not support ${route.path}.${keys[0]}` };
      continue;
    }
    if (role.kind === 'option') {
      // None where None is NumPy's default means "the default", which is fast's default for an option it
      // honours: leave it out rather than ask fast to read null.
      if ((v === null || v === undefined) && p.default?.kind === 'value' && p.default.value === null) continue;
      if (role.key === 'dtype' && !fastTakesDtype(v)) return { refuse: `fast has no dtype ${JSON.stringify(String(v))} (${route.path}.dtype)` };
      (options ??= {})[role.key] = v;
      continue;
    }
    if (isDefaultValue(p.default, v)) continue;
    return { refuse: `fast does not support ${route.path}.${p.name}` };
  }
  const names = fs.positional;
  if (spreadSlot >= 0) {
    const end = lastPositional + 1;
    const args = [...positional.slice(0, spreadSlot), ...spreadValues, ...positional.slice(spreadSlot + 1, end)];
    const spreadNames = [...names.slice(0, spreadSlot), ...spreadValues.map(() => names[spreadSlot]), ...names.slice(spreadSlot + 1, end)];
    return { args, names: spreadNames, options };
  }
  // Options follow the last positional argument the call passed: fast's functions take an options object
  // in place of their optional positional parameters (clip(x, { min, max }), eye(n, { k })), and one after
  // unpassed positionals (clip(x, undefined, undefined, {...})) would be an extra argument.
  const args = positional.slice(0, lastPositional + 1);
  return { args, names, options };
}
