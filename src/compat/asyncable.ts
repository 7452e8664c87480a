/**
 * Types of `.async`: generic over whatever a callable's sync type is (hand-written or generated declarations),
 * so the declarations themselves need not mention it.
 *
 *   const np = compat.numpy();                 // Asyncified<NumpyNamespace>
 *   const [u, s, vt] = await np.linalg.svd.async(m);
 */
import type { AsyncCall } from './python/async-call.js';
import type { CompatArray } from './numpy/compat-array.js';

/**
 * The `.async` of a function type `F`: same parameters, a Promise of the same result, plus `.with(options)`.
 * An overloaded `F` keeps its overloads, up to eight (TypeScript can only match a fixed number of call
 * signatures; NumPy's generated declarations have eight for svd, more for the reductions, whose `.async`
 * keeps the last eight).
 */
export type AsyncOf<F> = F extends {
  (...args: infer A1): infer R1;
  (...args: infer A2): infer R2;
  (...args: infer A3): infer R3;
  (...args: infer A4): infer R4;
  (...args: infer A5): infer R5;
  (...args: infer A6): infer R6;
  (...args: infer A7): infer R7;
  (...args: infer A8): infer R8;
}
  ? AsyncCall<A1, R1> & AsyncCall<A2, R2> & AsyncCall<A3, R3> & AsyncCall<A4, R4> & AsyncCall<A5, R5> & AsyncCall<A6, R6> & AsyncCall<A7, R7> & AsyncCall<A8, R8>
  : F extends (...args: infer A) => infer R
    ? AsyncCall<A, R>
    : never;

/** `F` with its `.async`. */
export type Asyncable<F> = F & { readonly async: AsyncOf<F> };

/**
 * A namespace type whose every callable member (recursively through sub-namespaces) has `.async`. Values that
 * are not namespaces (CompatArray, primitives) are left as they are.
 */
export type Asyncified<T> = T extends CompatArray
  ? T
  : T extends (...args: never[]) => unknown
    ? Asyncable<T> & { readonly [K in keyof T]: Asyncified<T[K]> }
    : T extends object
      ? { readonly [K in keyof T]: Asyncified<T[K]> }
      : T;
