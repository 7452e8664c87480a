/**
 * `compat.evaluate(expr, vars)` and `compat.exec(code, vars)`: Python source run in a fresh namespace
 * that has `np` (numpy) and `math`, plus `vars` converted JS -> Python. One dict serves as globals and
 * locals, so comprehensions and lambdas see the variables.
 */
import type { Ptr } from './ffi/index.js';
import { fromPython, toPython } from './python/convert.js';
import { acquireGil, GIL } from './python/gil.js';
import { getRuntime, raisePythonError, type Runtime } from './python/runtime.js';
import { Py_eval_input, Py_file_input } from './python/capi.js';
import { callPythonAsync, checkAsyncOptions, type AsyncOptions } from './python/async-call.js';
import { borrowedArg } from './python/objects.js';

let baseGlobals: Ptr = 0n;
let baseNames: Set<string> | undefined;
let dictCopy: Ptr = 0n;

function base(rt: Runtime): Ptr {
  if (baseGlobals !== 0n) return baseGlobals;
  const g = rt.api.PyDict_New();
  rt.api.PyDict_SetItemString(g, '__builtins__', rt.builtins);
  const r = rt.api.PyRun_String(
    rt.numpy.module !== 0n ? 'import math\nimport numpy as np\nimport numpy\n' : 'import math\n',
    Py_file_input,
    g,
    g,
  );
  if (r === 0n) raisePythonError(rt);
  rt.api.Py_DecRef(r);
  const dictType = rt.api.PyObject_GetAttrString(rt.builtins, 'dict');
  dictCopy = rt.api.PyObject_GetAttrString(dictType, 'copy');
  rt.api.Py_DecRef(dictType);
  baseGlobals = g;
  baseNames = new Set(['__builtins__', 'math', 'np', 'numpy']);
  return g;
}

/** A NEW namespace dict: a copy of the base globals plus `vars`. */
function namespace(rt: Runtime, vars: Readonly<Record<string, unknown>> | undefined): Ptr {
  const { api } = rt;
  const g = base(rt);
  const args = api.PyTuple_New(1);
  api.Py_IncRef(g);
  api.PyTuple_SetItem(args, 0, g);
  const ns = api.PyObject_Call(dictCopy, args, 0n);
  api.Py_DecRef(args);
  if (ns === 0n) raisePythonError(rt);
  if (vars) {
    for (const [k, v] of Object.entries(vars)) {
      let p: Ptr;
      try {
        p = toPython(rt, v);
      } catch (err) {
        api.Py_DecRef(ns);
        throw err;
      }
      api.PyDict_SetItemString(ns, k, p);
      api.Py_DecRef(p);
    }
  }
  return ns;
}

/**
 * Evaluate a Python expression with `np` and `math` in scope and `vars` as variables; the result is
 * converted as call results are (ndarray -> CompatArray, numpy scalars -> number/bigint/boolean/
 * { re, im }, tuples/lists -> arrays, other objects -> proxies).
 */
export function evaluate(expr: string, vars?: Readonly<Record<string, unknown>>): unknown {
  const rt = getRuntime();
  if (!GIL.held) acquireGil();
  const ns = namespace(rt, vars);
  try {
    const r = rt.api.PyRun_String(expr, Py_eval_input, ns, ns);
    if (r === 0n) raisePythonError(rt);
    return fromPython(rt, r, true);
  } finally {
    rt.api.Py_DecRef(ns);
    rt.sigint?.restoreIfStolen();
  }
}

/**
 * Run Python statements with `np` and `math` in scope and `vars` as variables. Returns the names the
 * code bound (and the given `vars`), converted like call results, as a plain object; dunder names and
 * the preset `np`/`math` are left out.
 */
export function exec(code: string, vars?: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const rt = getRuntime();
  if (!GIL.held) acquireGil();
  const { api } = rt;
  const ns = namespace(rt, vars);
  try {
    const r = api.PyRun_String(code, Py_file_input, ns, ns);
    if (r === 0n) raisePythonError(rt);
    api.Py_DecRef(r);
    return boundNames(rt, ns);
  } finally {
    api.Py_DecRef(ns);
    rt.sigint?.restoreIfStolen();
  }
}

/** The names the code bound in `ns`, converted (dunders and the preset names left out). */
function boundNames(rt: Runtime, ns: Ptr): Record<string, unknown> {
  const { api } = rt;
  const keys = fromPython(rt, api.PyDict_Keys(ns), true) as unknown[];
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    if (typeof k !== 'string' || k.startsWith('__') || baseNames?.has(k)) continue;
    out[k] = fromPython(rt, api.PyDict_GetItemString(ns, k), false);
  }
  return out;
}

let builtinEval: Ptr = 0n;
let builtinExec: Ptr = 0n;

/** Run `eval(source, ns)` or `exec(source, ns)` on the async pool; `then` reads the result on the JS thread. */
function runAsync<T>(mode: 'eval' | 'exec', source: string, vars: Readonly<Record<string, unknown>> | undefined, options: AsyncOptions | undefined, where: string): Promise<T> {
  let rt: Runtime;
  let ns: Ptr;
  let opts: AsyncOptions;
  try {
    if (typeof source !== 'string') throw new TypeError(`${where}: the Python source must be a string`);
    opts = options === undefined ? {} : checkAsyncOptions(options, where);
    rt = getRuntime();
    if (!GIL.held) acquireGil();
    if (builtinEval === 0n) {
      builtinEval = rt.api.PyObject_GetAttrString(rt.builtins, 'eval');
      builtinExec = rt.api.PyObject_GetAttrString(rt.builtins, 'exec');
    }
    ns = namespace(rt, vars);
  } catch (err) {
    return Promise.reject(err);
  }
  const convert = (r: Runtime, value: Ptr): unknown => (mode === 'eval' ? fromPython(r, value, false) : boundNames(r, ns));
  const release = (): void => {
    if (!GIL.held) acquireGil();
    rt.api.Py_DecRef(ns);
  };
  return callPythonAsync(rt, mode === 'eval' ? builtinEval : builtinExec, [source, borrowedArg(ns, 'namespace')], false, undefined, opts, convert).then(
    (v) => {
      release();
      return v as T;
    },
    (err: unknown) => {
      release();
      throw err;
    },
  );
}

/**
 * `compat.evaluate` off the main thread: `await compat.evaluateAsync('np.linalg.svd(m)', { m }, { signal })`.
 * The variables are converted now, on this thread; the expression runs on the async pool.
 */
export function evaluateAsync(expr: string, vars?: Readonly<Record<string, unknown>>, options?: AsyncOptions): Promise<unknown> {
  return runAsync('eval', expr, vars, options, 'compat.evaluateAsync');
}

/** `compat.exec` off the main thread (see evaluateAsync); resolves to the names the code bound. */
export function execAsync(code: string, vars?: Readonly<Record<string, unknown>>, options?: AsyncOptions): Promise<Record<string, unknown>> {
  return runAsync('exec', code, vars, options, 'compat.execAsync');
}
