/**
 * The engine seam: everything compat (and the bridge) needs from an FFI library, behind one
 * interface. Two engines implement it: koffi (default) and @2060.io/ffi-napi + @2060.io/ref-napi
 * (`NDBRIDGE_FFI=ffi-napi`). NOTHING outside `src/compat/ffi` imports an FFI library.
 *
 * Conventions shared by both engines (internal API used by src/compat and src/bridge):
 * - Addresses are `bigint` (`Ptr`), NULL is `0n`. Functions bound with a `'ptr'` result return `0n`
 *   for NULL, never `null`.
 * - `'int'`/`'uint'` are 32-bit and cross as `number`; `'ssize'`/`'size'`/`'long'` are 64-bit and cross
 *   as `number` (callers only use them for values known to be safe integers: lengths, flags,
 *   booleans); `'i64'`/`'u64'` cross as `bigint` both ways (exact).
 * - `'str'` arguments take a JS string, passed as a NUL-terminated UTF-8 `const char *` that lives
 *   only for the duration of the call. A `'str'` result is decoded from UTF-8 (NULL -> '').
 * - All calls are synchronous and run on the calling thread (no async FFI calls: Python's GIL
 *   state is per thread, see src/compat/python/gil.ts).
 */

/** A native address. `0n` is NULL. */
export type Ptr = bigint;

/** C types a signature may use. */
export type CType = 'void' | 'int' | 'uint' | 'long' | 'ssize' | 'size' | 'i64' | 'u64' | 'double' | 'ptr' | 'str';

/** The JS type a C type crosses as. */
export type JsOf<T extends CType> = T extends 'void'
  ? void
  : T extends 'i64' | 'u64' | 'ptr'
    ? bigint
    : T extends 'str'
      ? string
      : number;

/** The JS function type of a C signature. */
export type BoundFunction<R extends CType, A extends readonly CType[]> = (...args: { [K in keyof A]: A[K] extends CType ? JsOf<A[K]> : never }) => JsOf<R>;

/** A loaded shared library. */
export interface NativeLibrary {
  /** Absolute path it was loaded from. */
  readonly path: string;
  /** Bind the exported C function `name` with the given signature. Throws if the symbol is missing. */
  bind<R extends CType, const A extends readonly CType[]>(name: string, result: R, args: A): BoundFunction<R, A>;
  /** The address of an exported symbol (function or data), or `0n` if it is not exported. */
  symbol(name: string): Ptr;
}

/** A JS function registered as a C function pointer. */
export interface RegisteredCallback {
  /** The C function pointer. Valid until `unregister()`. */
  readonly ptr: Ptr;
  unregister(): void;
}

export interface FfiEngine {
  /** `'koffi'` or `'ffi-napi'`. */
  readonly name: EngineName;
  /** The FFI package's version. */
  readonly version: string;
  /** Load a shared library by absolute path with global symbol visibility (RTLD_NOW | RTLD_GLOBAL). */
  loadGlobal(path: string): NativeLibrary;
  /** Allocate `bytes` of zeroed native memory that never moves. Free with `free`. */
  alloc(bytes: number): Ptr;
  free(ptr: Ptr): void;
  /**
   * A zero-copy view of exactly `length` bytes of native memory at `ptr`. Its `.buffer` is an
   * external ArrayBuffer that may be LARGER than `length` (ffi-napi reuses one ArrayBuffer per
   * address), so always use `byteOffset`/`byteLength`. It does NOT keep the memory's owner alive: the
   * caller must hold the owner (e.g. a Python reference) for as long as the view can be reached.
   * Throws ViewSizeError (limits.ts) when `length` exceeds `maxViewBytes`.
   */
  view(ptr: Ptr, length: number): Uint8Array;
  /**
   * The largest `length` view() accepts (limits.ts); over it view() throws ViewSizeError before making
   * anything.
   */
  readonly maxViewBytes: number;
  /**
   * True when `buffer` was made by view() over native memory (its memory lives only as long as its owner
   * keeps it); false for an ordinary JS ArrayBuffer, whose memory lives as long as the buffer does.
   * ffi-napi's view() can return an existing JS ArrayBuffer when asked for the address of one (ref-napi
   * keeps one ArrayBuffer per address): the bridge must then not tie a Python owner to it.
   */
  isNativeView(buffer: ArrayBufferLike): boolean;
  /** The address of the first byte of an ArrayBuffer's (or a view's) data. */
  addressOf(buffer: ArrayBuffer | ArrayBufferView): Ptr;
  readPtr(ptr: Ptr, offset?: number): Ptr;
  writePtr(ptr: Ptr, offset: number, value: Ptr): void;
  readI64(ptr: Ptr, offset?: number): bigint;
  readI32(ptr: Ptr, offset?: number): number;
  /** Decode `length` bytes of UTF-8 at `ptr` (or up to the first NUL when `length` is omitted). */
  readUtf8(ptr: Ptr, length?: number): string;
  /**
   * Register `fn` as a C function pointer with the given signature. The callback must be called on
   * the thread that registered it, synchronously, while that thread is inside an FFI call.
   */
  registerCallback<R extends CType, const A extends readonly CType[]>(
    result: R,
    args: A,
    fn: (...args: { [K in keyof A]: A[K] extends CType ? JsOf<A[K]> : never }) => JsOf<R>,
  ): RegisteredCallback;
}

export const ENGINE_NAMES = ['koffi', 'ffi-napi'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];
