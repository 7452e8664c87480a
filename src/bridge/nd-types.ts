/**
 * The type of `nd`: NumPy's API (the declarations generated from NumPy's own stubs,
 * src/compat/numpy/generated/numpy-api.ts) read the way nd returns results. Arrays are FastArrays (a
 * dtype fast lacks, float16 or strings, stays a CompatArray where NumPy's stubs say so); NumPy scalars
 * come back as 0-d FastArrays, as fast returns them; Python builtins (float, int, bool, str, None) as JS
 * values; named tuples as arrays that also carry their fields (`const { U, S, Vh } = nd.linalg.svd(a)`).
 * Names NumPy lacks do not exist on the type.
 */
import type { NumpyDTypeSpelling } from '../common/dtypes.js';
import type { Asyncified } from '../compat/asyncable.js';
import type { NdArray, NestedArray } from '../common/ndarray.js';
import type { CompatArray } from '../compat/numpy/compat-array.js';
import type { NumpyMain } from '../compat/numpy/generated/numpy-api.js';
import type { ScalarType, TypeMap } from '../compat/numpy/generated/support.js';
import type { PyObjectProxy } from '../compat/numpy/proxy.js';
import type { NumpyConstants, PyObjectMembers } from '../compat/numpy/types.js';
import type { PyTuple } from '../compat/python/objects.js';
import type { FastArray } from '../fast/array.js';
import type { NdObject, NdValue } from './nd.js';

/** What nd takes as an array: fast or NumPy arrays (anything NdArray), nested lists, scalars, TypedArrays. */
export type NdInput = NdArray | FastArray | CompatArray | NestedArray | ArrayBufferView | PyObjectProxy | PyObjectMembers | PyTuple;

/** A dtype for nd: NumPy's spellings, JS scalar constructors, or NumPy's scalar types (`nd.float64`). */
export type NdDType = NumpyDTypeSpelling | NumberConstructor | BooleanConstructor | BigIntConstructor | ScalarType<NdTypes> | PyObjectMembers;

/** Members every nd callable has besides its call signatures (room for `.async`). */
export interface NdMembers {}

/** nd's reading of NumPy's stub types. */
export interface NdTypes extends TypeMap {
  In: NdInput;
  Arr: FastArray;
  Half: CompatArray;
  Out: FastArray | CompatArray;
  Dt: NdDType;
  Float: FastArray;
  Int: FastArray;
  Bool: FastArray;
  Complex: FastArray;
  Scalar: FastArray;
  Result: FastArray;
  Any: NdValue;
  Obj: NdObject;
  Named: true;
  Members: NdMembers;
  Module: unknown;
}

/** `nd`: NumPy's namespace (numpy, linalg, fft, random with Generator) returning fast arrays; every callable has `.async`. */
export type NdNamespace = Asyncified<NumpyMain<NdTypes> & NumpyConstants>;
