/**
 * Booting the embedded CPython, once per process, synchronously.
 *
 * libpython is loaded by the absolute path the chosen interpreter reports, with global symbol
 * visibility (without it, extension modules fail with `undefined symbol: PyFloat_Type`). The program
 * name is set to the interpreter's path, so the embedded interpreter computes the same prefixes
 * (a virtual environment is recognised by its bin/python); entries of the interpreter's own sys.path
 * that the embedded one lacks are appended. CPython is initialised with `Py_InitializeEx(0)` (no
 * signal handlers) and never finalised (NumPy does not survive Py_Finalize + Py_Initialize).
 */
import { CompatUnavailableError, PythonError } from '../../common/errors.js';
import { getEngine, type FfiEngine, type Ptr } from '../ffi/index.js';
import { bindCApi, Py_eval_input, Py_file_input, type CApi } from './capi.js';
import { discoverPython, type PythonInstallation } from './discovery.js';
import { acquireGil, GIL, setGilApi } from './gil.js';
import { saveSigint, type SigintGuard } from './sigint.js';
import { pinFfiAddonsInWorker } from './addon-pin.js';
import { setUpWorkerGil } from './worker-gil.js';
import { installExitGuard } from './exit-guard.js';
import { PythonWarningError } from './async-errors.js';

/** Python helpers compat needs, defined once at boot in a private namespace. */
const HELPERS = `
import sys, builtins, traceback

def describe_error(t, v, tb):
    try:
        mod = getattr(t, '__module__', 'builtins')
        name = t.__qualname__ if mod == 'builtins' else mod + '.' + t.__qualname__
    except Exception:
        name = repr(t)
    try:
        msg = str(v)
    except Exception:
        msg = '<unprintable exception>'
    try:
        tb_text = ''.join(traceback.format_exception(t, v, tb))
    except Exception:
        tb_text = ''
    # '1' when the warnings policy 'error' raised this warning (a PythonWarningError in JS)
    flag = '1' if getattr(v, '_ndbridge_policy', False) is True else ''
    return (well_formed(name), well_formed(msg), well_formed(tb_text), flag)

def well_formed(s):
    # Lone surrogates have no UTF-8 form: they become U+FFFD instead of losing the whole text.
    try:
        s.encode('utf-8')
        return s
    except UnicodeEncodeError:
        return s.encode('utf-16-le', 'surrogatepass').decode('utf-16-le', 'replace')

def add_paths(paths):
    for p in paths:
        if p and p not in sys.path:
            sys.path.append(p)

def numpy_or_error():
    try:
        import numpy
        return numpy
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

def js_callable(f, owner):
    # A JS function can only run on the JS thread that handed it to Python: called from another Python
    # thread it would wait for that JS thread, which may be waiting for this one (a deadlock).
    import threading
    get_ident = threading.get_ident
    def js_function(*args):
        if get_ident() != owner:
            raise RuntimeError(
                'ndbridge: a JS function was called from a Python thread other than the JS thread that passed it '
                '(threading.Thread, a thread pool...). JS functions can only run on their own JS thread: '
                'call them from that thread, or compute in Python in the other thread.')
        return f(*args)
    js_function.__qualname__ = js_function.__name__ = 'js_function'
    return js_function

def thread_ident():
    import threading
    return threading.get_ident()

def keep_sigint():
    import signal
    signal.signal(signal.SIGINT, signal.SIG_DFL)
`;

export interface Runtime {
  readonly api: CApi;
  readonly engine: FfiEngine;
  readonly python: PythonInstallation;
  /** The helpers namespace (a dict, owned forever). */
  readonly helpers: Ptr;
  /** `builtins` module (owned forever). */
  readonly builtins: Ptr;
  /** Scratch memory for out-parameters (64 bytes; only use between two FFI calls, never across JS callbacks). */
  readonly scratch: Ptr;
  /** The `numpy` module, or the reason it failed to import. */
  readonly numpy: { readonly module: Ptr; readonly error: null } | { readonly module: 0n; readonly error: string };
  readonly sigint: SigintGuard | null;
  /** True when this process initialised Python (false when libpython was already running). */
  readonly initialisedHere: boolean;
}

let runtime: Runtime | undefined;
let bootError: CompatUnavailableError | undefined;

/**
 * JS<->Python callbacks nested deeper than this (JS calls Python, which calls a JS function, which calls
 * Python...) raise CallbackRecursionError instead of exhausting the native stack.
 */
export const MAX_CALLBACK_DEPTH = 100;
/** The start of the message of the Python RecursionError raised at MAX_CALLBACK_DEPTH. */
export const CALLBACK_RECURSION_MESSAGE = 'ndbridge: JS and Python callbacks nested more than';

/**
 * Unbounded (or too deep) mutual recursion between JS and Python: JS functions passed to Python that call
 * back into Python, nested more than MAX_CALLBACK_DEPTH levels. A PythonError (pythonType
 * 'RecursionError'), so code that catches PythonError still sees it.
 */
export class CallbackRecursionError extends PythonError {
  override name = 'CallbackRecursionError';
}

/**
 * The Python exception behind the most recent PythonError (one owned reference), so that when that
 * PythonError propagates through a JS callback back into Python, the same exception object is raised
 * again (its traceback grows by the new frames) instead of a new RuntimeError whose message embeds the
 * old message and traceback (which doubled in size per nesting level). Released at the end of the
 * synchronous segment, or when the next error is fetched.
 */
let lastError: { readonly error: PythonError; readonly type: Ptr; readonly value: Ptr } | undefined;
let lastErrorClearScheduled = false;

function setLastError(rt: Runtime, error: PythonError, type: Ptr, value: Ptr): void {
  clearLastError(rt);
  rt.api.Py_IncRef(type);
  rt.api.Py_IncRef(value);
  lastError = { error, type, value };
  if (!lastErrorClearScheduled) {
    lastErrorClearScheduled = true;
    queueMicrotask(() => {
      lastErrorClearScheduled = false;
      if (GIL.nested > 0) return; // inside a callback: the next fetch or segment clears it
      const r = runtime;
      if (r && lastError) {
        if (!GIL.held) acquireGil();
        clearLastError(r);
      }
    });
  }
}

function clearLastError(rt: Runtime): void {
  const e = lastError;
  if (!e) return;
  lastError = undefined;
  rt.api.Py_DecRef(e.type);
  rt.api.Py_DecRef(e.value);
}

/**
 * Raise `err` (thrown by JS code running as a Python callable) as the pending Python exception. GIL held.
 * A PythonError that came from Python raises its original exception object again; any other error a
 * RuntimeError whose message is bounded (the start and the end of a long message are kept).
 */
export function raiseInPython(rt: Runtime, err: unknown, prefix: string): void {
  const { api } = rt;
  const e = lastError;
  if (e && err === e.error) {
    api.PyErr_SetObject(e.type, e.value);
    return;
  }
  let text: string;
  if (err instanceof PythonError) text = `${err.pythonType}: ${err.pythonMessage}`;
  else if (err instanceof Error) text = `${err.name}: ${err.message}`;
  else text = String(err);
  api.PyErr_SetString(api.exc.RuntimeError, `${prefix}${boundedText(text)}`);
  callbackCause = { message: `${prefix}${boundedText(text)}`, error: err };
}

/** The JS error behind the last RuntimeError raised by raiseInPython, attached as `cause` when it comes back. */
let callbackCause: { readonly message: string; readonly error: unknown } | undefined;

const MAX_MESSAGE = 4000;
/** At most MAX_MESSAGE characters: the start and the end of a longer text. */
function boundedText(text: string): string {
  if (text.length <= MAX_MESSAGE) return text;
  const head = text.slice(0, MAX_MESSAGE / 4);
  const tail = text.slice(text.length - (MAX_MESSAGE * 3) / 4);
  return `${head} [... ${text.length - head.length - tail.length} characters left out ...] ${tail}`;
}

/** Fetch the current Python exception (must be set) as a PythonError, clearing it. GIL held. */
export function fetchPythonError(rt: Runtime): PythonError {
  const { api, engine, scratch } = rt;
  engine.writePtr(scratch, 0, 0n);
  engine.writePtr(scratch, 8, 0n);
  engine.writePtr(scratch, 16, 0n);
  api.PyErr_Fetch(scratch, scratch + 8n, scratch + 16n);
  api.PyErr_NormalizeException(scratch, scratch + 8n, scratch + 16n);
  const t = engine.readPtr(scratch, 0);
  const v = engine.readPtr(scratch, 8);
  const tb = engine.readPtr(scratch, 16);
  if (t === 0n) return new PythonError('SystemError', 'a Python call failed without setting an exception', '');
  const describe = api.PyDict_GetItemString(rt.helpers, 'describe_error');
  const args = api.PyTuple_New(3);
  for (const [i, o] of [t, v, tb].entries()) {
    const obj = o === 0n ? api.None : o;
    api.Py_IncRef(obj);
    api.PyTuple_SetItem(args, i, obj);
  }
  const desc = api.PyObject_Call(describe, args, 0n);
  api.Py_DecRef(args);
  if (desc === 0n) {
    for (const o of [t, v, tb]) if (o !== 0n) api.Py_DecRef(o);
    api.PyErr_Clear();
    return new PythonError('Exception', '<the exception could not be described>', '');
  }
  const part = (i: number): string => {
    const s = api.PyTuple_GetItem(desc, i);
    const p = api.PyUnicode_AsUTF8AndSize(s, scratch);
    if (p === 0n) {
      api.PyErr_Clear();
      return '';
    }
    return engine.readUtf8(p, Number(engine.readI64(scratch)));
  };
  const type = part(0);
  const message = part(1);
  const err =
    type === 'RecursionError' && message.startsWith(CALLBACK_RECURSION_MESSAGE)
      ? new CallbackRecursionError(type, message, boundedText(part(2).trimEnd()))
      : part(3) === '1'
        ? new PythonWarningError(type, message, part(2).trimEnd())
        : new PythonError(type, message, part(2).trimEnd());
  api.Py_DecRef(desc);
  const cause = callbackCause;
  if (cause && message === cause.message) (err as Error & { cause?: unknown }).cause = cause.error;
  if (v !== 0n) setLastError(rt, err, t, v);
  for (const o of [t, v, tb]) if (o !== 0n) api.Py_DecRef(o);
  return err;
}

/** Throw the pending Python exception as a PythonError. */
export function raisePythonError(rt: Runtime): never {
  throw fetchPythonError(rt);
}

function bootNow(): Runtime {
  const python = discoverPython();
  if (!python.libpython) {
    throw new CompatUnavailableError(
      `no shared libpython for ${python.interpreter.path} (Python ${python.version}); looked for: ${python.libpythonCandidates.join(', ')}. ` +
        (python.enableShared
          ? 'Fix: install the package with the shared library (Debian/Ubuntu: apt-get install libpython3-dev).'
          : 'This Python was built without --enable-shared. Fix: use a Python with a shared libpython ' +
            '(pyenv: PYTHON_CONFIGURE_OPTS=--enable-shared pyenv install <version>), and point NDBRIDGE_PYTHON at it.'),
    );
  }
  const engine = getEngine();
  pinFfiAddonsInWorker(engine);
  let lib;
  try {
    lib = engine.loadGlobal(python.libpython);
  } catch (err) {
    throw new CompatUnavailableError(
      `libpython ${python.libpython} (of ${python.interpreter.path}) could not be loaded with the ${engine.name} engine: ` +
        `${err instanceof Error ? err.message : String(err)}. Fix: check the file, or point NDBRIDGE_PYTHON at another interpreter.`,
    );
  }
  const api = bindCApi(engine, lib);
  setGilApi(api);
  const sigint = saveSigint(engine);
  let initialisedHere = false;
  if (!api.Py_IsInitialized()) {
    // The wide-string program name must outlive the interpreter: it is never freed.
    // sys.executable as the interpreter reports it: the real binary behind shims (pyenv), and a
    // virtual environment's bin/python for venvs (which is how the embedded interpreter finds them).
    const wname = api.Py_DecodeLocale(python.executable || python.interpreter.path, 0n);
    if (wname !== 0n) api.Py_SetProgramName(wname);
    api.Py_InitializeEx(0);
    initialisedHere = true;
    // Py_InitializeEx leaves the GIL held by this thread: hand it back; calls take it per segment.
    api.PyEval_SaveThread();
  }
  acquireGil();
  const scratch = engine.alloc(64);
  const builtins = api.PyImport_ImportModule('builtins');
  const helpers = api.PyDict_New();
  api.PyDict_SetItemString(helpers, '__builtins__', builtins);
  const partial: Runtime = {
    api,
    engine,
    python,
    helpers,
    builtins,
    scratch,
    numpy: { module: 0n, error: 'not imported yet' },
    sigint,
    initialisedHere,
  };
  const ran = api.PyRun_String(HELPERS, Py_file_input, helpers, helpers);
  if (ran === 0n) throw fetchPythonError(partial);
  api.Py_DecRef(ran);
  const call = (name: string, arg?: Ptr): Ptr => {
    const fn = api.PyDict_GetItemString(helpers, name);
    const args = api.PyTuple_New(arg === undefined ? 0 : 1);
    if (arg !== undefined) api.PyTuple_SetItem(args, 0, arg);
    const r = api.PyObject_Call(fn, args, 0n);
    api.Py_DecRef(args);
    if (r === 0n) throw fetchPythonError(partial);
    return r;
  };
  // Same packages as the interpreter itself sees.
  const list = api.PyList_New(python.sysPath.length);
  python.sysPath.forEach((p, i) => api.PyList_SetItem(list, i, api.PyUnicode_FromString(p)));
  api.Py_DecRef(call('add_paths', list));
  if (sigint && initialisedHere) {
    // signal.signal only works on the thread that initialised Python.
    api.Py_DecRef(call('keep_sigint'));
    sigint.restore();
  }
  setUpWorkerGil(partial);
  installExitGuard(partial);
  const np = call('numpy_or_error');
  let numpy: Runtime['numpy'];
  const isModule = api.PyObject_HasAttrString(np, '__version__') === 1;
  if (isModule) {
    numpy = { module: np, error: null };
  } else {
    const p = api.PyUnicode_AsUTF8AndSize(np, scratch);
    numpy = { module: 0n, error: p === 0n ? 'numpy import failed' : engine.readUtf8(p, Number(engine.readI64(scratch))) };
    api.Py_DecRef(np);
  }
  return { ...partial, numpy };
}

/** Set-up run once per JS thread right after boot, GIL held (the warnings policy: ./warnings.ts). */
const bootHooks: Array<(rt: Runtime) => void> = [];
export function registerBootHook(hook: (rt: Runtime) => void): void {
  bootHooks.push(hook);
  if (runtime) {
    if (!GIL.held) acquireGil();
    hook(runtime);
  }
}

/** Boot (once) and return the runtime; throws CompatUnavailableError when Python cannot be started. */
export function getRuntime(): Runtime {
  if (runtime) return runtime;
  if (bootError) throw bootError;
  try {
    runtime = bootNow();
    const rt = runtime;
    for (const hook of bootHooks) {
      try {
        hook(rt);
      } catch (err) {
        // Python still works without the hook's extra (e.g. warnings then go to stderr): say so, do not fail boot.
        process.emitWarning(`ndbridge: a compat set-up step failed after boot: ${err instanceof Error ? err.message : String(err)}`, { type: 'NdbridgeWarning' });
      }
    }
    return runtime;
  } catch (err) {
    bootError =
      err instanceof CompatUnavailableError
        ? err
        : new CompatUnavailableError(`starting the embedded Python failed: ${err instanceof Error ? err.message : String(err)}`);
    throw bootError;
  }
}

/** The runtime if already booted, else undefined (never boots). */
export function peekRuntime(): Runtime | undefined {
  return runtime;
}

/** Evaluate-or-exec helper for internal use: run Python source with the given globals/locals dicts. NEW ref. */
export function runString(rt: Runtime, source: string, mode: 'eval' | 'exec', globals: Ptr, locals: Ptr): Ptr {
  if (!GIL.held) acquireGil();
  const r = rt.api.PyRun_String(source, mode === 'eval' ? Py_eval_input : Py_file_input, globals, locals);
  if (r === 0n) raisePythonError(rt);
  return r;
}
