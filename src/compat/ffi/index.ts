/**
 * Engine selection: `NDBRIDGE_FFI` = `koffi` (default) or `ffi-napi`. One engine per process.
 */
import { CompatUnavailableError } from '../../common/errors.js';
import { ENGINE_NAMES, type EngineName, type FfiEngine } from './engine.js';
import { createFfiNapiEngine } from './ffi-napi-engine.js';
import { createKoffiEngine } from './koffi-engine.js';

export type { BoundFunction, CType, EngineName, FfiEngine, JsOf, NativeLibrary, Ptr, RegisteredCallback } from './engine.js';
export { ENGINE_NAMES } from './engine.js';
export { checkViewSize, FFI_NAPI_MAX_VIEW_BYTES, MAX_VIEW_BYTES, ViewSizeError } from './limits.js';

/** The engine `NDBRIDGE_FFI` asks for (default koffi). Throws CompatUnavailableError on an unknown name. */
export function selectedEngineName(env: NodeJS.ProcessEnv = process.env): EngineName {
  const raw = (env.NDBRIDGE_FFI ?? '').trim();
  if (raw === '') return 'koffi';
  const found = ENGINE_NAMES.find((n) => n === raw);
  if (!found) {
    throw new CompatUnavailableError(
      `NDBRIDGE_FFI='${raw}' names no FFI engine; use one of ${ENGINE_NAMES.map((n) => `'${n}'`).join(', ')} (or unset it for koffi).`,
    );
  }
  return found;
}

let engine: FfiEngine | undefined;

/** The process-wide engine, created on first use. */
export function getEngine(): FfiEngine {
  if (!engine) engine = selectedEngineName() === 'ffi-napi' ? createFfiNapiEngine() : createKoffiEngine();
  return engine;
}
