/** Typings of the untyped JavaScript libraries the benchmark measures (only what it calls). */

declare module 'ndarray-ops' {
  import type { NdArray } from 'ndarray';
  type A = NdArray<Float64Array>;
  /** ndarray-ops builds its exports in loops, so ESM sees them only on the default (CommonJS) export. */
  interface NdarrayOps {
    add(out: A, a: A, b: A): void;
    addeq(out: A, a: A): void;
    mul(out: A, a: A, b: A): void;
    muls(out: A, a: A, s: number): void;
    subs(out: A, a: A, s: number): void;
    muleq(out: A, a: A): void;
    sqrteq(out: A): void;
    assign(out: A, a: A): void;
    sum(a: A): number;
  }
  const ops: NdarrayOps;
  export default ops;
}

declare module 'cwise' {
  import type { NdArray } from 'ndarray';
  interface CwiseSpec {
    args: readonly ('array' | 'scalar' | 'index' | 'shape')[];
    pre?: () => void;
    body: (...args: number[]) => void;
    post?: () => number;
  }
  type Kernel = (...args: (NdArray<Float64Array> | number)[]) => number | undefined;
  function cwise(spec: CwiseSpec): Kernel;
  export default cwise;
}
