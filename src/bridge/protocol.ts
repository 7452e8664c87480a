/**
 * The shared interface protocol: NumPy's `__array_interface__` (version 3), validated with zod wherever it
 * is consumed and turned into a checked `ArrayLayout`.
 */
import { z } from 'zod';
import { DTYPES, parseTypestr, typestrOf, type DTypeName } from '../common/dtypes.js';
import { DTypeError, ProtocolError } from '../common/errors.js';
import type { ArrayInterface } from '../common/ndarray.js';
import { byteExtent, cContiguousStrides } from './layout.js';

const MAX_DIMS = 64; // NumPy's NPY_MAXDIMS in NumPy 2

const address = z.union([
  z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  z.bigint().nonnegative().max(2n ** 64n - 1n),
]);

/** zod schema of `__array_interface__` as NumPy documents version 3 (only the in-memory form: `data` is a tuple). */
export const arrayInterfaceSchema = z
  .object({
    shape: z.array(z.number().int().nonnegative()).max(MAX_DIMS),
    typestr: z.string().min(2),
    data: z.tuple([address, z.boolean()]),
    strides: z.array(z.number().int()).max(MAX_DIMS).nullable().optional(),
    version: z.literal(3),
    descr: z.array(z.tuple([z.string(), z.string()]).rest(z.unknown())).optional(),
    offset: z.number().int().nonnegative().optional(),
    mask: z.null().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.strides && v.strides.length !== v.shape.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['strides'],
        message: `has ${v.strides.length} entries but shape has ${v.shape.length}`,
      });
    }
  });

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

/**
 * Validate an `__array_interface__` dict and turn it into a layout. Throws ProtocolError with the path of
 * the bad field, or DTypeError for a typestr fast cannot hold.
 */
export function parseArrayInterface(input: unknown): ArrayLayout {
  const result = arrayInterfaceSchema.safeParse(input);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new ProtocolError(
      `__array_interface__.${first?.path.join('.') ?? ''}`,
      `malformed interface: ${formatZodIssues(result.error)}`,
    );
  }
  const v = result.data;
  const { dtype, native } = dtypeOfTypestr(v.typestr);
  const itemsize = DTYPES[dtype].itemsize;
  const byteStrides = v.strides ?? cContiguousStrides(v.shape, itemsize);
  const { low, high } = byteExtent(v.shape, byteStrides, itemsize);
  const address = BigInt(v.data[0]) + BigInt(v.offset ?? 0);
  if (address === 0n && high > low) {
    throw new ProtocolError('__array_interface__.data.0', 'null data address for a non-empty array');
  }
  if (address + BigInt(low) < 0n) {
    throw new ProtocolError('__array_interface__.strides', 'negative strides reach below address 0');
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
