/**
 * The dtype table shared by both runtimes and the bridge: NumPy's names, sizes and `typestr` codes.
 */
export const DTYPE_NAMES = [
  'bool',
  'int8',
  'int16',
  'int32',
  'int64',
  'uint8',
  'uint16',
  'uint32',
  'uint64',
  'float32',
  'float64',
  'complex64',
  'complex128',
] as const;

export type DTypeName = (typeof DTYPE_NAMES)[number];

export type DTypeKind = 'bool' | 'signed' | 'unsigned' | 'float' | 'complex';

export interface DTypeInfo {
  readonly name: DTypeName;
  readonly kind: DTypeKind;
  /** Bytes per element (complex: both parts). */
  readonly itemsize: number;
  /** NumPy's array-protocol kind character: b i u f c. */
  readonly char: 'b' | 'i' | 'u' | 'f' | 'c';
}

const info = (name: DTypeName, kind: DTypeKind, itemsize: number, char: DTypeInfo['char']): DTypeInfo => ({
  name,
  kind,
  itemsize,
  char,
});

export const DTYPES: Readonly<Record<DTypeName, DTypeInfo>> = {
  bool: info('bool', 'bool', 1, 'b'),
  int8: info('int8', 'signed', 1, 'i'),
  int16: info('int16', 'signed', 2, 'i'),
  int32: info('int32', 'signed', 4, 'i'),
  int64: info('int64', 'signed', 8, 'i'),
  uint8: info('uint8', 'unsigned', 1, 'u'),
  uint16: info('uint16', 'unsigned', 2, 'u'),
  uint32: info('uint32', 'unsigned', 4, 'u'),
  uint64: info('uint64', 'unsigned', 8, 'u'),
  float32: info('float32', 'float', 4, 'f'),
  float64: info('float64', 'float', 8, 'f'),
  complex64: info('complex64', 'complex', 8, 'c'),
  complex128: info('complex128', 'complex', 16, 'c'),
};

export function isDTypeName(x: unknown): x is DTypeName {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(DTYPES, x);
}

/** True when this process stores numbers little-endian (every platform Node supports today). */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * NumPy's `typestr` for a dtype in native byte order: `'<f8'`, `'|b1'`, `'|u1'`, `'<c16'`.
 * One-byte types use `|` (byte order not applicable), as NumPy does.
 */
export function typestrOf(dtype: DTypeName, byteOrder: '<' | '>' = LITTLE_ENDIAN ? '<' : '>'): string {
  const d = DTYPES[dtype];
  const order = d.itemsize === 1 ? '|' : byteOrder;
  return `${order}${d.char}${d.itemsize}`;
}

export interface ParsedTypestr {
  readonly dtype: DTypeName;
  /** True when the data is in this machine's byte order (or byte order does not apply). */
  readonly native: boolean;
}

/**
 * Parse a NumPy `typestr`. Returns `undefined` for a typestr that names no fast dtype (object `|O`,
 * datetimes `<M8[ns]`, strings `<U3`, half floats `<f2`, ...); callers turn that into a DTypeError
 * naming the dtype.
 */
export function parseTypestr(typestr: string): ParsedTypestr | undefined {
  const m = /^([<>|=])([biufc])(\d+)$/.exec(typestr);
  if (!m) return undefined;
  const [, order, char, sizeText] = m;
  const size = Number(sizeText);
  const found = DTYPE_NAMES.find((n) => DTYPES[n].char === char && DTYPES[n].itemsize === size);
  if (!found) return undefined;
  const nativeOrder = LITTLE_ENDIAN ? '<' : '>';
  const native = size === 1 || order === '|' || order === '=' || order === nativeOrder;
  return { dtype: found, native };
}
