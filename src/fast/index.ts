/**
 * ndbridge/fast: the fast runtime. FastArray, creation, views, lazy element-wise functions fused
 * into generated loops, reductions, and the index helpers. Hooks for extending fast and for the bridge
 * (op table, storage, resolvers) are in ndbridge/internal, not here.
 */
export { FastArray, scope } from './array.js';
// installs FastArray's methods (and, for type checkers, declares them)
import './methods.js';
export { slice, newaxis, ellipsis, Slice } from '../common/index-expr.js';
export { promoteTypes, resultType, canCast, DEFAULT_INT, DEFAULT_FLOAT, DEFAULT_COMPLEX } from './engine/promotion.js';
export type { Casting, WeakKind, TypeOperand } from './engine/promotion.js';
export {
  asarray,
  fromBuffer,
  zeros,
  ones,
  empty,
  full,
  zeros_like,
  ones_like,
  empty_like,
  full_like,
  arange,
  linspace,
  eye,
  identity,
} from './creation/creation.js';
export type { DTypeOption, LinspaceOptions, EyeOptions, AsarrayInput } from './creation/creation.js';
export * from './elementwise/elementwise.js';
export { sum, prod, min, max, mean, all, any } from './reduction/reduce.js';
export * from './reduction/statistics.js';
export * from './manipulation/manipulation.js';
export * from './searching/searching.js';
export * from './sorting/sorting.js';
export * from './sets/sets.js';
export * from './linalg/index.js';
export * from './fft/index.js';
export * from './data-types/namespace-info.js';
export { from_dlpack } from './interop.js';
export type { DlpackOptions, FromDlpackOptions } from './interop.js';
export { reshape, transpose, swapaxes, moveaxis, squeeze, expand_dims, broadcast_to, broadcast_arrays, flip, ravel, matrix_transpose } from './manipulation/views.js';
export type { AxisArg } from './manipulation/views.js';
export { can_cast, result_type, isdtype, finfo, iinfo, broadcast_shapes } from './data-types/dtype-info.js';
export type { FInfo, IInfo } from './data-types/dtype-info.js';
import './array-namespace-register.js'; // registers this namespace for FastArray.__array_namespace__()

/** The Array API standard version this namespace follows. */
export const __array_api_version__ = '2024.12';
export const e = Math.E;
export const pi = Math.PI;
export const inf = Infinity;
export const nan = NaN;
export { astype, copy } from './data-types/convert.js';
import { explain as explainNode } from './engine/codegen.js';
/** What forcing `a` would compile: distinct leaf arrays read per element, operations per element, the cache signature. */
export function explain(a: FastArray): { leaves: number; operations: number; signature: string } {
  return explainNode(a._node());
}

import type { FastArray } from './array.js';
import { transpose as transposeView } from './manipulation/views.js';
/** Array API name of transpose with an explicit axes permutation. */
export function permute_dims(a: FastArray, axes: readonly number[]): FastArray {
  return transposeView(a, axes);
}

export const bool = 'bool' as const;
export const int8 = 'int8' as const;
export const int16 = 'int16' as const;
export const int32 = 'int32' as const;
export const int64 = 'int64' as const;
export const uint8 = 'uint8' as const;
export const uint16 = 'uint16' as const;
export const uint32 = 'uint32' as const;
export const uint64 = 'uint64' as const;
export const float32 = 'float32' as const;
export const float64 = 'float64' as const;
export const complex64 = 'complex64' as const;
export const complex128 = 'complex128' as const;
