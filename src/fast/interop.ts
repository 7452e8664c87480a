/**
 * Hooks through which ndbridge/bridge teaches fast about memory it cannot reach from JavaScript alone
 * (NumPy arrays, `__array_interface__` providers, DLPack capsules). fast stays free of FFI and Python:
 * without the bridge loaded, these corners throw NotSupportedError saying which import enables them.
 */
import { NotSupportedError } from '../common/errors.js';
import type { DTypeName } from '../common/dtypes.js';
import { FastArray } from './array.js';
import { copy as copyArray } from './data-types/convert.js';
import { checkOptions } from './engine/options.js';

/** Converts a foreign array (NumPy array, `__array_interface__` provider, scijs/stdlib ndarray); undefined when not recognised. */
/** `copy` follows NumPy 2: true always copies, false never copies (CopyRequiredError), null/undefined copies only when needed. */
export type ForeignArrayImporter = (obj: object, dtype: DTypeName | undefined, copy?: boolean | null) => FastArray | undefined;
/** Imports an object through its `__dlpack__` method; `copy` follows the standard's from_dlpack. */
export type DlpackImporter = (obj: object, copy: boolean | null) => FastArray;
/** Makes the DLPack capsule (a Python object) for a fast array. */
export type DlpackExporter = (a: FastArray, options: DlpackOptions) => unknown;

/** Keyword arguments of the standard's `__dlpack__`. */
export interface DlpackOptions {
  readonly stream?: number | null;
  readonly max_version?: readonly [number, number] | null;
  readonly dl_device?: readonly [number, number] | null;
  readonly copy?: boolean | null;
}

let foreignImporter: ForeignArrayImporter | null = null;
let dlpackImporter: DlpackImporter | null = null;
let dlpackExporter: DlpackExporter | null = null;

const NEEDS_BRIDGE = "DLPack capsules are Python objects: import 'ndbridge/bridge' (or 'ndbridge'), which needs Python with NumPy";

/** Install (or with null, remove) the importer `asarray` uses for foreign arrays. */
export function setForeignArrayImporter(fn: ForeignArrayImporter | null): void {
  foreignImporter = fn;
}

/** The installed foreign importer's result for `obj`, or undefined. */
export function importForeign(obj: object, dtype: DTypeName | undefined, copy?: boolean | null): FastArray | undefined {
  return foreignImporter === null ? undefined : foreignImporter(obj, dtype, copy);
}

/** Install (or remove) both DLPack directions. */
export function setDlpackHooks(importer: DlpackImporter | null, exporter: DlpackExporter | null): void {
  dlpackImporter = importer;
  dlpackExporter = exporter;
}

/**
 * The capsule for `a` (FastArray.prototype.__dlpack__). `copy: true` exports a fresh copy of `a` (the
 * standard: the consumer must not share memory with the producer); the exporter itself never copies.
 */
export function exportDlpack(a: FastArray, options: DlpackOptions): unknown {
  if (dlpackExporter === null) throw new NotSupportedError('array.__dlpack__', NEEDS_BRIDGE);
  if (options.copy === true) return dlpackExporter(copyArray(a), { ...options, copy: null });
  return dlpackExporter(a, options);
}

/** Options of `from_dlpack`: the device must be the CPU; `copy` as the standard (null: only when needed). */
export interface FromDlpackOptions {
  readonly device?: string | readonly [number, number] | null;
  readonly copy?: boolean | null;
}

/**
 * `from_dlpack(x)`: a fast array over the memory of any object with `__dlpack__` (NumPy arrays, other
 * frameworks' CPU tensors), without copying unless `copy: true`. fast arrays are returned as they are.
 */
export function from_dlpack(x: object, options: FromDlpackOptions = {}): FastArray {
  options = checkOptions('from_dlpack', options);
  const device = options.device ?? null;
  if (device !== null && device !== 'cpu' && !(Array.isArray(device) && device[0] === 1)) {
    throw new NotSupportedError('creation.from_dlpack', `fast arrays live on the CPU only; device ${JSON.stringify(device)} is not available`);
  }
  const copy = options.copy ?? null;
  if (x instanceof FastArray) return copy === true ? copyArray(x) : x;
  // The bridge's importer reads Python producers, whose __dlpack__ is a Python attribute.
  if (dlpackImporter !== null) return dlpackImporter(x, copy);
  if (typeof (x as { __dlpack__?: unknown }).__dlpack__ !== 'function') {
    throw new TypeError(`from_dlpack takes an object with a __dlpack__ method, got ${Object.prototype.toString.call(x)}`);
  }
  throw new NotSupportedError('creation.from_dlpack', NEEDS_BRIDGE);
}
