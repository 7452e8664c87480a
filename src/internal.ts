/**
 * ndbridge/internal: the hooks the bridge uses and fast's extension points (its op table, storage,
 * address and foreign-array resolvers, kernel counter). Not part of the documented API: names and
 * behaviour may change in any release. Users want ndbridge, ndbridge/fast, ndbridge/compat or
 * ndbridge/bridge instead.
 */
export { checkIndex } from './fast/array.js';
export { setAddressResolver, hasAddressResolver } from './fast/engine/address.js';
export type { AddressResolver } from './fast/engine/address.js';
export { setFreshBufferHook, hasFreshBufferHook, FRESH_HOOK_MIN_BYTES } from './fast/engine/fresh-memory.js';
export type { FreshBufferHook } from './fast/engine/fresh-memory.js';
export { notSupported, isNotSupported } from './fast/not-supported.js';
export { OPS, defineOp, wrap, reprOf } from './fast/engine/ops-table.js';
export type { OpRow, OpTypes } from './fast/engine/ops-table.js';
export { Storage } from './fast/engine/storage.js';
export type { StorageOwner, TypedData } from './fast/engine/storage.js';
export { compiledKernelCount } from './fast/engine/codegen.js';
export { setForeignArrayImporter, setDlpackHooks } from './fast/interop.js';
export type { ForeignArrayImporter, DlpackImporter, DlpackExporter } from './fast/interop.js';
