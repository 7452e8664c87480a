/**
 * Py_buffer structs for `PyObject_GetBuffer`, from a pool of native chunks that JS reads directly.
 *
 * Each conversion from NumPy needs one Py_buffer. Allocating it through the FFI engine per call made an
 * external ArrayBuffer per call (koffi zero-fills through a view), and reading its fields one FFI call
 * each; both showed at the top of the profile of `asarray` from NumPy (24% in alloc alone), and each new
 * external ArrayBuffer also advances any garbage collection that external memory pressure has started.
 * Here a chunk of SLOTS_PER_CHUNK structs is allocated once, viewed once, and its fields are read with a
 * DataView: no allocation and no FFI call per conversion besides GetBuffer itself. Chunks are never freed
 * (the pool is as large as the most Py_buffers ever held at once, rounded up to a chunk).
 */
import { LITTLE_ENDIAN } from '../common/dtypes.js';
import type { Ptr } from '../compat/ffi/index.js';
import { PY_BUFFER } from '../compat/python/capi.js';
import { acquireGil, GIL } from '../compat/python/gil.js';
import { peekRuntime, type Runtime } from '../compat/python/runtime.js';
import type { Keeper } from './native-views.js';

const SLOTS_PER_CHUNK = 64;

/** One Py_buffer struct. `release()` releases the buffer it holds (if any) and returns it to the pool. */
export class PyBufferSlot implements Keeper {
  /** True between a successful GetBuffer and release(). */
  held = false;
  /** True while the slot is in the free list (a second release() must not add it twice). */
  pooled = false;
  constructor(
    readonly ptr: Ptr,
    private readonly dv: DataView,
    private readonly at: number,
  ) {}

  get buf(): Ptr {
    return this.dv.getBigUint64(this.at + PY_BUFFER.buf, LITTLE_ENDIAN);
  }
  get itemsize(): number {
    return Number(this.dv.getBigInt64(this.at + PY_BUFFER.itemsize, LITTLE_ENDIAN));
  }
  get readonly(): boolean {
    return this.dv.getInt32(this.at + PY_BUFFER.readonly, LITTLE_ENDIAN) !== 0;
  }
  get ndim(): number {
    return this.dv.getInt32(this.at + PY_BUFFER.ndim, LITTLE_ENDIAN);
  }
  get format(): Ptr {
    return this.dv.getBigUint64(this.at + PY_BUFFER.format, LITTLE_ENDIAN);
  }
  get shape(): Ptr {
    return this.dv.getBigUint64(this.at + PY_BUFFER.shape, LITTLE_ENDIAN);
  }
  get strides(): Ptr {
    return this.dv.getBigUint64(this.at + PY_BUFFER.strides, LITTLE_ENDIAN);
  }

  /** Release the Python buffer (with the GIL, from any context: finalizers too) and give the slot back. */
  release(): void {
    if (this.held) {
      this.held = false;
      const rt = peekRuntime();
      if (rt) {
        if (!GIL.held) acquireGil();
        rt.api.PyBuffer_Release(this.ptr);
      }
    }
    if (this.pooled) return;
    this.pooled = true;
    free.push(this);
  }
}

const free: PyBufferSlot[] = [];
/** Every chunk's view, kept reachable (a slot reads through it). */
const chunks: DataView[] = [];

/** A free slot (holding nothing). Give it back with `release()`. */
export function takeSlot(rt: Runtime): PyBufferSlot {
  const s = free.pop();
  if (s !== undefined) {
    s.pooled = false;
    return s;
  }
  const bytes = SLOTS_PER_CHUNK * PY_BUFFER.size;
  const base = rt.engine.alloc(bytes);
  const u8 = rt.engine.view(base, bytes);
  const dv = new DataView(u8.buffer, u8.byteOffset, bytes);
  chunks.push(dv);
  for (let i = SLOTS_PER_CHUNK - 1; i > 0; i--) {
    const slot = new PyBufferSlot(base + BigInt(i * PY_BUFFER.size), dv, i * PY_BUFFER.size);
    slot.pooled = true;
    free.push(slot);
  }
  return new PyBufferSlot(base, dv, 0);
}
