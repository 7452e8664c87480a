/** `a.async.<method>(...args)`: NumPy's ndarray methods of a CompatArray as async calls (see compat-array.ts). */
import { callPythonAsync, makeAsyncCall, type AsyncCall } from '../python/async-call.js';
import { fromPython } from '../python/convert.js';
import { acquireGil, GIL } from '../python/gil.js';
import { livePtr, PYOBJ, trustedCell, type PyCell } from '../python/objects.js';
import { getRuntime, raisePythonError } from '../python/runtime.js';

/** Method name -> its async call. */
export type AsyncMethods = Readonly<Record<string, AsyncCall<unknown[], unknown>>>;

export function asyncMethods(array: { readonly [PYOBJ]: PyCell }): AsyncMethods {
  const cell = array[PYOBJ];
  return new Proxy(Object.create(null) as AsyncMethods, {
    get(_t, name) {
      if (typeof name !== 'string' || name === 'then') return undefined;
      return makeAsyncCall<unknown[], unknown>((options, args) => {
        try {
          const rt = getRuntime();
          if (!GIL.held) acquireGil();
          const method = rt.api.PyObject_GetAttrString(livePtr(cell), name);
          if (method === 0n) raisePythonError(rt);
          const methodCell = trustedCell(method, `numpy.ndarray.${name}`);
          const p = callPythonAsync(rt, method, args, true, methodCell, options, (r, v) => fromPython(r, v, false), [cell]);
          // The job holds its own reference to the bound method (and through it the array).
          rt.api.Py_DecRef(method);
          return p;
        } catch (err) {
          return Promise.reject(err);
        }
      }, `numpy.ndarray.${name}`);
    },
  });
}
