/**
 * ndbridge: NumPy-style arrays for TypeScript.
 */
export * from './common/errors.js';
export type { DTypeName } from './common/dtypes.js';
export type {
  ArrayInterface,
  AstypeOptions,
  Complex,
  IndexSpec,
  NdArray,
  NestedArray,
  Operand,
  ReduceOptions,
  Scalar,
  VarianceOptions,
} from './common/ndarray.js';
export * as compat from './compat/index.js';
export * as fast from './fast/index.js';
export * as bridge from './bridge/index.js';
export { asarray, toNumpy, nd } from './bridge/index.js';
