/**
 * The Python half of async calls and of the warnings policy, defined once per interpreter in a private
 * namespace (shared by every JS thread: the namespace dict is kept in `sys` so a worker thread's boot finds it).
 *
 * Async calls (./async-call.ts): one process-wide `concurrent.futures.ThreadPoolExecutor`; one `Dispatcher`
 * per JS thread owns an `os.pipe()`. `launcher(job_id, policy, fn)` is called like `fn` (JS converts the
 * arguments on its own thread, with the GIL, exactly as a sync call does) and submits `fn(*args, **kwargs)`
 * to the pool. When a job ends the pool thread appends its id to `done` and writes one byte to the pipe,
 * whose read end Node watches (no polling, no GIL needed to wake Node). JS then takes the finished ids and
 * collects each result on its own thread. The job keeps its arguments (and result) referenced until JS
 * collects it.
 *
 * Cancellation: `cancel(job_id)` cancels a job still queued; a running job gets KeyboardInterrupt raised in
 * its thread (PyThreadState_SetAsyncExc), delivered at the next Python bytecode boundary: a C loop inside
 * NumPy, BLAS or LAPACK runs to its end first. Setting is done under the dispatcher's lock and only while
 * the job runs; the job clears any undelivered exception under the same lock when it ends, so no
 * interrupt meant for one job can reach the next job of that pool thread.
 *
 * Warnings: `showwarning` is replaced and an `('always', Warning)` filter is put first, so every warning
 * reaches the policy (filters a library inserts later, e.g. `catch_warnings(); simplefilter('ignore')`,
 * still come first and win). The policy of a pool thread is its job's (captured when the call started);
 * on a JS thread JS is asked (its AsyncLocalStorage scope, or the global policy); on other Python threads
 * the global policy applies. PendingDeprecationWarning, ImportWarning and ResourceWarning stay ignored, as
 * under Python's default filters; the policy 'warn' shows each distinct (category, message) once per process,
 * as Python's default action shows each once per place. On other Python threads warnings go to Python's own
 * showwarning (stderr).
 */
import type { Ptr } from '../ffi/index.js';
import { Py_file_input } from './capi.js';
import { raisePythonError, type Runtime } from './runtime.js';

const SOURCE = `
import os, sys, threading, collections, ctypes, functools, warnings, concurrent.futures

_set_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_exc.argtypes = [ctypes.c_ulong, ctypes.c_void_p]
_set_exc.restype = ctypes.c_int
_KI = id(KeyboardInterrupt)
_pool = None
_pool_lock = threading.Lock()
tls = threading.local()

def _get_pool():
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = concurrent.futures.ThreadPoolExecutor(
                max_workers=max(4, min(32, (os.cpu_count() or 1) + 2)), thread_name_prefix='ndbridge-async')
        return _pool

class _Job:
    __slots__ = ('fn', 'args', 'kwargs', 'policy', 'future', 'tid', 'running', 'cancelled', 'ok', 'value', 'warnings')
    def __init__(self, fn, args, kwargs, policy):
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.policy = policy
        self.future = None
        self.tid = 0
        self.running = False
        self.cancelled = False
        self.ok = False
        self.value = None
        self.warnings = []

class Dispatcher:
    def __init__(self):
        self.r, self.w = os.pipe()
        self.lock = threading.Lock()
        self.jobs = {}
        self.done = collections.deque()

    def submit(self, job_id, policy, fn, /, *args, **kwargs):
        job = _Job(fn, args, kwargs, policy)
        self.jobs[job_id] = job
        job.future = _get_pool().submit(self._run, job_id, job)

    def launcher(self, job_id, policy, fn):
        return functools.partial(self.submit, job_id, policy, fn)

    def _signal(self, job_id):
        self.done.append(job_id)
        os.write(self.w, b'\\x01')

    def _run(self, job_id, job):
        try:
            with self.lock:
                start = not job.cancelled
                if start:
                    job.tid = threading.get_ident()
                    job.running = True
                else:
                    job.value = KeyboardInterrupt()
            if start:
                try:
                    tls.job = job
                    try:
                        job.value = job.fn(*job.args, **job.kwargs)
                        job.ok = True
                    except BaseException as e:
                        job.value = e
                        job.ok = False
                except BaseException as e:
                    job.value = e
                    job.ok = False
        finally:
            while True:
                try:
                    with self.lock:
                        job.running = False
                        if job.tid:
                            _set_exc(job.tid, None)
                    break
                except BaseException as e:
                    job.value = e
                    job.ok = False
            tls.job = None
            self._signal(job_id)

    def cancel(self, job_id):
        job = self.jobs.get(job_id)
        if job is None:
            return 0
        with self.lock:
            job.cancelled = True
            if job.running:
                _set_exc(job.tid, _KI)
                return 1
        if job.future is not None and job.future.cancel():
            job.value = KeyboardInterrupt()
            job.ok = False
            self._signal(job_id)
            return 2
        return 0

    def take(self):
        out = []
        while self.done:
            out.append(self.done.popleft())
        return out

    def collect(self, job_id):
        job = self.jobs.pop(job_id)
        return (job.ok, job.value, job.warnings)

    def pending(self):
        return len(self.jobs)

# ---- warnings ----
_orig_show = warnings.showwarning
global_policy = ['warn']
js_hooks = {}
_QUIET = (PendingDeprecationWarning, ImportWarning, ResourceWarning)
_seen = set()
_seen_lock = threading.Lock()

def qualname(c):
    mod = getattr(c, '__module__', 'builtins')
    return c.__qualname__ if mod == 'builtins' else mod + '.' + c.__qualname__

def _raise(message, category):
    e = message if isinstance(message, Warning) else category(str(message))
    try:
        e._ndbridge_policy = True
    except Exception:
        pass
    raise e

def _first(key):
    with _seen_lock:
        if key in _seen:
            return False
        _seen.add(key)
        return True

def showwarning(message, category, filename, lineno, file=None, line=None):
    if file is not None:
        return _orig_show(message, category, filename, lineno, file, line)
    job = getattr(tls, 'job', None)
    hook = None
    if job is not None:
        policy = job.policy
    else:
        hook = js_hooks.get(threading.get_ident())
        policy = hook[0]() if hook is not None else global_policy[0]
    if policy == 'ignore' or issubclass(category, _QUIET):
        return
    if policy == 'error':
        _raise(message, category)
    name = qualname(category)
    text = str(message)
    if not _first((name, text)):
        return
    if job is not None:
        job.warnings.append((name, text))
    elif hook is not None:
        hook[1](name, text)
    else:
        _orig_show(message, category, filename, lineno, file, line)

def install_warnings():
    if warnings.showwarning is not showwarning:
        warnings.showwarning = showwarning
    if not (warnings.filters and warnings.filters[0][0] == 'always' and warnings.filters[0][2] is Warning and warnings.filters[0][1] is None):
        warnings.filterwarnings('always', category=Warning)

def forget_warnings():
    with _seen_lock:
        _seen.clear()

# Hooks of JS threads that are gone are kept, never released: releasing them would run a capsule destructor
# registered by a dead JS thread (a worker), which crashes the process. A few objects per worker ever started.
_graveyard = []
_hook_owner = {}

def set_js_hook(policy_fn, emit_fn, node_thread_id):
    ident = threading.get_ident()
    old = js_hooks.get(ident)
    if old is not None:
        _graveyard.append(old)
    js_hooks[ident] = (policy_fn, emit_fn)
    _hook_owner[node_thread_id] = ident

def forget_js_hook(node_thread_id):
    # the worker thread node_thread_id has exited: its thread ident may be reused by another thread
    ident = _hook_owner.pop(node_thread_id, None)
    if ident is not None and ident in js_hooks:
        _graveyard.append(js_hooks.pop(ident))
`;

let namespace: Ptr = 0n;

/** The private namespace (a dict; BORROWED, lives forever). GIL held. */
export function asyncNamespace(rt: Runtime): Ptr {
  if (namespace !== 0n) return namespace;
  const { api } = rt;
  const sys = api.PyImport_ImportModule('sys');
  if (sys === 0n) raisePythonError(rt);
  const existing = api.PyObject_GetAttrString(sys, '_ndbridge_async');
  if (existing !== 0n) {
    namespace = existing; // owned forever
    api.Py_DecRef(sys);
    return namespace;
  }
  api.PyErr_Clear();
  const ns = api.PyDict_New();
  api.PyDict_SetItemString(ns, '__builtins__', rt.builtins);
  const r = api.PyRun_String(SOURCE, Py_file_input, ns, ns);
  if (r === 0n) {
    api.Py_DecRef(ns);
    api.Py_DecRef(sys);
    raisePythonError(rt);
  }
  api.Py_DecRef(r);
  api.PyObject_SetAttrString(sys, '_ndbridge_async', ns);
  api.Py_DecRef(sys);
  namespace = ns;
  return ns;
}

/** A BORROWED item of the namespace. */
export function asyncHelper(rt: Runtime, name: string): Ptr {
  const p = rt.api.PyDict_GetItemString(asyncNamespace(rt), name);
  if (p === 0n) throw new Error(`ndbridge internal: async helper ${name} missing`);
  return p;
}
