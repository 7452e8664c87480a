/**
 * Creating fast arrays: asarray (nested JS arrays, scalars, TypedArrays, DataViews, fast arrays),
 * zeros, ones, empty, full, the *_like forms, arange, linspace, eye, identity.
 */
import { DTYPES, type DTypeName } from '../common/dtypes.js';
import { DTypeError, ShapeError, ValueError } from '../common/errors.js';
import type { Complex } from '../common/ndarray.js';
import { FastArray } from './array.js';
import { astype } from './convert.js';
import { checkDType, DEFAULT_FLOAT, DEFAULT_INT } from './promotion.js';
import { describe, intFits, isComplexLike, writeElement } from './scalars.js';
import { checkShape, sizeOf } from './shape.js';
import { Storage, type TypedData } from './storage.js';
import { importForeign } from './interop.js';

export interface DTypeOption {
  dtype?: DTypeName;
}

function fresh(dtype: DTypeName, shape: readonly number[]): FastArray {
  const st = Storage.allocate(dtype, sizeOf(shape));
  return new FastArray(dtype, shape, st, 0, null, null);
}

const TYPED_DTYPE = new Map<unknown, DTypeName>([
  [Float64Array, 'float64'],
  [Float32Array, 'float32'],
  [Int8Array, 'int8'],
  [Int16Array, 'int16'],
  [Int32Array, 'int32'],
  [BigInt64Array, 'int64'],
  [Uint8Array, 'uint8'],
  [Uint8ClampedArray, 'uint8'],
  [Uint16Array, 'uint16'],
  [Uint32Array, 'uint32'],
  [BigUint64Array, 'uint64'],
]);

/** dtype NumPy-like inference would give a JS scalar, with fast's defaults (int32, float64). */
function scalarDType(v: unknown): DTypeName {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return v >= -(2n ** 63n) && v < 2n ** 63n ? 'int64' : v >= 0n && v < 2n ** 64n ? 'uint64' : badBig(v);
  if (typeof v === 'number') {
    if (Number.isInteger(v) && !Object.is(v, -0)) {
      if (v >= -2147483648 && v <= 2147483647) return DEFAULT_INT;
      return 'int64';
    }
    return DEFAULT_FLOAT;
  }
  if (isComplexLike(v)) return 'complex128';
  throw new DTypeError(`cannot make an array element from ${describe(v)}; elements must be numbers, bigints, booleans or {re, im}`);
}

function badBig(v: bigint): never {
  throw new ValueError(`the integer ${v} does not fit in int64 or uint64`);
}

const RANK: Record<string, number> = { bool: 0, int32: 1, int64: 2, uint64: 2, float64: 3, complex128: 4 };

/** Join inferred dtypes of elements: bool < int32 < int64 < float64 < complex128 (uint64 with negative ints -> float64). */
function joinDType(a: DTypeName | null, b: DTypeName): DTypeName {
  if (a === null || a === b) return b;
  if ((a === 'uint64' && b === 'int64') || (a === 'int64' && b === 'uint64')) return 'uint64'; // float64 if any is negative
  return RANK[a] >= RANK[b] ? a : b;
}

/** Shape and flat values of nested arrays; ShapeError for ragged input. */
function flatten(obj: unknown): { shape: number[]; values: unknown[] } {
  const shape: number[] = [];
  let probe: unknown = obj;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = probe[0];
  }
  const values: unknown[] = [];
  const walk = (x: unknown, d: number): void => {
    if (d === shape.length) {
      if (Array.isArray(x)) throw ragged(shape, d);
      values.push(x);
      return;
    }
    if (!Array.isArray(x) || x.length !== shape[d]) throw ragged(shape, d);
    for (const y of x) walk(y, d + 1);
  };
  walk(obj, 0);
  return { shape, values };
}

function ragged(shape: readonly number[], d: number): ShapeError {
  return new ShapeError(
    `setting an array element with a sequence: the nested arrays have an inhomogeneous shape after ${d} dimension(s); ` +
      `the detected shape was (${shape.slice(0, d).join(', ')}${d === 1 ? ',' : ''}) + inhomogeneous part. All sub-arrays at one level must have the same length`,
  );
}

/** `object`: foreign arrays (NumPy arrays and the like) once ndbridge/bridge is loaded. */
export type AsarrayInput = FastArray | ArrayBufferView | unknown[] | number | bigint | boolean | Complex | object;

/**
 * `asarray(obj, { dtype })`: a fast array from a fast array (returned as is when no dtype change),
 * a TypedArray (its memory is shared when it is a plain non-resizable ArrayBuffer), a DataView
 * (bytes, or reinterpreted as `dtype`), nested JS arrays or a scalar (dtype inferred as NumPy, with
 * int32 and float64 as the defaults).
 */
export function asarray(obj: AsarrayInput, options: DTypeOption = {}): FastArray {
  const want = options.dtype === undefined ? undefined : checkDType(options.dtype);
  if (obj instanceof FastArray) return want === undefined || want === obj.dtype ? obj : astype(obj, want);
  if (ArrayBuffer.isView(obj)) return fromBufferView(obj, want);
  if (Array.isArray(obj) || weakScalar(obj)) {
    const { shape, values } = flatten(obj);
    let dt: DTypeName | null = want ?? null;
    if (dt === null) {
      let negative = false;
      for (const v of values) {
        dt = joinDType(dt, scalarDType(v));
        if ((typeof v === 'number' || typeof v === 'bigint') && v < 0) negative = true;
      }
      if (dt === 'uint64' && negative) dt = 'float64';
      dt ??= DEFAULT_FLOAT; // empty lists are float64, as NumPy
    } else {
      const k = DTYPES[dt].kind;
      for (const v of values) {
        scalarDType(v); // reject non-numeric values
        // NumPy 2 refuses Python integers that do not fit an integer dtype
        if ((k === 'signed' || k === 'unsigned') && (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) && !intFits(v, dt)) {
          throw new ValueError(`integer ${v} is out of bounds for ${dt}`);
        }
      }
    }
    const a = fresh(dt, shape);
    const data = a._data!;
    for (let i = 0; i < values.length; i++) writeElement(data, dt, i, values[i]);
    return a;
  }
  if ((typeof obj === 'object' || typeof obj === 'function') && obj !== null) {
    const foreign = importForeign(obj, want);
    if (foreign !== undefined) return foreign;
    if ('__array_interface__' in obj) {
      throw new DTypeError("this object exposes __array_interface__; import 'ndbridge/bridge' (or 'ndbridge'), which knows native memory, and call fast.asarray again");
    }
  }
  throw new DTypeError(`cannot make a fast array from ${describe(obj)}`);
}

function weakScalar(v: unknown): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || isComplexLike(v);
}

function fromBufferView(v: ArrayBufferView, want: DTypeName | undefined): FastArray {
  const isDataView = v instanceof DataView;
  const own = isDataView ? 'uint8' : TYPED_DTYPE.get(v.constructor);
  if (own === undefined) throw new DTypeError(`unsupported typed array ${v.constructor.name}`);
  const buf = v.buffer;
  const shareable = buf instanceof ArrayBuffer && !(buf as ArrayBuffer & { resizable?: boolean }).resizable;
  if (isDataView && want !== undefined) {
    // reinterpret the bytes
    const size = DTYPES[want].itemsize;
    if (v.byteLength % size !== 0) throw new ValueError(`a DataView of ${v.byteLength} bytes is not a whole number of ${want} elements (${size} bytes each)`);
    const n = v.byteLength / size;
    if (shareable && v.byteOffset % (size / (DTYPES[want].kind === 'complex' ? 2 : 1)) === 0) {
      return new FastArray(want, [n], new Storage(want, buf, v.byteOffset, n), 0, null, null);
    }
    const st = Storage.allocate(want, n);
    new Uint8Array(st.buffer).set(new Uint8Array(buf, v.byteOffset, v.byteLength));
    return new FastArray(want, [n], st, 0, null, null);
  }
  const n = isDataView ? v.byteLength : (v as TypedData).length;
  let a: FastArray;
  if (shareable) a = new FastArray(own, [n], new Storage(own, buf, v.byteOffset, n), 0, null, null);
  else {
    const st = Storage.allocate(own, n);
    new Uint8Array(st.buffer).set(new Uint8Array(buf, v.byteOffset, v.byteLength));
    a = new FastArray(own, [n], st, 0, null, null);
  }
  return want === undefined || want === own ? a : astype(a, want);
}

/** Wrap an existing buffer (for the bridge): element strides, element offset. */
export function fromBuffer(
  buffer: ArrayBuffer,
  dtype: DTypeName,
  shape: readonly number[],
  options: { byteOffset?: number; strides?: readonly number[]; offset?: number; length?: number; writeable?: boolean } = {},
): FastArray {
  const d = checkDType(dtype);
  const byteOffset = options.byteOffset ?? 0;
  const length = options.length ?? Math.floor((buffer.byteLength - byteOffset) / DTYPES[d].itemsize);
  const st = new Storage(d, buffer, byteOffset, length);
  return new FastArray(d, checkShape(shape), st, options.offset ?? 0, options.strides ?? null, null, options.writeable ?? true);
}

function fillValue(a: FastArray, v: unknown): FastArray {
  const n = a.size;
  const data = a._data!;
  if (n === 0) return a;
  writeElement(data, a.dtype, 0, v);
  if (DTYPES[a.dtype].kind === 'complex') {
    const re = data[0] as number;
    const im = data[1] as number;
    for (let i = 1; i < n; i++) {
      data[2 * i] = re;
      data[2 * i + 1] = im;
    }
  } else (data as Float64Array).fill(data[0] as number);
  return a;
}

export function zeros(shape: readonly number[] | number, options: DTypeOption = {}): FastArray {
  return fresh(checkDType(options.dtype ?? DEFAULT_FLOAT), checkShape(shape));
}
export function empty(shape: readonly number[] | number, options: DTypeOption = {}): FastArray {
  return zeros(shape, options);
}
export function ones(shape: readonly number[] | number, options: DTypeOption = {}): FastArray {
  return fillValue(zeros(shape, options), 1);
}
export function full(shape: readonly number[] | number, fill: number | bigint | boolean | Complex, options: DTypeOption = {}): FastArray {
  const dt = checkDType(options.dtype ?? scalarDType(fill));
  return fillValue(fresh(dt, checkShape(shape)), fill);
}
export function zeros_like(a: FastArray, options: DTypeOption = {}): FastArray {
  return zeros(a.shape, { dtype: options.dtype ?? a.dtype });
}
export function empty_like(a: FastArray, options: DTypeOption = {}): FastArray {
  return zeros(a.shape, { dtype: options.dtype ?? a.dtype });
}
export function ones_like(a: FastArray, options: DTypeOption = {}): FastArray {
  return ones(a.shape, { dtype: options.dtype ?? a.dtype });
}
export function full_like(a: FastArray, fill: number | bigint | boolean | Complex, options: DTypeOption = {}): FastArray {
  return full(a.shape, fill, { dtype: options.dtype ?? a.dtype });
}

/**
 * `arange(stop)`, `arange(start, stop, step?)`: `ceil((stop - start) / step)` values start + i*step.
 * dtype: int32 when all arguments are integers (int64 when they leave int32's range), else float64.
 */
export function arange(
  start: number,
  stop?: number | null | DTypeOption,
  step?: number | null | DTypeOption,
  options: DTypeOption = {},
): FastArray {
  // the options object may come right after the last positional argument
  if (typeof stop === 'object' && stop !== null) {
    options = stop;
    stop = undefined;
  } else if (typeof step === 'object' && step !== null) {
    options = step;
    step = undefined;
  }
  let stopN: number;
  if (stop === undefined || stop === null) {
    stopN = start;
    start = 0;
  } else stopN = stop as number;
  const st = (step as number | null | undefined) ?? 1;
  for (const [name, v] of [['start', start], ['stop', stopN], ['step', st]] as const) {
    if (typeof v !== 'number') throw new DTypeError(`arange ${name} must be a number, got ${describe(v)}`);
  }
  if (st === 0) throw new ValueError('arange step must not be zero (Maximum allowed size exceeded)');
  const n = Math.max(0, Math.ceil((stopN - start) / st));
  if (!Number.isFinite(n)) throw new ValueError(`arange with start ${start}, stop ${stopN}, step ${st} has no finite length`);
  let dt: DTypeName;
  if (options.dtype !== undefined && options.dtype !== null) dt = checkDType(options.dtype);
  else if ([start, stopN, st].every((v) => Number.isInteger(v))) {
    const last = start + (n - 1) * st;
    dt = [start, stopN, last].every((v) => v >= -2147483648 && v <= 2147483647) ? DEFAULT_INT : 'int64';
  } else dt = DEFAULT_FLOAT;
  const a = fresh(dt, [n]);
  const data = a._data!;
  const k = DTYPES[dt].kind;
  if (k === 'float' || k === 'complex') {
    for (let i = 0; i < n; i++) writeElement(data, dt, i, start + i * st);
  } else if (dt === 'int64' || dt === 'uint64') {
    for (let i = 0; i < n; i++) writeElement(data, dt, i, BigInt(Math.trunc(start)) + BigInt(i) * BigInt(Math.trunc(st)));
  } else {
    for (let i = 0; i < n; i++) writeElement(data, dt, i, start + i * st);
  }
  return a;
}

export interface LinspaceOptions extends DTypeOption {
  endpoint?: boolean;
}

/** `num` evenly spaced values over [start, stop] (NumPy's formula: i*step + start, last = stop). */
export function linspace(start: number, stop: number, numArg: number | LinspaceOptions = 50, options: LinspaceOptions = {}): FastArray {
  let num: number;
  if (typeof numArg === 'object' && numArg !== null) {
    options = numArg;
    num = 50;
  } else num = numArg;
  if (!Number.isInteger(num) || num < 0) throw new ValueError(`Number of samples, ${num}, must be non-negative.`);
  const endpoint = options.endpoint ?? true;
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const y = new Float64Array(new ArrayBuffer(Math.max(8, num * 8)), 0, num);
  const step = delta / div;
  for (let i = 0; i < num; i++) {
    if (div > 0) y[i] = step === 0 ? (i / div) * delta + start : i * step + start;
    else y[i] = i * delta + start;
  }
  if (endpoint && num > 1) y[num - 1] = stop;
  const dt = checkDType(options.dtype ?? DEFAULT_FLOAT);
  const out = fresh(dt, [num]);
  const k = DTYPES[dt].kind;
  for (let i = 0; i < num; i++) writeElement(out._data!, dt, i, k === 'signed' || k === 'unsigned' ? Math.floor(y[i]) : y[i]);
  return out;
}

export interface EyeOptions extends DTypeOption {
  k?: number;
}

export function eye(n: number, m?: number | null | EyeOptions, options: EyeOptions = {}): FastArray {
  if (typeof m === 'object' && m !== null) {
    options = m;
    m = undefined;
  }
  const cols = m ?? n;
  const a = zeros([n, cols], { dtype: options.dtype ?? DEFAULT_FLOAT });
  const k = options.k ?? 0;
  for (let i = 0; i < n; i++) {
    const j = i + k;
    if (j >= 0 && j < cols) writeElement(a._data!, a.dtype, i * cols + j, 1);
  }
  return a;
}

export function identity(n: number, options: DTypeOption = {}): FastArray {
  return eye(n, n, { dtype: options.dtype });
}
