/**
 * The dtype table shared by both runtimes and the bridge: NumPy's names, sizes and `typestr` codes.
 */
import { DTypeError } from './errors.js';

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

// ---- dtype spellings -------------------------------------------------------------------------------

/**
 * NumPy's other names for the dtypes fast has (np.dtype(name)), on a 64-bit Linux/macOS build:
 * `'int'` and `'long'` are np.int_ (int64), `'intc'` is int32, `'float'`/`'double'` float64...
 */
const ALIAS_NAMES = {
  bool_: 'bool',
  int: 'int64',
  int_: 'int64',
  intp: 'int64',
  long: 'int64',
  longlong: 'int64',
  uint: 'uint64',
  uintp: 'uint64',
  ulong: 'uint64',
  ulonglong: 'uint64',
  intc: 'int32',
  uintc: 'uint32',
  short: 'int16',
  ushort: 'uint16',
  byte: 'int8',
  ubyte: 'uint8',
  float: 'float64',
  double: 'float64',
  single: 'float32',
  complex: 'complex128',
  cdouble: 'complex128',
  csingle: 'complex64',
} as const satisfies Readonly<Record<string, DTypeName>>;
const ALIASES: Readonly<Record<string, DTypeName>> = ALIAS_NAMES;

/** One-character type codes (np.dtype('l') ...), native byte order. */
const CHAR_CODE_NAMES = {
  '?': 'bool',
  b: 'int8',
  B: 'uint8',
  h: 'int16',
  H: 'uint16',
  i: 'int32',
  I: 'uint32',
  l: 'int64',
  L: 'uint64',
  q: 'int64',
  Q: 'uint64',
  p: 'int64',
  P: 'uint64',
  f: 'float32',
  d: 'float64',
  F: 'complex64',
  D: 'complex128',
} as const satisfies Readonly<Record<string, DTypeName>>;
const CHAR_CODES: Readonly<Record<string, DTypeName>> = CHAR_CODE_NAMES;

/** Byte-order prefixes that are native (or not applicable) on the little-endian platforms Node runs on. */
type NativeOrder = '' | '<' | '=' | '|';
type SizedCode = `${'i' | 'u'}${1 | 2 | 4 | 8}` | 'f4' | 'f8' | 'c8' | 'c16' | 'b1';
type CharCode = keyof typeof CHAR_CODE_NAMES;

/**
 * Every string the dtype parser accepts for a fast dtype: the names, NumPy's aliases (`'int'`, `'float'`,
 * `'double'`...), one-character codes and sized type codes in native byte order (`'f8'`, `'<i4'`, `'=u1'`).
 * `DTYPE_SPELLINGS` lists the same strings at run time (src/common/dtypes.test.ts checks both ways).
 */
export type DTypeSpelling = DTypeName | keyof typeof ALIAS_NAMES | `${NativeOrder}${CharCode | SizedCode}` | `>${OneByteCode}`;

/** One-byte types, where byte order does not apply (`'>u1'` is uint8 everywhere). */
type OneByteCode = '?' | 'b' | 'B' | 'b1' | 'i1' | 'u1';
const ONE_BYTE: readonly OneByteCode[] = ['?', 'b', 'B', 'b1', 'i1', 'u1'];

const ORDERS = ['', '<', '=', '|'] as const;
const SIZED: readonly SizedCode[] = ['i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8', 'f4', 'f8', 'c8', 'c16', 'b1'];

/** The strings of DTypeSpelling, at run time. */
export const DTYPE_SPELLINGS: readonly DTypeSpelling[] = [
  ...DTYPE_NAMES,
  ...(Object.keys(ALIAS_NAMES) as (keyof typeof ALIAS_NAMES)[]),
  ...ORDERS.flatMap((o) => [...(Object.keys(CHAR_CODE_NAMES) as CharCode[]), ...SIZED].map((c): DTypeSpelling => `${o}${c}`)),
  ...ONE_BYTE.map((c): DTypeSpelling => `>${c}`),
];

type AnyOrder = NativeOrder | '>';
/**
 * Spellings of NumPy dtypes the fast runtime lacks, which NumPy (compat, nd) runs: float16, long double,
 * strings, bytes, object, void, datetimes and timedeltas, and non-native byte order.
 */
export type NumpyOnlyDTypeSpelling =
  | 'float16' | 'half' | 'longdouble' | 'clongdouble' | 'float128' | 'complex256' | 'object' | 'object_' | 'str' | 'str_'
  | 'bytes' | 'bytes_' | 'void' | 'datetime64' | 'timedelta64' | 'unicode'
  | `${AnyOrder}${'e' | 'f2' | 'g' | 'G' | 'f16' | 'c32' | 'O' | 'U' | 'S' | 'V' | 'a' | 'M8' | 'm8'}`
  | `${AnyOrder}${'U' | 'S' | 'V' | 'a'}${number}`
  | `${AnyOrder}${'M8' | 'm8'}[${string}]`
  | `${'datetime64' | 'timedelta64'}[${string}]`
  | `>${CharCode | SizedCode}`;

/** Every dtype string NumPy understands that compat and nd accept (fast's and NumPy-only ones). */
export type NumpyDTypeSpelling = DTypeSpelling | NumpyOnlyDTypeSpelling;

/** Spellings of NumPy dtypes fast does not have: parse them only to name them in the error. */
const LACKING = /^(?:[<>=|]?(?:[fc](?:2|16|32)|[eEgG]|[SUVOaMmc]\d*(?:\[\w+\])?|[Mm]8(?:\[\w+\])?)|half|float16|float96|float128|longdouble|clongdouble|complex192|complex256|object_?|str_?|bytes_?|unicode|void|datetime64(?:\[\w+\])?|timedelta64(?:\[\w+\])?|[A-Za-z]+\d*\[\w+\])$/;

function lacking(spelling: string, what: string): DTypeError {
  return new DTypeError(
    `dtype ${JSON.stringify(spelling)} (${what}) is not available in the fast runtime, which has ${DTYPE_NAMES.join(', ')}; ` +
      `nd or compat.numpy() can run it on NumPy`,
  );
}

/** A string spelling -> a fast dtype, or throws DTypeError. */
function parseDTypeString(s: string): DTypeName {
  if (isDTypeName(s)) return s;
  if (Object.prototype.hasOwnProperty.call(ALIASES, s)) return ALIASES[s]!;
  if (s.length === 1 && Object.prototype.hasOwnProperty.call(CHAR_CODES, s)) return CHAR_CODES[s]!;
  const m = /^([<>=|]?)(?:([biufc])(\d+)|([?bBhHiIlLqQpPfdFD]))$/.exec(s);
  if (m) {
    const [, order, char, sizeText, code] = m;
    let dtype: DTypeName | undefined;
    if (code !== undefined) dtype = CHAR_CODES[code];
    else {
      const size = Number(sizeText);
      const c = char === 'b' ? (size === 1 ? 'b' : '') : char;
      dtype = DTYPE_NAMES.find((n) => DTYPES[n].char === c && DTYPES[n].itemsize === size);
      if (dtype === undefined) {
        if ((char === 'f' || char === 'c') && (size === 2 || size === 16 || size === 32)) {
          throw lacking(s, char === 'f' ? `float${size * 8}` : `complex${size * 8}`);
        }
        throw new DTypeError(`data type ${JSON.stringify(s)} not understood (no ${char}${sizeText} type in NumPy)`);
      }
    }
    if (dtype !== undefined) {
      const nativeOrder = LITTLE_ENDIAN ? '<' : '>';
      if (order !== '' && order !== '=' && order !== '|' && order !== nativeOrder && DTYPES[dtype].itemsize > 1) {
        throw lacking(s, `${dtype} in non-native byte order`);
      }
      return dtype;
    }
  }
  if (LACKING.test(s)) throw lacking(s, 'a NumPy dtype fast lacks');
  if (/[,()]/.test(s) || /^\d+[<>=|]?[a-zA-Z?]/.test(s)) throw lacking(s, 'a structured or subarray dtype');
  throw new DTypeError(
    `data type ${JSON.stringify(s)} not understood; use a NumPy spelling: ${DTYPE_NAMES.join(', ')}, ` +
      `a type code ('f4', '<f8', 'i8', 'u1', 'b1', '?', 'c16', 'l', 'd') or 'int', 'float', 'complex', 'double', 'uint', 'intp', 'long', 'single'`,
  );
}

/** JS constructors NumPy users reach for as scalar types: np.dtype(float) is float64, np.dtype(int) int64, np.dtype(bool) bool. */
/** The dtype of each TypedArray class's elements (Uint8ClampedArray, a view type rather than a dtype, aside). */
export const TYPED_ARRAY_DTYPES: ReadonlyMap<unknown, DTypeName> = new Map<unknown, DTypeName>([
  [Float64Array, 'float64'],
  [Float32Array, 'float32'],
  [Int8Array, 'int8'],
  [Int16Array, 'int16'],
  [Int32Array, 'int32'],
  [BigInt64Array, 'int64'],
  [Uint8Array, 'uint8'],
  [Uint16Array, 'uint16'],
  [Uint32Array, 'uint32'],
  [BigUint64Array, 'uint64'],
]);

const CONSTRUCTORS = new Map<unknown, DTypeName>([[Number, 'float64'], [Boolean, 'bool'], [BigInt, 'int64'], ...TYPED_ARRAY_DTYPES]);

/** A dtype object as a runtime hands it over: `{ name, itemsize, kind }` (NumPy's dtype attributes) or `{ dtype }`. */
function fromDTypeObject(o: object): DTypeName | undefined {
  const r = o as { name?: unknown; str?: unknown; itemsize?: unknown; kind?: unknown; dtype?: unknown };
  if (typeof r.str === 'string' && typeof r.name === 'string') {
    // a NumPy dtype (compat proxy or plain data): the typestr decides, byte order included; the name must agree
    const d = parseDTypeString(r.str);
    if (d !== parseDTypeString(r.name)) throw new DTypeError(`dtype object's name ${JSON.stringify(r.name)} and str ${JSON.stringify(r.str)} disagree`);
    return d;
  }
  return undefined;
}

/**
 * The one dtype parser every dtype argument goes through: fast's names and constants, NumPy's names,
 * aliases (`'int'` = np.int_ = int64, `'float'`, `'complex'`, `'double'`, `'uint'`, `'intp'`, `'long'`,
 * `'single'`...), type codes (`'f4'`, `'<f8'`, `'=i4'`, `'i8'`, `'u1'`, `'b1'`, `'?'`, `'c16'`, `'l'`,
 * `'d'`), JS scalar constructors and TypedArray constructors, and dtype objects carrying NumPy's
 * `name` and `str`. Dtypes fast lacks (float16, float128, datetime64, strings, structured, object,
 * non-native byte order) and anything else are a DTypeError naming the spelling.
 */
export function parseDType(spec: unknown): DTypeName {
  if (typeof spec === 'string') return parseDTypeString(spec);
  if (typeof spec === 'function') {
    const d = CONSTRUCTORS.get(spec);
    if (d !== undefined) return d;
    throw new DTypeError(`the function ${spec.name || '(anonymous)'} is not a dtype; use a dtype name such as 'float64'`);
  }
  if (typeof spec === 'object' && spec !== null) {
    const d = fromDTypeObject(spec);
    if (d !== undefined) return d;
  }
  let shown: string;
  try {
    shown = typeof spec === 'bigint' ? `${spec}n` : typeof spec === 'symbol' ? spec.toString() : JSON.stringify(spec) ?? String(spec);
  } catch {
    shown = Object.prototype.toString.call(spec);
  }
  throw new DTypeError(`${shown} is not a dtype; use a dtype name such as 'float64' or a NumPy spelling ('f4', 'int', 'complex')`);
}
