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
  Callback(result: string, args: readonly string[], fn: (...args: unknown[]) => unknown): Buffer;
}

/** The parts of @2060.io/ref-napi used here. */
interface RefNapi {
  address(buffer: Buffer): number;
  readPointer(buffer: Buffer, offset: number, length: number): Buffer;
  writeUInt64LE(buffer: Buffer, offset: number, value: number | string): void;
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

function loadModules(): { ffi: FfiNapi; ref: RefNapi; version: string } {
  const require = createRequire(import.meta.url);
  try {
    const ffi = require('@2060.io/ffi-napi') as FfiNapi;
    const ref = require('@2060.io/ref-napi') as RefNapi;
    const version = (require('@2060.io/ffi-napi/package.json') as { version: string }).version;
    return { ffi, ref, version };
  } catch (err) {
    throw new CompatUnavailableError(
      `NDBRIDGE_FFI=ffi-napi selects the ffi-napi engine, but @2060.io/ffi-napi / @2060.io/ref-napi could not be loaded ` +
        `(${err instanceof Error ? err.message : String(err)}). Fix: npm install @2060.io/ffi-napi @2060.io/ref-napi, ` +
        `or unset NDBRIDGE_FFI to use koffi.`,
    );
  }
}

export function createFfiNapiEngine(): FfiEngine {
  const { ffi, ref, version } = loadModules();
  const scratch = Buffer.alloc(8);
  /** A Buffer over `length` bytes at `ptr` (no copy). */
  const at = (ptr: Ptr, length: number): Buffer => {
    ref.writeUInt64LE(scratch, 0, ptr.toString());
    return ref.readPointer(scratch, 0, length);
  };
  const allocations = new Map<Ptr, Buffer>();
  const callbacks = new Set<Buffer>();

  class FfiNapiLibrary implements NativeLibrary {
    private readonly lib: { get(name: string): Buffer };
    constructor(readonly path: string) {
      this.lib = ffi.DynamicLibrary(path, ffi.DynamicLibrary.FLAGS.RTLD_NOW | ffi.DynamicLibrary.FLAGS.RTLD_GLOBAL);
    }
    bind<R extends CType, const A extends readonly CType[]>(name: string, result: R, args: A): BoundFunction<R, A> {
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
    readUtf8(ptr: Ptr, length?: number): string {
      if (length === 0) return '';
      if (length !== undefined) return at(ptr, length).toString('utf8');
      // Find the NUL terminator in growing windows.
      let window = 256;
      for (;;) {
        const b = at(ptr, window);
        const nul = b.indexOf(0);
        if (nul >= 0) return b.toString('utf8', 0, nul);
        window *= 4;
      }
    },
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
