/**
 * The koffi engine (default). koffi 3 represents pointers as bigint, which is exactly the seam's `Ptr`.
 */
import { createRequire } from 'node:module';
import type * as KoffiModule from 'koffi';
import { CompatUnavailableError } from '../../common/errors.js';
import { checkViewSize, MAX_VIEW_BYTES } from './limits.js';
import type { BoundFunction, CType, FfiEngine, JsOf, NativeLibrary, Ptr, RegisteredCallback } from './engine.js';

type Koffi = typeof KoffiModule;

const KOFFI_TYPE: Record<CType, string> = {
  void: 'void',
  int: 'int',
  uint: 'uint',
  long: 'long',
  ssize: 'intptr_t',
  size: 'size_t',
  i64: 'int64_t',
  u64: 'uint64_t',
  double: 'double',
  ptr: 'void *',
  str: 'const char *',
};

type Raw = (...args: unknown[]) => unknown;

/** Wrap a raw koffi function so its result follows the seam's conventions (NULL -> 0n, 64-bit -> bigint). */
function normalizeResult(raw: Raw, result: CType, arity: number): Raw {
  if (result === 'ptr') {
    switch (arity) {
      case 0:
        return () => (raw() as bigint | null) ?? 0n;
      case 1:
        return (a) => (raw(a) as bigint | null) ?? 0n;
      case 2:
        return (a, b) => (raw(a, b) as bigint | null) ?? 0n;
      case 3:
        return (a, b, c) => (raw(a, b, c) as bigint | null) ?? 0n;
      case 4:
        return (a, b, c, d) => (raw(a, b, c, d) as bigint | null) ?? 0n;
      default:
        return (...args) => (raw(...args) as bigint | null) ?? 0n;
    }
  }
  if (result === 'i64' || result === 'u64') return (...args) => BigInt(raw(...args) as number | bigint);
  if (result === 'str') return (...args) => (raw(...args) as string | null) ?? '';
  return raw;
}

class KoffiLibrary implements NativeLibrary {
  constructor(
    readonly path: string,
    private readonly koffi: Koffi,
    private readonly handle: KoffiModule.LibraryHandle,
  ) {}

  bind<R extends CType, const A extends readonly CType[]>(name: string, result: R, args: A): BoundFunction<R, A> {
    const raw = this.handle.func(name, KOFFI_TYPE[result], args.map((a) => KOFFI_TYPE[a])) as Raw;
    return normalizeResult(raw, result, args.length) as unknown as BoundFunction<R, A>;
  }

  symbol(name: string): Ptr {
    try {
      const s = this.handle.symbol(name) as unknown;
      return typeof s === 'bigint' ? s : 0n;
    } catch {
      return 0n;
    }
  }
}

function toCallbackValue(type: CType, v: unknown): unknown {
  if (type === 'ptr') return (v as bigint | null) ?? 0n;
  if (type === 'i64' || type === 'u64') return BigInt(v as number | bigint);
  return v;
}

/**
 * Stack koffi runs synchronous native calls on. koffi's default (2 MiB) is overflowed by OpenBLAS's
 * parallel LU, which recurses with frames of about 600 KB from 10,000-element matrices on:
 * np.linalg.solve/inv/det on a 100x100 or larger matrix crashed the process (SIGSEGV). 16 MiB is koffi's
 * maximum and the size of the default main-thread stack limit on Linux (ulimit -s 8 MiB, twice over).
 */
const KOFFI_SYNC_STACK = 16 * 1024 * 1024;

function raiseStackSize(koffi: Koffi): void {
  const current = koffi.config();
  if ((current.sync_stack_size ?? 0) < KOFFI_SYNC_STACK) koffi.config({ ...current, sync_stack_size: KOFFI_SYNC_STACK });
}

export function createKoffiEngine(): FfiEngine {
  let koffi: Koffi;
  try {
    const required = createRequire(import.meta.url)('koffi') as Koffi & { default?: Koffi };
    koffi = required.default ?? required;
  } catch (err) {
    throw new CompatUnavailableError(
      `the FFI engine 'koffi' could not be loaded (${err instanceof Error ? err.message : String(err)}). ` +
        `Fix: npm install koffi, or select the other engine with NDBRIDGE_FFI=ffi-napi.`,
    );
  }
  raiseStackSize(koffi);
  const zero = new ArrayBuffer(0);
  /** ArrayBuffers made by view() (koffi makes a new external one per call). */
  const nativeViews = new WeakSet<ArrayBufferLike>();
  return {
    name: 'koffi',
    version: koffi.version,
    loadGlobal(path: string): NativeLibrary {
      return new KoffiLibrary(path, koffi, koffi.load(path, { global: true }));
    },
    alloc(bytes: number): Ptr {
      const p = koffi.alloc('uint8', Math.max(1, bytes)) as bigint;
      new Uint8Array(koffi.view(p, Math.max(1, bytes))).fill(0);
      return p;
    },
    free(ptr: Ptr): void {
      koffi.free(ptr);
    },
    maxViewBytes: MAX_VIEW_BYTES,
    view(ptr: Ptr, length: number): Uint8Array {
      checkViewSize(length, MAX_VIEW_BYTES, 'a view of native memory');
      if (length === 0) return new Uint8Array(zero, 0, 0);
      const ab = koffi.view(ptr, length);
      nativeViews.add(ab);
      return new Uint8Array(ab);
    },
    isNativeView(buffer: ArrayBufferLike): boolean {
      return nativeViews.has(buffer);
    },
    addressOf(buffer: ArrayBuffer | ArrayBufferView): Ptr {
      return koffi.address(buffer);
    },
    readPtr(ptr: Ptr, offset = 0): Ptr {
      return (koffi.decode(ptr, offset, 'void *') as bigint | null) ?? 0n;
    },
    writePtr(ptr: Ptr, offset: number, value: Ptr): void {
      koffi.encode(ptr, offset, 'void *', value);
    },
    readI64(ptr: Ptr, offset = 0): bigint {
      return BigInt(koffi.decode(ptr, offset, 'int64_t') as number | bigint);
    },
    readI32(ptr: Ptr, offset = 0): number {
      return koffi.decode(ptr, offset, 'int32_t') as number;
    },
    readUtf8(ptr: Ptr, length?: number): string {
      if (length === 0) return '';
      return length === undefined ? koffi.decode.string(ptr) : koffi.decode.string(ptr, length);
    },
    registerCallback<R extends CType, const A extends readonly CType[]>(
      result: R,
      args: A,
      fn: (...args: { [K in keyof A]: A[K] extends CType ? JsOf<A[K]> : never }) => JsOf<R>,
    ): RegisteredCallback {
      const proto = koffi.proto(KOFFI_TYPE[result], args.map((a) => KOFFI_TYPE[a]));
      const call = fn as unknown as Raw;
      const needsConversion = args.some((a) => a === 'ptr' || a === 'i64' || a === 'u64');
      const wrapped: Raw = needsConversion
        ? (...raw) => call(...raw.map((v, i) => toCallbackValue(args[i], v)))
        : call;
      const ptr = koffi.register(wrapped, koffi.pointer(proto));
      let live = true;
      return {
        ptr,
        unregister() {
          if (live) koffi.unregister(ptr);
          live = false;
        },
      };
    },
  };
}
