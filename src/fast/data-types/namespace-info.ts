/**
 * `__array_namespace_info__()`: the Array API inspection namespace for fast — one device ('cpu'),
 * fast's default dtypes (int32 is the default integer and index dtype, see DESIGN.md), the dtypes
 * by kind, and the capabilities. Dtypes are fast's dtype names (strings).
 */
import { DTYPE_NAMES, DTYPES, type DTypeName } from '../../common/dtypes.js';
import { ValueError } from '../../common/errors.js';
import { DEFAULT_COMPLEX, DEFAULT_FLOAT, DEFAULT_INT } from '../engine/promotion.js';

export type DtypeKind = 'bool' | 'signed integer' | 'unsigned integer' | 'integral' | 'real floating' | 'complex floating' | 'numeric';

const KINDS: Readonly<Record<DtypeKind, (d: DTypeName) => boolean>> = {
  bool: (d) => DTYPES[d].kind === 'bool',
  'signed integer': (d) => DTYPES[d].kind === 'signed',
  'unsigned integer': (d) => DTYPES[d].kind === 'unsigned',
  integral: (d) => DTYPES[d].kind === 'signed' || DTYPES[d].kind === 'unsigned',
  'real floating': (d) => DTYPES[d].kind === 'float',
  'complex floating': (d) => DTYPES[d].kind === 'complex',
  numeric: (d) => DTYPES[d].kind !== 'bool',
};

function checkDevice(device: unknown): void {
  if (device !== undefined && device !== null && device !== 'cpu') throw new ValueError(`unknown device ${JSON.stringify(device)}; the fast runtime has only 'cpu'`);
}

/** The inspection object of the fast namespace. */
export interface NamespaceInfo {
  /** 'boolean indexing' and 'data-dependent shapes' are supported; 'max dimensions' 64 (NumPy's limit, so every fast array converts to NumPy). */
  capabilities(): { 'boolean indexing': boolean; 'data-dependent shapes': boolean; 'max dimensions': number | null };
  default_device(): 'cpu';
  devices(): ['cpu'];
  default_dtypes(options?: { readonly device?: string | null }): { 'real floating': DTypeName; 'complex floating': DTypeName; integral: DTypeName; indexing: DTypeName };
  /** dtypes by kind: undefined/null = all, a kind name, or a list of kinds (their union), in NumPy's order. */
  dtypes(options?: { readonly device?: string | null; readonly kind?: DtypeKind | readonly DtypeKind[] | null }): Record<string, DTypeName>;
}

const INFO: NamespaceInfo = Object.freeze({
  capabilities: () => ({ 'boolean indexing': true, 'data-dependent shapes': true, 'max dimensions': 64 }),
  default_device: () => 'cpu' as const,
  devices: () => ['cpu'] as ['cpu'],
  default_dtypes(options: { readonly device?: string | null } = {}) {
    checkDevice(options.device);
    return { 'real floating': DEFAULT_FLOAT, 'complex floating': DEFAULT_COMPLEX, integral: DEFAULT_INT, indexing: DEFAULT_INT };
  },
  dtypes(options: { readonly device?: string | null; readonly kind?: DtypeKind | readonly DtypeKind[] | null } = {}) {
    checkDevice(options.device);
    const kind = options.kind ?? null;
    const kinds: readonly DtypeKind[] | null = kind === null ? null : typeof kind === 'string' ? [kind] : kind;
    for (const k of kinds ?? []) {
      if (!(k in KINDS)) throw new ValueError(`unsupported kind ${JSON.stringify(k)}; use one of ${Object.keys(KINDS).map((x) => `'${x}'`).join(', ')}`);
    }
    const out: Record<string, DTypeName> = {};
    for (const d of DTYPE_NAMES) if (kinds === null || kinds.some((k) => KINDS[k](d))) out[d] = d;
    return out;
  },
});

/** `fast.__array_namespace_info__()`: the inspection namespace (the same frozen object every call). */
export function __array_namespace_info__(): NamespaceInfo {
  return INFO;
}
