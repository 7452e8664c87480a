import { expect, it } from 'vitest';
import { PythonError } from '../../src/common/errors.js';
import { Py_eval_input } from '../../src/compat/python/capi.js';
import { acquireGil } from '../../src/compat/python/gil.js';
import { getRuntime, raisePythonError } from '../../src/compat/python/runtime.js';
import { describeCompat, python } from './support.js';

describeCompat('boot (seam + discovery + libpython)', () => {
  it('loads the libpython the interpreter reports and imports the same NumPy', () => {
    const rt = getRuntime();
    const expected = python<{ version: string; numpy: string; libdir: string }>(
      'import json, sys, sysconfig, numpy; print(json.dumps({"version": sys.version.split()[0], "numpy": numpy.__version__, "libdir": sysconfig.get_config_var("LIBDIR")}))',
    );
    expect(rt.python.version).toBe(expected.version);
    expect(rt.python.libpython?.startsWith(expected.libdir)).toBe(true);
    expect(rt.numpy.error).toBeNull();
    acquireGil();
    const v = rt.api.PyRun_String('__import__("numpy").__version__', Py_eval_input, rt.helpers, rt.helpers);
    const p = rt.api.PyUnicode_AsUTF8AndSize(v, rt.scratch);
    expect(rt.engine.readUtf8(p, Number(rt.engine.readI64(rt.scratch)))).toBe(expected.numpy);
    rt.api.Py_DecRef(v);
  });

  it('turns a Python exception into PythonError with the traceback, and stays usable', () => {
    const rt = getRuntime();
    acquireGil();
    const bad = rt.api.PyRun_String('1/0', Py_eval_input, rt.helpers, rt.helpers);
    expect(bad).toBe(0n);
    let caught: unknown;
    try {
      raisePythonError(rt);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PythonError);
    const pe = caught as PythonError;
    expect(pe.pythonType).toBe('ZeroDivisionError');
    expect(pe.pythonTraceback).toContain('Traceback (most recent call last)');
    expect(rt.api.PyErr_Occurred()).toBe(0n);
    const ok = rt.api.PyRun_String('6*7', Py_eval_input, rt.helpers, rt.helpers);
    expect(ok).not.toBe(0n);
    rt.api.Py_DecRef(ok);
  });

  it('keeps Node\'s SIGINT handler after boot', () => {
    const rt = getRuntime();
    if (process.platform === 'linux') expect(rt.sigint?.intact()).toBe(true);
  });
});
