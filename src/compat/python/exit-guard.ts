/**
 * Exiting while Python threads still run (issue 13 item 9: a daemon `threading.Thread` running NumPy
 * segfaulted now and then at exit, and under ffi-napi the exit could hang). At exit the C library runs the
 * shared libraries' destructors (OpenBLAS joins its worker threads, NumPy's libraries tear down) while the
 * daemon threads are still inside them. CPython's own exit avoids this by finalising; compat never
 * finalises CPython (NumPy does not survive it).
 *
 * So on the main thread's 'exit', when Python threads other than JS threads' are alive, compat runs the
 * remaining 'exit' listeners itself, takes the GIL (so no Python thread runs Python code any more) and ends
 * the process with `_exit(code)`, which skips the library destructors. Standard output and error are
 * synchronous on Linux for files, pipes and terminals, so nothing written is lost. Linux only; when no
 * Python thread is alive, the exit is Node's usual one.
 */
import { isMainThread } from 'node:worker_threads';
import { acquireGil, GIL } from './gil.js';
import type { Runtime } from './runtime.js';

let installed = false;

export function installExitGuard(rt: Runtime): void {
  if (installed || !isMainThread || process.platform !== 'linux') return;
  installed = true;
  let exitNow: ((code: number) => void) | undefined;
  try {
    exitNow = rt.engine.loadGlobal('libc.so.6').bind('_exit', 'void', ['int']);
  } catch {
    return;
  }
  const guard = (code: number): void => {
    if (!otherPythonThreadsAlive(rt)) return;
    // Listeners after this one would be skipped by _exit: run them now, as Node would.
    const listeners = process.listeners('exit');
    for (const l of listeners.slice(listeners.indexOf(guard) + 1)) {
      try {
        (l as (c: number) => void).call(process, code);
      } catch (err) {
        process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        code = code || 1;
      }
    }
    if (!GIL.held) acquireGil();
    exitNow?.(typeof process.exitCode === 'number' && code === 0 ? process.exitCode : code);
  };
  process.on('exit', guard);
}

/** Are threads other than this one alive in Python (daemon threads, pools)? Never throws. */
function otherPythonThreadsAlive(rt: Runtime): boolean {
  try {
    if (!GIL.held) acquireGil();
    const { api } = rt;
    const sys = api.PyImport_ImportModule('sys');
    if (sys === 0n) {
      api.PyErr_Clear();
      return false;
    }
    const frames = api.PyObject_GetAttrString(sys, '_current_frames');
    api.Py_DecRef(sys);
    if (frames === 0n) {
      api.PyErr_Clear();
      return false;
    }
    const d = api.PyObject_CallNoArgs(frames);
    api.Py_DecRef(frames);
    if (d === 0n) {
      api.PyErr_Clear();
      return false;
    }
    const n = api.PyObject_Length(d);
    api.Py_DecRef(d);
    // This thread has no frame at the top level; any entry is another thread running Python.
    return n > 0;
  } catch {
    return false;
  }
}
