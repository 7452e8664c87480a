/**
 * Run-time checks of fast's trailing options objects, read from FAST_SIGNATURES: every public fast
 * function calls `checkOptions(path, options)` at its entry. A non-object where the options belong
 * (`fast.sum(x, 0)`) and an unknown key are TypeErrors naming the function, the key and the fix; a
 * NumPy parameter fast does not implement, given a value other than NumPy's default, is
 * `NotSupportedError('sum.where')`; a value of the wrong kind (`axis: true`, `keepdims: 'yes'`,
 * `dtype: 'float33'`, an integer as a bigint beyond 2**53) is a typed error.
 *
 * Cost: nothing is allocated when no options are passed (one `undefined` test); with options, one
 * cached Map lookup per key. A dtype spelling other than fast's own name, or a safe-integer bigint, is
 * normalized into a copy of the options object (the caller's object is never written).
 */
import { isDTypeName, parseDType } from '../../common/dtypes.js';
import { NotSupportedError, ValueError } from '../../common/errors.js';
import { FAST_SIGNATURES } from './signatures.js';

/** How a value of one option key is checked. */
type Kind =
  | 'axis' // integer, integer list, or null
  | 'axis1' // one integer (or null)
  | 'int' // integer (no null)
  | 'intOrNull'
  | 'number' // any finite-or-not JS number
  | 'numberOrNull'
  | 'bool'
  | 'boolOrNull'
  | 'dtype'
  | 'dtypeOrNull'
  | 'order'
  | 'shape'
  | 'any'; // checked by the function itself (arrays, modes, callbacks...)

/** The kind of each fast option key (by name, the same meaning in every function that has it). */
const KINDS: Readonly<Record<string, Kind>> = {
  axis: 'axis',
  axes: 'axis',
  axis1: 'axis1',
  axis2: 'axis1',
  keepdims: 'bool',
  endpoint: 'bool',
  descending: 'bool',
  stable: 'boolOrNull',
  equal_nan: 'bool',
  return_index: 'bool',
  return_inverse: 'bool',
  return_counts: 'bool',
  invert: 'bool',
  assume_unique: 'bool',
  right: 'bool',
  rowvar: 'bool',
  bias: 'bool',
  increasing: 'bool',
  deg: 'bool',
  include_initial: 'bool',
  overwrite_input: 'bool',
  upper: 'bool',
  copy: 'boolOrNull',
  dtype: 'dtype',
  order: 'order',
  shape: 'shape',
  k: 'int',
  num: 'int',
  sparse: 'bool',
  n: 'intOrNull',
  offset: 'int',
  minlength: 'int',
  ddof: 'numberOrNull',
  correction: 'number',
  rtol: 'any',
  atol: 'number',
  nan: 'number',
  posinf: 'numberOrNull',
  neginf: 'numberOrNull',
  base: 'number',
  d: 'number',
  dx: 'number',
  left: 'numberOrNull',
  right_: 'numberOrNull',
  period: 'numberOrNull',
  rcond: 'any', // a number or an array of tolerances, one per matrix (checked by pinv)
  tol: 'any', // likewise (matrix_rank)
};

/** NumPy's defaults of the parameters fast refuses: passing exactly these is not a request for the corner. */
const NUMPY_DEFAULTS: Readonly<Record<string, readonly unknown[]>> = {
  out: [null],
  where: [true],
  casting: ['same_kind'],
  order: ['K'],
  dtype: [null],
  // fast has no array subclasses, so both values mean the same
  subok: [true, false],
  signature: [null],
  device: [null, 'cpu'],
  like: [null],
  initial: [],
  mean: [],
  weights: [null],
  returned: [false],
  edge_order: [1],
  density: [false, null],
  y: [null],
  fweights: [null],
  aweights: [null],
  decimals: [0],
  retstep: [false],
  axis: [],
  mode: ['raise'],
  sorted: [true],
  optimize: [false],
  full: [false],
  w: [null],
  cov: [false],
  axisa: [-1],
  axisb: [-1],
  axisc: [-1],
  hermitian: [false],
  copy: [true],
  sparse: [false],
  out1: [null],
  out2: [null],
  keepdims: [false],
  axes: [null],
  UPLO: ['L'],
  full_matrices: [true],
  compute_uv: [true],
};

/** Per function: the default values that differ from the table above. */
const DEFAULT_OVERRIDES: Readonly<Record<string, readonly unknown[]>> = {
  'hstack.casting': ['same_kind'],
  'lexsort.axis': [-1],
  'linspace.axis': [0],
  'logspace.axis': [0],
  'geomspace.axis': [0],
  'sort.order': [null],
  'argsort.order': [null],
  'partition.order': [null],
  'argpartition.order': [null],
  'einsum.out': [null],
  'random.default_rng.seed': [null],
};

interface Compiled {
  readonly path: string;
  /** fast key -> kind, for keys fast honours. */
  readonly accepted: Map<string, Kind>;
  /** NumPy parameter fast refuses -> the values that mean "NumPy's default". */
  readonly refused: Map<string, readonly unknown[]>;
  /** The key to show in "pass { key: value }". */
  readonly firstKey: string | undefined;
  readonly validKeys: readonly string[];
}

const compiled = new Map<string, Compiled>();

function compile(path: string): Compiled {
  const s = FAST_SIGNATURES[path];
  if (s === undefined) throw new Error(`internal: no FAST_SIGNATURES entry for ${path}`);
  const accepted = new Map<string, Kind>();
  for (const fastKey of Object.values(s.options)) accepted.set(fastKey, fastKey === 'right' && path === 'interp' ? 'numberOrNull' : (KINDS[fastKey] ?? 'any'));
  for (const k of s.fastOnly ?? []) accepted.set(k, KINDS[k] ?? 'any');
  for (const k of s.byKeyword ?? []) accepted.set(k, KINDS[k] ?? 'any');
  const refused = new Map<string, readonly unknown[]>();
  for (const k of s.unsupported) if (!accepted.has(k)) refused.set(k, DEFAULT_OVERRIDES[`${path}.${k}`] ?? NUMPY_DEFAULTS[k] ?? []);
  const c: Compiled = {
    path,
    accepted,
    refused,
    firstKey: Object.values(s.options)[0] ?? s.fastOnly?.[0],
    validKeys: [...accepted.keys()],
  };
  compiled.set(path, c);
  return c;
}

/** Levenshtein distance (short keys only). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

function nearest(key: string, keys: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of keys) {
    const d = distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(best.length / 2)) ? best : undefined;
}

/** A short, safe rendering of any value for messages. */
export function show(v: unknown): string {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v);
  if (typeof v === 'symbol' || typeof v === 'function') return String(typeof v);
  if (v === null || typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return v.length <= 8 ? `[${v.map(show).join(', ')}]` : `an array of ${v.length} items`;
  if (ArrayBuffer.isView(v)) return `a ${v.constructor.name}`;
  if ('shape' in v && 'dtype' in v) return 'an array';
  return Object.prototype.toString.call(v);
}

/** A plain object literal (or Object.create(null)): not an array, a typed array, an array object or a class instance. */
function isPlainOptions(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function kindError(fn: string, key: string, v: unknown, want: string): TypeError {
  return new TypeError(`fast.${fn}: option ${key} must be ${want}, got ${show(v)}`);
}

/** An integer given as a JS number or a bigint within ±2**53 -> a number; anything else throws. */
function toInt(fn: string, key: string, v: unknown): number {
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return v;
    throw kindError(fn, key, v, 'an integer');
  }
  if (typeof v === 'bigint') {
    if (v <= 9007199254740991n && v >= -9007199254740991n) return Number(v);
    throw new ValueError(`fast.${fn}: ${key} = ${v}n is beyond ±2**53, which fast's integer arguments cannot hold exactly; nd or compat.numpy() takes it`);
  }
  throw kindError(fn, key, v, 'an integer');
}

/** Check one value; returns the normalized value (the same value when nothing changes). */
function checkValue(fn: string, key: string, kind: Kind, v: unknown): unknown {
  switch (kind) {
    case 'any':
      return v;
    case 'bool':
      if (typeof v === 'boolean') return v;
      throw kindError(fn, key, v, 'true or false');
    case 'boolOrNull':
      if (typeof v === 'boolean' || v === null) return v;
      throw kindError(fn, key, v, 'true, false or null');
    case 'int':
      return toInt(fn, key, v);
    case 'intOrNull':
      return v === null ? v : toInt(fn, key, v);
    case 'number':
      if (typeof v === 'number') return v;
      throw kindError(fn, key, v, 'a number');
    case 'numberOrNull':
      if (typeof v === 'number' || v === null) return v;
      throw kindError(fn, key, v, 'a number or null');
    case 'axis1':
      return v === null ? v : toInt(fn, key, v);
    case 'axis':
      return intOrInts(fn, key, v, 'an integer, a list of integers or null');
    case 'dtype':
    case 'dtypeOrNull':
      if (isDTypeName(v)) return v;
      if (v === null || v === undefined) return v;
      return parseDType(v);
    case 'order':
      if (v === 'C' || v === 'F' || v === 'A' || v === 'K') return v;
      if (typeof v === 'string' && /^[cfak]$/.test(v)) return v.toUpperCase();
      throw new ValueError(`fast.${fn}: order must be one of 'C', 'F', 'A', or 'K' (got ${show(v)})`);
    case 'shape':
      return intOrInts(fn, key, v, 'a shape (an integer or a list of integers)');
  }
}

/** null, an integer, or a list of integers (axis, shape); the list is copied only when an entry changes (a bigint). */
function intOrInts(fn: string, key: string, v: unknown, want: string): unknown {
  if (v === null) return v;
  if (typeof v === 'number' || typeof v === 'bigint') return toInt(fn, key, v);
  if (Array.isArray(v)) {
    let changed = false;
    const out = v.map((x: unknown) => {
      const n = toInt(fn, key, x);
      if (n !== x) changed = true;
      return n;
    });
    return changed ? out : v;
  }
  throw kindError(fn, key, v, want);
}

function sameAsDefault(v: unknown, defaults: readonly unknown[]): boolean {
  if (v === undefined) return true;
  for (const d of defaults) if (v === d) return true;
  return false;
}

/**
 * Check fast function `path`'s trailing options (see the header). Returns the options to use: the
 * same object, a normalized copy, or undefined when none were given.
 */
export function checkOptions<T>(path: string, options: T): T {
  if (options === undefined) return options;
  const c = compiled.get(path) ?? compile(path);
  if (!isPlainOptions(options)) {
    const fix = c.firstKey !== undefined ? `pass { ${c.firstKey}: ${show(options)} }` : `fast.${path} takes no options`;
    throw new TypeError(`fast.${path}: options go in a trailing object, got ${show(options)}: ${fix}`);
  }
  let copy: Record<string, unknown> | undefined;
  for (const key in options) {
    const v = options[key];
    const kind = c.accepted.get(key);
    if (kind !== undefined) {
      if (v === undefined) continue;
      const nv = checkValue(path, key, kind, v);
      if (nv !== v) (copy ??= { ...options })[key] = nv;
      continue;
    }
    const defaults = c.refused.get(key);
    if (defaults !== undefined) {
      if (sameAsDefault(v, defaults)) continue;
      throw new NotSupportedError(`${path}.${key}`, `fast.${path} does not implement ${key}=${show(v)}`);
    }
    const near = nearest(key, c.validKeys);
    throw new TypeError(
      `fast.${path} has no option ${JSON.stringify(key)}${near !== undefined ? `; did you mean ${JSON.stringify(near)}?` : ''}` +
        ` (valid options: ${c.validKeys.length ? c.validKeys.join(', ') : 'none'})`,
    );
  }
  if (copy !== undefined) {
    for (const key in copy) if (c.refused.has(key)) delete copy[key];
    return copy as T;
  }
  return options;
}

/** A positional argument fast takes as an integer: a number, or a bigint within ±2**53 (else a typed error). */
export function intArg(fn: string, name: string, v: unknown): number {
  return toInt(fn, name, v);
}
