/**
 * The GIL policy.
 *
 * After boot, the booting thread releases the GIL (PyEval_SaveThread), so Python threads and other
 * JS threads can take it. A JS thread that uses compat takes the GIL with PyGILState_Ensure at its
 * first Python call in a synchronous segment of JS and gives it back with PyGILState_Release in a
 * microtask queued at that moment, i.e. as soon as the current synchronous segment ends (before any
 * `await` resumes other code). Both calls are synchronous FFI calls on the same thread (never async
 * FFI calls: an Ensure/Release pair split across threads aborts the process).
 *
 * Consequences (documented in the compat README section of the report):
 * - A loop of many calls pays for one Ensure/Release pair, not one per call.
 * - worker_threads are supported: each worker's segments take the GIL in turn. A Python thread, or
 *   another worker, waits while a JS thread runs a synchronous segment that has used Python; so a
 *   synchronous segment must not block waiting (Atomics.wait, a sync child process...) for another
 *   thread that needs Python, or both wait forever.
 * - A worker terminated (`worker.terminate()`) while a synchronous segment of it holds the GIL (or
 *   while it is inside Python) stops before the release microtask runs. Every JS thread that uses
 *   compat records itself in one process-wide native word (`holder`: its threadId + 1) while it holds
 *   the GIL; the thread that created the worker sees the worker's 'exit' event and, when the dead
 *   worker is recorded as the holder, gives the GIL back on its behalf (./worker-gil.ts). Where that is
 *   not possible, the runtime is marked unusable (`poisoned`) and every later call throws
 *   CompatUnavailableError instead of waiting forever.
 */
import { CompatUnavailableError } from '../../common/errors.js';
import type { CApi } from './capi.js';

interface GilState {
  held: boolean;
  /** >0 while JS runs inside a Python call (a callback from Python into JS): never release then. */
  nested: number;
  token: number;
  api: CApi | undefined;
}

/** Read by hot paths: `if (!GIL.held) acquireGil()`. */
export const GIL: GilState = { held: false, nested: 0, token: 0, api: undefined };

function release(): void {
  if (!GIL.held || !GIL.api) return;
  if (GIL.nested > 0) {
    // Microtasks drained inside a callback from Python: Python still needs the GIL; retry later.
    setImmediate(release);
    return;
  }
  GIL.held = false;
  if (shared) shared[0] = 0n;
  GIL.api.PyGILState_Release(GIL.token);
}

/**
 * Process-wide state shared by every JS thread (native memory): [0] the holder (threadId + 1 of the JS
 * thread holding the GIL through compat, 0 when none), [1] non-zero once the GIL was lost for good.
 */
let shared: BigInt64Array | undefined;
let selfId = 1n;

/** Install the shared state (called once by boot, GIL held). */
export function setGilSharedState(state: BigInt64Array, threadId: number): void {
  shared = state;
  selfId = BigInt(threadId) + 1n;
  if (GIL.held) state[0] = selfId;
}

/** The shared state, for worker-gil.ts. */
export function gilSharedState(): BigInt64Array | undefined {
  return shared;
}

/** Why the runtime is unusable, when it is (set with the poisoned flag). */
let poisonReason = '';
export function setPoisonReason(reason: string): void {
  poisonReason = reason;
}

/** Install the C API used to take the GIL (called once by boot). */
export function setGilApi(api: CApi): void {
  GIL.api = api;
}

/** Take the GIL for the rest of the current synchronous segment (no-op if already held). */
export function acquireGil(): void {
  if (GIL.held) return;
  const api = GIL.api;
  if (!api) throw new Error('acquireGil() before boot');
  if (shared && shared[1] !== 0n) {
    throw new CompatUnavailableError(
      `the embedded Python is unusable in this process: ${poisonReason || 'a worker thread was terminated while it held the Python GIL'}. ` +
        'Restart the process. To avoid it, let workers that use compat finish instead of terminating them, or call compat.releaseGil() in the worker before it can be terminated.',
    );
  }
  GIL.token = api.PyGILState_Ensure();
  GIL.held = true;
  if (shared) shared[0] = selfId;
  queueMicrotask(release);
}

/** Run `fn` with the GIL held. */
export function withGil<T>(fn: () => T): T {
  if (!GIL.held) acquireGil();
  return fn();
}

/**
 * Give the GIL back now instead of at the end of the segment, e.g. before blocking the thread.
 * The next Python call takes it again.
 */
export function releaseGilNow(): void {
  release();
}
