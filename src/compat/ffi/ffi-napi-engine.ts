/**
 * The ffi-napi engine (`NDBRIDGE_FFI=ffi-napi`), on the maintained forks @2060.io/ffi-napi and
 * @2060.io/ref-napi (optional dependencies). Pointers cross libffi as `uint64` numbers (user-space
 * addresses on 64-bit platforms are below 2^53) and are turned into the seam's bigint here.
 */
import { createRequire } from 'node:module';
import { CompatUnavailableError } from '../../common/errors.js';
import { checkViewSize, FFI_NAPI_MAX_VIEW_BYTES } from './limits.js';
import type { BoundFunction, CType, FfiEngine, JsOf, NativeLibrary, Ptr, RegisteredCallback } from './engine.js';

/** The parts of @2060.io/ffi-napi used here (the package ships no TypeScript declarations). */
interface FfiNapi {
  DynamicLibrary: {
    (path: string, mode: number): { get(name: string): Buffer };
    FLAGS: { RTLD_NOW: number; RTLD_GLOBAL: number };
  };
  CIF(result: string, args: readonly string[]): Buffer;
}

/** The parts of @2060.io/ref-napi used here. */
interface RefNapi {
  address(buffer: Buffer): number;
  readPointer(buffer: Buffer, offset: number, length: number): Buffer;
}

/** ffi-napi's native binding (lib/bindings.js): the raw `ffi_call` and closure maker. */
interface FfiBindings {
  ffi_call(cif: Buffer, fn: Buffer, result: Buffer, args: Buffer): void;
  /** (cif, result size, argc, error reporter, handler(retval, params) -> error | undefined) -> code pointer Buffer */
  Callback(
    cif: Buffer,
    resultSize: number,
    argc: number,
    onError: (err: unknown) => void,
    handler: (retval: Buffer, params: Buffer) => unknown,
  ): Buffer;
}

const FFI_TYPE: Record<CType, string> = {
  void: 'void',
  int: 'int32',
  uint: 'uint32',
  long: 'int64',
  ssize: 'int64',
  size: 'uint64',
  i64: 'int64',
  u64: 'uint64',
  double: 'double',
  ptr: 'uint64',
  str: 'pointer',
};

type Raw = (...args: unknown[]) => unknown;

function loadModules(): { ffi: FfiNapi; ref: RefNapi; bindings: FfiBindings; version: string } {
  const require = createRequire(import.meta.url);
  try {
    const ffi = require('@2060.io/ffi-napi') as FfiNapi;
    const ref = require('@2060.io/ref-napi') as RefNapi;
    const version = (require('@2060.io/ffi-napi/package.json') as { version: string }).version;
    const bindings = require('@2060.io/ffi-napi/lib/bindings') as FfiBindings;
    return { ffi, ref, bindings, version };
  } catch (err) {
    throw new CompatUnavailableError(
      `NDBRIDGE_FFI=ffi-napi selects the ffi-napi engine, but @2060.io/ffi-napi / @2060.io/ref-napi (and its native binding lib/bindings) could not be loaded ` +
        `(${err instanceof Error ? err.message : String(err)}). Fix: npm install @2060.io/ffi-napi @2060.io/ref-napi, ` +
        `or unset NDBRIDGE_FFI to use koffi.`,
    );
  }
}

/** A long-lived native-memory-backed Buffer and its address (asked of ref-napi exactly once). */
interface Pinned {
  buf: Buffer;
  addr: bigint;
}

/**
 * Call-site invokers: the `ffi_cif` and the argument storage are prepared once per function and
 * reused; each call writes the argument values in place and calls the raw `ffi_call` (ffi-napi's
 * ForeignFunction allocates four Buffers per call and leaks a ref-napi bookkeeping entry per call).
 * Safe under re-entrancy: libffi has read the argument values before the callee runs, the result is
 * read right after the call returns, and `'str'` arguments are written into buffers owned by the
 * call's nesting depth (a callee that calls back into JS, which calls the same C function, writes
 * its strings one level deeper and never over the outer call's).
 */
function makeInvoker(
  ffi: FfiNapi,
  bindings: FfiBindings,
  pin: (bytes: number) => Pinned,
  fnPtr: Buffer,
  result: CType,
  args: readonly CType[],
  readUtf8: (p: Ptr) => string,
): (...values: unknown[]) => unknown {
  const cif = ffi.CIF(FFI_TYPE[result], args.map((a) => FFI_TYPE[a]));
  const n = args.length;
  const storage = pin(Math.max(8, 8 * n));
  const argv = pin(Math.max(8, 8 * n));
  for (let i = 0; i < n; i++) argv.buf.writeBigUInt64LE(storage.addr + BigInt(8 * i), 8 * i);
  const out = Buffer.alloc(16);
  const st = storage.buf;
  const hasStr = args.includes('str');
  /** strings[depth][argument index] */
  const strings: Pinned[][] = [];
  let depth = 0;
  const writeStr = (i: number, v: string): void => {
    const level = (strings[depth] ??= []);
    const need = Buffer.byteLength(v, 'utf8') + 1;
    let slot = level[i];
    if (!slot || slot.buf.length < need) slot = level[i] = pin(Math.max(256, need * 2));
    const len = slot.buf.write(v, 0, 'utf8');
    slot.buf[len] = 0;
    st.writeBigUInt64LE(slot.addr, 8 * i);
  };
  const write = (i: number, type: CType, v: unknown): void => {
    const o = 8 * i;
    switch (type) {
      case 'ptr':
      case 'u64':
        st.writeBigUInt64LE(v as bigint, o);
        return;
      case 'i64':
        st.writeBigInt64LE(v as bigint, o);
        return;
      case 'int':
        st.writeInt32LE(v as number, o);
        return;
      case 'uint':
        st.writeUInt32LE(v as number, o);
        return;
      case 'long':
      case 'ssize':
      case 'size': {
        const x = v as number;
        const hi = Math.floor(x / 4294967296);
        st.writeUInt32LE(x - hi * 4294967296, o);
        st.writeInt32LE(hi, o + 4);
        return;
      }
      case 'double':
        st.writeDoubleLE(v as number, o);
        return;
      case 'str':
        writeStr(i, String(v));
        return;
      case 'void':
        return;
    }
  };
  const read = (): unknown => {
    switch (result) {
      case 'void':
        return undefined;
      case 'ptr':
      case 'u64':
        return out.readBigUInt64LE(0);
      case 'i64':
        return out.readBigInt64LE(0);
      case 'int':
        return out.readInt32LE(0);
      case 'uint':
        return out.readUInt32LE(0);
      case 'long':
      case 'ssize':
        return out.readUInt32LE(0) + out.readInt32LE(4) * 4294967296;
      case 'size':
        return out.readUInt32LE(0) + out.readUInt32LE(4) * 4294967296;
      case 'double':
        return out.readDoubleLE(0);
      case 'str': {
        const p = out.readBigUInt64LE(0);
        return p === 0n ? '' : readUtf8(p);
      }
    }
  };
  if (!hasStr) {
    return (...values: unknown[]): unknown => {
      for (let i = 0; i < n; i++) write(i, args[i], values[i]);
      bindings.ffi_call(cif, fnPtr, out, argv.buf);
      return read();
    };
  }
  return (...values: unknown[]): unknown => {
    for (let i = 0; i < n; i++) write(i, args[i], values[i]);
    depth++;
    try {
      bindings.ffi_call(cif, fnPtr, out, argv.buf);
    } finally {
      depth--;
    }
    return read();
  };
}

/**
 * Why this engine never lets ref-napi wrap or look up memory per call: ref-napi keeps a table from
 * data address to ArrayBuffer (one entry, a weak reference and a finaliser per address), counted up
 * by every address lookup (`ref.address`, every Buffer argument of `ffi_call`) and counted down only
 * by finalisers. A Buffer whose address is looked up twice therefore leaves its entry behind for
 * ever, and every pointer wrapped by `ref.readPointer`/`reinterpret` makes a new external
 * ArrayBuffer with a native finaliser. Measured before this design (bytes of RSS per call, after
 * forced GC): readUtf8 ~90-500 (ForeignFunction per call), `compat.import` ~240, alloc/free ~10-200.
 * So here:
 * - memory is read and written by `memcpy` between the target address and one long-lived pinned
 *   Buffer (its address looked up once), and strings are measured with `strlen` — all through the
 *   reused-cif invoker, so a read costs one `ffi_call` and allocates nothing native;
 * - `alloc`/`free` are libc's `calloc`/`free` (native memory, no ArrayBuffer);
 * - `addressOf` asks ref-napi once per ArrayBuffer (cached in a WeakMap; views made by `view()`
 *   are known without asking);
 * - callbacks use ffi-napi's native closure directly and read their arguments with `memcpy`, so no
 *   per-call Buffer goes through ref-napi's table;
 * - `view()` is the one call that must wrap memory (a zero-copy view): ref-napi reuses one
 *   ArrayBuffer per address while it is alive.
 */
export function createFfiNapiEngine(): FfiEngine {
  const { ffi, ref, bindings, version } = loadModules();
  /** ArrayBuffer -> its data address, asked of ref-napi once (or known from `view()`). */
  const addresses = new WeakMap<ArrayBufferLike, Ptr>();
  /** ArrayBuffers ref-napi made for view() (not JS ArrayBuffers it handed back for their address). */
  const nativeViews = new WeakSet<ArrayBufferLike>();
  const addressOfBuffer = (ab: ArrayBufferLike): Ptr => {
    // A detached (transferred) buffer has length 0 and no memory: never answer from the cache.
    let a = ab.byteLength > 0 ? addresses.get(ab) : undefined;
    if (a === undefined) {
      a = BigInt(ref.address(Buffer.from(ab as ArrayBuffer, 0, ab.byteLength)));
      if (ab.byteLength > 0) addresses.set(ab, a);
    }
    return a;
  };
  /** A Buffer over its own off-heap ArrayBuffer (never moves while referenced), with its address. */
  const pin = (bytes: number): Pinned => {
    const ab = new ArrayBuffer(Math.max(8, bytes));
    return { buf: Buffer.from(ab), addr: addressOfBuffer(ab) };
  };
  const libc = ffi.DynamicLibrary('libc.so.6', ffi.DynamicLibrary.FLAGS.RTLD_NOW);
  let readUtf8: (ptr: Ptr, length?: number) => string = () => '';
  const bindRaw = (fn: Buffer, result: CType, args: readonly CType[]) => makeInvoker(ffi, bindings, pin, fn, result, args, (p) => readUtf8(p));
  const memcpy = bindRaw(libc.get('memcpy'), 'void', ['ptr', 'ptr', 'size']) as (dst: Ptr, src: Ptr, n: number) => void;
  const strlen = bindRaw(libc.get('strlen'), 'size', ['ptr']) as (s: Ptr) => number;
  const calloc = bindRaw(libc.get('calloc'), 'ptr', ['size', 'size']) as (n: number, size: number) => Ptr;
  const cfree = bindRaw(libc.get('free'), 'void', ['ptr']) as (p: Ptr) => void;
  /** The bounce buffer for reads and writes (grown on demand for long strings). */
  let io = pin(4096);
  const fetch = (ptr: Ptr, n: number): Buffer => {
    if (n > io.buf.length) io = pin(n * 2);
    memcpy(io.addr, ptr, n);
    return io.buf;
  };
  readUtf8 = (ptr: Ptr, length?: number): string => {
    if (length === 0 || ptr === 0n) return '';
    const n = length ?? strlen(ptr);
    return n === 0 ? '' : fetch(ptr, n).toString('utf8', 0, n);
  };
  const scratch = Buffer.alloc(8);
  /** A Buffer over `length` bytes at `ptr` (no copy), through ref-napi's per-address ArrayBuffer. */
  const wrap = (ptr: Ptr, length: number): Buffer => {
    scratch.writeBigUInt64LE(ptr, 0);
    return ref.readPointer(scratch, 0, length);
  };
  const callbacks = new Set<unknown>();

  class FfiNapiLibrary implements NativeLibrary {
    private readonly lib: { get(name: string): Buffer };
    constructor(readonly path: string) {
      this.lib = ffi.DynamicLibrary(path, ffi.DynamicLibrary.FLAGS.RTLD_NOW | ffi.DynamicLibrary.FLAGS.RTLD_GLOBAL);
    }
    bind<R extends CType, const A extends readonly CType[]>(name: string, result: R, args: A): BoundFunction<R, A> {
      return bindRaw(this.lib.get(name), result, args) as unknown as BoundFunction<R, A>;
    }
    symbol(name: string): Ptr {
      let b: Buffer;
      try {
        b = this.lib.get(name);
      } catch {
        return 0n;
      }
      return BigInt(ref.address(b)); // once per symbol, at boot
    }
  }

  return {
    name: 'ffi-napi',
    version,
    loadGlobal: (path) => new FfiNapiLibrary(path),
    alloc(bytes: number): Ptr {
      const p = calloc(Math.max(1, bytes), 1);
      if (p === 0n) throw new RangeError(`calloc(${bytes}) failed: out of native memory`);
      return p;
    },
    free(ptr: Ptr): void {
      if (ptr !== 0n) cfree(ptr);
    },
    maxViewBytes: FFI_NAPI_MAX_VIEW_BYTES,
    view(ptr: Ptr, length: number): Uint8Array {
      checkViewSize(length, FFI_NAPI_MAX_VIEW_BYTES, 'a view of native memory');
      if (length === 0) return new Uint8Array(0);
      const b = wrap(ptr, length);
      // ref-napi's ArrayBuffer for this address starts at `ptr - byteOffset`. It may be a JS ArrayBuffer whose
      // address was looked up (ref-napi keeps one per address): that one is not a native view.
      if (!addresses.has(b.buffer)) {
        addresses.set(b.buffer, ptr - BigInt(b.byteOffset));
        nativeViews.add(b.buffer);
      }
      return new Uint8Array(b.buffer, b.byteOffset, length);
    },
    isNativeView(buffer: ArrayBufferLike): boolean {
      return nativeViews.has(buffer);
    },
    addressOf(buffer: ArrayBuffer | ArrayBufferView): Ptr {
      return ArrayBuffer.isView(buffer) ? addressOfBuffer(buffer.buffer) + BigInt(buffer.byteOffset) : addressOfBuffer(buffer);
    },
    readPtr: (ptr, offset = 0) => fetch(ptr + BigInt(offset), 8).readBigUInt64LE(0),
    writePtr(ptr, offset, value) {
      io.buf.writeBigUInt64LE(value, 0);
      memcpy(ptr + BigInt(offset), io.addr, 8);
    },
    readI64: (ptr, offset = 0) => fetch(ptr + BigInt(offset), 8).readBigInt64LE(0),
    readI32: (ptr, offset = 0) => fetch(ptr + BigInt(offset), 4).readInt32LE(0),
    readUtf8: (ptr, length) => readUtf8(ptr, length),
    registerCallback<R extends CType, const A extends readonly CType[]>(
      result: R,
      args: A,
      fn: (...args: { [K in keyof A]: A[K] extends CType ? JsOf<A[K]> : never }) => JsOf<R>,
    ): RegisteredCallback {
      const call = fn as unknown as Raw;
      const cif = ffi.CIF(FFI_TYPE[result], args.map((a) => FFI_TYPE[a]));
      const n = args.length;
      const values = new Array<unknown>(n);
      // Scalars are returned in a full ffi_arg (8 bytes); `retval` is a Buffer over that storage.
      const resultSize = result === 'void' ? 0 : 8;
      const handler = (retval: Buffer, params: Buffer): unknown => {
        try {
          for (let i = 0; i < n; i++) {
            const at = params.readBigUInt64LE(8 * i); // address of argument i's value
            const b = fetch(at, 8);
            values[i] = readArg(args[i], b, (p) => readUtf8(p));
          }
          const r = call(...values);
          if (resultSize !== 0) writeResult(result, retval, r);
          return undefined;
        } catch (err) {
          return err;
        }
      };
      const closure = bindings.Callback(cif, resultSize, n, reportCallbackError, handler);
      const keep = { closure, cif, handler };
      callbacks.add(keep);
      return {
        ptr: addressOfBuffer(closure.buffer) + BigInt(closure.byteOffset),
        unregister() {
          callbacks.delete(keep);
        },
      };
    },
  };
}

/** An error thrown by a JS callback that C called: re-thrown on the event loop (it cannot cross C). */
function reportCallbackError(err: unknown): void {
  if (err) {
    process.nextTick(() => {
      throw err instanceof Error ? err : new Error(String(err));
    });
  }
}

/** Decode one callback argument from its 8-byte slot. */
function readArg(type: CType, b: Buffer, readUtf8: (p: Ptr) => string): unknown {
  switch (type) {
    case 'ptr':
    case 'u64':
      return b.readBigUInt64LE(0);
    case 'i64':
      return b.readBigInt64LE(0);
    case 'int':
      return b.readInt32LE(0);
    case 'uint':
      return b.readUInt32LE(0);
    case 'long':
    case 'ssize':
      return b.readUInt32LE(0) + b.readInt32LE(4) * 4294967296;
    case 'size':
      return b.readUInt32LE(0) + b.readUInt32LE(4) * 4294967296;
    case 'double':
      return b.readDoubleLE(0);
    case 'str': {
      const p = b.readBigUInt64LE(0);
      return p === 0n ? '' : readUtf8(p);
    }
    case 'void':
      return undefined;
  }
}

/** Write a callback's result into libffi's return slot (a full 8-byte ffi_arg for integers). */
function writeResult(type: CType, retval: Buffer, r: unknown): void {
  switch (type) {
    case 'ptr':
    case 'u64':
      retval.writeBigUInt64LE(r as bigint, 0);
      return;
    case 'i64':
      retval.writeBigInt64LE(r as bigint, 0);
      return;
    case 'int':
    case 'long':
    case 'ssize':
      retval.writeBigInt64LE(BigInt(Math.trunc(r as number)), 0);
      return;
    case 'uint':
    case 'size':
      retval.writeBigUInt64LE(BigInt(Math.trunc(r as number)), 0);
      return;
    case 'double':
      retval.writeDoubleLE(r as number, 0);
      return;
    case 'str':
    case 'void':
      return;
  }
}
