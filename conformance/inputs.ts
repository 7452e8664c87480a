/**
 * Deterministic input arrays for cases: values drawn from a domain for each dtype, with the dtype's edge
 * values (NaN, ±inf, -0.0, extremes) mixed in; encoded once for the runtimes (nested JS arrays) and once
 * for the oracle (little-endian bytes in hex, so the oracle never depends on our conversion code).
 */
import { DTYPES, type DTypeName } from '../src/common/dtypes.js';
import type { Complex, NestedArray, Scalar } from '../src/common/ndarray.js';
import { randInt, type Rng } from './prng.js';

/**
 * Value domains: `any` = the dtype's whole range with edges; `small` = small magnitudes (|x| <= 10,
 * safe for pow, shifts by other arguments etc.); `positive` > 0; `nonneg` >= 0; `nonzero`; `unit` in [-1, 1];
 * `ge1` >= 1; `shift` = 0..(bits-1) for shift counts; `finite` = no NaN/inf; `noedge` = like any, without
 * edge values.
 */
export type Domain = 'any' | 'small' | 'positive' | 'nonneg' | 'nonzero' | 'unit' | 'ge1' | 'shift' | 'finite' | 'noedge';

export interface InputSpec {
  readonly dtype: DTypeName;
  readonly shape: readonly number[];
  readonly domain?: Domain;
  /** A NumPy index string applied after creation (`'::-1'`, `'::2'`, `'1:, ::-1'`): a view of the base. */
  readonly view?: string;
  /** Explicit base values (flat, C order) instead of generated ones. */
  readonly values?: readonly Scalar[];
}

export interface GeneratedInput {
  readonly dtype: DTypeName;
  readonly shape: readonly number[];
  readonly view?: string;
  /** Flat C-order values of the base array (before the view). */
  readonly values: readonly Scalar[];
}

const INT_RANGE: Partial<Record<DTypeName, readonly [bigint, bigint]>> = {
  int8: [-128n, 127n],
  int16: [-32768n, 32767n],
  int32: [-2147483648n, 2147483647n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint8: [0n, 255n],
  uint16: [0n, 65535n],
  uint32: [0n, 4294967295n],
  uint64: [0n, 2n ** 64n - 1n],
};

const FLOAT_EDGES: Record<'float32' | 'float64', readonly number[]> = {
  float64: [NaN, Infinity, -Infinity, -0, 0, 1, -1, 0.5, Number.MAX_VALUE, -Number.MAX_VALUE, 2.2250738585072014e-308, 5e-324],
  float32: [NaN, Infinity, -Infinity, -0, 0, 1, -1, 0.5, 3.4028234663852886e38, -3.4028234663852886e38, 1.1754943508222875e-38, 1.401298464324817e-45],
};

function inDomain(x: number, d: Domain): boolean {
  if (Number.isNaN(x)) return d === 'any' || d === 'positive' || d === 'nonneg' || d === 'nonzero' || d === 'unit' || d === 'ge1' || d === 'small';
  switch (d) {
    case 'any':
      return true;
    case 'small':
      return Math.abs(x) <= 10;
    case 'positive':
      return x > 0;
    case 'nonneg':
      return x >= 0 && !Object.is(x, -0);
    case 'nonzero':
      return x !== 0;
    case 'unit':
      return x >= -1 && x <= 1;
    case 'ge1':
      return x >= 1;
    case 'finite':
    case 'noedge':
    case 'shift':
      return Number.isFinite(x);
  }
}

function floatIn(rng: Rng, d: Domain, f32: boolean): number {
  const r = (): number => {
    switch (d) {
      case 'unit':
        return rng() * 2 - 1;
      case 'positive':
        return rng() * 20 + 1e-3;
      case 'nonneg':
        return rng() * 20;
      case 'ge1':
        return 1 + rng() * 20;
      case 'small':
      case 'shift':
        return rng() * 20 - 10;
      default: {
        const v = (rng() * 2 - 1) * 10 ** randInt(rng, -3, 3);
        return d === 'nonzero' && v === 0 ? 1.5 : v;
      }
    }
  };
  const v = r();
  return f32 ? Math.fround(v) : v;
}

function intIn(rng: Rng, dtype: DTypeName, d: Domain): bigint {
  const [lo, hi] = INT_RANGE[dtype]!;
  const bits = BigInt(DTYPES[dtype].itemsize * 8);
  let a = lo;
  let b = hi;
  if (d === 'small' || d === 'unit') [a, b] = [lo < 0n ? -10n : 0n, 10n];
  if (d === 'unit') [a, b] = [lo < 0n ? -1n : 0n, 1n];
  if (d === 'positive' || d === 'nonzero' || d === 'ge1') a = a > 1n ? a : 1n;
  if (d === 'positive' || d === 'ge1') b = b < 20n ? b : 20n;
  if (d === 'nonneg') [a, b] = [0n, 20n];
  if (d === 'shift') [a, b] = [0n, bits - 1n];
  if (d === 'any' || d === 'finite' || d === 'noedge') {
    // mostly moderate values, sometimes the full range
    if (rng() < 0.7) [a, b] = [lo < -100n ? -100n : lo, hi > 100n ? 100n : hi];
  }
  const span = b - a + 1n;
  const hiPart = BigInt(Math.floor(rng() * 2 ** 32));
  const loPart = BigInt(Math.floor(rng() * 2 ** 32));
  return a + (((hiPart << 32n) | loPart) % span);
}

function intEdges(dtype: DTypeName, d: Domain): bigint[] {
  const [lo, hi] = INT_RANGE[dtype]!;
  const all = [lo, hi, 0n, 1n, -1n, lo + 1n, hi - 1n];
  return all.filter((v) => v >= lo && v <= hi).filter((v) => {
    if (d === 'any') return true;
    if (d === 'nonzero') return v !== 0n;
    if (d === 'positive' || d === 'ge1') return v >= 1n && v <= 20n;
    return false;
  });
}

/** Value of an integer dtype as the runtimes read it: bigint for 64-bit, number otherwise. */
export function intScalar(dtype: DTypeName, v: bigint): number | bigint {
  return DTYPES[dtype].itemsize === 8 ? v : Number(v);
}

export function generateInput(rng: Rng, spec: InputSpec): GeneratedInput {
  const size = spec.shape.reduce((a, b) => a * b, 1);
  if (spec.values) {
    if (spec.values.length !== size) throw new Error(`explicit values: ${spec.values.length} values for shape (${spec.shape.join(', ')})`);
    return { dtype: spec.dtype, shape: spec.shape, view: spec.view, values: spec.values };
  }
  const d = spec.domain ?? 'any';
  const kind = DTYPES[spec.dtype].kind;
  const values: Scalar[] = [];
  if (kind === 'bool') {
    for (let i = 0; i < size; i++) values.push(d === 'nonzero' || d === 'positive' ? true : rng() < 0.5);
  } else if (kind === 'float' || kind === 'complex') {
    const f32 = spec.dtype === 'float32' || spec.dtype === 'complex64';
    const edges = d === 'noedge' || d === 'finite' || d === 'shift' ? [] : FLOAT_EDGES[f32 ? 'float32' : 'float64'].filter((x) => inDomain(x, d));
    const re: number[] = [];
    for (let i = 0; i < size * (kind === 'complex' ? 2 : 1); i++) re.push(floatIn(rng, d, f32));
    // edges at distinct random positions (at most half the elements)
    const k = Math.min(edges.length, Math.floor(re.length / 2));
    const start = randInt(rng, 0, Math.max(0, edges.length - 1));
    for (let j = 0; j < k; j++) re[randInt(rng, 0, re.length - 1)] = edges[(start + j) % edges.length];
    if (kind === 'float') values.push(...re);
    else for (let i = 0; i < size; i++) values.push({ re: re[2 * i], im: re[2 * i + 1] } satisfies Complex);
  } else {
    const edges = intEdges(spec.dtype, d);
    const raw: bigint[] = [];
    for (let i = 0; i < size; i++) raw.push(intIn(rng, spec.dtype, d));
    const k = Math.min(edges.length, Math.floor(size / 2));
    const start = randInt(rng, 0, Math.max(0, edges.length - 1));
    for (let j = 0; j < k; j++) raw[randInt(rng, 0, size - 1)] = edges[(start + j) % edges.length];
    values.push(...raw.map((v) => intScalar(spec.dtype, v)));
  }
  return { dtype: spec.dtype, shape: spec.shape, view: spec.view, values };
}

/** Nested JS arrays (C order) of flat values, as `tolist()` gives them; a bare scalar for shape (). */
export function nest(values: readonly Scalar[], shape: readonly number[]): NestedArray {
  if (shape.length === 0) return values[0];
  const build = (offset: number, dim: number): NestedArray[] => {
    const n = shape[dim];
    const stride = shape.slice(dim + 1).reduce((a, b) => a * b, 1);
    const out: NestedArray[] = [];
    for (let i = 0; i < n; i++) out.push(dim === shape.length - 1 ? values[offset + i] : build(offset + i * stride, dim + 1));
    return out;
  };
  return build(0, 0);
}

/** Little-endian bytes of flat values of a dtype, as hex. */
export function toHex(dtype: DTypeName, values: readonly Scalar[]): string {
  const size = DTYPES[dtype].itemsize;
  const view = new DataView(new ArrayBuffer(size * values.length));
  values.forEach((v, i) => {
    const o = i * size;
    switch (dtype) {
      case 'bool':
        view.setUint8(o, v ? 1 : 0);
        break;
      case 'int8':
        view.setInt8(o, Number(v));
        break;
      case 'uint8':
        view.setUint8(o, Number(v));
        break;
      case 'int16':
        view.setInt16(o, Number(v), true);
        break;
      case 'uint16':
        view.setUint16(o, Number(v), true);
        break;
      case 'int32':
        view.setInt32(o, Number(v), true);
        break;
      case 'uint32':
        view.setUint32(o, Number(v), true);
        break;
      case 'int64':
        view.setBigInt64(o, BigInt(v as bigint | number), true);
        break;
      case 'uint64':
        view.setBigUint64(o, BigInt(v as bigint | number), true);
        break;
      case 'float32':
        view.setFloat32(o, Number(v), true);
        break;
      case 'float64':
        view.setFloat64(o, Number(v), true);
        break;
      case 'complex64':
        view.setFloat32(o, (v as Complex).re, true);
        view.setFloat32(o + 4, (v as Complex).im, true);
        break;
      case 'complex128':
        view.setFloat64(o, (v as Complex).re, true);
        view.setFloat64(o + 8, (v as Complex).im, true);
        break;
    }
  });
  return Buffer.from(view.buffer).toString('hex');
}

/** Flat values of a dtype from little-endian bytes in hex (the oracle's arrays). */
export function fromHex(dtype: DTypeName, hex: string): Scalar[] {
  const bytes = Buffer.from(hex, 'hex');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = DTYPES[dtype].itemsize;
  const out: Scalar[] = [];
  for (let o = 0; o < bytes.byteLength; o += size) {
    switch (dtype) {
      case 'bool':
        out.push(view.getUint8(o) !== 0);
        break;
      case 'int8':
        out.push(view.getInt8(o));
        break;
      case 'uint8':
        out.push(view.getUint8(o));
        break;
      case 'int16':
        out.push(view.getInt16(o, true));
        break;
      case 'uint16':
        out.push(view.getUint16(o, true));
        break;
      case 'int32':
        out.push(view.getInt32(o, true));
        break;
      case 'uint32':
        out.push(view.getUint32(o, true));
        break;
      case 'int64':
        out.push(view.getBigInt64(o, true));
        break;
      case 'uint64':
        out.push(view.getBigUint64(o, true));
        break;
      case 'float32':
        out.push(view.getFloat32(o, true));
        break;
      case 'float64':
        out.push(view.getFloat64(o, true));
        break;
      case 'complex64':
        out.push({ re: view.getFloat32(o, true), im: view.getFloat32(o + 4, true) });
        break;
      case 'complex128':
        out.push({ re: view.getFloat64(o, true), im: view.getFloat64(o + 8, true) });
        break;
    }
  }
  return out;
}
