/**
 * The Python Array API standard, version 2024.12, as a TypeScript declaration: the namespace's functions,
 * constants and its two optional extensions (`linalg`, `fft`), generic over the namespace's array type `A`.
 * It types `compat.namespace('dask.array')` and every other module that implements the standard.
 *
 * Calling conventions (the same as the rest of compat):
 *  - Python positional parameters are positional JS parameters;
 *  - keyword arguments go in ONE trailing plain object: `xp.sum(x, { axis: 0, keepdims: true })`. The
 *    standard's keyword-only parameters are accepted there only; its positional-or-keyword ones
 *    (`reshape`'s `shape`, `clip`'s `min`/`max`, ...) either positionally or in that object;
 *  - Python scalars are JS numbers and booleans, wherever the standard lets a Python scalar stand for an
 *    array (the second operand of the binary element-wise functions, `where`, `clip`, `full`...);
 *  - Python tuples and lists of arrays come back as JS arrays.
 *
 * The name lists at the end (ARRAY_API_FUNCTIONS, ARRAY_API_LINALG, ARRAY_API_FFT, ARRAY_API_CONSTANTS)
 * are checked against the interfaces at compile time, so a runtime can list what a module lacks.
 */
import type { DTypeSpelling } from '../../common/dtypes.js';
import type { PyTuple } from '../python/objects.js';

// ---------------------------------------------------------------------------------------------------
// Parameter vocabulary

/** Axes of a reduction: one axis, several, or null for all of them. */
export type ArrayApiAxes = number | readonly number[] | null;

/** The shape of a new array: one length (1-d) or a length per dimension. */
export type ArrayApiShape = number | readonly number[];

/** A device object as the namespace gives it (`x.device`, `__array_namespace_info__().devices()`). */
export type ArrayApiDevice = unknown;

/** The kinds `isdtype` recognises besides dtypes themselves. */
export type ArrayApiDTypeKind =
  | 'bool'
  | 'signed integer'
  | 'unsigned integer'
  | 'integral'
  | 'real floating'
  | 'complex floating'
  | 'numeric';

/** Scaling conventions of the FFT functions. */
export type ArrayApiFftNorm = 'backward' | 'ortho' | 'forward';

/** Nested JS arrays of scalars (Python nested sequences). */
export type ArrayApiNestedSequence<T> = readonly (T | ArrayApiNestedSequence<T>)[];

/** What `finfo` describes of a floating-point dtype. */
export interface ArrayApiFInfo {
  readonly bits: number;
  readonly eps: number;
  readonly max: number;
  readonly min: number;
  readonly smallest_normal: number;
  /** The dtype described, as the namespace represents it. */
  readonly dtype: unknown;
}

/** What `iinfo` describes of an integer dtype (64-bit limits come back as bigint). */
export interface ArrayApiIInfo {
  readonly bits: number;
  readonly max: number | bigint;
  readonly min: number | bigint;
  /** The dtype described, as the namespace represents it. */
  readonly dtype: unknown;
}

// ---------------------------------------------------------------------------------------------------
// Options objects (the trailing keyword arguments)

/** Where and how to allocate a new array. */
export interface ArrayApiCreationOptions {
  dtype?: DTypeSpelling | null;
  device?: ArrayApiDevice;
}

/** Options of the reductions that can keep reduced axes. */
export interface ArrayApiReductionOptions {
  axis?: ArrayApiAxes;
  keepdims?: boolean;
}

/** Options of `sum` and `prod`, which can accumulate in another dtype. */
export interface ArrayApiSumOptions extends ArrayApiReductionOptions {
  dtype?: DTypeSpelling | null;
}

/** Options of `std` and `var`. */
export interface ArrayApiVarianceOptions extends ArrayApiReductionOptions {
  /** Degrees-of-freedom adjustment (0 for the population statistic, 1 for Bessel's correction). */
  correction?: number;
}

/** Options of `cumulative_sum` and `cumulative_prod`. */
export interface ArrayApiCumulativeOptions {
  axis?: number | null;
  dtype?: DTypeSpelling | null;
  include_initial?: boolean;
}

/** Options of `argmax` and `argmin` (a single axis, or null for the flattened array). */
export interface ArrayApiArgReductionOptions {
  axis?: number | null;
  keepdims?: boolean;
}

/** Options of `sort` and `argsort`. */
export interface ArrayApiSortOptions {
  axis?: number;
  descending?: boolean;
  stable?: boolean;
}

/** Options of the one-dimensional FFTs. */
export interface ArrayApiFftOptions {
  n?: number | null;
  axis?: number;
  norm?: ArrayApiFftNorm;
}

/** Options of the n-dimensional FFTs. */
export interface ArrayApiFftnOptions {
  s?: readonly number[] | null;
  axes?: readonly number[] | null;
  norm?: ArrayApiFftNorm;
}

/** Options of `fftfreq` and `rfftfreq`. */
export interface ArrayApiFftFreqOptions extends ArrayApiCreationOptions {
  /** Sample spacing. */
  d?: number;
}

/** The `axes` of `tensordot`: a count of trailing/leading axes, or the two lists of axes to contract. */
export type ArrayApiTensordotAxes = number | readonly [readonly number[], readonly number[]];

// ---------------------------------------------------------------------------------------------------
// Callable shapes

/** A unary element-wise function. */
export type ArrayApiUnary<A> = (x: A) => A;

/**
 * A binary element-wise function: both operands broadcast; one of them may be a Python scalar `S`
 * instead of an array, but not both.
 */
export interface ArrayApiBinary<A, S> {
  (x1: A, x2: A | S): A;
  (x1: S, x2: A): A;
}

/** A function making an array of a given shape (`empty`, `ones`, `zeros`); `Kw`: the module's extra keywords. */
export interface ArrayApiShapeCreation<A, Kw = unknown> {
  (shape: ArrayApiShape, options?: ArrayApiCreationOptions & Kw): A;
  (options: { shape: ArrayApiShape } & ArrayApiCreationOptions & Kw): A;
}

/** A function making an array shaped like another (`empty_like`, `ones_like`, `zeros_like`). */
export type ArrayApiLikeCreation<A, Kw = unknown> = (x: A, options?: ArrayApiCreationOptions & Kw) => A;

/** A full reduction to one-or-more axes (`all`, `any`, `max`, `mean`, `min`). */
export type ArrayApiReduction<A> = (x: A, options?: ArrayApiReductionOptions) => A;

// ---------------------------------------------------------------------------------------------------
// The `linalg` extension

/** The standard's optional `linalg` extension (`xp.linalg`). */
export interface ArrayApiLinalg<A> {
  /** The Cholesky factor of each symmetric (Hermitian) positive-definite matrix: lower, or upper with `upper: true`. */
  readonly cholesky: (x: A, options?: { upper?: boolean }) => A;
  /** The cross product of 3-element vectors along `axis`. */
  readonly cross: (x1: A, x2: A, options?: { axis?: number }) => A;
  /** The determinant of each square matrix. */
  readonly det: (x: A) => A;
  /** The diagonal of each matrix, shifted by `offset` (positive: above the main diagonal). */
  readonly diagonal: (x: A, options?: { offset?: number }) => A;
  /** Eigenvalues (ascending) and eigenvectors of each symmetric (Hermitian) matrix. */
  readonly eigh: (x: A) => readonly [eigenvalues: A, eigenvectors: A];
  /** Eigenvalues (ascending) of each symmetric (Hermitian) matrix. */
  readonly eigvalsh: (x: A) => A;
  /** The inverse of each square matrix. */
  readonly inv: (x: A) => A;
  /** The matrix product (the same as the top-level `matmul`). */
  readonly matmul: (x1: A, x2: A) => A;
  /** A norm of each matrix: Frobenius by default, nuclear, or induced by an integer or ±Infinity `ord`. */
  readonly matrix_norm: (x: A, options?: { keepdims?: boolean; ord?: number | 'fro' | 'nuc' | null }) => A;
  /** Each square matrix to the integer power `n` (negative powers invert). */
  readonly matrix_power: (x: A, n: number) => A;
  /** The rank of each matrix, counting singular values above `rtol` times the largest. */
  readonly matrix_rank: (x: A, options?: { rtol?: number | A | null }) => A;
  /** Swaps the last two axes (the same as the top-level `matrix_transpose`). */
  readonly matrix_transpose: (x: A) => A;
  /** The outer product of two 1-d arrays. */
  readonly outer: (x1: A, x2: A) => A;
  /** The Moore-Penrose pseudo-inverse of each matrix, ignoring singular values below `rtol` times the largest. */
  readonly pinv: (x: A, options?: { rtol?: number | A | null }) => A;
  /** The QR factorisation of each matrix, reduced or complete. */
  readonly qr: (x: A, options?: { mode?: 'reduced' | 'complete' }) => readonly [Q: A, R: A];
  /** The sign and the log of the absolute value of each determinant (stable where `det` overflows). */
  readonly slogdet: (x: A) => readonly [sign: A, logabsdet: A];
  /** Solves the linear systems `x1 @ result = x2`. */
  readonly solve: (x1: A, x2: A) => A;
  /** The singular value decomposition of each matrix: `U`, the singular values (descending) and `Vh`. */
  readonly svd: (x: A, options?: { full_matrices?: boolean }) => readonly [U: A, S: A, Vh: A];
  /** The singular values of each matrix, descending. */
  readonly svdvals: (x: A) => A;
  /** Contracts two arrays over the given axes (the same as the top-level `tensordot`). */
  readonly tensordot: (x1: A, x2: A, options?: { axes?: ArrayApiTensordotAxes }) => A;
  /** The sum along each matrix's diagonal (shifted by `offset`), optionally accumulated in `dtype`. */
  readonly trace: (x: A, options?: { offset?: number; dtype?: DTypeSpelling | null }) => A;
  /** The dot product of vectors along `axis`, conjugating `x1` (the same as the top-level `vecdot`). */
  readonly vecdot: (x1: A, x2: A, options?: { axis?: number }) => A;
  /** A vector norm over `axis` (all elements by default): Euclidean, or any other `ord`, ±Infinity included. */
  readonly vector_norm: (x: A, options?: { axis?: ArrayApiAxes; keepdims?: boolean; ord?: number }) => A;
}

// ---------------------------------------------------------------------------------------------------
// The `fft` extension

/** The standard's optional `fft` extension (`xp.fft`). */
export interface ArrayApiFft<A> {
  /** The discrete Fourier transform along one axis. */
  readonly fft: (x: A, options?: ArrayApiFftOptions) => A;
  /** Sample frequencies of an `n`-point transform, for the output of `fft`. */
  readonly fftfreq: (n: number, options?: ArrayApiFftFreqOptions) => A;
  /** The discrete Fourier transform over several axes. */
  readonly fftn: (x: A, options?: ArrayApiFftnOptions) => A;
  /** Moves the zero-frequency term to the middle of the given axes (all of them by default). */
  readonly fftshift: (x: A, options?: { axes?: number | readonly number[] | null }) => A;
  /** The transform of a Hermitian-symmetric signal, whose spectrum is real. */
  readonly hfft: (x: A, options?: ArrayApiFftOptions) => A;
  /** The inverse of `fft`. */
  readonly ifft: (x: A, options?: ArrayApiFftOptions) => A;
  /** The inverse of `fftn`. */
  readonly ifftn: (x: A, options?: ArrayApiFftnOptions) => A;
  /** Undoes `fftshift`. */
  readonly ifftshift: (x: A, options?: { axes?: number | readonly number[] | null }) => A;
  /** The inverse of `hfft`, from a real signal. */
  readonly ihfft: (x: A, options?: ArrayApiFftOptions) => A;
  /** The inverse of `rfft`: back to real values. */
  readonly irfft: (x: A, options?: ArrayApiFftOptions) => A;
  /** The inverse of `rfftn`: back to real values. */
  readonly irfftn: (x: A, options?: ArrayApiFftnOptions) => A;
  /** The transform of real input along one axis, keeping the non-negative frequencies only. */
  readonly rfft: (x: A, options?: ArrayApiFftOptions) => A;
  /** Sample frequencies of an `n`-point transform, for the output of `rfft`. */
  readonly rfftfreq: (n: number, options?: ArrayApiFftFreqOptions) => A;
  /** The transform of real input over several axes, halving the last one. */
  readonly rfftn: (x: A, options?: ArrayApiFftnOptions) => A;
}

// ---------------------------------------------------------------------------------------------------
// The namespace

/**
 * A Python Array API (2024.12) namespace whose arrays are `A`.
 *
 * Two optional parameters widen it for a runtime, and change nothing when left out:
 *  - `In`: other values the runtime turns into arrays, which `asarray` accepts besides the standard's
 *    inputs (e.g. the bridge's fast arrays);
 *  - `Kw`: keyword arguments the module's allocating functions take beyond the standard (e.g. Dask's
 *    `chunks`), accepted in their options object. Without it an unknown key there is a type error.
 */
export interface ArrayApiNamespace<A, In = never, Kw = unknown> {
  // --- constants ---------------------------------------------------------------------------------

  /** The version of the standard the module claims to follow (`'2024.12'`). */
  readonly __array_api_version__: string;
  /** Euler's number. */
  readonly e: number;
  /** Positive infinity. */
  readonly inf: number;
  /** Not-a-number. */
  readonly nan: number;
  /** Python's `None`, for inserting an axis when indexing. */
  readonly newaxis: null;
  /** The ratio of a circle's circumference to its diameter. */
  readonly pi: number;

  // --- inspection --------------------------------------------------------------------------------

  /** The namespace's inspection object: its capabilities, devices and default dtypes. */
  readonly __array_namespace_info__: () => unknown;

  // --- creation ----------------------------------------------------------------------------------

  /** Evenly spaced values in `[start, stop)`; with one bound only, in `[0, start)`. */
  readonly arange: {
    (start: number, options?: { stop?: number | null; step?: number } & ArrayApiCreationOptions & Kw): A;
    (start: number, stop: number | null, options?: { step?: number } & ArrayApiCreationOptions & Kw): A;
    (start: number, stop: number | null, step: number, options?: ArrayApiCreationOptions & Kw): A;
  };
  /** An array from an array (or an `In`), a scalar, nested JS arrays or a typed array; `copy`: may it share memory. */
  readonly asarray: (
    obj: A | In | number | boolean | ArrayApiNestedSequence<number | boolean> | ArrayBufferView,
    options?: ArrayApiCreationOptions & Kw & { copy?: boolean | null },
  ) => A;
  /** A new array of the shape, its contents unspecified. */
  readonly empty: ArrayApiShapeCreation<A, Kw>;
  /** A new array with the shape of `x`, its contents unspecified. */
  readonly empty_like: ArrayApiLikeCreation<A, Kw>;
  /** A 2-d array with ones on the `k`-th diagonal and zeros elsewhere. */
  readonly eye: {
    (n_rows: number, options?: { k?: number } & ArrayApiCreationOptions & Kw): A;
    (n_rows: number, n_cols: number | null, options?: { k?: number } & ArrayApiCreationOptions & Kw): A;
  };
  /** An array of this namespace from any object exporting DLPack (`__dlpack__`). */
  readonly from_dlpack: (x: object, options?: { device?: ArrayApiDevice; copy?: boolean | null } & Kw) => A;
  /** A new array of the shape, every element `fill_value`. */
  readonly full: {
    (shape: ArrayApiShape, fill_value: number | boolean, options?: ArrayApiCreationOptions & Kw): A;
    (shape: ArrayApiShape, options: { fill_value: number | boolean } & ArrayApiCreationOptions & Kw): A;
    (options: { shape: ArrayApiShape; fill_value: number | boolean } & ArrayApiCreationOptions & Kw): A;
  };
  /** A new array with the shape of `x`, every element `fill_value`. */
  readonly full_like: {
    (x: A, fill_value: number | boolean, options?: ArrayApiCreationOptions & Kw): A;
    (x: A, options: { fill_value: number | boolean } & ArrayApiCreationOptions & Kw): A;
  };
  /** `num` evenly spaced values from `start` to `stop` (included unless `endpoint: false`). */
  readonly linspace: {
    (start: number, stop: number, num: number, options?: { endpoint?: boolean } & ArrayApiCreationOptions & Kw): A;
    (start: number, stop: number, options: { num: number; endpoint?: boolean } & ArrayApiCreationOptions & Kw): A;
  };
  /** Coordinate grids from 1-d coordinate arrays, Cartesian (`'xy'`, the default) or matrix (`'ij'`) indexed. */
  readonly meshgrid: {
    (...arrays: A[]): A[];
    (...args: [...arrays: A[], options: { indexing?: 'xy' | 'ij' }]): A[];
  };
  /** A new array of the shape, filled with ones. */
  readonly ones: ArrayApiShapeCreation<A, Kw>;
  /** A new array with the shape of `x`, filled with ones. */
  readonly ones_like: ArrayApiLikeCreation<A, Kw>;
  /** A copy of `x` with the elements above the `k`-th diagonal of each matrix zeroed. */
  readonly tril: (x: A, options?: { k?: number }) => A;
  /** A copy of `x` with the elements below the `k`-th diagonal of each matrix zeroed. */
  readonly triu: (x: A, options?: { k?: number }) => A;
  /** A new array of the shape, filled with zeros. */
  readonly zeros: ArrayApiShapeCreation<A, Kw>;
  /** A new array with the shape of `x`, filled with zeros. */
  readonly zeros_like: ArrayApiLikeCreation<A, Kw>;

  // --- data types --------------------------------------------------------------------------------

  /** `x` converted to `dtype`; `copy: false` lets it return `x` itself when nothing changes. */
  readonly astype: (x: A, dtype: DTypeSpelling, options?: { copy?: boolean; device?: ArrayApiDevice }) => A;
  /** Whether casting from a dtype (or an array's dtype) to another follows the promotion rules. */
  readonly can_cast: (from_: DTypeSpelling | A, to: DTypeSpelling) => boolean;
  /** The limits of a floating-point dtype (or of an array's dtype). */
  readonly finfo: (type: DTypeSpelling | A) => ArrayApiFInfo;
  /** The limits of an integer dtype (or of an array's dtype). */
  readonly iinfo: (type: DTypeSpelling | A) => ArrayApiIInfo;
  /** Whether `dtype` is of a kind: a kind name, a dtype, or a tuple of either. */
  readonly isdtype: {
    (dtype: DTypeSpelling, kind: ArrayApiIsdtypeKind): boolean;
    (dtype: DTypeSpelling, options: { kind: ArrayApiIsdtypeKind }): boolean;
    (options: { dtype: DTypeSpelling; kind: ArrayApiIsdtypeKind }): boolean;
  };
  /** The dtype the promotion rules give for these arrays, dtypes and scalars (a dtype object of the namespace). */
  readonly result_type: (...arrays_and_dtypes: (A | number | boolean | DTypeSpelling)[]) => unknown;

  // --- element-wise ------------------------------------------------------------------------------

  /** Absolute value (magnitude, for complex input). */
  readonly abs: ArrayApiUnary<A>;
  /** Inverse cosine. */
  readonly acos: ArrayApiUnary<A>;
  /** Inverse hyperbolic cosine. */
  readonly acosh: ArrayApiUnary<A>;
  /** `x1 + x2`. */
  readonly add: ArrayApiBinary<A, number>;
  /** Inverse sine. */
  readonly asin: ArrayApiUnary<A>;
  /** Inverse hyperbolic sine. */
  readonly asinh: ArrayApiUnary<A>;
  /** Inverse tangent. */
  readonly atan: ArrayApiUnary<A>;
  /** The angle of the point `(x2, x1)`, quadrant-aware. */
  readonly atan2: ArrayApiBinary<A, number>;
  /** Inverse hyperbolic tangent. */
  readonly atanh: ArrayApiUnary<A>;
  /** Bitwise AND (logical AND for booleans). */
  readonly bitwise_and: ArrayApiBinary<A, number | boolean>;
  /** Bitwise NOT (logical NOT for booleans). */
  readonly bitwise_invert: ArrayApiUnary<A>;
  /** `x1` shifted left by `x2` bits. */
  readonly bitwise_left_shift: ArrayApiBinary<A, number>;
  /** Bitwise OR (logical OR for booleans). */
  readonly bitwise_or: ArrayApiBinary<A, number | boolean>;
  /** `x1` shifted right by `x2` bits. */
  readonly bitwise_right_shift: ArrayApiBinary<A, number>;
  /** Bitwise exclusive OR (logical XOR for booleans). */
  readonly bitwise_xor: ArrayApiBinary<A, number | boolean>;
  /** Rounds up to the nearest integer. */
  readonly ceil: ArrayApiUnary<A>;
  /** Limits values to `[min, max]`; either bound may be omitted (null), a scalar or an array. */
  readonly clip: {
    (x: A, min?: A | number | null, max?: A | number | null): A;
    (x: A, min: A | number | null, options: { max?: A | number | null }): A;
    (x: A, options: { min?: A | number | null; max?: A | number | null }): A;
  };
  /** Complex conjugate. */
  readonly conj: ArrayApiUnary<A>;
  /** The magnitude of `x1` with the sign of `x2`. */
  readonly copysign: ArrayApiBinary<A, number>;
  /** Cosine. */
  readonly cos: ArrayApiUnary<A>;
  /** Hyperbolic cosine. */
  readonly cosh: ArrayApiUnary<A>;
  /** `x1 / x2` (true division). */
  readonly divide: ArrayApiBinary<A, number>;
  /** `x1 == x2`. */
  readonly equal: ArrayApiBinary<A, number | boolean>;
  /** The exponential, e to the power `x`. */
  readonly exp: ArrayApiUnary<A>;
  /** `exp(x) - 1`, accurate near zero. */
  readonly expm1: ArrayApiUnary<A>;
  /** Rounds down to the nearest integer. */
  readonly floor: ArrayApiUnary<A>;
  /** `x1 // x2`: the quotient rounded down. */
  readonly floor_divide: ArrayApiBinary<A, number>;
  /** `x1 > x2`. */
  readonly greater: ArrayApiBinary<A, number>;
  /** `x1 >= x2`. */
  readonly greater_equal: ArrayApiBinary<A, number>;
  /** `sqrt(x1² + x2²)` without intermediate overflow. */
  readonly hypot: ArrayApiBinary<A, number>;
  /** The imaginary part of complex input. */
  readonly imag: ArrayApiUnary<A>;
  /** True where the value is neither infinite nor NaN. */
  readonly isfinite: ArrayApiUnary<A>;
  /** True where the value is infinite. */
  readonly isinf: ArrayApiUnary<A>;
  /** True where the value is NaN. */
  readonly isnan: ArrayApiUnary<A>;
  /** `x1 < x2`. */
  readonly less: ArrayApiBinary<A, number>;
  /** `x1 <= x2`. */
  readonly less_equal: ArrayApiBinary<A, number>;
  /** Natural logarithm. */
  readonly log: ArrayApiUnary<A>;
  /** Base-10 logarithm. */
  readonly log10: ArrayApiUnary<A>;
  /** `log(1 + x)`, accurate near zero. */
  readonly log1p: ArrayApiUnary<A>;
  /** Base-2 logarithm. */
  readonly log2: ArrayApiUnary<A>;
  /** `log(exp(x1) + exp(x2))` without intermediate overflow. */
  readonly logaddexp: ArrayApiBinary<A, number>;
  /** Logical AND of truth values. */
  readonly logical_and: ArrayApiBinary<A, boolean>;
  /** Logical NOT of truth values. */
  readonly logical_not: ArrayApiUnary<A>;
  /** Logical OR of truth values. */
  readonly logical_or: ArrayApiBinary<A, boolean>;
  /** Logical exclusive OR of truth values. */
  readonly logical_xor: ArrayApiBinary<A, boolean>;
  /** The larger of each pair (NaN when either is NaN). */
  readonly maximum: ArrayApiBinary<A, number>;
  /** The smaller of each pair (NaN when either is NaN). */
  readonly minimum: ArrayApiBinary<A, number>;
  /** `x1 * x2`. */
  readonly multiply: ArrayApiBinary<A, number>;
  /** `-x`. */
  readonly negative: ArrayApiUnary<A>;
  /** The next representable value after `x1` in the direction of `x2`. */
  readonly nextafter: ArrayApiBinary<A, number>;
  /** `x1 != x2`. */
  readonly not_equal: ArrayApiBinary<A, number | boolean>;
  /** `+x`. */
  readonly positive: ArrayApiUnary<A>;
  /** `x1` raised to the power `x2`. */
  readonly pow: ArrayApiBinary<A, number>;
  /** The real part (of complex input; real input unchanged). */
  readonly real: ArrayApiUnary<A>;
  /** `1 / x`. */
  readonly reciprocal: ArrayApiUnary<A>;
  /** The remainder of floor division, with the sign of the divisor `x2`. */
  readonly remainder: ArrayApiBinary<A, number>;
  /** Rounds to the nearest integer, ties to even. */
  readonly round: ArrayApiUnary<A>;
  /** -1, 0 or 1 by sign (`x / |x|` for complex input). */
  readonly sign: ArrayApiUnary<A>;
  /** True where the sign bit is set (negative values, -0 and negative NaNs included). */
  readonly signbit: ArrayApiUnary<A>;
  /** Sine. */
  readonly sin: ArrayApiUnary<A>;
  /** Hyperbolic sine. */
  readonly sinh: ArrayApiUnary<A>;
  /** Principal square root. */
  readonly sqrt: ArrayApiUnary<A>;
  /** `x * x`. */
  readonly square: ArrayApiUnary<A>;
  /** `x1 - x2`. */
  readonly subtract: ArrayApiBinary<A, number>;
  /** Tangent. */
  readonly tan: ArrayApiUnary<A>;
  /** Hyperbolic tangent. */
  readonly tanh: ArrayApiUnary<A>;
  /** Rounds toward zero. */
  readonly trunc: ArrayApiUnary<A>;

  // --- indexing ----------------------------------------------------------------------------------

  /** The elements at the integer `indices` along `axis` (optional for 1-d `x`). */
  readonly take: (x: A, indices: A, options?: { axis?: number | null }) => A;
  /** Picks elements along `axis` with an index array of the same rank as `x` (the inverse of `argsort`'s use). */
  readonly take_along_axis: (x: A, indices: A, options?: { axis?: number }) => A;

  // --- linear algebra ----------------------------------------------------------------------------

  /** Matrix product, `x1 @ x2`, broadcasting over leading axes. */
  readonly matmul: (x1: A, x2: A) => A;
  /** Swaps the last two axes. */
  readonly matrix_transpose: (x: A) => A;
  /** Contracts two arrays over the given axes (the last/first two by default). */
  readonly tensordot: (x1: A, x2: A, options?: { axes?: ArrayApiTensordotAxes }) => A;
  /** The dot product of vectors along `axis`, conjugating `x1`. */
  readonly vecdot: (x1: A, x2: A, options?: { axis?: number }) => A;

  // --- manipulation ------------------------------------------------------------------------------

  /** The arrays broadcast to one common shape. */
  readonly broadcast_arrays: (...arrays: A[]) => A[];
  /** `x` broadcast to `shape`. */
  readonly broadcast_to: {
    (x: A, shape: readonly number[]): A;
    (x: A, options: { shape: readonly number[] }): A;
  };
  /** Joins arrays along an existing axis (null: flattened first). */
  readonly concat: (arrays: readonly A[], options?: { axis?: number | null }) => A;
  /** `x` with a new axis of length one at `axis` (0 by default). */
  readonly expand_dims: {
    (x: A, axis: number): A;
    (x: A, options?: { axis?: number }): A;
  };
  /** Reverses the order of the elements along the given axes (all by default). */
  readonly flip: (x: A, options?: { axis?: ArrayApiAxes }) => A;
  /** Moves axes to new positions, keeping the others in order. */
  readonly moveaxis: (x: A, source: number | readonly number[], destination: number | readonly number[]) => A;
  /** Reorders all axes: `axes` is a permutation of `0..ndim-1`. */
  readonly permute_dims: {
    (x: A, axes: readonly number[]): A;
    (x: A, options: { axes: readonly number[] }): A;
  };
  /** Repeats each element `repeats` times (one count, or one per element) along `axis` (null: flattened). */
  readonly repeat: (x: A, repeats: A | number, options?: { axis?: number | null }) => A;
  /** The same elements in a new shape (one dimension may be -1); `copy` controls whether a copy is allowed or forced. */
  readonly reshape: {
    (x: A, shape: readonly number[], options?: { copy?: boolean | null }): A;
    (x: A, options: { shape: readonly number[]; copy?: boolean | null }): A;
  };
  /** Shifts elements cyclically along the given axes (null: flattened, then restored). */
  readonly roll: {
    (x: A, shift: number | readonly number[], options?: { axis?: ArrayApiAxes }): A;
    (x: A, options: { shift: number | readonly number[]; axis?: ArrayApiAxes }): A;
  };
  /** Removes the given axes, which must have length one. */
  readonly squeeze: {
    (x: A, axis: number | readonly number[]): A;
    (x: A, options: { axis: number | readonly number[] }): A;
  };
  /** Joins same-shaped arrays along a new axis. */
  readonly stack: (arrays: readonly A[], options?: { axis?: number }) => A;
  /** Repeats the whole array the given number of times along each axis. */
  readonly tile: (x: A, repetitions: readonly number[]) => A;
  /** Splits `x` into the arrays along `axis`, one per index. */
  readonly unstack: (x: A, options?: { axis?: number }) => readonly A[];

  // --- searching ---------------------------------------------------------------------------------

  /** Indices of the largest values along `axis` (null: of the flattened array). */
  readonly argmax: (x: A, options?: ArrayApiArgReductionOptions) => A;
  /** Indices of the smallest values along `axis` (null: of the flattened array). */
  readonly argmin: (x: A, options?: ArrayApiArgReductionOptions) => A;
  /** How many elements are nonzero (true) over the given axes. */
  readonly count_nonzero: (x: A, options?: ArrayApiReductionOptions) => A;
  /** The indices of the nonzero elements: one index array per dimension. */
  readonly nonzero: (x: A) => readonly A[];
  /** Where the values `x2` would go in the sorted 1-d `x1` to keep it sorted. */
  readonly searchsorted: (x1: A, x2: A, options?: { side?: 'left' | 'right'; sorter?: A | null }) => A;
  /** `x1` where `condition` holds, `x2` elsewhere; either (not both) may be a scalar. */
  readonly where: {
    (condition: A, x1: A, x2: A | number | boolean): A;
    (condition: A, x1: number | boolean, x2: A): A;
  };

  // --- sets --------------------------------------------------------------------------------------

  /** The unique values, the index of each one's first occurrence, the inverse indices and the counts. */
  readonly unique_all: (x: A) => readonly [values: A, indices: A, inverse_indices: A, counts: A];
  /** The unique values and how often each occurs. */
  readonly unique_counts: (x: A) => readonly [values: A, counts: A];
  /** The unique values and, for each element of `x`, the index of its value among them. */
  readonly unique_inverse: (x: A) => readonly [values: A, inverse_indices: A];
  /** The unique values. */
  readonly unique_values: (x: A) => A;

  // --- sorting -----------------------------------------------------------------------------------

  /** The indices that sort `x` along `axis`. */
  readonly argsort: (x: A, options?: ArrayApiSortOptions) => A;
  /** `x` sorted along `axis`. */
  readonly sort: (x: A, options?: ArrayApiSortOptions) => A;

  // --- statistics --------------------------------------------------------------------------------

  /** Running product along `axis` (optional for 1-d `x`), with a leading 1 when `include_initial`. */
  readonly cumulative_prod: (x: A, options?: ArrayApiCumulativeOptions) => A;
  /** Running sum along `axis` (optional for 1-d `x`), with a leading 0 when `include_initial`. */
  readonly cumulative_sum: (x: A, options?: ArrayApiCumulativeOptions) => A;
  /** Largest value over the given axes. */
  readonly max: ArrayApiReduction<A>;
  /** Arithmetic mean over the given axes. */
  readonly mean: ArrayApiReduction<A>;
  /** Smallest value over the given axes. */
  readonly min: ArrayApiReduction<A>;
  /** Product over the given axes. */
  readonly prod: (x: A, options?: ArrayApiSumOptions) => A;
  /** Standard deviation over the given axes. */
  readonly std: (x: A, options?: ArrayApiVarianceOptions) => A;
  /** Sum over the given axes. */
  readonly sum: (x: A, options?: ArrayApiSumOptions) => A;
  /** Variance over the given axes. */
  readonly var: (x: A, options?: ArrayApiVarianceOptions) => A;

  // --- utility -----------------------------------------------------------------------------------

  /** Whether every element is true over the given axes. */
  readonly all: ArrayApiReduction<A>;
  /** Whether some element is true over the given axes. */
  readonly any: ArrayApiReduction<A>;
  /** The `n`-th forward difference along `axis`, optionally with values prepended or appended first. */
  readonly diff: (x: A, options?: { axis?: number; n?: number; prepend?: A | null; append?: A | null }) => A;

  // --- extensions --------------------------------------------------------------------------------

  /** The linear-algebra extension (optional in the standard: check with ARRAY_API_LINALG). */
  readonly linalg: ArrayApiLinalg<A>;
  /** The FFT extension (optional in the standard: check with ARRAY_API_FFT). */
  readonly fft: ArrayApiFft<A>;
}

/**
 * The `kind` of `isdtype`: a kind name, a dtype, or several of them as a Python tuple
 * (`compat.tuple('signed integer', 'bool')`: the standard asks for a tuple, and a JS array would cross as a list).
 */
export type ArrayApiIsdtypeKind = ArrayApiDTypeKind | DTypeSpelling | PyTuple;

// ---------------------------------------------------------------------------------------------------
// Name lists, checked against the interfaces

/** The namespace's constants (not callable). */
export type ArrayApiConstantName = '__array_api_version__' | 'e' | 'inf' | 'nan' | 'newaxis' | 'pi';
/** The extensions, nested namespaces. */
export type ArrayApiExtensionName = 'fft' | 'linalg';
/** The namespace's top-level functions. */
export type ArrayApiFunctionName = Exclude<keyof ArrayApiNamespace<unknown>, ArrayApiConstantName | ArrayApiExtensionName>;
/** The functions of `xp.linalg`. */
export type ArrayApiLinalgName = keyof ArrayApiLinalg<unknown>;
/** The functions of `xp.fft`. */
export type ArrayApiFftName = keyof ArrayApiFft<unknown>;

/**
 * Identity on a list of names, which compiles only when the list holds every name of `K` and no other:
 * `namesOf<K>()([...])`. An extra name fails the element type; a missing one is named in the error.
 */
function namesOf<K extends string>() {
  return <const L extends readonly K[]>(
    names: L & ([Exclude<K, L[number]>] extends [never] ? unknown : { readonly missing: Exclude<K, L[number]> }),
  ): L => names;
}

// Every constant name is a key of the interface (the other direction is namesOf's check below).
const CONSTANTS = namesOf<ArrayApiConstantName & keyof ArrayApiNamespace<unknown>>()([
  '__array_api_version__', 'e', 'inf', 'nan', 'newaxis', 'pi',
]);

const FUNCTIONS = namesOf<ArrayApiFunctionName>()([
  '__array_namespace_info__', 'abs', 'acos', 'acosh', 'add', 'all', 'any', 'arange', 'argmax', 'argmin', 'argsort',
  'asarray', 'asin', 'asinh', 'astype', 'atan', 'atan2', 'atanh', 'bitwise_and', 'bitwise_invert',
  'bitwise_left_shift', 'bitwise_or', 'bitwise_right_shift', 'bitwise_xor', 'broadcast_arrays', 'broadcast_to',
  'can_cast', 'ceil', 'clip', 'concat', 'conj', 'copysign', 'cos', 'cosh', 'count_nonzero', 'cumulative_prod',
  'cumulative_sum', 'diff', 'divide', 'empty', 'empty_like', 'equal', 'exp', 'expand_dims', 'expm1', 'eye', 'finfo',
  'flip', 'floor', 'floor_divide', 'from_dlpack', 'full', 'full_like', 'greater', 'greater_equal', 'hypot', 'iinfo',
  'imag', 'isdtype', 'isfinite', 'isinf', 'isnan', 'less', 'less_equal', 'linspace', 'log', 'log10', 'log1p', 'log2',
  'logaddexp', 'logical_and', 'logical_not', 'logical_or', 'logical_xor', 'matmul', 'matrix_transpose', 'max',
  'maximum', 'mean', 'meshgrid', 'min', 'minimum', 'moveaxis', 'multiply', 'negative', 'nextafter', 'nonzero',
  'not_equal', 'ones', 'ones_like', 'permute_dims', 'positive', 'pow', 'prod', 'real', 'reciprocal', 'remainder',
  'repeat', 'reshape', 'result_type', 'roll', 'round', 'searchsorted', 'sign', 'signbit', 'sin', 'sinh', 'sort',
  'sqrt', 'square', 'squeeze', 'stack', 'std', 'subtract', 'sum', 'take', 'take_along_axis', 'tan', 'tanh',
  'tensordot', 'tile', 'tril', 'triu', 'trunc', 'unique_all', 'unique_counts', 'unique_inverse', 'unique_values',
  'unstack', 'var', 'vecdot', 'where', 'zeros', 'zeros_like',
]);

const LINALG = namesOf<ArrayApiLinalgName>()([
  'cholesky', 'cross', 'det', 'diagonal', 'eigh', 'eigvalsh', 'inv', 'matmul', 'matrix_norm', 'matrix_power',
  'matrix_rank', 'matrix_transpose', 'outer', 'pinv', 'qr', 'slogdet', 'solve', 'svd', 'svdvals', 'tensordot',
  'trace', 'vecdot', 'vector_norm',
]);

const FFT = namesOf<ArrayApiFftName>()([
  'fft', 'fftfreq', 'fftn', 'fftshift', 'hfft', 'ifft', 'ifftn', 'ifftshift', 'ihfft', 'irfft', 'irfftn', 'rfft',
  'rfftfreq', 'rfftn',
]);

/** The standard's top-level functions (`__array_namespace_info__` included), in code-unit order. */
export const ARRAY_API_FUNCTIONS: readonly string[] = FUNCTIONS;
/** The functions of the `linalg` extension, in code-unit order. */
export const ARRAY_API_LINALG: readonly string[] = LINALG;
/** The functions of the `fft` extension, in code-unit order. */
export const ARRAY_API_FFT: readonly string[] = FFT;
/** The standard's constants, in code-unit order. */
export const ARRAY_API_CONSTANTS: readonly string[] = CONSTANTS;
