/**
 * Duck-typed strided arrays from other JavaScript libraries: scijs `ndarray` (data/shape/stride/offset)
 * and `@stdlib/ndarray` (data/shape/strides/offset/dtype). Both are validated with zod and described as a
 * `StridedSource` over their typed array, so they can be viewed without copying.
 */
import { z } from 'zod';
import { DTYPES, isDTypeName, type DTypeName } from '../common/dtypes.js';
import { DTypeError, ProtocolError } from '../common/errors.js';
import { checkInside } from './layout.js';

export type AnyTypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

/** A strided array over a typed array's memory. Strides and offset are in elements of `dtype`. */
export interface StridedSource {
  readonly buffer: ArrayBuffer;
  /** Byte offset of element 0 of the element grid inside `buffer`. */
  readonly byteOffset: number;
  readonly dtype: DTypeName;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
}

const TYPED_ARRAY_DTYPES: ReadonlyArray<readonly [abstract new (...args: never[]) => ArrayBufferView, DTypeName]> = [
  [Float64Array, 'float64'],
  [Float32Array, 'float32'],
  [Int32Array, 'int32'],
  [Uint32Array, 'uint32'],
  [Int16Array, 'int16'],
  [Uint16Array, 'uint16'],
  [Int8Array, 'int8'],
  [Uint8Array, 'uint8'],
  [Uint8ClampedArray, 'uint8'],
  [BigInt64Array, 'int64'],
  [BigUint64Array, 'uint64'],
];

/** The dtype of a typed array (Uint8ClampedArray reads as uint8), or undefined for anything else. */
export function dtypeOfTypedArray(x: unknown): DTypeName | undefined {
  for (const [ctor, dtype] of TYPED_ARRAY_DTYPES) if (x instanceof ctor) return dtype;
  return undefined;
}

export function isTypedArray(x: unknown): x is AnyTypedArray {
  return dtypeOfTypedArray(x) !== undefined;
}

const dim = z.number().int().nonnegative();
const stride = z.number().int();

const scijsSchema = z.object({
  data: z.unknown(),
  shape: z.array(dim),
  stride: z.array(stride),
  offset: z.number().int().nonnegative(),
  dtype: z.string().optional(),
});

const stdlibSchema = z.object({
  data: z.unknown(),
  shape: z.array(dim),
  strides: z.array(stride),
  offset: z.number().int().nonnegative(),
  dtype: z.union([z.string(), z.object({}).passthrough()]),
});

/** True for objects that look like scijs ndarray (data/shape/stride/offset). */
export function isScijsNdarray(x: unknown): boolean {
  return typeof x === 'object' && x !== null && 'data' in x && 'shape' in x && 'stride' in x && 'offset' in x;
}

/** True for objects that look like @stdlib/ndarray (data/shape/strides/offset/dtype). */
export function isStdlibNdarray(x: unknown): boolean {
  return (
    typeof x === 'object' && x !== null && 'data' in x && 'shape' in x && 'strides' in x && 'offset' in x && 'dtype' in x
  );
}

function fail(library: string, error: z.ZodError): never {
  const i = error.issues[0];
  throw new ProtocolError(`${library}.${i?.path.join('.') ?? ''}`, `not a valid ${library} array: ${i?.message ?? ''}`);
}

/** The typed array behind a library array's `data` (stdlib's Complex128Array/Complex64Array expose `.buffer`). */
function typedData(data: unknown, declared: string | undefined, library: string): { view: ArrayBufferView; dtype: DTypeName } {
  const fromTyped = dtypeOfTypedArray(data);
  if (fromTyped) {
    const view = data as ArrayBufferView;
    if (declared && isDTypeName(declared) && declared !== fromTyped) {
      throw new DTypeError(`${library} array declares dtype '${declared}' but its data is a ${view.constructor.name}`);
    }
    return { view, dtype: fromTyped };
  }
  if ((declared === 'complex128' || declared === 'complex64') && typeof data === 'object' && data !== null) {
    const d = data as { buffer?: unknown; byteOffset?: unknown; byteLength?: unknown; BYTES_PER_ELEMENT?: unknown };
    if (d.buffer instanceof ArrayBuffer && typeof d.byteOffset === 'number' && typeof d.byteLength === 'number') {
      const Ctor = declared === 'complex128' ? Float64Array : Float32Array;
      return { view: new Ctor(d.buffer, d.byteOffset, d.byteLength / Ctor.BYTES_PER_ELEMENT), dtype: declared };
    }
  }
  throw new DTypeError(
    `${library} array data is ${Array.isArray(data) ? 'a plain JS array' : typeof data} (dtype '${declared ?? 'unknown'}'); ` +
      'only typed-array-backed arrays can be shared without copying. Pass copy: true, or build it over a typed array.',
  );
}

function toSource(
  view: ArrayBufferView,
  dtype: DTypeName,
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  library: string,
): StridedSource {
  if (strides.length !== shape.length) {
    throw new ProtocolError(`${library}.strides`, `has ${strides.length} entries but shape has ${shape.length}`);
  }
  if (!(view.buffer instanceof ArrayBuffer)) {
    throw new DTypeError(`${library} array is backed by a SharedArrayBuffer, which ndbridge does not share`);
  }
  const itemsize = DTYPES[dtype].itemsize;
  checkInside(
    shape,
    strides.map((s) => s * itemsize),
    itemsize,
    offset * itemsize,
    view.byteLength,
  );
  return { buffer: view.buffer, byteOffset: view.byteOffset, dtype, shape, strides, offset };
}

/** Describe a scijs ndarray. */
export function fromScijs(x: unknown): StridedSource {
  const r = scijsSchema.safeParse(x);
  if (!r.success) fail('ndarray', r.error);
  const { view, dtype } = typedData(r.data.data, r.data.dtype, 'ndarray');
  return toSource(view, dtype, r.data.shape, r.data.stride, r.data.offset, 'ndarray');
}

/** Describe an @stdlib/ndarray array. */
export function fromStdlib(x: unknown): StridedSource {
  const r = stdlibSchema.safeParse(x);
  if (!r.success) fail('@stdlib/ndarray', r.error);
  const declared = String(r.data.dtype);
  const { view, dtype } = typedData(r.data.data, declared, '@stdlib/ndarray');
  return toSource(view, dtype, r.data.shape, r.data.strides, r.data.offset, '@stdlib/ndarray');
}
