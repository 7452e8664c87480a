/**
 * The fast runtime's standalone numeric kernels: plain functions over typed arrays with explicit
 * (offset, length, stride) in elements, no dependency on FastArray. One module per family.
 */
export * from './types.js';
export * from './pairwise.js';
export * from './matmul.js';
export * from './sort.js';
export * from './unique.js';
export * from './scalar-math.js';
export * from './cumulative.js';
export * from './linalg-small.js';
export { loadGemmWasm, type GemmWasm } from './gemm-wasm.js';
