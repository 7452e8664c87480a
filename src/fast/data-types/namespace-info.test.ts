/** __array_namespace_info__ against NumPy's (dtype names; fast's default integer is int32 where NumPy has int64). */
import { describe, expect, it } from 'vitest';
import { ValueError } from '../../common/errors.js';
import { __array_namespace_info__ } from './namespace-info.js';
import { numpyEval, numpyString } from '../testing/numpy-oracle.js';

describe('__array_namespace_info__', () => {
  const info = __array_namespace_info__();
  const kinds = [null, 'bool', 'signed integer', 'unsigned integer', 'integral', 'real floating', 'complex floating', 'numeric'] as const;
  const exp = numpyEval({
    caps: 'json.dumps(np.__array_namespace_info__().capabilities())',
    devices: 'json.dumps([str(d) for d in np.__array_namespace_info__().devices()])',
    defaults: 'json.dumps({k: str(v) for k, v in np.__array_namespace_info__().default_dtypes().items()})',
    ...Object.fromEntries(kinds.map((k) => [`kind ${k}`, `json.dumps([str(np.dtype(v)) for v in np.__array_namespace_info__().dtypes(kind=${k === null ? 'None' : `'${k}'`}).values()])`])),
    union: `json.dumps([str(np.dtype(v)) for v in np.__array_namespace_info__().dtypes(kind=('bool', 'complex floating')).values()])`,
  });
  it('capabilities, devices', () => {
    expect(info.capabilities()).toEqual(JSON.parse(numpyString(exp.caps, 'caps')));
    expect(info.devices()).toEqual(JSON.parse(numpyString(exp.devices, 'devices')));
    expect(info.default_device()).toBe('cpu');
  });
  it("default dtypes: NumPy's, with int32 for the integral and indexing defaults", () => {
    const np = JSON.parse(numpyString(exp.defaults, 'defaults')) as Record<string, string>;
    expect(info.default_dtypes()).toEqual({ ...np, integral: 'int32', indexing: 'int32' });
  });
  for (const k of kinds) {
    it(`dtypes(kind=${k})`, () => {
      expect(Object.values(info.dtypes({ kind: k }))).toEqual(JSON.parse(numpyString(exp[`kind ${k}`], String(k))));
    });
  }
  it('dtypes of a union of kinds, bad kinds and devices', () => {
    expect(Object.keys(info.dtypes({ kind: ['bool', 'complex floating'] }))).toEqual(JSON.parse(numpyString(exp.union, 'union')));
    expect(() => info.dtypes({ kind: 'floating' as never })).toThrow(ValueError);
    expect(() => info.default_dtypes({ device: 'gpu' })).toThrow(ValueError);
  });
});
