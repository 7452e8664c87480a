/**
 * Async calls: `fn.async(...args)` runs a Python call on a Python thread pool and returns a Promise, so the
 * JS thread keeps running (timers, I/O) while NumPy works.
 *
 * How (the Python half and its reasons are in ./async-python.ts):
 * 1. On the JS thread, in the current synchronous segment (GIL held, see ./gil.ts): the arguments are
 *    converted exactly as a sync call converts them (callPythonRaw: trailing keyword object, axis rule,
 *    bridge exports), and the job is submitted to the pool. Nothing waits: the segment ends and its
 *    microtask gives the GIL back, so pool threads run. The GIL is never held across an await.
 * 2. A pool thread runs `fn(*args, **kwargs)`; NumPy releases the GIL inside its heavy loops, and Python
 *    code shares it with the JS thread by the interpreter's switch interval.
 * 3. When the job ends the pool thread writes a byte to this JS thread's pipe; Node watches the pipe's read
 *    end (a net.Socket over the fd: libuv epoll, no polling, no GIL). The 'data' handler takes the finished
 *    jobs and converts each result on the JS thread (as a sync call's result), emits the warnings the
 *    job collected, and settles its Promise.
 *
 * koffi's own async FFI calls were not used: they run a C function on a libuv thread, which would have to
 * take the GIL itself (PyGILState_Ensure on a thread Python has never seen, for every call) and cannot be
 * interrupted; Python's own threads can be (KeyboardInterrupt, below), and work the same under ffi-napi.
 *
 * Lifetime of arguments: the job holds a Python reference to the callable and to every argument until its
 * result is collected, and the JS side keeps the JS argument values reachable until then (so fast arrays
 * passed through the bridge keep their memory). `dispose()` of a CompatArray or proxy a pending call uses
 * throws BusyError. Meanwhile a caller may read an argument, and may call sync or async functions on it;
 * writing into an argument while a call reads it is a data race exactly as between two Python threads.
 *
 * Cancellation (`fn.async.with({ signal })(...args)`): a job still queued is cancelled; a running one gets
 * KeyboardInterrupt raised in its pool thread, delivered at the next Python bytecode boundary. A C loop
 * inside NumPy, BLAS or LAPACK cannot be interrupted: it runs to its end first. The Promise rejects with an
 * AbortError (a DOMException, `cause` = the signal's reason) once Python has stopped using the arguments.
 *
 * worker_threads: each JS thread that uses compat has its own dispatcher and pipe (Python's pool is shared);
 * a job's Promise settles on the JS thread that started it. A worker terminated with pending jobs leaves
 * them to finish in Python; their results are dropped.
 */
import { Socket } from 'node:net';
import { z } from 'zod';
import type { Ptr } from '../ffi/index.js';
import { abortError } from './async-errors.js';
import { asyncHelper } from './async-python.js';
import { callPython, callPythonRaw, fromPython, isKwargs, primeAxisSlots } from './convert.js';
import { acquireGil, GIL } from './gil.js';
import { borrowedArg, hasPyObject, isGenuineCell, livePtr, pinCell, PYOBJ, unpinCell, type PyCell } from './objects.js';
import { fetchPythonError, getRuntime, type Runtime } from './runtime.js';
import { currentWarningPolicy, emitPythonWarning, WARNING_POLICIES, type WarningPolicy } from './warnings.js';

/** Options of one async call: `fn.async.with({ signal, warnings })(...args)`. */
export interface AsyncOptions {
  /** Aborting it interrupts the call (see the module header) and rejects with an AbortError. */
  readonly signal?: AbortSignal;
  /** The warnings policy of this call (default: the one in force where the call starts). */
  readonly warnings?: WarningPolicy;
}

const optionsSchema = z
  .object({
    signal: z.instanceof(AbortSignal).optional(),
    warnings: z.enum(WARNING_POLICIES).optional(),
  })
  .strict();

/** Validate async options (TypeError naming the key and the fix). */
export function checkAsyncOptions(options: unknown, where: string): AsyncOptions {
  const r = optionsSchema.safeParse(options);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const key = issue?.path.join('.') || (issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : '');
  throw new TypeError(
    `${where}: bad async option ${key ? `'${key}'` : ''}: ${issue?.message ?? 'invalid'}. Options are { signal?: AbortSignal, warnings?: 'ignore' | 'warn' | 'error' } ` +
      '(keyword arguments for Python go in the call itself, as for the sync call).',
  );
}

interface Job {
  readonly resolve: (v: unknown) => void;
  readonly reject: (e: unknown) => void;
  /** The JS arguments, kept reachable until the job is collected. */
  readonly args: readonly unknown[];
  readonly pins: readonly PyCell[];
  readonly convert: (rt: Runtime, value: Ptr) => unknown;
  readonly signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
  aborted: boolean;
}

interface Dispatcher {
  readonly launcher: Ptr;
  readonly cancel: Ptr;
  readonly take: Ptr;
  readonly collect: Ptr;
  readonly socket: Socket;
  readonly jobs: Map<number, Job>;
}

let dispatcher: Dispatcher | undefined;
let nextJob = 1;

function attr(rt: Runtime, obj: Ptr, name: string): Ptr {
  const p = rt.api.PyObject_GetAttrString(obj, name);
  if (p === 0n) throw fetchPythonError(rt);
  return p; // owned for the life of the thread
}

function dispatcherFor(rt: Runtime): Dispatcher {
  if (dispatcher) return dispatcher;
  const { api } = rt;
  const d = callPythonRaw(rt, asyncHelper(rt, 'Dispatcher'), [], false);
  const rfd = attr(rt, d, 'r');
  const fd = Number(fromPython(rt, rfd, true));
  const socket = new Socket({ fd, readable: true, writable: false });
  socket.unref();
  const made: Dispatcher = {
    launcher: attr(rt, d, 'launcher'),
    cancel: attr(rt, d, 'cancel'),
    take: attr(rt, d, 'take'),
    collect: attr(rt, d, 'collect'),
    socket,
    jobs: new Map(),
  };
  api.Py_DecRef(d); // the bound methods keep it alive
  socket.on('data', () => drain(rt, made));
  socket.on('error', (err) => {
    for (const [id, job] of made.jobs) {
      made.jobs.delete(id);
      finish(job);
      job.reject(new Error(`ndbridge: the async completion pipe failed: ${err.message}`));
    }
  });
  dispatcher = made;
  return made;
}

/** Remove the job's pins and abort listener. */
function finish(job: Job): void {
  for (const c of job.pins) unpinCell(c);
  if (job.onAbort && job.signal) job.signal.removeEventListener('abort', job.onAbort);
  job.onAbort = undefined;
}

function drain(rt: Runtime, d: Dispatcher): void {
  if (!GIL.held) acquireGil();
  const ids = callPython(rt, d.take, [], false);
  if (!Array.isArray(ids)) return;
  for (const id of ids) {
    if (typeof id !== 'number') continue;
    const job = d.jobs.get(id);
    d.jobs.delete(id);
    if (job) settle(rt, d, id, job);
  }
  if (d.jobs.size === 0) d.socket.unref();
}

function settle(rt: Runtime, d: Dispatcher, id: number, job: Job): void {
  const { api } = rt;
  if (!GIL.held) acquireGil();
  let raw: Ptr;
  try {
    raw = callPythonRaw(rt, d.collect, [id], false);
  } catch (err) {
    finish(job);
    job.reject(err);
    return;
  }
  try {
    const ok = api.PyTuple_GetItem(raw, 0) === api.True;
    const value = api.PyTuple_GetItem(raw, 1);
    const warned = fromPython(rt, api.PyTuple_GetItem(raw, 2), false);
    if (Array.isArray(warned)) for (const w of warned) if (Array.isArray(w)) emitPythonWarning(String(w[0]), String(w[1]));
    if (job.aborted) {
      finish(job);
      job.reject(abortError(job.signal?.reason));
      return;
    }
    if (ok) {
      let result: unknown;
      try {
        result = job.convert(rt, value);
      } catch (err) {
        finish(job);
        job.reject(err);
        return;
      }
      finish(job);
      job.resolve(result);
      return;
    }
    const type = api.PyObject_Type(value);
    api.PyErr_SetObject(type, value);
    api.Py_DecRef(type);
    const err = fetchPythonError(rt);
    finish(job);
    job.reject(err);
  } finally {
    api.Py_DecRef(raw);
  }
}

/** The cells of compat objects among the arguments (top level and keyword values), to pin. */
function cellsOf(args: readonly unknown[], kwargsLast: boolean): PyCell[] {
  const out: PyCell[] = [];
  const visit = (a: unknown): void => {
    if (typeof a === 'function' && hasPyObject(a)) {
      const c = a[PYOBJ];
      if (isGenuineCell(c) && !c.lent) out.push(c);
    } else if (isGenuineCell(a)) out.push(a);
  };
  const n = args.length;
  for (let i = 0; i < n; i++) {
    const a = args[i];
    if (i === n - 1 && kwargsLast && isKwargs(a)) for (const k in a) visit(a[k]);
    else visit(a);
  }
  return out;
}

const defaultConvert = (rt: Runtime, value: Ptr): unknown => fromPython(rt, value, false);

/**
 * Start `callable(*args)` on the pool (args converted as callPython converts them; `cell` is the callable's
 * cell, for its axis rule and to pin it). The Promise settles with the converted result, a PythonError, or
 * an AbortError.
 */
export function callPythonAsync(
  rt: Runtime,
  callable: Ptr,
  args: readonly unknown[],
  kwargsLast: boolean,
  cell: PyCell | undefined,
  options: AsyncOptions = {},
  convert: (rt: Runtime, value: Ptr) => unknown = defaultConvert,
  keep: readonly PyCell[] = [],
): Promise<unknown> {
  const signal = options.signal;
  if (signal?.aborted) return Promise.reject(abortError(signal.reason));
  let id: number;
  let d: Dispatcher;
  try {
    if (!GIL.held) acquireGil();
    d = dispatcherFor(rt);
    id = nextJob++;
    const policy = options.warnings ?? currentWarningPolicy();
    const launcher = callPythonRaw(rt, d.launcher, [id, policy, borrowedArg(callable)], false);
    try {
      primeAxisSlots(rt, callable, cell, args);
      rt.api.Py_DecRef(callPythonRaw(rt, launcher, args, kwargsLast, cell));
    } finally {
      rt.api.Py_DecRef(launcher);
    }
  } catch (err) {
    return Promise.reject(err);
  }
  const pins = cellsOf(args, kwargsLast);
  if (cell && isGenuineCell(cell) && !cell.lent) pins.push(cell);
  pins.push(...keep);
  for (const c of pins) pinCell(c);
  return new Promise((resolve, reject) => {
    const job: Job = { resolve, reject, args, pins, convert, signal, onAbort: undefined, aborted: false };
    if (signal) {
      job.onAbort = () => {
        if (job.aborted) return;
        job.aborted = true;
        if (!GIL.held) acquireGil();
        callPython(rt, d.cancel, [id], false);
      };
      signal.addEventListener('abort', job.onAbort, { once: true });
    }
    if (d.jobs.size === 0) d.socket.ref();
    d.jobs.set(id, job);
  });
}

/** How many async calls this JS thread has in flight. */
export function pendingAsyncCalls(): number {
  return dispatcher?.jobs.size ?? 0;
}

/** An async call function with `.with(options)`. */
export interface AsyncCall<A extends readonly unknown[], R> {
  (...args: A): Promise<R>;
  /** The same call with options: `fn.async.with({ signal })(...args)`. */
  with(options: AsyncOptions): (...args: A) => Promise<R>;
}

/** Build the `.async` of a callable: `start(options, args)` starts one call. */
export function makeAsyncCall<A extends readonly unknown[], R>(start: (options: AsyncOptions, args: A) => Promise<R>, where: string): AsyncCall<A, R> {
  const f = (...args: A): Promise<R> => start({}, args);
  const withOptions = (options: AsyncOptions): ((...args: A) => Promise<R>) => {
    const o = checkAsyncOptions(options, `${where}.async.with`);
    return (...args: A) => start(o, args);
  };
  Object.defineProperty(f, 'with', { value: withOptions });
  return f as AsyncCall<A, R>;
}

const asyncByCell = new WeakMap<PyCell, AsyncCall<unknown[], unknown>>();

/** `.async` of a Python object proxy's cell (one per cell). */
export function asyncOfCell(cell: PyCell): AsyncCall<unknown[], unknown> {
  let f = asyncByCell.get(cell);
  if (f) return f;
  f = makeAsyncCall<unknown[], unknown>((options, args) => {
    let rt: Runtime;
    let p: Ptr;
    try {
      rt = getRuntime();
      p = livePtr(cell);
    } catch (err) {
      return Promise.reject(err);
    }
    return callPythonAsync(rt, p, args, true, cell, options);
  }, cell.label);
  asyncByCell.set(cell, f);
  return f;
}
