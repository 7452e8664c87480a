/**
 * Creating fast arrays: asarray (nested JS arrays, scalars, TypedArrays, DataViews, fast arrays),
 * zeros, ones, empty, full, the *_like forms, arange, linspace, eye, identity.
 */
import { DTYPES, TYPED_ARRAY_DTYPES, type DTypeName, type DTypeSpelling } from '../../common/dtypes.js';
import { CopyRequiredError, DTypeError, ShapeError, ValueError } from '../../common/errors.js';
import type { Complex } from '../../common/ndarray.js';
import { FastArray } from '../array.js';
import { astype, copy } from '../data-types/convert.js';
import { checkDType, DEFAULT_FLOAT, DEFAULT_INT, resultType } from '../engine/promotion.js';
import { describe, intFits, isComplexLike, writeElement } from '../engine/scalars.js';
import { checkShape, isCContiguous, sizeOf } from '../engine/shape.js';
import { Storage, type TypedData } from '../engine/storage.js';
import { importForeign } from '../interop.js';
import { checkOptions, intArg } from '../engine/options.js';
import { checkIntegerWrite } from '../engine/write-check.js';
import { resolveOrder } from '../manipulation/views.js';

export interface DTypeOption {
  /** A dtype: its name or any NumPy spelling fast has ('f8', '<i4', 'int', 'double'...). */
  dtype?: DTypeSpelling;
}

/** Options of the creation functions that make a fresh array: dtype and memory order ('C' or 'F'). */
export interface CreationOptions extends DTypeOption {
  order?: 'C' | 'F';
}

/** Options of zeros_like and friends: dtype, order ('C', 'F', 'A', 'K': as the prototype), shape. */
export interface LikeOptions extends DTypeOption {
  order?: 'C' | 'F' | 'A' | 'K';
  shape?: readonly number[] | number;
}

function fresh(dtype: DTypeName, shape: readonly number[], order: unknown = 'C'): FastArray {
  const st = Storage.allocate(dtype, sizeOf(shape));
  if (order === 'F' && shape.length > 1) {
    // column-major: the first axis varies fastest
    const strides = new Array<number>(shape.length);
    let s = 1;
    for (let i = 0; i < shape.length; i++) {
      strides[i] = s;
      s *= shape[i];
    }
    return new FastArray(dtype, shape, st, 0, strides, null);
  }
  if (order !== 'C' && order !== 'F') throw new ValueError(`order must be 'C' or 'F' for a new array, got ${String(order)}`);
  return new FastArray(dtype, shape, st, 0, null, null);
}

/** 'C' or 'F' for a *_like result: 'A'/'K' follow the prototype (F when it is F- and not C-contiguous). */
function likeOrder(a: FastArray, order: unknown = 'K'): 'C' | 'F' {
  if (order === 'C') return 'C';
  if (order === 'F') return 'F';
  const r = resolveOrder(a, order, 'the *_like functions');
  if (r === 'F') return 'F';
  // 'K': the axes in reverse order of their strides is F order (other permutations are made C-contiguous)
  return Array.isArray(r) && r.every((p, i) => p === r.length - 1 - i) ? 'F' : 'C';
}


/** dtype NumPy-like inference would give a JS scalar, with fast's defaults (int32, float64). */
function scalarDType(v: unknown): DTypeName {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return v >= -(2n ** 63n) && v < 2n ** 63n ? 'int64' : v >= 0n && v < 2n ** 64n ? 'uint64' : badBig(v);
  if (typeof v === 'number') {
    // integers beyond ±2**53 are not exact as JS numbers: they are floats (1e25 is NumPy's float 1e25)
    if (Number.isSafeInteger(v) && !Object.is(v, -0)) {
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
export interface AsarrayOptions extends DTypeOption {
  /** NumPy 2: true always copies, false never copies (CopyRequiredError when it must), null/undefined copies only when needed. */
  copy?: boolean | null;
  /** Memory order of the result: 'C', 'F', or 'A'/'K' (keep the input's layout when it can be kept). */
  order?: 'C' | 'F' | 'A' | 'K';
}

export function asarray(obj: AsarrayInput, options?: AsarrayOptions): FastArray {
  options = checkOptions('asarray', options);
  if (options === undefined) return asarrayCore(obj, undefined, undefined);
  const want = options.dtype === undefined || options.dtype === null ? undefined : checkDType(options.dtype);
  const r = asarrayCore(obj, want, options.copy);
  return withOrder(r, options.order, options.copy === false);
}

/** `r` laid out in `order` ('C' or 'F': a copy unless it already is; 'A'/'K': as it is). */
function withOrder(r: FastArray, order: unknown, noCopy: boolean): FastArray {
  if (order === undefined || order === null || order === 'A' || order === 'K') return r;
  r._force();
  const isC = isCContiguous(r.shape, r._es);
  const isF = isCContiguous(r.shape.slice().reverse(), r._es.slice().reverse());
  if ((order === 'C' && isC) || (order === 'F' && isF)) return r;
  if (noCopy) throw new CopyRequiredError(`asarray: making this array ${order === 'C' ? 'C' : 'F'}-contiguous needs a copy, and copy is false`);
  const out = fresh(r.dtype, r.shape, order);
  copyValues(r, out);
  return out;
}

/** Write `src`'s values into the same-shaped fresh array `dst` (any layouts). */
function copyValues(src: FastArray, dst: FastArray): void {
  const flat = copy(src);
  const n = src.size;
  const shape = src.shape;
  const nd = shape.length;
  const idxs = new Array<number>(nd).fill(0);
  const lanes = DTYPES[src.dtype].kind === 'complex' ? 2 : 1;
  const from = flat._data!;
  const to = dst._data!;
  for (let i = 0; i < n; i++) {
    let k = 0;
    for (let d = 0; d < nd; d++) k += idxs[d] * dst._es[d];
    for (let l = 0; l < lanes; l++) (to as Float64Array)[k * lanes + l] = (from as Float64Array)[(flat._off + i) * lanes + l];
    for (let d = nd - 1; d >= 0; d--) {
      if (++idxs[d] < shape[d]) break;
      idxs[d] = 0;
    }
  }
}

function asarrayCore(obj: AsarrayInput, want: DTypeName | undefined, copyOpt: boolean | null | undefined): FastArray {
  if (obj instanceof FastArray) {
    if (want === undefined || want === obj.dtype) return copyOpt === true ? copy(obj) : obj;
    if (copyOpt === false) throw new CopyRequiredError(`asarray: converting ${obj.dtype} to ${want} needs a copy, and copy is false`);
    return astype(obj, want);
  }
  if (ArrayBuffer.isView(obj)) {
    const a = fromBufferView(obj, want);
    // same buffer and offset: small results share slabs, so the buffer alone does not say the memory is obj's
    const shared = a._st !== null && a._st.data.buffer === obj.buffer && a._st.data.byteOffset === obj.byteOffset;
    if (!shared && copyOpt === false) {
      throw new CopyRequiredError(`asarray: this ${obj.constructor.name} cannot be shared${want ? ` as ${want}` : ''} (resizable or shared buffer, or a dtype change), and copy is false`);
    }
    return copyOpt === true && shared ? copy(a) : a;
  }
  if (Array.isArray(obj) || weakScalar(obj)) {
    if (copyOpt === false) throw new CopyRequiredError('asarray: JS arrays and scalars are always copied into a new array, and copy is false');
    return fromNested(obj, want);
  }
  if ((typeof obj === 'object' || typeof obj === 'function') && obj !== null) {
    const foreign = importForeign(obj, want, copyOpt);
    if (foreign !== undefined) return foreign;
    if ('__array_interface__' in obj) {
      throw new DTypeError("this object exposes __array_interface__; import 'ndbridge/bridge' (or 'ndbridge'), which knows native memory, and call fast.asarray again");
    }
  }
  throw new DTypeError(`cannot make a fast array from ${describe(obj)}`);
}

/** Nested JS arrays (possibly holding fast arrays, 0-d or not, as NumPy's asarray([asarray(1), ...])) or a scalar. */
function fromNested(obj: unknown, want: DTypeName | undefined): FastArray {
  const arrayDtypes: DTypeName[] = [];
  const input = expandArrays(obj, arrayDtypes);
  const { shape, values } = flatten(input);
  let dt: DTypeName | null = want ?? null;
  if (dt === null) {
    let negative = false;
    for (const v of values) {
      dt = joinDType(dt, scalarDType(v));
      if ((typeof v === 'number' || typeof v === 'bigint') && v < 0) negative = true;
    }
    if (dt === 'uint64' && negative) dt = 'float64';
    if (arrayDtypes.length > 0) {
      // elements that came from arrays keep their dtypes (NumPy: the result type of the pieces)
      const plain: unknown[] = [];
      plainScalars(obj, plain);
      let pdt: DTypeName | null = null;
      for (const v of plain) pdt = joinDType(pdt, scalarDType(v));
      dt = resultType(...arrayDtypes, ...(pdt !== null ? [pdt] : []));
    }
    dt ??= DEFAULT_FLOAT; // empty lists are float64, as NumPy
  } else {
    for (const v of values) {
      scalarDType(v); // reject non-numeric values
      checkIntegerWrite(v, dt); // NumPy 2 refuses NaN, inf and out-of-range Python integers for integer dtypes
    }
  }
  const a = fresh(dt, shape);
  const data = a._data!;
  for (let i = 0; i < values.length; i++) writeElement(data, dt, i, values[i]);
  return a;
}

/** Replace fast arrays inside nested lists by their nested values, recording their dtypes. */
function expandArrays(obj: unknown, dtypes: DTypeName[]): unknown {
  if (obj instanceof FastArray) {
    dtypes.push(obj.dtype);
    return obj.toArray();
  }
  if (!Array.isArray(obj)) return obj;
  let changed: unknown[] | null = null;
  for (let i = 0; i < obj.length; i++) {
    const x: unknown = obj[i];
    if (x instanceof FastArray || Array.isArray(x)) {
      const y = expandArrays(x, dtypes);
      if (y !== x) (changed ??= obj.slice())[i] = y;
    }
  }
  return changed ?? obj;
}

/** The scalars of nested `obj` that do not come from fast arrays. */
function plainScalars(obj: unknown, out: unknown[]): void {
  if (obj instanceof FastArray) return;
  if (!Array.isArray(obj)) {
    out.push(obj);
    return;
  }
  for (const x of obj) plainScalars(x, out);
}

function weakScalar(v: unknown): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || isComplexLike(v);
}

function fromBufferView(v: ArrayBufferView, want: DTypeName | undefined): FastArray {
  const isDataView = v instanceof DataView;
  const own = isDataView ? 'uint8' : (v instanceof Uint8ClampedArray ? 'uint8' : TYPED_ARRAY_DTYPES.get(v.constructor));
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
    new Uint8Array(st.buffer, st.data.byteOffset, v.byteLength).set(new Uint8Array(buf, v.byteOffset, v.byteLength));
    return new FastArray(want, [n], st, 0, null, null);
  }
  const n = isDataView ? v.byteLength : (v as TypedData).length;
  let a: FastArray;
  if (shareable) a = new FastArray(own, [n], new Storage(own, buf, v.byteOffset, n), 0, null, null);
  else {
    const st = Storage.allocate(own, n);
    new Uint8Array(st.buffer, st.data.byteOffset, v.byteLength).set(new Uint8Array(buf, v.byteOffset, v.byteLength));
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

export function zeros(shape: readonly number[] | number, options?: CreationOptions): FastArray {
  options = checkOptions('zeros', options);
  return fresh(checkDType(options?.dtype ?? DEFAULT_FLOAT), checkShape(shapeArg('zeros', shape)), options?.order);
}
export function empty(shape: readonly number[] | number, options?: CreationOptions): FastArray {
  options = checkOptions('empty', options);
  return fresh(checkDType(options?.dtype ?? DEFAULT_FLOAT), checkShape(shapeArg('empty', shape)), options?.order);
}
export function ones(shape: readonly number[] | number, options?: CreationOptions): FastArray {
  options = checkOptions('ones', options);
  return fillValue(fresh(checkDType(options?.dtype ?? DEFAULT_FLOAT), checkShape(shapeArg('ones', shape)), options?.order), 1);
}
export function full(shape: readonly number[] | number, fill: number | bigint | boolean | Complex, options?: CreationOptions): FastArray {
  options = checkOptions('full', options);
  const dt = checkDType(options?.dtype ?? scalarDType(fill));
  checkIntegerWrite(fill, dt);
  return fillValue(fresh(dt, checkShape(shapeArg('full', shape)), options?.order), fill);
}
/** A shape argument: an integer (number, or bigint within 2**53), or a list of them. */
function shapeArg(fn: string, shape: unknown): readonly number[] | number {
  if (typeof shape === 'bigint') return intArg(fn, 'shape', shape);
  if (Array.isArray(shape) && shape.some((d) => typeof d === 'bigint')) return shape.map((d: unknown) => intArg(fn, 'shape', d));
  return shape as readonly number[] | number;
}
function likeShape(a: FastArray, fn: string, options: LikeOptions | undefined): readonly number[] {
  return options?.shape === undefined || options.shape === null ? a.shape : checkShape(shapeArg(fn, options.shape));
}
export function zeros_like(a: FastArray, options?: LikeOptions): FastArray {
  options = checkOptions('zeros_like', options);
  return fresh(checkDType(options?.dtype ?? a.dtype), likeShape(a, 'zeros_like', options), likeOrder(a, options?.order));
}
export function empty_like(a: FastArray, options?: LikeOptions): FastArray {
  options = checkOptions('empty_like', options);
  return fresh(checkDType(options?.dtype ?? a.dtype), likeShape(a, 'empty_like', options), likeOrder(a, options?.order));
}
export function ones_like(a: FastArray, options?: LikeOptions): FastArray {
  options = checkOptions('ones_like', options);
  return fillValue(fresh(checkDType(options?.dtype ?? a.dtype), likeShape(a, 'ones_like', options), likeOrder(a, options?.order)), 1);
}
export function full_like(a: FastArray, fill: number | bigint | boolean | Complex, options?: LikeOptions): FastArray {
  options = checkOptions('full_like', options);
  const dt = checkDType(options?.dtype ?? a.dtype);
  checkIntegerWrite(fill, dt);
  return fillValue(fresh(dt, likeShape(a, 'full_like', options), likeOrder(a, options?.order)), fill);
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
  options = checkOptions('arange', options);
  if (typeof start === 'bigint') start = intArg('arange', 'start', start);
  if (typeof stop === 'bigint') stop = intArg('arange', 'stop', stop);
  if (typeof step === 'bigint') step = intArg('arange', 'step', step);
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
  /** The number of samples by name, as NumPy's `linspace(0, 1, num=5)` (default 50). */
  num?: number | bigint;
}

/** `num` evenly spaced values over [start, stop] (NumPy's formula: i*step + start, last = stop). */
export function linspace(start: number, stop: number, numArg?: number | bigint | LinspaceOptions, options: LinspaceOptions = {}): FastArray {
  let num: number | bigint | undefined;
  if (typeof numArg === 'object' && numArg !== null) {
    options = numArg;
    num = undefined;
  } else num = numArg;
  options = checkOptions('linspace', options);
  if (options.num !== undefined) {
    if (num !== undefined) throw new TypeError("linspace() got multiple values for argument 'num'");
    num = options.num;
  }
  num = num === undefined ? 50 : typeof num === 'bigint' ? intArg('linspace', 'num', num) : num;
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

export interface EyeOptions extends CreationOptions {
  k?: number | bigint;
}

export function eye(n: number, m?: number | null | EyeOptions, options: EyeOptions = {}): FastArray {
  if (typeof m === 'object' && m !== null) {
    options = m;
    m = undefined;
  }
  // a diagonal offset beyond ±2**53 lies outside any array fast can make: all zeros, as NumPy's
  const kIn: unknown = options.k;
  if (typeof kIn === 'bigint' && (kIn > 9007199254740991n || kIn < -9007199254740991n)) options = { ...options, k: kIn > 0n ? 2 ** 53 : -(2 ** 53) };
  options = checkOptions('eye', options);
  n = intArg('eye', 'N', n);
  const cols = m === undefined || m === null ? n : intArg('eye', 'M', m);
  const a = zeros([n, cols], { dtype: options.dtype ?? DEFAULT_FLOAT, order: options.order === 'F' ? 'F' : 'C' });
  const k = Number(options.k ?? 0); // checkOptions made a bigint within ±2**53 a number
  for (let i = 0; i < n; i++) {
    const j = i + k;
    if (j >= 0 && j < cols) writeElement(a._data!, a.dtype, i * a._es[0] + j * (cols > 0 ? a._es[1] : 0), 1);
  }
  return a;
}

export function identity(n: number, options: DTypeOption = {}): FastArray {
  options = checkOptions('identity', options);
  return eye(n, n, { dtype: options.dtype });
}
