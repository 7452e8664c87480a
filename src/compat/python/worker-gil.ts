/**
 * Recovering the GIL from a worker thread terminated while it held it (issue 13 item 9).
 *
 * `worker.terminate()` stops a worker's JS wherever it is; if the worker held the GIL (inside a
 * synchronous segment that used Python, or inside a Python call, which finishes first), the release
 * microtask never runs and every later Python call on every thread waited forever. Every JS thread now
 * records itself as the holder in one process-wide native word while it holds the GIL (./gil.ts). The
 * thread that created the worker gets its 'exit' event (`process.on('worker')`); when the dead worker
 * is the recorded holder:
 * - CPython 3.8-3.11 keep the GIL-holding thread state in a process-wide variable, so this thread can
 *   release the GIL on the dead thread's behalf (`PyEval_ReleaseThread(_PyThreadState_UncheckedGet())`,
 *   exactly what the worker's own release would have done at the C level). Threads blocked waiting for
 *   the GIL wake up; the dead thread's state is left allocated (a few KB).
 * - Other versions keep that variable per thread; there the runtime is marked unusable and every later
 *   call throws CompatUnavailableError (better than a silent deadlock).
 * Recovery needs the creating thread's event loop to run: a thread that makes a compat call right after
 * `worker.terminate()`, without awaiting it, may block before the 'exit' event arrives.
 */
import { threadId } from 'node:worker_threads';
import type { Ptr } from '../ffi/index.js';
import { GIL, gilSharedState, setGilSharedState, setPoisonReason } from './gil.js';
import type { Runtime } from './runtime.js';

let watching = false;

/** How many times this thread released the GIL for a terminated worker (for tests and doctor). */
export let recoveredGils = 0;

/**
 * Set up the shared holder word (first boot in the process makes it; later ones, in other threads, find
 * it through `sys`), and watch this thread's workers. GIL held.
 */
export function setUpWorkerGil(rt: Runtime): void {
  const { api, engine } = rt;
  const sys = api.PyImport_ImportModule('sys');
  let addr: Ptr = 0n;
  if (sys !== 0n) {
    const existing = api.PyObject_GetAttrString(sys, '_ndbridge_gil_state');
    if (existing !== 0n) {
      addr = BigInt(api.PyLong_AsLongLongAndOverflow(existing, rt.scratch));
      api.Py_DecRef(existing);
    } else {
      api.PyErr_Clear();
      addr = engine.alloc(16); // never freed: shared by every thread for the life of the process
      engine.view(addr, 16).fill(0);
      const n = api.PyLong_FromLongLong(addr);
      api.PyObject_SetAttrString(sys, '_ndbridge_gil_state', n);
      api.Py_DecRef(n);
    }
    api.Py_DecRef(sys);
  }
  if (addr === 0n) {
    api.PyErr_Clear();
    return;
  }
  const bytes = engine.view(addr, 16);
  setGilSharedState(new BigInt64Array(bytes.buffer, bytes.byteOffset, 2), threadId);
  if (watching) return;
  watching = true;
  process.on('worker', (worker) => {
    const id = worker.threadId;
    worker.once('exit', () => onWorkerExit(rt, id));
  });
}

function onWorkerExit(rt: Runtime, workerId: number): void {
  const state = gilSharedState();
  if (!state || state[0] !== BigInt(workerId) + 1n) return;
  const [major, minor] = rt.python.versionInfo;
  if (major === 3 && minor >= 8 && minor <= 11 && !GIL.held) {
    try {
      const unchecked = rt.api.lib.bind('_PyThreadState_UncheckedGet', 'ptr', []);
      const releaseThread = rt.api.lib.bind('PyEval_ReleaseThread', 'void', ['ptr']);
      const tstate = unchecked();
      if (tstate !== 0n) {
        state[0] = 0n;
        releaseThread(tstate);
        recoveredGils++;
        return;
      }
    } catch {
      // fall through: mark unusable
    }
  }
  setPoisonReason(`worker thread ${workerId} was terminated while it held the Python GIL, and Python ${major}.${minor} does not let another thread release it`);
  state[1] = 1n;
}
