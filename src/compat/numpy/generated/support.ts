/**
 * The type-level vocabulary the generated NumPy declarations (numpy-api.ts) are written in. One
 * declaration serves two runtimes through a type map `M`:
 *  - compat (src/compat/numpy/types.ts): arrays are CompatArray, NumPy scalars come back as JS values
 *    (number, bigint for int64/uint64, boolean, { re, im }), named tuples as plain arrays;
 *  - nd (src/bridge/nd-types.ts): arrays are FastArray, NumPy scalars come back as 0-d FastArrays, named
 *    tuples as arrays that also carry their fields.
 * Python builtins (float, int, bool, str, None) are JS values in both.
 */
import type { Complex } from '../../../common/ndarray.js';

export type { Complex };

/** What each stub type becomes for one runtime. */
export interface TypeMap {
  /** An array-like argument (NumPy's ArrayLike): arrays, nested lists, scalars, TypedArrays. */
  In: unknown;
  /** An ndarray result. */
  Arr: unknown;
  /** An ndarray result of a dtype the fast runtime lacks (float16, longdouble, object, strings...). */
  Half: unknown;
  /** An array NumPy writes into (`out=`). */
  Out: unknown;
  /** A dtype argument: NumPy's spellings ('float64', 'f8', 'int', ...) or a dtype/scalar-type object. */
  Dt: unknown;
  /** NumPy scalar results by kind. */
  Float: unknown;
  Int: unknown;
  Bool: unknown;
  Complex: unknown;
  Scalar: unknown;
  /** An array or a NumPy scalar (where the stubs say `Any` for a reduction, a norm...). */
  Result: unknown;
  /** A result the stubs leave open (`Any`). */
  Any: unknown;
  /** Another Python object (a dtype, a class instance...). */
  Obj: unknown;
  /** true when named tuples carry their fields as properties. */
  Named: boolean;
  /** What every callable also has (compat: the proxy's members; nd: room for `.async`). */
  Members: unknown;
  /** What every submodule also has. */
  Module: unknown;
}

/** A shape: one length or a list of lengths. */
export type Shape = number | bigint | readonly (number | bigint)[];

/** A named tuple result (SVDResult, EighResult, ...): the tuple, with its fields where the runtime adds them. */
export type Named<M extends TypeMap, T extends readonly unknown[], F> = M['Named'] extends true ? T & Readonly<F> : T;

/**
 * A NumPy callable for runtime M. The async helper extends this (an `async` member computed from F) — keep
 * it the one place the declarations wrap a signature.
 */
export type Fn<M extends TypeMap, F> = F & M['Members'];

/** A JS scalar argument: where a ufunc of scalars returns a scalar. */
export type ScalarIn = number | bigint | boolean | Complex;

type Casting = 'no' | 'equiv' | 'safe' | 'same_kind' | 'same_value' | 'unsafe';

/** Keywords every ufunc takes. */
export interface UfuncKw<M extends TypeMap> {
  out?: M['Out'] | readonly M['Out'][] | null;
  where?: M['In'] | boolean;
  casting?: Casting;
  order?: 'K' | 'A' | 'C' | 'F';
  dtype?: M['Dt'] | null;
  subok?: boolean;
  signature?: unknown;
}

/** Keywords of ufunc.reduce / accumulate. */
export interface ReduceKw<M extends TypeMap> {
  axis?: number | bigint | readonly (number | bigint)[] | null;
  dtype?: M['Dt'] | null;
  out?: M['Out'] | null;
  keepdims?: boolean;
  initial?: ScalarIn;
  where?: M['In'] | boolean;
}

/** Methods of binary ufuncs (np.add.reduce, np.multiply.outer, ...). */
export interface BinaryUfuncMethods<M extends TypeMap> {
  /** Reduces an array's dimension by one, by applying the ufunc along one axis. */
  reduce(array: M['In'], kw?: ReduceKw<M>): M['Arr'] | M['Scalar'];
  reduce(array: M['In'], axis: number | bigint | readonly (number | bigint)[] | null, kw?: Omit<ReduceKw<M>, 'axis'>): M['Arr'] | M['Scalar'];
  /** Accumulate the result of applying the operator to all elements. */
  accumulate(array: M['In'], kw?: Omit<ReduceKw<M>, 'keepdims' | 'initial' | 'where'> & { axis?: number | bigint }): M['Arr'];
  /** Apply the ufunc op to all pairs (a, b) with a in A and b in B. */
  outer(A: M['In'], B: M['In'], kw?: UfuncKw<M>): M['Arr'];
}

type Rep<T, N extends number, Acc extends unknown[] = []> = Acc['length'] extends N ? Acc : Rep<T, N, [...Acc, T]>;
type Results<T, N extends number> = N extends 1 ? T : Rep<T, N>;

/** A ufunc with nin inputs and nout outputs: scalars in, scalar out; arrays in, arrays out. */
export type Ufunc<M extends TypeMap, Nin extends number, Nout extends number> = Fn<
  M,
  {
    (...args: [...Rep<ScalarIn, Nin>, kw?: UfuncKw<M>]): Results<M['Scalar'], Nout>;
    (...args: [...Rep<M['In'], Nin>, kw?: UfuncKw<M>]): Results<M['Arr'], Nout>;
    (...args: [...Rep<M['In'], Nin>, out: M['Out'] | null, kw?: UfuncKw<M>]): Results<M['Arr'], Nout>;
  }
> &
  (Nin extends 2 ? BinaryUfuncMethods<M> : unknown) & { readonly nin: Nin; readonly nout: Nout };

/** A NumPy scalar type (np.float64, np.int32, ...): converts a value, and names a dtype. */
export type ScalarType<M extends TypeMap> = Fn<M, (value?: ScalarIn | string) => M['Scalar']>;

/** A Python class (np.dtype, np.errstate, np.random.Generator, ...): called with any arguments. */
export type PyClass<M extends TypeMap> = Fn<M, (...args: readonly unknown[]) => M['Obj']>;
