/**
 * The Python side of the oracle: builds each trial's inputs from little-endian bytes, evaluates the
 * case's expression with NumPy, and encodes the result as JSON (arrays as dtype/shape/bytes, floats by
 * repr), so nothing of compat's own conversion code is involved in computing the expected values.
 */
export const ORACLE_MODULE = '_ndbridge_oracle';

export const PRELUDE = String.raw`
import json as _json
import numpy as np

def _tuples(v):
    if isinstance(v, list):
        return tuple(_tuples(x) for x in v)
    return v

def _input(d):
    dt = np.dtype(d['dtype'])
    base = np.frombuffer(bytes.fromhex(d['hex']), dtype=dt.newbyteorder('<')).astype(dt).reshape(d['shape'])
    view = d.get('view')
    if view:
        base = eval('base[' + view + ']', {'base': base, 'np': np})
    return base

def input_json(text):
    return _input(_json.loads(text))

def encode(v, depth=0):
    if depth > 8:
        return {'t': 'str', 'v': '<too deep>'}
    if isinstance(v, (np.ndarray, np.generic)):
        a = np.asarray(v)
        if a.dtype.kind not in 'biufc':
            return {'t': 'str', 'v': repr(v)}
        le = np.ascontiguousarray(a).astype(a.dtype.newbyteorder('<'))
        return {'t': 'array', 'dtype': str(a.dtype), 'shape': list(a.shape), 'hex': le.tobytes().hex()}
    if isinstance(v, bool):
        return {'t': 'bool', 'v': v}
    if isinstance(v, int):
        return {'t': 'int', 'v': str(int(v))}
    if isinstance(v, float):
        return {'t': 'float', 'v': repr(v)}
    if isinstance(v, complex):
        return {'t': 'complex', 're': repr(v.real), 'im': repr(v.imag)}
    if isinstance(v, str):
        return {'t': 'str', 'v': v}
    if v is None:
        return {'t': 'none'}
    if isinstance(v, np.dtype):
        return {'t': 'str', 'v': str(v)}
    if isinstance(v, type) and issubclass(v, np.generic):
        return {'t': 'str', 'v': str(np.dtype(v))}
    if isinstance(v, (list, tuple)):
        return {'t': 'list', 'items': [encode(x, depth + 1) for x in v]}
    if isinstance(v, dict):
        return {'t': 'record', 'fields': {str(k): encode(x, depth + 1) for k, x in v.items()}}
    return {'t': 'str', 'v': repr(v)}

def run_one(t):
    try:
        env = {'np': np}
        for k, v in t.get('params', {}).items():
            env[k] = _tuples(v)
        for k, d in t['inputs'].items():
            env[k] = _input(d)
        return {'ok': encode(eval(t['py'], env))}
    except BaseException as e:
        return {'raised': type(e).__module__ + '.' + type(e).__qualname__ if type(e).__module__ != 'builtins' else type(e).__qualname__, 'message': str(e)[:300], 'typeError': isinstance(e, TypeError)}

_saved = []

def quiet():
    # the runtimes' own NumPy calls (compat) warn on overflow and NaN inputs like the oracle's: silence them
    import warnings
    _saved.append((np.seterr(all='ignore'), list(warnings.filters)))
    warnings.simplefilter('ignore')

def unquiet():
    import warnings
    if _saved:
        err, flt = _saved.pop()
        np.seterr(**err)
        warnings.filters[:] = flt

def run_batch(text):
    import warnings
    with np.errstate(all='ignore'), warnings.catch_warnings():
        warnings.simplefilter('ignore')
        return _json.dumps([run_one(t) for t in _json.loads(text)])
`;
