/**
 * The shared interface protocol: NumPy's `__array_interface__` (version 3), validated with zod wherever it
 * is consumed and turned into a checked `ArrayLayout`.
 */
import { z } from 'zod';
import { DTYPES, parseTypestr, typestrOf, type DTypeName } from '../common/dtypes.js';
import { DTypeError, ProtocolError } from '../common/errors.js';
import type { ArrayInterface } from '../common/ndarray.js';
import { byteExtent, cContiguousStrides, checkInside } from './layout.js';

const MAX_DIMS = 64; // NumPy's NPY_MAXDIMS in NumPy 2

const address = z.union([
  z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  z.bigint().nonnegative().max(2n ** 64n - 1n),
]);

/** The fields every form shares. */
const commonFields = {
  shape: z.array(z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)).max(MAX_DIMS),
  typestr: z.string().min(2).max(16),
  strides: z.array(z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER)).max(MAX_DIMS).nullable().optional(),
  version: z.literal(3),
  descr: z.array(z.tuple([z.string(), z.string()]).rest(z.unknown())).optional(),
  offset: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
  mask: z.null().optional(),
};

function stridesMatchShape(v: { shape: number[]; strides?: number[] | null }, ctx: z.RefinementCtx): void {
  if (v.strides && v.strides.length !== v.shape.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['strides'],
      message: `has ${v.strides.length} entries but shape has ${v.shape.length}`,
    });
  }
}

/** zod schema of `__array_interface__` as NumPy documents version 3 (the raw-pointer form: `data` is a tuple). */
export const arrayInterfaceSchema = z.object({ ...commonFields, data: z.tuple([address, z.boolean()]) }).superRefine(stridesMatchShape);

/** An ArrayBuffer or a view of one (not a SharedArrayBuffer: fast storage is over ArrayBuffers). */
const bufferSource = z.custom<ArrayBuffer | ArrayBufferView>(
  (v) => v instanceof ArrayBuffer || (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer),
  'an ArrayBuffer, TypedArray or DataView (over an ArrayBuffer)',
);

/**
 * The verifiable form: `data` is the memory itself (an ArrayBuffer, TypedArray or DataView, alone or as
 * `[buffer, readonly]`), as NumPy allows any object exposing the buffer protocol; `offset` is in bytes from
 * the start of that view. The bridge checks every element lies inside it.
 */
export const bufferInterfaceSchema = z
  .object({ ...commonFields, data: z.union([bufferSource, z.tuple([bufferSource, z.boolean()])]) })
  .superRefine(stridesMatchShape);

/** True when `input` has the buffer-backed form (its `data` names JS memory, not an address). */
export function isBufferBackedInterface(input: unknown): boolean {
  if (typeof input !== 'object' || input === null || !('data' in input)) return false;
  const d = (input as { data: unknown }).data;
  const first = Array.isArray(d) ? d[0] : d;
  return first instanceof ArrayBuffer || ArrayBuffer.isView(first);
}

export type ArrayInterfaceInput = z.infer<typeof arrayInterfaceSchema>;

/** A validated description of an array in memory. Addresses are bigint; strides are in bytes. */
export interface ArrayLayout {
  readonly dtype: DTypeName;
  /** False when the data is in the other byte order (it must be copied and swapped to be used). */
  readonly nativeByteOrder: boolean;
  readonly shape: readonly number[];
  readonly byteStrides: readonly number[];
  /** Address of the first element. */
  readonly address: bigint;
  readonly readonly: boolean;
  readonly itemsize: number;
  /** Bytes touched relative to the first element. */
  readonly low: number;
  readonly high: number;
}

function describeTypestr(typestr: string): string {
  const names: Record<string, string> = {
    O: 'Python objects',
    M: 'datetime64',
    m: 'timedelta64',
    U: 'unicode strings',
    S: 'byte strings',
    V: 'raw bytes / structured records',
  };
  const kind = typestr.replace(/^[<>|=]/, '')[0] ?? '';
  if (kind === 'f' && typestr.endsWith('2')) return 'float16';
  if (kind === 'f' && (typestr.endsWith('12') || typestr.endsWith('16'))) return 'long double';
  return names[kind] ?? typestr;
}

/** Turn a typestr into a fast dtype, or throw a DTypeError that names the dtype and the way out. */
export function dtypeOfTypestr(typestr: string): { dtype: DTypeName; native: boolean } {
  const parsed = parseTypestr(typestr);
  if (!parsed) {
    throw new DTypeError(
      `typestr '${typestr}' (${describeTypestr(typestr)}) has no fast dtype; fast supports ` +
        `${Object.keys(DTYPES).join(', ')}. Convert it on the NumPy side first (e.g. x.astype('float64')) ` +
        `or keep working on it with compat.`,
    );
  }
  return parsed;
}

function formatZodIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
}

function malformed(error: z.ZodError): ProtocolError {
  const first = error.issues[0];
  return new ProtocolError(`__array_interface__.${first?.path.join('.') ?? ''}`, `malformed interface: ${formatZodIssues(error)}`);
}

/** dtype, byte strides and extent of a validated interface. */
function geometry(v: { shape: number[]; typestr: string; strides?: number[] | null }): {
  dtype: DTypeName;
  native: boolean;
  itemsize: number;
  byteStrides: number[];
  low: number;
  high: number;
} {
  const { dtype, native } = dtypeOfTypestr(v.typestr);
  const itemsize = DTYPES[dtype].itemsize;
  const byteStrides = v.strides ?? cContiguousStrides(v.shape, itemsize);
  const { low, high } = byteExtent(v.shape, byteStrides, itemsize);
  return { dtype, native, itemsize, byteStrides, low, high };
}

/**
 * Validate an `__array_interface__` dict of the raw-pointer form and turn it into a layout. Throws
 * ProtocolError with the path of the bad field, or DTypeError for a typestr fast cannot hold. Validation
 * does not make the address trustworthy: only `asarray(obj, { rawPointer: { trust: true } })` views it.
 */
export function parseArrayInterface(input: unknown): ArrayLayout {
  const result = arrayInterfaceSchema.safeParse(input);
  if (!result.success) throw malformed(result.error);
  const v = result.data;
  const { dtype, native, itemsize, byteStrides, low, high } = geometry(v);
  const address = BigInt(v.data[0]) + BigInt(v.offset ?? 0);
  if (address === 0n && high > low) {
    throw new ProtocolError('__array_interface__.data.0', 'null data address for a non-empty array');
  }
  if (address + BigInt(low) < 0n) {
    throw new ProtocolError('__array_interface__.strides', 'negative strides reach below address 0');
  }
  if (address + BigInt(high) > 2n ** 64n) {
    throw new ProtocolError('__array_interface__.data.0', 'the array reaches past the end of the address space');
  }
  return {
    dtype,
    nativeByteOrder: native,
    shape: v.shape,
    byteStrides,
    address,
    readonly: v.data[1],
    itemsize,
    low,
    high,
  };
}

/** A validated buffer-backed interface: the layout, and where element 0 sits in which ArrayBuffer. */
export interface BufferLayout extends Omit<ArrayLayout, 'address'> {
  readonly buffer: ArrayBuffer;
  /** Byte offset of element 0 in `buffer`. */
  readonly byteOffset: number;
}

/**
 * Validate a buffer-backed `__array_interface__` (see bufferInterfaceSchema) and check that every element it
 * describes lies inside its buffer view. Throws ProtocolError (malformed, detached, out of bounds) or
 * DTypeError.
 */
export function parseBufferInterface(input: unknown): BufferLayout {
  const result = bufferInterfaceSchema.safeParse(input);
  if (!result.success) throw malformed(result.error);
  const v = result.data;
  const [source, readonly] = Array.isArray(v.data) ? v.data : [v.data, false];
  const whole = source instanceof ArrayBuffer ? source : (source.buffer as ArrayBuffer);
  if (whole.byteLength === 0 && v.shape.every((d) => d > 0)) {
    throw new ProtocolError('__array_interface__.data', 'the buffer is detached (transferred) or empty; it holds no elements');
  }
  const view = source instanceof ArrayBuffer ? new Uint8Array(source) : new Uint8Array(source.buffer as ArrayBuffer, source.byteOffset, source.byteLength);
  const { dtype, native, itemsize, byteStrides, low, high } = geometry(v);
  const offset = v.offset ?? 0;
  if (offset > view.byteLength) {
    throw new ProtocolError('__array_interface__.offset', `offset ${offset} is past the end of the ${view.byteLength}-byte buffer`);
  }
  checkInside(v.shape, byteStrides, itemsize, offset, view.byteLength);
  return {
    dtype,
    nativeByteOrder: native,
    shape: v.shape,
    byteStrides,
    readonly,
    itemsize,
    low,
    high,
    buffer: view.buffer as ArrayBuffer,
    byteOffset: view.byteOffset + offset,
  };
}

/** Build an `__array_interface__` dict for memory at `address`. `strides` is null for C order, as NumPy does. */
export function makeArrayInterface(
  dtype: DTypeName,
  shape: readonly number[],
  byteStrides: readonly number[] | null,
  address: bigint,
  readonly: boolean,
): ArrayInterface {
  const data: readonly [number | bigint, boolean] = [
    address <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(address) : address,
    readonly,
  ];
  return { shape: [...shape], typestr: typestrOf(dtype), data, strides: byteStrides ? [...byteStrides] : null, version: 3 };
}
