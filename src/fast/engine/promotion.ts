/**
 * Type promotion as NumPy 2 (NEP 50): `promoteTypes` is NumPy's promote_types table for the 13
 * dtypes, `resultType` adds "weak" JS scalars (a JS number or bigint does not widen an array's
 * dtype), and `canCast` is NumPy's can_cast for the five casting rules.
 */
import { DTYPES, isDTypeName, parseDType, type DTypeName } from '../../common/dtypes.js';
import { DTypeError } from '../../common/errors.js';

/** fast's default dtypes (DESIGN.md): integers are int32, floats float64, complex complex128. */
export const DEFAULT_INT: DTypeName = 'int32';
export const DEFAULT_FLOAT: DTypeName = 'float64';
export const DEFAULT_COMPLEX: DTypeName = 'complex128';

const SIGNED: readonly DTypeName[] = ['int8', 'int16', 'int32', 'int64'];
const UNSIGNED: readonly DTypeName[] = ['uint8', 'uint16', 'uint32', 'uint64'];

/** The smallest float dtype that holds every value of a (non-float) dtype, as NumPy promotes. */
function floatFor(d: DTypeName): DTypeName {
  const k = DTYPES[d].kind;
  if (k === 'float') return d;
  if (k === 'bool') return 'float32';
  // int8/uint8 -> float16 and int16/uint16 -> float32 in NumPy; there is no float16 here, and both
  // end at float32 once combined with a float.
  return DTYPES[d].itemsize <= 2 ? 'float32' : 'float64';
}

function complexFor(d: DTypeName): DTypeName {
  if (DTYPES[d].kind === 'complex') return d;
  return floatFor(d) === 'float32' ? 'complex64' : 'complex128';
}

function computePromote(a: DTypeName, b: DTypeName): DTypeName {
  if (a === b) return a;
  const ka = DTYPES[a].kind;
  const kb = DTYPES[b].kind;
  if (ka === 'bool') return b;
  if (kb === 'bool') return a;
  if (ka === 'complex' || kb === 'complex') {
    const ca = complexFor(a);
    const cb = complexFor(b);
    return ca === 'complex128' || cb === 'complex128' ? 'complex128' : 'complex64';
  }
  if (ka === 'float' || kb === 'float') {
    const fa = floatFor(a);
    const fb = floatFor(b);
    return fa === 'float64' || fb === 'float64' ? 'float64' : 'float32';
  }
  const sa = DTYPES[a].itemsize;
  const sb = DTYPES[b].itemsize;
  if (ka === kb) return sa >= sb ? a : b;
  // one signed, one unsigned
  const [s, u] = ka === 'signed' ? [a, b] : [b, a];
  const ss = DTYPES[s].itemsize;
  const us = DTYPES[u].itemsize;
  if (ss > us) return s;
  const wider = SIGNED.find((t) => DTYPES[t].itemsize > us);
  return wider ?? 'float64';
}

const TABLE = new Map<string, DTypeName>();

/** NumPy's `promote_types(a, b)`. */
export function promoteTypes(a: DTypeName, b: DTypeName): DTypeName {
  const key = a + ',' + b;
  let r = TABLE.get(key);
  if (r === undefined) {
    r = computePromote(a, b);
    TABLE.set(key, r);
  }
  return r;
}

/** A weak (Python-like) scalar category: a JS boolean, an integer-valued number or bigint, a float, a complex. */
export type WeakKind = 'bool' | 'int' | 'float' | 'complex';

/** Something that takes part in `resultType`: a dtype (strong, an array's) or a weak scalar kind. */
export type TypeOperand = DTypeName | { readonly weak: WeakKind };

const WEAK_RANK: Record<WeakKind, number> = { bool: 0, int: 1, float: 2, complex: 3 };
const KIND_RANK: Record<string, number> = { bool: 0, unsigned: 1, signed: 1, float: 2, complex: 3 };

/**
 * NumPy 2's `result_type` with NEP 50 weak scalars: strong dtypes promote with `promoteTypes`; a
 * weak scalar only matters when it is of a higher kind (int < float < complex) than the strong
 * result, and then gives the default dtype of its kind (float32 + complex scalar -> complex64).
 */
export function resultType(...operands: readonly TypeOperand[]): DTypeName {
  let strong: DTypeName | null = null;
  let weak: WeakKind | null = null;
  for (const o of operands) {
    if (typeof o === 'string') {
      if (!isDTypeName(o)) throw new DTypeError(`unknown dtype '${String(o)}'`);
      strong = strong === null ? o : promoteTypes(strong, o);
    } else if (weak === null || WEAK_RANK[o.weak] > WEAK_RANK[weak]) {
      weak = o.weak;
    }
  }
  if (strong === null) {
    if (weak === null) throw new DTypeError('resultType needs at least one array or scalar');
    return weak === 'bool' ? 'bool' : weak === 'int' ? DEFAULT_INT : weak === 'float' ? DEFAULT_FLOAT : DEFAULT_COMPLEX;
  }
  if (weak === null) return strong;
  const sr = KIND_RANK[DTYPES[strong].kind];
  const wr = WEAK_RANK[weak];
  if (wr <= sr) return strong;
  if (weak === 'int') return DEFAULT_INT; // only reached from bool
  if (weak === 'float') return DEFAULT_FLOAT; // from bool or integers
  // complex
  if (DTYPES[strong].kind === 'float') return strong === 'float32' ? 'complex64' : 'complex128';
  return DEFAULT_COMPLEX;
}

export type Casting = 'no' | 'equiv' | 'safe' | 'same_kind' | 'unsafe';

const CAST_KIND_RANK: Record<string, number> = { bool: 0, unsigned: 1, signed: 2, float: 3, complex: 4 };

/** NumPy's `can_cast(from, to, casting)` for dtypes. */
export function canCast(from: DTypeName, to: DTypeName, casting: Casting = 'safe'): boolean {
  switch (casting) {
    case 'no':
    case 'equiv':
      return from === to;
    case 'safe':
      return promoteTypes(from, to) === to;
    case 'same_kind':
      return promoteTypes(from, to) === to || CAST_KIND_RANK[DTYPES[from].kind] <= CAST_KIND_RANK[DTYPES[to].kind];
    case 'unsafe':
      return true;
    default:
      throw new DTypeError(`unknown casting rule '${String(casting)}'; use 'no', 'equiv', 'safe', 'same_kind' or 'unsafe'`);
  }
}

/** The dtype name, checked: throws DTypeError naming the value and the valid names. */
/** Any dtype spelling NumPy accepts that names a fast dtype (see parseDType in common/dtypes.ts), else DTypeError. */
export function checkDType(d: unknown): DTypeName {
  return isDTypeName(d) ? d : parseDType(d);
}
