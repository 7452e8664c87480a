/**
 * Typed declarations for the common NumPy surface, `any`-free. Everything else NumPy has is still
 * reachable through the proxy's dynamic part (`unknown`-typed; narrow it or cast at the call site).
 * Conventions: a trailing plain object is keyword arguments; shapes and axis lists are JS arrays;
 * dtypes are NumPy's names as strings.
 */
import type { DTypeName } from '../../common/dtypes.js';
import type { Complex, NestedArray } from '../../common/ndarray.js';
import type { PyTuple } from '../python/objects.js';
import type { CompatArray } from './compat-array.js';
import type { PyObjectProxy } from './proxy.js';

/** What NumPy accepts as an array argument. */
export type ArrayLike = CompatArray | NestedArray | ArrayBufferView | PyObjectProxy;
/** A NumPy dtype: its name, or a dtype/type object from the namespace. */
export type DTypeLike = DTypeName | string | PyObjectProxy;
/** A Python scalar as it comes back: number, bigint (int64/uint64 and big ints), boolean, complex. */
export type PyScalar = number | bigint | boolean | Complex;
export type Shape = readonly number[] | number;
export type Axis = number | readonly number[] | PyTuple | null;

export interface ReductionKw {
  axis?: Axis;
  keepdims?: boolean;
  dtype?: DTypeLike;
  out?: CompatArray;
  where?: ArrayLike;
}
export interface CreationKw {
  dtype?: DTypeLike;
  order?: 'C' | 'F';
}
export interface UfuncKw {
  out?: CompatArray;
  where?: ArrayLike;
  dtype?: DTypeLike;
  casting?: 'no' | 'equiv' | 'safe' | 'same_kind' | 'unsafe';
}

export type Ufunc1 = ((x: ArrayLike | PyScalar, kw?: UfuncKw) => CompatArray) & PyObjectProxy;
export type Ufunc2 = ((x1: ArrayLike | PyScalar, x2: ArrayLike | PyScalar, kw?: UfuncKw) => CompatArray) & PyObjectProxy;
export type Reduction = ((x: ArrayLike, kw?: ReductionKw) => CompatArray | PyScalar) & PyObjectProxy;

export interface NumpyLinalg {
  svd(a: ArrayLike, kw?: { full_matrices?: boolean; compute_uv?: boolean; hermitian?: boolean }): [CompatArray, CompatArray, CompatArray];
  inv(a: ArrayLike): CompatArray;
  pinv(a: ArrayLike, kw?: { rcond?: number; hermitian?: boolean }): CompatArray;
  det(a: ArrayLike): number | CompatArray;
  slogdet(a: ArrayLike): [number | CompatArray, number | CompatArray];
  solve(a: ArrayLike, b: ArrayLike): CompatArray;
  lstsq(a: ArrayLike, b: ArrayLike, kw?: { rcond?: number | null }): [CompatArray, CompatArray, number | bigint, CompatArray];
  eig(a: ArrayLike): [CompatArray, CompatArray];
  eigh(a: ArrayLike, kw?: { UPLO?: 'L' | 'U' }): [CompatArray, CompatArray];
  eigvals(a: ArrayLike): CompatArray;
  eigvalsh(a: ArrayLike): CompatArray;
  qr(a: ArrayLike, kw?: { mode?: 'reduced' | 'complete' | 'r' | 'raw' }): [CompatArray, CompatArray];
  cholesky(a: ArrayLike): CompatArray;
  norm(x: ArrayLike, kw?: { ord?: number | string | null; axis?: Axis; keepdims?: boolean }): number | CompatArray;
  matrix_rank(a: ArrayLike): number | bigint | CompatArray;
  matrix_power(a: ArrayLike, n: number): CompatArray;
  matmul(a: ArrayLike, b: ArrayLike): CompatArray;
}

export interface NumpyFft {
  fft(a: ArrayLike, kw?: { n?: number; axis?: number; norm?: 'backward' | 'ortho' | 'forward' }): CompatArray;
  ifft(a: ArrayLike, kw?: { n?: number; axis?: number; norm?: 'backward' | 'ortho' | 'forward' }): CompatArray;
  rfft(a: ArrayLike, kw?: { n?: number; axis?: number; norm?: 'backward' | 'ortho' | 'forward' }): CompatArray;
  irfft(a: ArrayLike, kw?: { n?: number; axis?: number; norm?: 'backward' | 'ortho' | 'forward' }): CompatArray;
  fft2(a: ArrayLike, kw?: { s?: readonly number[]; axes?: readonly number[] }): CompatArray;
  fftn(a: ArrayLike, kw?: { s?: readonly number[]; axes?: readonly number[] }): CompatArray;
  fftfreq(n: number, kw?: { d?: number }): CompatArray;
  rfftfreq(n: number, kw?: { d?: number }): CompatArray;
  fftshift(x: ArrayLike, kw?: { axes?: Axis }): CompatArray;
}

export interface SizeKw {
  size?: Shape | null;
  dtype?: DTypeLike;
}

/** numpy.random.Generator */
export interface NumpyGenerator extends PyObjectProxy {
  random(kw?: SizeKw): CompatArray | number;
  random(size: Shape, kw?: SizeKw): CompatArray;
  normal(kw?: { loc?: number | ArrayLike; scale?: number | ArrayLike; size?: Shape | null }): CompatArray | number;
  normal(loc: number | ArrayLike, scale?: number | ArrayLike, size?: Shape): CompatArray | number;
  uniform(kw?: { low?: number; high?: number; size?: Shape | null }): CompatArray | number;
  uniform(low: number, high?: number, size?: Shape): CompatArray | number;
  integers(low: number | bigint, high?: number | bigint | null, kw?: { size?: Shape | null; dtype?: DTypeLike; endpoint?: boolean }): CompatArray | number | bigint;
  standard_normal(kw?: SizeKw): CompatArray | number;
  choice(a: ArrayLike | number, kw?: { size?: Shape | null; replace?: boolean; p?: ArrayLike | null }): CompatArray | PyScalar;
  permutation(x: ArrayLike | number): CompatArray;
  shuffle(x: CompatArray): null;
}

export interface NumpyRandom {
  default_rng(seed?: number | bigint | null): NumpyGenerator;
  seed(seed?: number | null): null;
  rand(...shape: number[]): CompatArray | number;
  randn(...shape: number[]): CompatArray | number;
}

/** The typed part of `compat.numpy()`. */
export interface NumpyTyped {
  readonly pi: number;
  readonly e: number;
  readonly inf: number;
  readonly nan: number;
  readonly newaxis: null;
  readonly __version__: string;
  readonly linalg: NumpyLinalg & PyObjectProxy;
  readonly fft: NumpyFft & PyObjectProxy;
  readonly random: NumpyRandom & PyObjectProxy;
  readonly ndarray: PyObjectProxy;

  array(object: ArrayLike | PyScalar, kw?: CreationKw & { copy?: boolean | null; ndmin?: number }): CompatArray;
  asarray(a: ArrayLike | PyScalar, kw?: CreationKw & { copy?: boolean | null }): CompatArray;
  zeros(shape: Shape, kw?: CreationKw): CompatArray;
  ones(shape: Shape, kw?: CreationKw): CompatArray;
  empty(shape: Shape, kw?: CreationKw): CompatArray;
  full(shape: Shape, fill_value: PyScalar, kw?: CreationKw): CompatArray;
  zeros_like(a: ArrayLike, kw?: CreationKw): CompatArray;
  ones_like(a: ArrayLike, kw?: CreationKw): CompatArray;
  full_like(a: ArrayLike, fill_value: PyScalar, kw?: CreationKw): CompatArray;
  arange(stop: number | bigint, kw?: CreationKw): CompatArray;
  arange(start: number | bigint, stop: number | bigint, kw?: CreationKw): CompatArray;
  arange(start: number | bigint, stop: number | bigint, step: number | bigint, kw?: CreationKw): CompatArray;
  linspace(start: number, stop: number, num?: number, kw?: CreationKw & { endpoint?: boolean }): CompatArray;
  linspace(start: number, stop: number, kw?: CreationKw & { num?: number; endpoint?: boolean }): CompatArray;
  eye(n: number, kw?: CreationKw & { M?: number; k?: number }): CompatArray;
  identity(n: number, kw?: CreationKw): CompatArray;

  reshape(a: ArrayLike, shape: Shape | PyTuple): CompatArray;
  transpose(a: ArrayLike, axes?: PyTuple | readonly number[]): CompatArray;
  /** A JS array for `axis` becomes a tuple, positionally too (the axis rule, see python/convert.ts). */
  squeeze(a: ArrayLike, axis?: Axis | { axis?: Axis }): CompatArray;
  expand_dims(a: ArrayLike, axis: Axis | { axis: Axis }): CompatArray;
  from_dlpack(x: unknown, kw?: { device?: string | null; copy?: boolean | null }): CompatArray;
  permute_dims(a: ArrayLike, axes: PyTuple | readonly number[]): CompatArray;
  concatenate(arrays: readonly ArrayLike[], kw?: { axis?: number | null }): CompatArray;
  concat(arrays: readonly ArrayLike[], kw?: { axis?: number | null }): CompatArray;
  stack(arrays: readonly ArrayLike[], kw?: { axis?: number }): CompatArray;
  where(condition: ArrayLike, x?: ArrayLike | PyScalar, y?: ArrayLike | PyScalar): CompatArray;
  dot(a: ArrayLike, b: ArrayLike): CompatArray | PyScalar;
  matmul: Ufunc2;
  einsum(subscripts: string, ...operands: ArrayLike[]): CompatArray | PyScalar;
  sort(a: ArrayLike, kw?: { axis?: number | null; kind?: string }): CompatArray;
  argsort(a: ArrayLike, kw?: { axis?: number | null; kind?: string }): CompatArray;
  unique(a: ArrayLike): CompatArray;
  unique_values(a: ArrayLike): CompatArray;
  allclose(a: ArrayLike, b: ArrayLike, kw?: { rtol?: number; atol?: number; equal_nan?: boolean }): boolean;
  array_equal(a: ArrayLike, b: ArrayLike): boolean;
  isclose(a: ArrayLike, b: ArrayLike, kw?: { rtol?: number; atol?: number }): CompatArray;
  argmax(a: ArrayLike, kw?: { axis?: number | null }): CompatArray | bigint;
  argmin(a: ArrayLike, kw?: { axis?: number | null }): CompatArray | bigint;
  cumsum(a: ArrayLike, kw?: { axis?: number | null; dtype?: DTypeLike }): CompatArray;
  diff(a: ArrayLike, kw?: { n?: number; axis?: number }): CompatArray;
  convolve(a: ArrayLike, v: ArrayLike, kw?: { mode?: 'full' | 'same' | 'valid' }): CompatArray;
  dtype(name: DTypeLike): PyObjectProxy;

  add: Ufunc2;
  subtract: Ufunc2;
  multiply: Ufunc2;
  divide: Ufunc2;
  true_divide: Ufunc2;
  floor_divide: Ufunc2;
  remainder: Ufunc2;
  mod: Ufunc2;
  power: Ufunc2;
  pow: Ufunc2;
  maximum: Ufunc2;
  minimum: Ufunc2;
  equal: Ufunc2;
  not_equal: Ufunc2;
  less: Ufunc2;
  less_equal: Ufunc2;
  greater: Ufunc2;
  greater_equal: Ufunc2;
  logical_and: Ufunc2;
  logical_or: Ufunc2;
  logical_xor: Ufunc2;
  bitwise_and: Ufunc2;
  bitwise_or: Ufunc2;
  bitwise_xor: Ufunc2;
  arctan2: Ufunc2;
  atan2: Ufunc2;
  hypot: Ufunc2;
  negative: Ufunc1;
  positive: Ufunc1;
  absolute: Ufunc1;
  abs: Ufunc1;
  sqrt: Ufunc1;
  square: Ufunc1;
  exp: Ufunc1;
  expm1: Ufunc1;
  log: Ufunc1;
  log1p: Ufunc1;
  log2: Ufunc1;
  log10: Ufunc1;
  sin: Ufunc1;
  cos: Ufunc1;
  tan: Ufunc1;
  arcsin: Ufunc1;
  arccos: Ufunc1;
  arctan: Ufunc1;
  asin: Ufunc1;
  acos: Ufunc1;
  atan: Ufunc1;
  sinh: Ufunc1;
  cosh: Ufunc1;
  tanh: Ufunc1;
  floor: Ufunc1;
  ceil: Ufunc1;
  trunc: Ufunc1;
  rint: Ufunc1;
  sign: Ufunc1;
  isnan: Ufunc1;
  isinf: Ufunc1;
  isfinite: Ufunc1;
  logical_not: Ufunc1;
  invert: Ufunc1;
  bitwise_invert: Ufunc1;
  conj: Ufunc1;
  real: (x: ArrayLike) => CompatArray;
  imag: (x: ArrayLike) => CompatArray;

  sum: Reduction;
  prod: Reduction;
  mean: Reduction;
  min: Reduction;
  max: Reduction;
  amin: Reduction;
  amax: Reduction;
  all: Reduction;
  any: Reduction;
  median: Reduction;
  var: (x: ArrayLike, kw?: ReductionKw & { ddof?: number; correction?: number }) => CompatArray | PyScalar;
  std: (x: ArrayLike, kw?: ReductionKw & { ddof?: number; correction?: number }) => CompatArray | PyScalar;
}

/** `compat.numpy()`: the typed surface plus every other attribute of the module, dynamically. */
export type NumpyNamespace = NumpyTyped & PyObjectProxy;
