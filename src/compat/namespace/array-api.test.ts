/**
 * The Array API declaration (array-api.ts), without Python: its name lists against the standard's
 * function groups (2024.12) and against the interface, and the calling conventions at the type level
 * (positional parameters, one trailing options object, Python scalars, tuple results). The type-level
 * assertions are checked by `tsc` (npm run typecheck); at run time expectTypeOf does nothing.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ARRAY_API_CONSTANTS,
  ARRAY_API_FFT,
  ARRAY_API_FUNCTIONS,
  ARRAY_API_LINALG,
  type ArrayApiConstantName,
  type ArrayApiExtensionName,
  type ArrayApiFftName,
  type ArrayApiFunctionName,
  type ArrayApiLinalgName,
  type ArrayApiNamespace,
} from './array-api.js';
import type { PyTuple } from '../python/objects.js';

/** The standard's function groups (one page of the specification each), as 2024.12 lists them. */
const GROUPS = {
  creation: [
    'arange', 'asarray', 'empty', 'empty_like', 'eye', 'from_dlpack', 'full', 'full_like', 'linspace', 'meshgrid', 'ones',
    'ones_like', 'tril', 'triu', 'zeros', 'zeros_like',
  ],
  dataTypes: ['astype', 'can_cast', 'finfo', 'iinfo', 'isdtype', 'result_type'],
  elementwise: [
    'abs', 'acos', 'acosh', 'add', 'asin', 'asinh', 'atan', 'atan2', 'atanh', 'bitwise_and', 'bitwise_left_shift',
    'bitwise_invert', 'bitwise_or', 'bitwise_right_shift', 'bitwise_xor', 'ceil', 'clip', 'conj', 'copysign', 'cos', 'cosh',
    'divide', 'equal', 'exp', 'expm1', 'floor', 'floor_divide', 'greater', 'greater_equal', 'hypot', 'imag', 'isfinite',
    'isinf', 'isnan', 'less', 'less_equal', 'log', 'log1p', 'log2', 'log10', 'logaddexp', 'logical_and', 'logical_not',
    'logical_or', 'logical_xor', 'maximum', 'minimum', 'multiply', 'negative', 'nextafter', 'not_equal', 'positive', 'pow',
    'real', 'reciprocal', 'remainder', 'round', 'sign', 'signbit', 'sin', 'sinh', 'square', 'sqrt', 'subtract', 'tan',
    'tanh', 'trunc',
  ],
  indexing: ['take', 'take_along_axis'],
  linearAlgebra: ['matmul', 'matrix_transpose', 'tensordot', 'vecdot'],
  manipulation: [
    'broadcast_arrays', 'broadcast_to', 'concat', 'expand_dims', 'flip', 'moveaxis', 'permute_dims', 'repeat', 'reshape',
    'roll', 'squeeze', 'stack', 'tile', 'unstack',
  ],
  searching: ['argmax', 'argmin', 'count_nonzero', 'nonzero', 'searchsorted', 'where'],
  sets: ['unique_all', 'unique_counts', 'unique_inverse', 'unique_values'],
  sorting: ['argsort', 'sort'],
  statistical: ['cumulative_prod', 'cumulative_sum', 'max', 'mean', 'min', 'prod', 'std', 'sum', 'var'],
  utility: ['all', 'any', 'diff'],
  inspection: ['__array_namespace_info__'],
} as const satisfies Record<string, readonly ArrayApiFunctionName[]>;

const GROUP_SIZES = {
  creation: 16, dataTypes: 6, elementwise: 67, indexing: 2, linearAlgebra: 4, manipulation: 14, searching: 6, sets: 4,
  sorting: 2, statistical: 9, utility: 3, inspection: 1,
} as const satisfies Record<keyof typeof GROUPS, number>;

/** Code-unit order, what Array.prototype.sort gives without a comparator. */
const sorted = (names: readonly string[]): string[] => [...names].sort();
const duplicates = (names: readonly string[]): string[] => names.filter((n, i) => names.indexOf(n) !== i);

describe('Array API name lists', () => {
  it('cover the groups of the standard, each of its size, and nothing else', () => {
    for (const [group, names] of Object.entries(GROUPS)) {
      expect(names.length, group).toBe(GROUP_SIZES[group as keyof typeof GROUPS]);
    }
    const all: readonly string[] = Object.values(GROUPS).flat();
    expect(duplicates(all)).toEqual([]);
    expect(sorted(all)).toEqual(ARRAY_API_FUNCTIONS);
    expect(ARRAY_API_FUNCTIONS).toHaveLength(134);
    expect(ARRAY_API_LINALG).toHaveLength(23);
    expect(ARRAY_API_FFT).toHaveLength(14);
    expect(ARRAY_API_CONSTANTS).toEqual(['__array_api_version__', 'e', 'inf', 'nan', 'newaxis', 'pi']);
  });

  it('are sorted and free of duplicates', () => {
    for (const list of [ARRAY_API_FUNCTIONS, ARRAY_API_LINALG, ARRAY_API_FFT, ARRAY_API_CONSTANTS]) {
      expect(duplicates(list)).toEqual([]);
      expect(list).toEqual(sorted(list));
    }
  });

  it('keep functions, constants and extensions apart; linalg repeats the four top-level linear-algebra functions', () => {
    const top = new Set(ARRAY_API_FUNCTIONS);
    expect(ARRAY_API_CONSTANTS.filter((n) => top.has(n))).toEqual([]);
    expect(top.has('linalg') || top.has('fft')).toBe(false);
    expect(ARRAY_API_LINALG.filter((n) => top.has(n))).toEqual(GROUPS.linearAlgebra);
    // fft.fft shares its name with the extension, not with a top-level function
    expect(ARRAY_API_FFT.filter((n) => top.has(n))).toEqual([]);
  });

  it('agree with the interfaces (type level)', () => {
    type Grouped = (typeof GROUPS)[keyof typeof GROUPS][number];
    expectTypeOf<Grouped>().toEqualTypeOf<ArrayApiFunctionName>();
    expectTypeOf<keyof ArrayApiNamespace<unknown>>().toEqualTypeOf<
      ArrayApiFunctionName | ArrayApiConstantName | ArrayApiExtensionName
    >();
    expectTypeOf<ArrayApiLinalgName>().toEqualTypeOf<keyof ArrayApiNamespace<unknown>['linalg']>();
    expectTypeOf<ArrayApiFftName>().toEqualTypeOf<keyof ArrayApiNamespace<unknown>['fft']>();
    expectTypeOf(ARRAY_API_FUNCTIONS).toEqualTypeOf<readonly string[]>();
  });
});

// ---------------------------------------------------------------------------------------------------
// Calling conventions, at the type level

/** A stand-in array type, distinct from numbers, booleans and options objects. */
interface X {
  readonly brand: 'X';
}
/** A stand-in for a runtime's other array-likes (the bridge's fast arrays). */
interface Y {
  readonly brand: 'Y';
}
type NS = ArrayApiNamespace<X>;
const x = { brand: 'X' } as X;
const y = { brand: 'Y' } as Y;
const kinds = { items: ['signed integer', 'bool'] } as PyTuple; // compat.tuple('signed integer', 'bool'), without Python

/**
 * Calls that must not compile: never run (the namespace is only declared), only type-checked. An
 * unused `@ts-expect-error` is itself an error, so each line here is a check.
 */
function rejected(xp: NS, dask: ArrayApiNamespace<X, Y, { chunks?: readonly number[] }>): void {
  // @ts-expect-error an unknown option key
  xp.sum(x, { axes: 0 });
  // @ts-expect-error keyword-only parameters do not go positionally
  xp.sum(x, 0);
  // @ts-expect-error not a dtype
  xp.asarray([1, 2], { dtype: 'float65' });
  // @ts-expect-error without Kw, a module's extra keyword is unknown
  xp.ones([4, 4], { chunks: [2, 2] });
  // @ts-expect-error without In, other array-likes are refused
  xp.asarray(y);
  // @ts-expect-error an extra keyword of one function is not another's
  dask.sum(x, { chunks: [2, 2] });
  // @ts-expect-error at least one operand of a binary element-wise function is an array
  xp.add(1, 2);
  // @ts-expect-error logical functions take boolean scalars only
  xp.logical_and(x, 1);
  // @ts-expect-error argmax reduces over one axis, not several
  xp.argmax(x, { axis: [0, 1] });
  // @ts-expect-error unary element-wise functions take arrays only
  xp.sin(1);
  // @ts-expect-error linalg options are keyword-only too
  xp.linalg.svd(x, false);
  // @ts-expect-error an unknown fft norm
  xp.fft.fft(x, { norm: 'none' });
  // @ts-expect-error several kinds go in a Python tuple (a JS array would cross as a list)
  xp.isdtype('int8', ['signed integer', 'bool']);
}

describe('ArrayApiNamespace calling conventions (type level)', () => {
  it('takes keyword arguments in one trailing object and returns the array type', () => {
    expectTypeOf<NS['sum']>().toBeCallableWith(x, { axis: 0 });
    expectTypeOf<NS['sum']>().toBeCallableWith(x, { axis: [0, 1], keepdims: true, dtype: 'float64' });
    expectTypeOf<NS['sum']>().toBeCallableWith(x);
    expectTypeOf<NS['sum']>().returns.toEqualTypeOf<X>();
    expectTypeOf<NS['std']>().toBeCallableWith(x, { axis: null, correction: 1 });
    expectTypeOf<NS['arange']>().toBeCallableWith(0, 10, 2, { dtype: 'float64' });
    expectTypeOf<NS['arange']>().toBeCallableWith(5, { stop: 10, step: 2 });
    expectTypeOf<NS['asarray']>().toBeCallableWith([1, 2], { dtype: 'int32' });
    expectTypeOf<NS['asarray']>().toBeCallableWith([[1, 2], [3, 4]]);
    expectTypeOf<NS['astype']>().toBeCallableWith(x, 'float32', { copy: false });
    expectTypeOf<NS['fft']['fftn']>().toBeCallableWith(x, { axes: [0, 1], norm: 'ortho' });
    expectTypeOf<NS['linalg']['vector_norm']>().toBeCallableWith(x, { ord: Infinity, axis: -1 });
  });

  it('accepts positional-or-keyword parameters either way', () => {
    expectTypeOf<NS['reshape']>().toBeCallableWith(x, [2, 3]);
    expectTypeOf<NS['reshape']>().toBeCallableWith(x, { shape: [2, 3], copy: false });
    expectTypeOf<NS['clip']>().toBeCallableWith(x, 0, 1);
    expectTypeOf<NS['clip']>().toBeCallableWith(x, { max: x });
    expectTypeOf<NS['full']>().toBeCallableWith([2, 2], 7, { dtype: 'int8' });
    expectTypeOf<NS['full']>().toBeCallableWith({ shape: [2, 2], fill_value: true });
    expectTypeOf<NS['squeeze']>().toBeCallableWith(x, { axis: 0 });
    expectTypeOf<NS['isdtype']>().toBeCallableWith('int8', kinds);
    expectTypeOf<NS['isdtype']>().toBeCallableWith({ dtype: 'uint8', kind: 'integral' });
  });

  it('takes Python scalars where the standard does', () => {
    expectTypeOf<NS['add']>().toBeCallableWith(x, 1);
    expectTypeOf<NS['add']>().toBeCallableWith(1, x);
    expectTypeOf<NS['equal']>().toBeCallableWith(x, true);
    expectTypeOf<NS['where']>().toBeCallableWith(x, x, 0);
    expectTypeOf<NS['where']>().toBeCallableWith(x, false, x);
    expectTypeOf<NS['full_like']>().toBeCallableWith(x, 0.5);
  });

  it('returns tuples and lists of arrays', () => {
    expectTypeOf<NS['unique_all']>().returns.toEqualTypeOf<readonly [X, X, X, X]>();
    expectTypeOf<NS['unique_inverse']>().returns.toEqualTypeOf<readonly [X, X]>();
    expectTypeOf<NS['linalg']['svd']>().returns.toEqualTypeOf<readonly [X, X, X]>();
    expectTypeOf<NS['meshgrid']>().toBeCallableWith(x, x, { indexing: 'ij' });
    expectTypeOf<NS['broadcast_arrays']>().returns.toEqualTypeOf<X[]>();
    expectTypeOf<NS['nonzero']>().returns.toEqualTypeOf<readonly X[]>();
    expectTypeOf<NS['result_type']>().returns.toBeUnknown();
    expectTypeOf<NS['can_cast']>().returns.toBeBoolean();
    expectTypeOf<NS['newaxis']>().toBeNull();
    expectTypeOf<NS['pi']>().toBeNumber();
  });

  it('widens asarray and the allocating functions with In and Kw', () => {
    type Dask = ArrayApiNamespace<X, Y, { chunks?: readonly number[] }>;
    expectTypeOf<Dask['asarray']>().toBeCallableWith(y, { chunks: [2, 3] });
    expectTypeOf<Dask['ones']>().toBeCallableWith([4, 4], { chunks: [2, 2], dtype: 'float32' });
    expectTypeOf<Dask['asarray']>().returns.toEqualTypeOf<X>();
    expect(typeof rejected).toBe('function');
  });
});
