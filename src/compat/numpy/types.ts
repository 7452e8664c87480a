/**
 * Types of `compat.numpy()`: NumPy's whole namespace (numpy, linalg, fft, random with Generator), generated
 * from NumPy's own type stubs (src/compat/numpy/generated/numpy-api.ts, by spec/numpy-types-generate.ts),
 * mapped to what compat hands back: CompatArray for arrays, JS values for scalars (number; bigint for
 * int64/uint64; boolean; { re, im }), plain arrays for tuples and named tuples. Anything the declarations
 * do not name (np.polynomial, np.ma, attributes) is still reachable through the proxy, `unknown`-typed.
 * Conventions: a trailing plain object is keyword arguments; shapes and axis lists are JS arrays; dtypes
 * are NumPy's spellings as strings, or NumPy's dtype/scalar-type objects.
 */
import type { NumpyDTypeSpelling } from '../../common/dtypes.js';
import type { Complex, NestedArray } from '../../common/ndarray.js';
import type { PYOBJ, PyCell, PyTuple } from '../python/objects.js';
import type { CompatArray } from './compat-array.js';
import type { NumpyFft, NumpyGenerator, NumpyLinalg, NumpyMain, NumpyRandom } from './generated/numpy-api.js';
import type { TypeMap } from './generated/support.js';
import type { PyObjectProxy } from './proxy.js';

export type { NumpyDTypeSpelling };
export type { Fn, Named, PyClass, ScalarType, Shape, TypeMap, Ufunc, UfuncKw } from './generated/support.js';
export type { NumpyFft, NumpyGenerator, NumpyLinalg, NumpyMain, NumpyRandom };

/** A Python object's members without its call signature: what every typed NumPy callable also has. */
export interface PyObjectMembers {
  readonly [PYOBJ]: PyCell;
  readonly [name: string]: unknown;
  $item(key: unknown): unknown;
  $setItem(key: unknown, value: unknown): void;
  $attr(name: string): unknown;
  $call(...args: unknown[]): unknown;
  $repr(): string;
  $str(): string;
  readonly $type: string;
  $toJs(): unknown;
  $dispose(): void;
  [Symbol.dispose](): void;
  [Symbol.iterator](): Iterator<unknown>;
}

/** What NumPy accepts as an array argument: arrays, nested lists, JS scalars, TypedArrays, Python objects. */
export type ArrayLike = CompatArray | NestedArray | ArrayBufferView | PyObjectProxy | PyObjectMembers;
/** A NumPy dtype: one of NumPy's spellings, or a dtype/scalar-type object from the namespace (np.float64). */
export type DTypeLike = NumpyDTypeSpelling | PyObjectMembers | NumberConstructor | BooleanConstructor | BigIntConstructor;
/** A Python scalar as it comes back: number, bigint (int64/uint64 and big ints), boolean, complex. */
export type PyScalar = number | bigint | boolean | Complex;
export type Axis = number | readonly number[] | PyTuple | null;

/** compat's reading of NumPy's stub types. */
export interface CompatTypes extends TypeMap {
  In: ArrayLike | PyTuple;
  Arr: CompatArray;
  Half: CompatArray;
  Out: CompatArray;
  Dt: DTypeLike;
  Float: number;
  Int: number | bigint;
  Bool: boolean;
  Complex: Complex;
  Scalar: PyScalar;
  Result: CompatArray | PyScalar;
  Any: CompatArray | PyScalar | string | null | PyObjectProxy | readonly unknown[];
  Obj: PyObjectProxy;
  Named: false;
  Members: PyObjectMembers;
  Module: PyObjectProxy;
}

/** numpy.random.Generator, as compat types it. */
export type CompatGenerator = NumpyGenerator<CompatTypes> & PyObjectProxy;

/** Module constants and attributes that are not callables. */
export interface NumpyConstants {
  readonly pi: number;
  readonly e: number;
  readonly euler_gamma: number;
  readonly inf: number;
  readonly nan: number;
  readonly newaxis: null;
  readonly __version__: string;
}

/** The typed part of `compat.numpy()`. */
export type NumpyTyped = NumpyMain<CompatTypes> & NumpyConstants;

/** `compat.numpy()`: NumPy's typed namespace plus every other attribute of the module, dynamically. */
export type NumpyNamespace = NumpyTyped & PyObjectMembers;
