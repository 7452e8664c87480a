/**
 * The runtime-neutral namespace. Each runtime's namespace (fast, compat's `numpy()`, `nd`) differs in its
 * TypeScript types, so cases see it as a loose record and reach functions by name; a missing name is an
 * `error` of that corner ("the runtime has no xp.linalg.svd"), never a crash of the run.
 */
export type Namespace = { readonly [name: string]: unknown };
export type Fn = (...args: unknown[]) => unknown;

/** A function, method or attribute the runtime does not have. */
export class MissingMemberError extends Error {
  override name = 'MissingMemberError';
}

function lookup(root: unknown, path: string, what: string): unknown {
  let cur: unknown = root;
  for (const part of path.split('.')) {
    if ((typeof cur !== 'object' && typeof cur !== 'function') || cur === null) throw new MissingMemberError(`${what} has no ${path}`);
    cur = (cur as Record<string, unknown>)[part];
    if (cur === undefined) throw new MissingMemberError(`${what} has no ${path}`);
  }
  return cur;
}

/** `xp.<path>` as a function (dotted paths: `linalg.svd`, `random.default_rng`). */
export function fn(xp: Namespace, path: string): Fn {
  const f = lookup(xp, path, 'the runtime namespace');
  if (typeof f !== 'function') throw new MissingMemberError(`the runtime namespace's ${path} is a ${typeof f}, not a function`);
  return f as Fn;
}

/** `xp.<path>(...args)`. */
export function call(xp: Namespace, path: string, ...args: unknown[]): unknown {
  return fn(xp, path)(...args);
}

/** `xp.<path>` as a value (constants, dtype objects). */
export function attr(root: unknown, path: string): unknown {
  return lookup(root, path, 'the object');
}

/** `obj.<name>(...args)` with `this` bound: a method of an array or of a returned object. */
export function method(obj: unknown, name: string, ...args: unknown[]): unknown {
  const m = lookup(obj, name, `the ${typeof obj === 'object' && obj !== null ? (obj.constructor?.name ?? 'object') : typeof obj}`);
  if (typeof m !== 'function') throw new MissingMemberError(`${name} is a ${typeof m}, not a method`);
  // Reflect.apply, not m.apply: compat's Python proxies would read `apply` as a Python attribute
  return Reflect.apply(m as Fn, obj, args);
}

/** The first of several method names the object has (e.g. `['pos', '__pos__']`), called with `this` bound. */
export function methodAny(obj: unknown, names: readonly string[], ...args: unknown[]): unknown {
  for (const name of names) {
    let m: unknown;
    try {
      m = (obj as Record<string, unknown>)[name];
    } catch {
      m = undefined;
    }
    if (typeof m === 'function') return Reflect.apply(m as Fn, obj, args);
  }
  const what = typeof obj === 'object' && obj !== null ? (obj.constructor?.name ?? 'object') : typeof obj;
  throw new MissingMemberError(`the ${what} has no method ${names.join(' or ')}`);
}

/**
 * The items of a tuple-like result: a JS array as it is, or an object's named fields in order
 * (e.g. `unique_all` as `{ values, indices, inverse_indices, counts }`, `svd` as `{ U, S, Vh }`).
 */
export function items(result: unknown, names: readonly string[]): unknown[] {
  if (Array.isArray(result)) return result;
  // objects, and callable proxies of Python objects (typeof 'function'): read the named fields
  if ((typeof result === 'object' || typeof result === 'function') && result !== null) {
    const r = result as Record<string, unknown>;
    const fields = names.map((n) => {
      try {
        return r[n];
      } catch {
        return undefined;
      }
    });
    if (fields.every((f) => f !== undefined)) return fields;
    if (typeof (r as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function') return [...(result as Iterable<unknown>)];
  }
  throw new MissingMemberError(`expected a tuple (${names.join(', ')}), got ${typeof result}`);
}

/**
 * A plain JS value for a returned object: objects with a `toJSON()` (compat's proxies of Python dicts and
 * lists) are converted by it; anything else is returned as it is.
 */
export function toPlain(x: unknown): unknown {
  if ((typeof x === 'object' || typeof x === 'function') && x !== null) {
    let j: unknown;
    try {
      j = (x as { toJSON?: unknown }).toJSON;
    } catch {
      j = undefined;
    }
    if (typeof j === 'function') return Reflect.apply(j as Fn, x, []);
  }
  return x;
}
