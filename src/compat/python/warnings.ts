/**
 * Python warnings reach Node. Every warning Python or NumPy issues is handled by one policy:
 * - `'warn'` (default): `process.emitWarning(message, { type: <category> })`, e.g. type 'RuntimeWarning',
 *   each distinct (category, message) once per process (as Python's default filter shows each once per
 *   place); PendingDeprecationWarning, ImportWarning and ResourceWarning stay silent, as in Python.
 * - `'ignore'`: dropped.
 * - `'error'`: the call throws (an async call rejects with) a PythonWarningError naming the category.
 *
 * The policy is global (`setWarningPolicy`) and scoped (`warnings(policy, fn)`, like `np.errstate`): a scope
 * lasts while `fn` runs, including its awaits (AsyncLocalStorage), and an async call keeps the policy in
 * force when it started. The policy never goes in a call's trailing keyword object (that is NumPy's).
 * Cost: nothing per call; only a warning asks JS for the policy (see ./async-python.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { threadId } from 'node:worker_threads';
import { z } from 'zod';
import { callPythonRaw } from './convert.js';
import { acquireGil, GIL } from './gil.js';
import { asyncHelper } from './async-python.js';
import { getRuntime, peekRuntime, registerBootHook, type Runtime } from './runtime.js';

export const WARNING_POLICIES = ['ignore', 'warn', 'error'] as const;
export type WarningPolicy = (typeof WARNING_POLICIES)[number];

const policySchema = z.enum(WARNING_POLICIES);

let globalPolicy: WarningPolicy = 'warn';
const scope = new AsyncLocalStorage<WarningPolicy>();

function checkPolicy(policy: unknown, where: string): WarningPolicy {
  const r = policySchema.safeParse(policy);
  if (!r.success) throw new TypeError(`${where}: the warnings policy must be 'ignore', 'warn' or 'error', got ${typeof policy === 'string' ? JSON.stringify(policy) : typeof policy}`);
  return r.data;
}

/**
 * The policy of the `warnings()` scope whose function is running synchronously right now. Python asks JS for
 * the policy from inside a call (a Python -> JS callback); ffi-napi runs callbacks outside the caller's async
 * context (AsyncLocalStorage sees none there), so the synchronous part of a scope is also recorded here.
 */
let syncScope: WarningPolicy | undefined;

/** The policy in force here (the innermost `warnings()` scope, else the global one). */
export function currentWarningPolicy(): WarningPolicy {
  return syncScope ?? scope.getStore() ?? globalPolicy;
}

/** Set the global policy; returns the previous one. */
export function setWarningPolicy(policy: WarningPolicy): WarningPolicy {
  const p = checkPolicy(policy, 'compat.setWarningPolicy');
  const previous = globalPolicy;
  globalPolicy = p;
  const rt = peekRuntime();
  if (rt) {
    if (!GIL.held) acquireGil();
    // The mirror Python threads that are neither JS threads nor ndbridge's pool read.
    const mirror = asyncHelper(rt, 'global_policy');
    const s = rt.api.PyUnicode_FromString(p);
    rt.api.PyList_SetItem(mirror, 0, s);
  }
  return previous;
}

/**
 * Run `fn` under `policy` (like `with np.errstate(...)`): Python warnings issued by calls `fn` makes, sync or
 * async, including after its awaits, follow `policy`. Returns what `fn` returns (a Promise stays a Promise).
 * Engine note: under NDBRIDGE_FFI=ffi-napi, sync calls made after an `await` inside an async `fn` follow the
 * global policy (ffi-napi's callbacks run outside the caller's async context); async calls started there, and
 * everything in the synchronous part of `fn`, follow the scope under both engines.
 */
export function warnings<T>(policy: WarningPolicy, fn: () => T): T {
  const p = checkPolicy(policy, 'compat.warnings');
  if (typeof fn !== 'function') throw new TypeError('compat.warnings(policy, fn): fn must be a function');
  const outer = syncScope;
  syncScope = p;
  try {
    return scope.run(p, fn);
  } finally {
    syncScope = outer;
  }
}

/** Emit one Python warning through Node. */
export function emitPythonWarning(category: string, message: string): void {
  process.emitWarning(message, { type: category.slice(category.lastIndexOf('.') + 1) });
}

/** Forget which warnings were already emitted (so each shows again once); for tests. */
export function resetWarningsSeen(): void {
  const rt = getRuntime();
  callPythonRaw(rt, asyncHelper(rt, 'forget_warnings'), [], false);
}

let watchingWorkers = false;

/** Boot hook: install the Python side and register this JS thread's policy and emit callbacks. GIL held. */
function install(rt: Runtime): void {
  const r1 = callPythonRaw(rt, asyncHelper(rt, 'install_warnings'), [], false);
  rt.api.Py_DecRef(r1);
  const r2 = callPythonRaw(
    rt,
    asyncHelper(rt, 'set_js_hook'),
    [() => currentWarningPolicy(), (category: unknown, message: unknown) => emitPythonWarning(String(category), String(message)), threadId],
    false,
  );
  rt.api.Py_DecRef(r2);
  if (!watchingWorkers) {
    watchingWorkers = true;
    // A worker's thread ident may be reused once it exits: stop routing warnings of that ident to the dead
    // worker's functions. Registered after worker-gil.ts's listener, so a GIL a terminated worker held is
    // recovered first; when it cannot be (the runtime is then unusable), nothing is done.
    process.on('worker', (worker) => {
      const id = worker.threadId;
      worker.once('exit', () => {
        try {
          if (!GIL.held) acquireGil();
          rt.api.Py_DecRef(callPythonRaw(rt, asyncHelper(rt, 'forget_js_hook'), [id], false));
        } catch {
          // the runtime is unusable (a terminated worker kept the GIL): every later call says so
        }
      });
    });
  }
  if (globalPolicy !== 'warn') setWarningPolicy(globalPolicy);
}

registerBootHook(install);
