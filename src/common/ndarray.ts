/**
 * The runtime-neutral array interface. `FastArray` (src/fast) and `CompatArray` (src/compat) both
 * implement it, so code written against `NdArray` runs unchanged on either runtime.
 */
import type { DTypeName, DTypeSpelling } from './dtypes.js';
import type { IndexItem } from './index-expr.js';

/** A complex element, as read from complex64/complex128 arrays. */
export interface Complex {
  readonly re: number;
  readonly im: number;
}

/** One element: number (floats, int32 and narrower, uint32 and narrower), bigint (int64, uint64), boolean, complex. */
export type Scalar = number | bigint | boolean | Complex;

/** NumPy `tolist()` output: nested JS arrays of scalars (a bare scalar for 0-d arrays). */
export type NestedArray = Scalar | NestedList;
export interface NestedList extends ReadonlyArray<NestedArray> {}

/** NumPy's `__array_interface__`, version 3. `data[0]` is the address (bigint when it exceeds 2^53). */
export interface ArrayInterface {
  readonly shape: readonly number[];
  readonly typestr: string;
  readonly data: readonly [address: number | bigint, readonly: boolean];
  /** Strides in bytes, or null when the array is C-contiguous. */
  readonly strides: readonly number[] | null;
  readonly version: 3;
  readonly descr?: ReadonlyArray<readonly [string, string]>;
}

/** Options of reductions (`sum`, `prod`, `min`, `max`, `mean`, `all`, `any`, ...). */
export interface ReduceOptions {
  axis?: number | readonly number[] | null;
  keepdims?: boolean;
  dtype?: DTypeSpelling;
}

/** Options of `var` and `std`: `correction` is the Array API's name for NumPy's `ddof`. */
export interface VarianceOptions extends ReduceOptions {
  correction?: number;
}

/** Options of `astype`. */
export interface AstypeOptions {
  copy?: boolean;
  casting?: 'no' | 'equiv' | 'safe' | 'same_kind' | 'unsafe';
}

/** An index argument of `set`: a NumPy index string, one index item, or a tuple of index items. */
export type IndexSpec = string | IndexItem<NdArray> | readonly IndexItem<NdArray>[];

/** What arithmetic accepts on the right: another array or a scalar ("weak" scalar, NEP 50). */
export type Operand = NdArray | number | bigint | boolean | Complex;

export interface NdArray {
  readonly shape: readonly number[];
  readonly dtype: DTypeName;
  /** Strides in bytes, as NumPy reports them. */
  readonly strides: readonly number[];
  readonly ndim: number;
  readonly size: number;
  readonly itemsize: number;
  readonly nbytes: number;
  /** Transpose (all axes reversed); a view. */
  readonly T: NdArray;
  readonly __array_interface__: ArrayInterface;

  /** One element; one integer index per dimension, negative counts from the end. */
  get(...indices: number[]): Scalar;
  /** `a[index] = value`, with the value broadcast to the indexed region. */
  set(index: IndexSpec, value: Operand | NestedArray): void;
  /** `a[index]`: basic indices give views, masks and integer arrays give copies. A lone string is parsed as NumPy index syntax. */
  at(...index: IndexItem<NdArray>[]): NdArray;

  add(other: Operand): NdArray;
  sub(other: Operand): NdArray;
  mul(other: Operand): NdArray;
  div(other: Operand): NdArray;
  floordiv(other: Operand): NdArray;
  mod(other: Operand): NdArray;
  pow(other: Operand): NdArray;
  neg(): NdArray;
  abs(): NdArray;
  eq(other: Operand): NdArray;
  ne(other: Operand): NdArray;
  lt(other: Operand): NdArray;
  le(other: Operand): NdArray;
  gt(other: Operand): NdArray;
  ge(other: Operand): NdArray;
  and(other: Operand): NdArray;
  or(other: Operand): NdArray;
  xor(other: Operand): NdArray;
  not(): NdArray;

  sum(options?: ReduceOptions): NdArray;
  prod(options?: ReduceOptions): NdArray;
  min(options?: ReduceOptions): NdArray;
  max(options?: ReduceOptions): NdArray;
  mean(options?: ReduceOptions): NdArray;
  all(options?: ReduceOptions): NdArray;
  any(options?: ReduceOptions): NdArray;

  reshape(shape: readonly number[]): NdArray;
  transpose(axes?: readonly number[]): NdArray;
  astype(dtype: DTypeSpelling, options?: AstypeOptions): NdArray;
  copy(): NdArray;
  /** NumPy `tolist()`. */
  toArray(): NestedArray;
  /** NumPy's repr: `array([1., 2.])`. */
  toString(): string;
  /** Release what this array holds on the other runtime now, instead of at garbage collection. Idempotent. */
  dispose(): void;
}
