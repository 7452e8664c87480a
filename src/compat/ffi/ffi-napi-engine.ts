/**
 * The ffi-napi engine (`NDBRIDGE_FFI=ffi-napi`), on the maintained forks @2060.io/ffi-napi and
 * @2060.io/ref-napi (optional dependencies). Pointers cross libffi as `uint64` numbers (user-space
 * addresses on 64-bit platforms are below 2^53) and are turned into the seam's bigint here.
 */
import { createRequire } from 'node:module';
import { CompatUnavailableError } from '../../common/errors.js';
import type { BoundFunction, CType, FfiEngine, JsOf, NativeLibrary, Ptr, RegisteredCallback } from './engine.js';

/** The parts of @2060.io/ffi-napi used here (the package ships no TypeScript declarations). */
interface FfiNapi {
  DynamicLibrary: {
    (path: string, mode: number): { get(name: string): Buffer };
    FLAGS: { RTLD_NOW: number; RTLD_GLOBAL: number };
  };
  ForeignFunction(ptr: Buffer, result: string, args: readonly string[]): (...args: unknown[]) => unknown;
  CIF(result: string, args: readonly string[]): Buffer;
  Callback(result: string, args: readonly string[], fn: (...args: unknown[]) => unknown): Buffer;
}

/** The parts of @2060.io/ref-napi used here. */
interface RefNapi {
  address(buffer: Buffer): number;
  readPointer(buffer: Buffer, offset: number, length: number): Buffer;
  writePointer(buffer: Buffer, offset: number, pointer: Buffer): void;
  writeUInt64LE(buffer: Buffer, offset: number, value: number | string): void;
}

/** ffi-napi's native binding (lib/bindings.js): the raw `ffi_call`. */
interface FfiBindings {
  ffi_call(cif: Buffer, fn: Buffer, result: Buffer, args: Buffer): void;
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
  str: 'string',
};

type Raw = (...args: unknown[]) => unknown;

/** JS value -> what ffi-napi accepts for that C type. */
function toNative(type: CType, v: unknown): unknown {
  switch (type) {
    case 'ptr':
      return Number(v as bigint);
    case 'i64':
    case 'u64':
      return (v as bigint).toString();
    default:
      return v;
  }
}

/** What ffi-napi returns for that C type -> the seam's JS value. */
function fromNative(type: CType, v: unknown): unknown {
  switch (type) {
    case 'ptr':
    case 'i64':
    case 'u64':
      return BigInt(v as number | string);
    case 'long':
    case 'ssize':
    case 'size':
      return Number(v as number | string);
    case 'str':
      return (v as string | null) ?? '';
    default:
      return v;
  }
}

function loadModules(): { ffi: FfiNapi; ref: RefNapi; bindings: FfiBindings | null; version: string } {
  const require = createRequire(import.meta.url);
  try {
    const ffi = require('@2060.io/ffi-napi') as FfiNapi;
    const ref = require('@2060.io/ref-napi') as RefNapi;
    const version = (require('@2060.io/ffi-napi/package.json') as { version: string }).version;
    let bindings: FfiBindings | null = null;
    try {
      bindings = require('@2060.io/ffi-napi/lib/bindings') as FfiBindings;
    } catch {
      bindings = null; // fall back to ForeignFunction
    }
    return { ffi, ref, bindings, version };
  } catch (err) {
    throw new CompatUnavailableError(
      `NDBRIDGE_FFI=ffi-napi selects the ffi-napi engine, but @2060.io/ffi-napi / @2060.io/ref-napi could not be loaded ` +
        `(${err instanceof Error ? err.message : String(err)}). Fix: npm install @2060.io/ffi-napi @2060.io/ref-napi, ` +
        `or unset NDBRIDGE_FFI to use koffi.`,
    );
  }
}

/**
 * A faster invoker than ffi-napi's ForeignFunction (which allocates four Buffers per call): the
 * `ffi_cif` and the argument storage are prepared once per function and reused; each call writes the
 * argument values in place and calls the raw `ffi_call`. Safe under re-entrancy (libffi has read the
 * arguments before the callee runs; the result is read right after the call returns).
 */
function fastInvoker(
  ffi: FfiNapi,
  ref: RefNapi,
  bindings: FfiBindings,
  fnPtr: Buffer,
  result: CType,
  args: readonly CType[],
  readUtf8: (p: Ptr) => string,
): (...values: unknown[]) => unknown {
  const cif = ffi.CIF(FFI_TYPE[result], args.map((a) => (a === 'str' ? 'pointer' : FFI_TYPE[a])));
  const n = args.length;
  const storage = Buffer.alloc(Math.max(8, 8 * n));
  const argv = Buffer.alloc(Math.max(8, 8 * n));
  for (let i = 0; i < n; i++) ref.writePointer(argv, 8 * i, storage.subarray(8 * i, 8 * i + 8));
  const out = Buffer.alloc(16);
  const keep: Buffer[] = [];
  const write = (i: number, type: CType, v: unknown): void => {
    const o = 8 * i;
    switch (type) {
      case 'ptr':
      case 'u64':
        storage.writeBigUInt64LE(v as bigint, o);
        return;
      case 'i64':
        storage.writeBigInt64LE(v as bigint, o);
        return;
      case 'int':
        storage.writeInt32LE(v as number, o);
        return;
      case 'uint':
        storage.writeUInt32LE(v as number, o);
        return;
      case 'long':
      case 'ssize':
      case 'size': {
        const x = v as number;
        const hi = Math.floor(x / 4294967296);
        storage.writeUInt32LE(x - hi * 4294967296, o);
        storage.writeInt32LE(hi, o + 4);
        return;
      }
      case 'double':
        storage.writeDoubleLE(v as number, o);
        return;
      case 'str': {
        const b = Buffer.from(`${v as string}\0`, 'utf8');
        keep.push(b);
        storage.writeBigUInt64LE(BigInt(ref.address(b)), o);
        return;
      }
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
  return (...values: unknown[]): unknown => {
    for (let i = 0; i < n; i++) write(i, args[i], values[i]);
    bindings.ffi_call(cif, fnPtr, out, argv);
    if (keep.length) keep.length = 0;
    return read();
  };
}

export function createFfiNapiEngine(): FfiEngine {
  const { ffi, ref, bindings, version } = loadModules();
  const scratch = Buffer.alloc(8);
  /** A Buffer over `length` bytes at `ptr` (no copy). */
  const at = (ptr: Ptr, length: number): Buffer => {
    ref.writeUInt64LE(scratch, 0, ptr.toString());
    return ref.readPointer(scratch, 0, length);
  };
  const readUtf8 = (ptr: Ptr, length?: number): string => {
    if (length === 0) return '';
    if (length !== undefined) return at(ptr, length).toString('utf8');
    // Never read past the terminator (the next page may be unmapped): ask strlen first.
    strlen ??= ffi.ForeignFunction(ffi.DynamicLibrary('libc.so.6', ffi.DynamicLibrary.FLAGS.RTLD_NOW).get('strlen'), 'uint64', ['uint64']);
    const n = Number(strlen(ptr.toString()) as number | string);
    return n === 0 ? '' : at(ptr, n).toString('utf8');
  };
  let strlen: ((...args: unknown[]) => unknown) | undefined;
  const allocations = new Map<Ptr, Buffer>();
  const callbacks = new Set<Buffer>();

  class FfiNapiLibrary implements NativeLibrary {
    private readonly lib: { get(name: string): Buffer };
    constructor(readonly path: string) {
      this.lib = ffi.DynamicLibrary(path, ffi.DynamicLibrary.FLAGS.RTLD_NOW | ffi.DynamicLibrary.FLAGS.RTLD_GLOBAL);
    }
    bind<R extends CType, const A extends readonly CType[]>(name: string, result: R, args: A): BoundFunction<R, A> {
      if (bindings) {
        return fastInvoker(ffi, ref, bindings, this.lib.get(name), result, args, (p) => readUtf8(p)) as unknown as BoundFunction<R, A>;
      }
      const raw = ffi.ForeignFunction(
        this.lib.get(name),
        FFI_TYPE[result],
        args.map((a) => FFI_TYPE[a]),
      ) as Raw;
      const convertArgs = args.some((a) => a === 'ptr' || a === 'i64' || a === 'u64');
      const convertResult = result === 'ptr' || result === 'i64' || result === 'u64' || result === 'long' || result === 'ssize' || result === 'size' || result === 'str';
      const fn: Raw = (...values) => {
        const r = raw(...(convertArgs ? values.map((v, i) => toNative(args[i], v)) : values));
        return convertResult ? fromNative(result, r) : r;
      };
      return fn as unknown as BoundFunction<R, A>;
    }
    symbol(name: string): Ptr {
      try {
        return BigInt(ref.address(this.lib.get(name)));
      } catch {
        return 0n;
      }
    }
  }

  return {
    name: 'ffi-napi',
    version,
    loadGlobal: (path) => new FfiNapiLibrary(path),
    alloc(bytes: number): Ptr {
      const buf = Buffer.alloc(Math.max(1, bytes));
      const p = BigInt(ref.address(buf));
      allocations.set(p, buf);
      return p;
    },
    free(ptr: Ptr): void {
      allocations.delete(ptr);
    },
    view(ptr: Ptr, length: number): Uint8Array {
      if (length === 0) return new Uint8Array(0);
      const b = at(ptr, length);
      return new Uint8Array(b.buffer, b.byteOffset, length);
    },
    addressOf(buffer: ArrayBuffer | ArrayBufferView): Ptr {
      const b = ArrayBuffer.isView(buffer)
        ? Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)
        : Buffer.from(buffer);
      return BigInt(ref.address(b));
    },
    readPtr: (ptr, offset = 0) => at(ptr + BigInt(offset), 8).readBigUInt64LE(0),
    writePtr: (ptr, offset, value) => at(ptr + BigInt(offset), 8).writeBigUInt64LE(value, 0),
    readI64: (ptr, offset = 0) => at(ptr + BigInt(offset), 8).readBigInt64LE(0),
    readI32: (ptr, offset = 0) => at(ptr + BigInt(offset), 4).readInt32LE(0),
    readUtf8,
    registerCallback<R extends CType, const A extends readonly CType[]>(
      result: R,
      args: A,
      fn: (...args: { [K in keyof A]: A[K] extends CType ? JsOf<A[K]> : never }) => JsOf<R>,
    ): RegisteredCallback {
      const call = fn as unknown as Raw;
      const cb = ffi.Callback(FFI_TYPE[result], args.map((a) => FFI_TYPE[a]), (...raw) => {
        const r = call(...raw.map((v, i) => fromNative(args[i], v)));
        return toNative(result, r);
      });
      callbacks.add(cb);
      return {
        ptr: BigInt(ref.address(cb)),
        unregister() {
          callbacks.delete(cb);
        },
      };
    },
  };
}
