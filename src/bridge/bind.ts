/**
 * Binding a NumPy-style call to NumPy's signature, as Python binds it: positional arguments fill the
 * positional parameters in order, a trailing plain object holds the keyword arguments, and a call Python
 * would reject (too many positional arguments, an unknown or repeated keyword, a missing required
 * argument, a positional-only parameter passed by keyword) is a TypeError with Python's wording.
 *
 *   const sig = compileSignature(numpySignature('sum')!);
 *   const b = bindCall(sig, [x, 0, { keepdims: true }]);   // b.values[sig.index.get('axis')!] === 0
 *
 * A signature is compiled once per function (cached by the caller); binding allocates one array of
 * values. Ufuncs take their outputs positionally after the inputs (`np.divmod(a, b, q, r)`), which their
 * inspect signature does not say; bindCall handles it from nin/nout.
 */
import type { NumpyFunction, NumpyParam, ParamDefault } from '../../spec/numpy-signatures.js';
import { isKwargs } from '../compat/python/convert.js';
import { nearestName } from '../common/nearest.js';

/**
 * Is `v` the trailing keyword-arguments object? A plain object, but not an array provider (an object
 * with `__array_interface__` or `__dlpack__` is an array argument, which asarray verifies).
 */
export function isKeywordObject(v: unknown): v is Record<string, unknown> {
  return isKwargs(v) && !('__array_interface__' in v) && !('__dlpack__' in v);
}

/** Marks a parameter the call did not pass. */
export const NOT_PASSED: unique symbol = Symbol('not passed');
export type NotPassed = typeof NOT_PASSED;

export interface CompiledSignature {
  /** Dotted path, for messages: `sum`, `linalg.norm`. */
  readonly path: string;
  readonly params: readonly NumpyParam[];
  /** Parameter index by name. */
  readonly index: ReadonlyMap<string, number>;
  /** How many parameters take positional arguments (before a var-positional, a keyword-only or the end). */
  readonly positionalCount: number;
  /** Index of the `*args` parameter, or -1. */
  readonly varPositional: number;
  /** Index of the `**kwargs` parameter, or -1. */
  readonly varKeyword: number;
  /** For ufuncs: inputs and outputs. */
  readonly ufunc?: { readonly nin: number; readonly nout: number };
}

export interface BoundCall {
  readonly signature: CompiledSignature;
  /** One slot per parameter: the argument passed, or NOT_PASSED. `*args` binds an array, `**kwargs` an object. */
  readonly values: unknown[];
}

export function compileSignature(fn: NumpyFunction): CompiledSignature | undefined {
  if (fn.params === null) return undefined;
  const params = fn.params;
  const index = new Map(params.map((p, i) => [p.name, i]));
  let positionalCount = 0;
  while (positionalCount < params.length && (params[positionalCount].kind === 'positional-only' || params[positionalCount].kind === 'positional-or-keyword')) positionalCount++;
  return {
    path: fn.path,
    params,
    index,
    positionalCount,
    varPositional: params.findIndex((p) => p.kind === 'var-positional'),
    varKeyword: params.findIndex((p) => p.kind === 'var-keyword'),
    ufunc: fn.ufunc,
  };
}

function displayName(sig: CompiledSignature): string {
  return `${sig.path.slice(sig.path.lastIndexOf('.') + 1)}()`;
}

function required(p: NumpyParam): boolean {
  return p.default === undefined && p.kind !== 'var-positional' && p.kind !== 'var-keyword';
}

export { nearestName };

/**
 * Bind `args` (a trailing plain object = keyword arguments) to `sig` as Python would, or throw Python's
 * TypeError for a call Python rejects.
 */
export function bindCall(sig: CompiledSignature, args: readonly unknown[]): BoundCall {
  const params = sig.params;
  const values: unknown[] = new Array<unknown>(params.length).fill(NOT_PASSED);
  let nPos = args.length;
  let kwargs: Record<string, unknown> | undefined;
  if (nPos > 0 && isKeywordObject(args[nPos - 1])) {
    kwargs = args[nPos - 1] as Record<string, unknown>;
    nPos--;
  }
  let positionalCount = sig.positionalCount;
  const u = sig.ufunc;
  if (u !== undefined && u.nout > 1 && nPos > u.nin) {
    // np.divmod(a, b, q, r): the outputs after the inputs form the `out` tuple
    const outIndex = sig.index.get('out');
    if (outIndex === undefined || nPos !== u.nin + u.nout) {
      throw new TypeError(`${displayName(sig)} takes from ${u.nin} to ${u.nin + u.nout} positional arguments but ${nPos} were given`);
    }
    for (let i = 0; i < u.nin; i++) values[i] = args[i];
    values[outIndex] = args.slice(u.nin, nPos);
    positionalCount = 0; // all placed
    nPos = 0;
  }
  const take = Math.min(nPos, positionalCount);
  for (let i = 0; i < take; i++) values[i] = args[i];
  if (nPos > positionalCount) {
    if (sig.varPositional >= 0) values[sig.varPositional] = args.slice(positionalCount, nPos);
    else {
      const min = params.slice(0, positionalCount).filter(required).length;
      const range = min === positionalCount ? `${positionalCount}` : `from ${min} to ${positionalCount}`;
      throw new TypeError(`${displayName(sig)} takes ${range} positional argument${positionalCount === 1 ? '' : 's'} but ${nPos} ${nPos === 1 ? 'was' : 'were'} given`);
    }
  } else if (sig.varPositional >= 0 && values[sig.varPositional] === NOT_PASSED) values[sig.varPositional] = [];
  if (kwargs !== undefined) {
    let extra: Record<string, unknown> | undefined;
    for (const key of Object.keys(kwargs)) {
      const v = kwargs[key];
      if (v === undefined) continue; // an undefined keyword is not passed (as compat treats it)
      const i = sig.index.get(key);
      if (i === undefined || params[i].kind === 'var-positional' || params[i].kind === 'var-keyword') {
        if (sig.varKeyword >= 0) {
          (extra ??= {})[key] = v;
          continue;
        }
        const near = nearestName(key, sig.index.keys());
        throw new TypeError(`${displayName(sig)} got an unexpected keyword argument '${key}'${near ? ` (did you mean '${near}'?)` : ''}`);
      }
      if (params[i].kind === 'positional-only') {
        if (sig.varKeyword >= 0) {
          (extra ??= {})[key] = v;
          continue;
        }
        throw new TypeError(`${displayName(sig)} got some positional-only arguments passed as keyword arguments: '${key}'`);
      }
      if (values[i] !== NOT_PASSED) throw new TypeError(`${displayName(sig)} got multiple values for argument '${key}'`);
      values[i] = v;
    }
    if (sig.varKeyword >= 0) values[sig.varKeyword] = extra ?? {};
  } else if (sig.varKeyword >= 0) values[sig.varKeyword] = {};
  for (let i = 0; i < params.length; i++) {
    if (values[i] === NOT_PASSED && required(params[i])) {
      const missing = params.filter((p, j) => values[j] === NOT_PASSED && required(p)).map((p) => `'${p.name}'`);
      const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
      const kind = params[i].kind === 'keyword-only' ? 'keyword-only argument' : 'positional argument';
      throw new TypeError(`${displayName(sig)} missing ${missing.length} required ${kind}${missing.length === 1 ? '' : 's'}: ${list}`);
    }
  }
  return { signature: sig, values };
}

/**
 * Is `v` the parameter's NumPy default, so that passing it changes nothing? (None is null or undefined;
 * `<no value>` defaults are matched only by not passing.)
 */
export function isDefaultValue(d: ParamDefault | undefined, v: unknown): boolean {
  if (d === undefined || d.kind !== 'value') return false;
  if (d.value === null) return v === null || v === undefined;
  return Object.is(v, d.value) || (typeof d.value === 'number' && v === d.value);
}
