/**
 * Test data for the linear-algebra, fft and numeric tests: seeded arrays built identically in fast
 * and in NumPy (the Python side gets the same values as JSON, exact for every float64), with an
 * optional NumPy index string applied on both sides (views: reversed, strided, transposed).
 * Not used by the runtime.
 */
import { expect } from 'vitest';
import type { DTypeName } from '../../common/dtypes.js';
import { encode, type Enc } from '../testing/numpy-oracle.js';
import type { FastArray } from '../array.js';
import { asarray } from '../creation/creation.js';
import { sizeOf } from '../engine/shape.js';

export interface Spec {
  readonly dtype: DTypeName;
  readonly shape: readonly number[];
  readonly seed?: number;
  /** NumPy index expression applied after building (e.g. '::-1, ::2'). */
  readonly view?: string;
  /** 'small': integers in [-4, 4]; 'real' (default): doubles in (-2, 2). */
  readonly domain?: 'small' | 'real' | 'positive';
}

function lcg(seed: number): () => number {
  let s = (seed * 2654435761 + 12345) >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** The raw values of a spec, C order (complex as [re, im] pairs). */
export function values(spec: Spec): (number | [number, number] | boolean)[] {
  const r = lcg(spec.seed ?? 1);
  const n = sizeOf(spec.shape);
  const kind = spec.dtype;
  const one = (): number => {
    if (kind === 'bool') return r() < 0.5 ? 0 : 1;
    if (spec.domain === 'small' || !(kind.startsWith('float') || kind.startsWith('complex'))) {
      const v = Math.floor(r() * 9) - 4;
      return kind.startsWith('uint') ? Math.abs(v) : v;
    }
    const v = r() * 4 - 2;
    const x = spec.domain === 'positive' ? Math.abs(v) + 0.25 : v;
    return kind === 'float32' || kind === 'complex64' ? Math.fround(x) : x;
  };
  const out: (number | [number, number] | boolean)[] = [];
  for (let i = 0; i < n; i++) {
    if (kind.startsWith('complex')) out.push([one(), one()]);
    else if (kind === 'bool') out.push(one() === 1);
    else out.push(one());
  }
  return out;
}

/** The fast array of a spec. */
export function build(spec: Spec): FastArray {
  const vals = values(spec).map((v) => (Array.isArray(v) ? { re: v[0], im: v[1] } : spec.dtype === 'int64' || spec.dtype === 'uint64' ? BigInt(v as number) : v));
  const flat = asarray(vals as never, { dtype: spec.dtype });
  const a = flat.reshape([...spec.shape]);
  return spec.view ? a.at(spec.view) : a;
}

/** Python expression building the same array in NumPy. */
export function py(spec: Spec): string {
  const vals = values(spec).map((v) => (Array.isArray(v) ? `complex(${fmt(v[0])}, ${fmt(v[1])})` : typeof v === 'boolean' ? (v ? 'True' : 'False') : fmt(v)));
  const base = `np.array([${vals.join(', ')}], dtype='${spec.dtype}').reshape(${JSON.stringify(spec.shape)})`;
  return spec.view ? `(${base})[${spec.view}]` : base;
}

function fmt(v: number): string {
  // repr of a float64 in Python reads back the same double; integers stay integers
  return Number.isInteger(v) ? String(v) : v.toPrecision(17);
}


function num(v: unknown): number {
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  if (v === '-0') return -0;
  return Number(v);
}

/**
 * Same dtype (unless `dtype` given) and shape as NumPy's result, every float element within
 * atol + rtol·|expected| (NaN matches NaN, infinities must be equal); complex parts separately.
 */
export function expectNear(got: FastArray, exp: Enc | undefined, label: string, tol: { rtol?: number; atol?: number; dtype?: string } = {}): void {
  if (exp === undefined || !('data' in exp)) throw new Error(`${label}: NumPy gave ${JSON.stringify(exp)}, fast gave an array`);
  const g = encode(got);
  expect(g.dtype, `${label}: dtype`).toBe(tol.dtype ?? exp.dtype);
  expect(g.shape, `${label}: shape`).toEqual(exp.shape);
  const rtol = tol.rtol ?? 0;
  const atol = tol.atol ?? 0;
  const flat = (x: unknown[]): number[] => x.flatMap((v) => (Array.isArray(v) ? v.map(num) : [typeof v === 'boolean' ? Number(v) : num(v)]));
  const gv = flat(g.data);
  const ev = flat(exp.data);
  for (let i = 0; i < gv.length; i++) {
    const a = gv[i];
    const e = ev[i];
    const ok = Number.isNaN(e) ? Number.isNaN(a) : !Number.isFinite(e) ? a === e : Math.abs(a - e) <= atol + rtol * Math.abs(e);
    if (!ok) throw new Error(`${label}: value ${i} is ${a}, NumPy has ${e} (rtol ${rtol}, atol ${atol}); fast ${JSON.stringify(gv.slice(0, 12))} NumPy ${JSON.stringify(ev.slice(0, 12))}`);
  }
}
