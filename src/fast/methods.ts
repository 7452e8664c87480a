/**
 * FastArray's methods beyond data and element access, installed on FastArray.prototype in this one
 * place: each is the namespace function of its area applied to `this` (`a.add(b)` is
 * `elementwise.add(a, b)`). array.ts holds the data, element access and lifetimes and imports no API
 * module; importing ndbridge/fast (index.ts) installs these.
 */
import type { DTypeSpelling } from '../common/dtypes.js';
import type { IndexItem } from '../common/index-expr.js';
import type { AstypeOptions, IndexSpec, NdArray, NestedArray, Operand, ReduceOptions } from '../common/ndarray.js';
import { FastArray } from './array.js';
import * as conv from './data-types/convert.js';
import { checkOptions } from './engine/options.js';
import * as ew from './elementwise/elementwise.js';
import * as idx from './indexing/indexing.js';
import { exportDlpack, type DlpackOptions } from './interop.js';
import { matmul as matmulOf } from './linalg/products.js';
import * as manip from './manipulation/manipulation.js';
import * as views from './manipulation/views.js';
import * as red from './reduction/reduce.js';
import * as stats from './reduction/statistics.js';
import * as searching from './searching/searching.js';
import * as sorting from './sorting/sorting.js';

/** A getter's `this` (getters cannot declare a `this` parameter): always a FastArray once installed. */
function self(x: FastArrayMethods): FastArray {
  return x as unknown as FastArray;
}

/** Never instantiated: its prototype's members are copied onto FastArray.prototype by `install`. */
class FastArrayMethods {
  /** @internal `a[index] = value` beyond array.ts's one-element fast path. */
  _setIndex(this: FastArray, index: IndexSpec, value: Operand | NestedArray): void {
    idx.setIndex(this, index, value);
  }
  get T(): FastArray {
    return views.transpose(self(this));
  }
  get mT(): FastArray {
    return views.swapaxes(self(this), -1, -2);
  }

  /** `a[index]`: basic indices give views, masks and integer arrays give copies; a lone string is NumPy index syntax. */
  at(this: FastArray, ...index: IndexItem<NdArray>[]): FastArray {
    return idx.getIndex(this, index);
  }

  // ---- arithmetic (lazy) -------------------------------------------------------------------
  add(this: FastArray, other: Operand): FastArray {
    return ew.add(this, other);
  }
  sub(this: FastArray, other: Operand): FastArray {
    return ew.subtract(this, other);
  }
  mul(this: FastArray, other: Operand): FastArray {
    return ew.multiply(this, other);
  }
  div(this: FastArray, other: Operand): FastArray {
    return ew.divide(this, other);
  }
  floordiv(this: FastArray, other: Operand): FastArray {
    return ew.floor_divide(this, other);
  }
  mod(this: FastArray, other: Operand): FastArray {
    return ew.remainder(this, other);
  }
  pow(this: FastArray, other: Operand): FastArray {
    return ew.pow(this, other);
  }
  neg(this: FastArray): FastArray {
    return ew.negative(this);
  }
  /** Unary plus (NumPy's positive): a copy with the same values; bool is rejected as NumPy does. */
  pos(this: FastArray): FastArray {
    return ew.positive(this);
  }
  abs(this: FastArray): FastArray {
    return ew.abs(this);
  }
  eq(this: FastArray, other: Operand): FastArray {
    return ew.equal(this, other);
  }
  ne(this: FastArray, other: Operand): FastArray {
    return ew.not_equal(this, other);
  }
  lt(this: FastArray, other: Operand): FastArray {
    return ew.less(this, other);
  }
  le(this: FastArray, other: Operand): FastArray {
    return ew.less_equal(this, other);
  }
  gt(this: FastArray, other: Operand): FastArray {
    return ew.greater(this, other);
  }
  ge(this: FastArray, other: Operand): FastArray {
    return ew.greater_equal(this, other);
  }
  /** NumPy's `&`: logical on bool, bitwise on integers. */
  and(this: FastArray, other: Operand): FastArray {
    return ew.bitwise_and(this, other);
  }
  or(this: FastArray, other: Operand): FastArray {
    return ew.bitwise_or(this, other);
  }
  xor(this: FastArray, other: Operand): FastArray {
    return ew.bitwise_xor(this, other);
  }
  not(this: FastArray): FastArray {
    return ew.bitwise_invert(this);
  }
  /** NumPy's `ndarray.clip(min, max)` (also `{ min, max }`). */
  clip(this: FastArray, min?: ew.ClipOptions | Operand | null, max?: Operand | null): FastArray {
    return ew.clip(this, min as never, max);
  }
  /** NumPy's `ndarray.round(decimals)`: halves to even (also `{ decimals }`). */
  round(this: FastArray, decimals: number | ew.AroundOptions = 0): FastArray {
    return ew.around(this, decimals);
  }
  /** The complex conjugate (a copy for real arrays). */
  conj(this: FastArray): FastArray {
    return ew.conj(this);
  }
  conjugate(this: FastArray): FastArray {
    return ew.conj(this);
  }
  /** NumPy's `<<` (bitwise_left_shift). */
  lshift(this: FastArray, other: Operand): FastArray {
    return ew.bitwise_left_shift(this, other);
  }
  /** NumPy's `>>` (bitwise_right_shift). */
  rshift(this: FastArray, other: Operand): FastArray {
    return ew.bitwise_right_shift(this, other);
  }

  /** `this @ other` (NumPy's matmul: 1-d operands promoted, batches broadcast). */
  matmul(this: FastArray, other: FastArray | NdArray | readonly unknown[]): FastArray {
    return matmulOf(this, other);
  }
  /** Python's name for `matmul`. */
  __matmul__(this: FastArray, other: FastArray | NdArray | readonly unknown[]): FastArray {
    return matmulOf(this, other);
  }

  // ---- reductions ----------------------------------------------------------------------------
  sum(this: FastArray, options?: ReduceOptions): FastArray {
    return red.sum(this, options);
  }
  prod(this: FastArray, options?: ReduceOptions): FastArray {
    return red.prod(this, options);
  }
  min(this: FastArray, options?: ReduceOptions): FastArray {
    return red.min(this, options);
  }
  max(this: FastArray, options?: ReduceOptions): FastArray {
    return red.max(this, options);
  }
  mean(this: FastArray, options?: ReduceOptions): FastArray {
    return red.mean(this, options);
  }
  all(this: FastArray, options?: ReduceOptions): FastArray {
    return red.all(this, options);
  }
  any(this: FastArray, options?: ReduceOptions): FastArray {
    return red.any(this, options);
  }
  /** Variance (`correction`, or NumPy's `ddof`); see fast.var. */
  var(this: FastArray, options?: stats.VarOptions): FastArray {
    return stats.var(this, options);
  }
  /** Standard deviation (`correction`, or NumPy's `ddof`); see fast.std. */
  std(this: FastArray, options?: stats.VarOptions): FastArray {
    return stats.std(this, options);
  }
  /** Index of the maximum (int32); see fast.argmax. */
  argmax(this: FastArray, options?: stats.ArgOptions): FastArray {
    return stats.argmax(this, options);
  }
  /** Index of the minimum (int32); see fast.argmin. */
  argmin(this: FastArray, options?: stats.ArgOptions): FastArray {
    return stats.argmin(this, options);
  }
  /** Array API cumulative_sum; see fast.cumulative_sum. */
  cumulative_sum(this: FastArray, options?: stats.CumulativeOptions): FastArray {
    return stats.cumulative_sum(this, options);
  }
  /** Array API cumulative_prod; see fast.cumulative_prod. */
  cumulative_prod(this: FastArray, options?: stats.CumulativeOptions): FastArray {
    return stats.cumulative_prod(this, options);
  }
  /** NumPy cumsum (axis null: flattened); see fast.cumsum. */
  cumsum(this: FastArray, options?: stats.CumsumOptions): FastArray {
    return stats.cumsum(this, options);
  }
  /** NumPy cumprod (axis null: flattened); see fast.cumprod. */
  cumprod(this: FastArray, options?: stats.CumsumOptions): FastArray {
    return stats.cumprod(this, options);
  }
  /** Number of non-zero elements (int32); see fast.count_nonzero. */
  count_nonzero(this: FastArray, options?: { axis?: number | readonly number[] | null; keepdims?: boolean }): FastArray {
    return stats.count_nonzero(this, options);
  }
  /** Stable argsort along `axis` (default -1; int32); see fast.argsort. */
  argsort(this: FastArray, options?: sorting.SortOptions): FastArray {
    return sorting.argsort(this, options);
  }
  /** Indices of the non-zero elements, one int32 array per dimension; see fast.nonzero. */
  nonzero(this: FastArray): FastArray[] {
    return searching.nonzero(this);
  }
  /** Insertion points of `values` into this sorted 1-d array; see fast.searchsorted. */
  searchsorted(this: FastArray, values: Operand, options?: searching.SearchsortedOptions): FastArray {
    return searching.searchsorted(this, values as FastArray, options);
  }
  /** NumPy repeat; see fast.repeat. */
  repeat(this: FastArray, repeats: number | readonly number[] | FastArray, options?: { axis?: number | null }): FastArray {
    return manip.repeat(this, repeats, options);
  }
  /** NumPy take; see fast.take. */
  take(this: FastArray, indices: FastArray | readonly number[] | number, options?: { axis?: number | null }): FastArray {
    return manip.take(this, indices as FastArray, options);
  }

  // ---- shape ---------------------------------------------------------------------------------
  /** `a.reshape([2, 3])`, `a.reshape(2, 3)`, `a.reshape([2, 3], { order: 'F' })`, `a.reshape(2, 3, { order: 'F' })`. */
  reshape(this: FastArray, shape: readonly number[] | number, ...more: (number | views.ReshapeOptions)[]): FastArray {
    const last = more.length > 0 ? more[more.length - 1] : undefined;
    const options = typeof last === 'object' ? (last as views.ReshapeOptions) : undefined;
    const dims = (options !== undefined ? more.slice(0, -1) : more) as number[];
    if (typeof shape !== 'number' && dims.length > 0) throw new TypeError('reshape takes a shape list or integer dimensions, not both');
    return views.reshape(this, typeof shape === 'number' ? [shape, ...dims] : shape, options);
  }
  /** `a.transpose()`, `a.transpose([1, 0, 2])` or, as NumPy, `a.transpose(1, 0, 2)`. */
  transpose(this: FastArray, axes?: readonly number[] | number | null, ...more: number[]): FastArray {
    if (typeof axes === 'number') return views.transpose(this, [axes, ...more]);
    if (more.length > 0) throw new TypeError('transpose takes an axes list or integer axes, not both: transpose([1, 0]) or transpose(1, 0)');
    return views.transpose(this, axes ?? undefined);
  }
  permute_dims(this: FastArray, axes: readonly number[]): FastArray {
    return views.transpose(this, axes);
  }
  squeeze(this: FastArray, axis?: views.AxisArg): FastArray {
    return views.squeeze(this, axis);
  }
  expand_dims(this: FastArray, axis: views.AxisArg): FastArray {
    return views.expand_dims(this, axis);
  }
  broadcast_to(this: FastArray, shape: readonly number[]): FastArray {
    return views.broadcast_to(this, shape);
  }
  flip(this: FastArray, axis?: views.AxisArg): FastArray {
    return views.flip(this, axis);
  }
  ravel(this: FastArray, options?: { readonly order?: views.Order }): FastArray {
    return views.ravel(this, options);
  }
  flatten(this: FastArray, options?: { readonly order?: views.Order }): FastArray {
    return views.ravel(this.copy(), options);
  }
  moveaxis(this: FastArray, source: number | readonly number[], destination: number | readonly number[]): FastArray {
    return views.moveaxis(this, source, destination);
  }
  swapaxes(this: FastArray, axis1: number, axis2: number): FastArray {
    return views.swapaxes(this, axis1, axis2);
  }

  // ---- conversion ----------------------------------------------------------------------------
  astype(this: FastArray, dtype: DTypeSpelling, options?: AstypeOptions): FastArray {
    return conv.astype(this, dtype, options);
  }
  copy(this: FastArray, options?: { readonly order?: views.Order }): FastArray {
    return options === undefined ? conv.copy(this) : views.copyOrder(this, checkOptions('copy', options).order);
  }
  toArray(this: FastArray): NestedArray {
    return conv.toArray(this);
  }

  /** DLPack capsule over this array's memory (a Python object; needs ndbridge/bridge, else NotSupportedError). */
  __dlpack__(this: FastArray, options: DlpackOptions = {}): unknown {
    return exportDlpack(this, options);
  }
}

/** The installed members as FastArray shows them (methods without their `this` parameter). */
type Installed = {
  [K in keyof FastArrayMethods]: FastArrayMethods[K] extends (this: FastArray, ...args: infer A) => infer R ? (...args: A) => R : FastArrayMethods[K];
};

declare module './array.js' {
  // FastArray's type gains the installed members (the interface merges with the class).
  interface FastArray extends Installed {}
}

function install(): void {
  const from = FastArrayMethods.prototype;
  for (const name of Object.getOwnPropertyNames(from)) {
    if (name === 'constructor') continue;
    Object.defineProperty(FastArray.prototype, name, Object.getOwnPropertyDescriptor(from, name)!);
  }
}
install();

/** The names installed, for tests and for the namespace's own checks. */
export const FAST_ARRAY_METHODS: readonly string[] = Object.freeze(Object.getOwnPropertyNames(FastArrayMethods.prototype).filter((n) => n !== 'constructor'));
