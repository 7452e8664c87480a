/**
 * The one `numpy` namespace object of the process: what `compat.numpy()` returns and what
 * `CompatArray.__array_namespace__()` returns (the same object, so `x.__array_namespace__() === np`).
 */
import { CompatUnavailableError } from '../../common/errors.js';
import { fromPython } from '../python/convert.js';
import { numpyInstallAdvice } from '../python/discovery.js';
import { acquireGil, GIL } from '../python/gil.js';
import { getRuntime } from '../python/runtime.js';
import type { NumpyNamespace } from './types.js';

let np: NumpyNamespace | undefined;

/** Boot CPython (once) and return the `numpy` module proxy. CompatUnavailableError when Python or NumPy is missing. */
export function numpyNamespace(): NumpyNamespace {
  if (np) return np;
  const rt = getRuntime();
  if (rt.numpy.module === 0n) {
    throw new CompatUnavailableError(
      `NumPy is not importable in ${rt.python.interpreter.path} (Python ${rt.python.version}): ${rt.numpy.error}. ` +
        `Fix: ${numpyInstallAdvice(rt.python, rt.python.interpreter.path)} (or point NDBRIDGE_PYTHON at an interpreter that has NumPy).`,
    );
  }
  if (!GIL.held) acquireGil();
  rt.api.Py_IncRef(rt.numpy.module);
  np = fromPython(rt, rt.numpy.module, true) as NumpyNamespace;
  return np;
}
