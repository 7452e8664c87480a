/**
 * Keeping Ctrl-C with Node. CPython is initialised with `Py_InitializeEx(0)` (no signal handlers),
 * but importing `signal` (asyncio does) installs Python's SIGINT handler, which only sets a flag that
 * the embedded interpreter never checks: Ctrl-C would no longer stop Node. Boot imports `signal`
 * itself, sets its Python-level SIGINT disposition to SIG_DFL (so asyncio leaves it alone) and then
 * puts back, with sigaction(2), the handler the process had before Python started.
 * `restoreIfStolen()` detects a later steal (the current handler's code lies in libpython, found
 * with dladdr(3)) and undoes it. Linux only (the `struct sigaction` layout is glibc x86-64/arm64).
 */
import type { FfiEngine, Ptr } from '../ffi/index.js';

const SIGINT = 2;
const SIGACTION_SIZE = 152;
const DL_INFO_SIZE = 32;

export interface SigintGuard {
  /** True when the current SIGINT handler is the one saved before boot. */
  intact(): boolean;
  /** Put back the saved handler if the current one lives in libpython. Returns true if it did. */
  restoreIfStolen(): boolean;
  /** Put back the saved handler unconditionally. */
  restore(): void;
}

/** Save the current SIGINT disposition (call before Py_InitializeEx). Null where unsupported. */
export function saveSigint(engine: FfiEngine): SigintGuard | null {
  if (process.platform !== 'linux' || (process.arch !== 'x64' && process.arch !== 'arm64')) return null;
  let libc;
  try {
    libc = engine.loadGlobal('libc.so.6');
  } catch {
    return null;
  }
  const sigaction = libc.bind('sigaction', 'int', ['int', 'ptr', 'ptr']);
  const dladdr = libc.bind('dladdr', 'int', ['ptr', 'ptr']);
  const saved: Ptr = engine.alloc(SIGACTION_SIZE);
  const current: Ptr = engine.alloc(SIGACTION_SIZE);
  const info: Ptr = engine.alloc(DL_INFO_SIZE);
  if (sigaction(SIGINT, 0n, saved) !== 0) return null;
  const handlerNow = (): Ptr => {
    sigaction(SIGINT, 0n, current);
    return engine.readPtr(current, 0);
  };
  const savedHandler = engine.readPtr(saved, 0);
  // dladdr(3) scans symbol tables (measured ~1.9 ms against Node's own handler): ask once per address.
  const seen = new Map<Ptr, boolean>();
  const inLibpython = (fn: Ptr): boolean => {
    if (fn <= 1n || fn === savedHandler) return false; // SIG_DFL / SIG_IGN / Node's own
    let known = seen.get(fn);
    if (known === undefined) {
      const fname = dladdr(fn, info) === 0 ? 0n : engine.readPtr(info, 0);
      known = fname !== 0n && /libpython/.test(engine.readUtf8(fname));
      seen.set(fn, known);
    }
    return known;
  };
  const restore = (): void => {
    sigaction(SIGINT, saved, 0n);
  };
  return {
    intact: () => handlerNow() === savedHandler,
    restoreIfStolen() {
      if (!inLibpython(handlerNow())) return false;
      restore();
      return true;
    },
    restore,
  };
}
