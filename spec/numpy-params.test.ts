/**
 * The NumPy parameter corners name real NumPy parameters: each is checked against the installed NumPy's
 * own signature (inspect), and the ufunc lists against np.ufunc, in a python3 subprocess.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { NUMPY_PARAM_CORNERS, NUMPY_UFUNCS, STANDARD_UFUNCS } from './numpy-params.js';

/** NumPy's dotted name of a function corner: `statistical.sum` -> `sum`, `numpy.pad.constant` -> `pad`. */
function numpyName(of: string): string {
  const [area, ...rest] = of.split('.');
  if (area === 'linalg' || area === 'fft') return `${area}.${rest[0]}`;
  if (area === 'numpy') return rest[0] === 'linalg' || rest[0] === 'fft' ? `${rest[0]}.${rest[1]}` : rest[0];
  return rest[0];
}

const SCRIPT = String.raw`
import inspect, json, sys, numpy as np
req = json.loads(sys.stdin.read())
def resolve(name):
    obj = np
    for part in name.split('.'):
        obj = getattr(obj, part)
    return obj
out = {'missing': [], 'notUfunc': []}
for name, param in req['params']:
    try:
        ps = inspect.signature(resolve(name)).parameters
    except (ValueError, TypeError, AttributeError) as e:
        out['missing'].append(f'{name}: {e}')
        continue
    if param not in ps:
        out['missing'].append(f'np.{name} has no parameter {param}')
for name in req['ufuncs']:
    if not isinstance(getattr(np, name, None), np.ufunc):
        out['notUfunc'].append(name)
print(json.dumps(out))
`;

describe('NumPy parameter corners', () => {
  it('name parameters the installed NumPy has, on functions it has', () => {
    const params = NUMPY_PARAM_CORNERS.filter((p) => !(STANDARD_UFUNCS as readonly string[]).concat(NUMPY_UFUNCS).some((u) => p.of.endsWith(`.${u}`))).map((p) => [numpyName(p.of), p.param]);
    const text = execFileSync('python3', ['-c', SCRIPT], { input: JSON.stringify({ params, ufuncs: [...STANDARD_UFUNCS, ...NUMPY_UFUNCS] }), encoding: 'utf8' });
    const r = JSON.parse(text) as { missing: string[]; notUfunc: string[] };
    expect(r.missing).toEqual([]);
    expect(r.notUfunc).toEqual([]);
    expect(params.length).toBeGreaterThan(60);
  });
});
