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
 * The `.async` of a function type `F`: same parameters, a Promise of the same result, plus `.with(options)`;
 * an overloaded `F` (the generated NumPy declarations: up to four overloads are told apart) keeps its overloads.
 */
export type AsyncOf<F> = F extends {
  (...args: infer A1): infer R1;
  (...args: infer A2): infer R2;
  (...args: infer A3): infer R3;
  (...args: infer A4): infer R4;
}
  ? AsyncCall<A1, R1> & AsyncCall<A2, R2> & AsyncCall<A3, R3> & AsyncCall<A4, R4>
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
