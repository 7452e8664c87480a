/**
 * bridge: zero-copy `asarray` both ways between fast arrays and NumPy, through `__array_interface__`,
 * the buffer protocol and DLPack, with lifetimes handled so nothing is freed while the other side can see it.
 *
 *   import { asarray, toNumpy } from 'ndbridge/bridge';
 *   const f = asarray(np.linspace(0, 1, 5));   // fast view of NumPy's memory
 *   const x = toNumpy(f.mul(2));               // NumPy array over fast memory (the expression is computed first)
 *
 * Loading this module also lets every compat call take fast arrays directly (`np.fft.rfft(fastArray)`).
 */
export { toFast as asarray, toFast, toNumpy } from './asarray.js';
export type { AsarrayOptions, ArrayLikeInput, RawPointerOptions } from './asarray.js';
/** Thrown (a ValueError) for a view of native memory over the size limit (4 GiB; 1 GiB under ffi-napi, where asarray copies instead). */
export { ViewSizeError, MAX_VIEW_BYTES } from './layout.js';
/** Huge pages for fast's fresh large results (installed when the bridge loads, Linux with THP `madvise`). */
export { installHugePages, uninstallHugePages, transparentHugePageMode } from './huge-pages.js';
export { liveExports, liveImports, releaseUnused } from './lifetime.js';
export { parseArrayInterface, parseBufferInterface, makeArrayInterface, arrayInterfaceSchema, bufferInterfaceSchema } from './protocol.js';
export type { ArrayLayout } from './protocol.js';
export { nd, lastDispatch, dispatchCounts, onDispatch, configureDispatch } from './nd.js';
export type { DispatchConfig, DispatchRecord, DispatchRuntime, NdObject, NdValue } from './nd.js';
export type { NdDType, NdInput, NdMembers, NdNamespace, NdTypes } from './nd-types.js';
export { DEFAULT_THRESHOLDS as DISPATCH_THRESHOLDS, POLICY_FUNCTIONS as BLAS_POLICY_FUNCTIONS } from './dispatch-policy.js';
export type { Thresholds as DispatchThresholds } from './dispatch-policy.js';
