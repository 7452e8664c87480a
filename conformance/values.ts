/**
 * The runtime-neutral form of a case's result, so the oracle's answer (decoded from the embedded NumPy)
 * and a runtime's answer (an NdArray, a JS scalar, a list, a record) can be compared.
 */
import { z } from 'zod';
import { isDTypeName } from '../src/common/dtypes.js';
import type { Complex, NestedArray, Scalar } from '../src/common/ndarray.js';
import { fromHex } from './inputs.js';

export type Value =
  | { readonly kind: 'array'; readonly dtype: string; readonly shape: readonly number[]; readonly data: readonly Scalar[] }
  | { readonly kind: 'scalar'; readonly value: Scalar }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'list'; readonly items: readonly Value[] }
  | { readonly kind: 'record'; readonly fields: Readonly<Record<string, Value>> };

/** What the Python prelude (oracle/prelude.ts) writes for one value. */
export type Encoded =
  | { t: 'array'; dtype: string; shape: number[]; hex: string }
  | { t: 'bool'; v: boolean }
  | { t: 'int'; v: string }
  | { t: 'float'; v: string }
  | { t: 'complex'; re: string; im: string }
  | { t: 'str'; v: string }
  | { t: 'none' }
  | { t: 'list'; items: Encoded[] }
  | { t: 'record'; fields: Record<string, Encoded> };

export const EncodedSchema: z.ZodType<Encoded> = z.lazy(() =>
  z.discriminatedUnion('t', [
    z.object({ t: z.literal('array'), dtype: z.string(), shape: z.array(z.number().int().nonnegative()), hex: z.string() }),
    z.object({ t: z.literal('bool'), v: z.boolean() }),
    z.object({ t: z.literal('int'), v: z.string() }),
    z.object({ t: z.literal('float'), v: z.string() }),
    z.object({ t: z.literal('complex'), re: z.string(), im: z.string() }),
    z.object({ t: z.literal('str'), v: z.string() }),
    z.object({ t: z.literal('none') }),
    z.object({ t: z.literal('list'), items: z.array(EncodedSchema) }),
    z.object({ t: z.literal('record'), fields: z.record(z.string(), EncodedSchema) }),
  ]),
);

/** Python's float repr to a JS number: 'nan', 'inf', '-inf', '-0.0', '1e+300'. */
export function parsePyFloat(s: string): number {
  if (s === 'nan' || s === '-nan') return NaN;
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  return Number(s);
}

function pyInt(s: string): number | bigint {
  const b = BigInt(s);
  return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
}

export function decode(e: Encoded): Value {
  switch (e.t) {
    case 'array':
      if (!isDTypeName(e.dtype)) return { kind: 'string', value: `<array of dtype ${e.dtype}>` };
      return { kind: 'array', dtype: e.dtype, shape: e.shape, data: fromHex(e.dtype, e.hex) };
    case 'bool':
      return { kind: 'scalar', value: e.v };
    case 'int':
      return { kind: 'scalar', value: pyInt(e.v) };
    case 'float':
      return { kind: 'scalar', value: parsePyFloat(e.v) };
    case 'complex':
      return { kind: 'scalar', value: { re: parsePyFloat(e.re), im: parsePyFloat(e.im) } };
    case 'str':
      return { kind: 'string', value: e.v };
    case 'none':
      return { kind: 'none' };
    case 'list':
      return { kind: 'list', items: e.items.map(decode) };
    case 'record':
      return { kind: 'record', fields: Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, decode(v)])) };
  }
}

export function isComplex(x: unknown): x is Complex {
  return typeof x === 'object' && x !== null && typeof (x as Complex).re === 'number' && typeof (x as Complex).im === 'number' && Object.keys(x).length === 2;
}

/** True for anything that looks like an array of either runtime (shape, dtype, toArray). */
export function isArrayLike(x: unknown): x is { shape: readonly number[]; dtype: unknown; toArray(): NestedArray } {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return Array.isArray(r.shape) && 'dtype' in r && typeof r.toArray === 'function';
}

/** A dtype as a name: strings as they are, dtype objects by their `name` (or their String()). */
export function dtypeName(d: unknown): string {
  if (typeof d === 'string') return d;
  if (typeof d === 'object' && d !== null && typeof (d as { name?: unknown }).name === 'string') return (d as { name: string }).name;
  return String(d);
}

function flatten(n: NestedArray, shape: readonly number[], out: Scalar[]): void {
  if (shape.length === 0) {
    out.push(n as Scalar);
    return;
  }
  if (!Array.isArray(n)) throw new TypeError(`toArray() gave ${typeof n} where a list of length ${shape[0]} was expected`);
  if (n.length !== shape[0]) throw new TypeError(`toArray() gave a list of length ${n.length} where shape says ${shape[0]}`);
  for (const item of n as readonly NestedArray[]) flatten(item, shape.slice(1), out);
}

/** The neutral value of whatever a case returned on a runtime. */
export function toValue(x: unknown, depth = 0): Value {
  if (depth > 8) throw new TypeError('result nests deeper than 8 levels');
  if (x === null || x === undefined) return { kind: 'none' };
  if (typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean') return { kind: 'scalar', value: x };
  if (typeof x === 'string') return { kind: 'string', value: x };
  if (isComplex(x)) return { kind: 'scalar', value: x };
  if (isArrayLike(x)) {
    const shape = [...x.shape];
    const data: Scalar[] = [];
    flatten(x.toArray(), shape, data);
    return { kind: 'array', dtype: dtypeName(x.dtype), shape, data };
  }
  if (Array.isArray(x)) return { kind: 'list', items: x.map((v) => toValue(v, depth + 1)) };
  // proxies of Python objects (compat) and other JSON-able objects: their toJSON() form
  if (typeof x === 'object' || typeof x === 'function') {
    let j: unknown;
    try {
      j = (x as { toJSON?: unknown }).toJSON;
    } catch {
      j = undefined;
    }
    if (typeof j === 'function') {
      let plain: unknown = x;
      try {
        plain = Reflect.apply(j as (...a: unknown[]) => unknown, x, []);
      } catch {
        plain = x; // a toJSON that cannot be called: fall through to the generic forms below
      }
      if (plain !== x) return toValue(plain, depth + 1);
    }
  }
  if (typeof x === 'object') {
    const fields: Record<string, Value> = {};
    for (const [k, v] of Object.entries(x)) if (typeof v !== 'function') fields[k] = toValue(v, depth + 1);
    return { kind: 'record', fields };
  }
  return { kind: 'string', value: String(x) };
}

function scalarText(s: Scalar): string {
  if (typeof s === 'number') return Object.is(s, -0) ? '-0.0' : String(s);
  if (typeof s === 'bigint') return `${s}n`;
  if (typeof s === 'boolean') return s ? 'True' : 'False';
  return `${scalarText(s.re)}${s.im < 0 || Object.is(s.im, -0) ? '' : '+'}${scalarText(s.im)}j`;
}

/** A short human-readable rendering for diffs and "smallest failing input" details. */
export function showValue(v: Value, limit = 12): string {
  switch (v.kind) {
    case 'array': {
      const items = v.data.slice(0, limit).map(scalarText).join(', ');
      return `${v.dtype}(${v.shape.join(',')}${v.shape.length === 1 ? ',' : ''})[${items}${v.data.length > limit ? ', …' : ''}]`;
    }
    case 'scalar':
      return scalarText(v.value);
    case 'string':
      return JSON.stringify(v.value.length > 80 ? `${v.value.slice(0, 80)}…` : v.value);
    case 'none':
      return 'None';
    case 'list':
      return `[${v.items.slice(0, 6).map((x) => showValue(x, 6)).join(', ')}${v.items.length > 6 ? ', …' : ''}]`;
    case 'record':
      return `{${Object.entries(v.fields).slice(0, 8).map(([k, x]) => `${k}: ${showValue(x, 4)}`).join(', ')}}`;
  }
}

export { scalarText };
