import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DTYPE_NAMES, DTYPES } from '../../common/dtypes.js';
import { DTypeError, ShapeError, ValueError } from '../../common/errors.js';
import * as fast from '../index.js';

const KINDS = ['bool', 'signed integer', 'unsigned integer', 'integral', 'real floating', 'complex floating', 'numeric'];
const np = JSON.parse(
  execFileSync(
    'python3',
    [
      '-c',
      `
import json, numpy as np
names = ${JSON.stringify(DTYPE_NAMES)}
kinds = ${JSON.stringify(KINDS)}
out = {
  "isdtype": {f"{d}|{k}": bool(np.isdtype(np.dtype(d), k)) for d in names for k in kinds},
  "finfo": {d: {"bits": np.finfo(d).bits, "eps": float(np.finfo(d).eps), "max": float(np.finfo(d).max), "min": float(np.finfo(d).min), "smallest_normal": float(np.finfo(d).smallest_normal), "dtype": str(np.finfo(d).dtype)} for d in ["float32", "float64", "complex64", "complex128"]},
  "iinfo": {d: {"bits": np.iinfo(d).bits, "max": str(np.iinfo(d).max), "min": str(np.iinfo(d).min)} for d in names if np.dtype(d).kind in "iu"},
  "result": {f"{a}|{b}": str(np.result_type(np.zeros(1, a), np.zeros(1, b))) for a in names for b in names},
  "bshape": list(np.broadcast_shapes((3, 1), (4,), (1, 1, 1))),
  "conv": [bool(np.array(0.5)), int(np.array(-2.75)), int(np.array(2**62)), float(np.array(3, np.uint8)), int(np.array([200], np.uint8)[0])],
}
print(json.dumps(out))
`,
    ],
    { encoding: 'utf8' },
  ),
) as {
  isdtype: Record<string, boolean>;
  finfo: Record<string, fast.FInfo>;
  iinfo: Record<string, { bits: number; max: string; min: string }>;
  result: Record<string, string>;
  bshape: number[];
  conv: [boolean, number, number, number, number];
};

describe('Array API data-type functions match NumPy', () => {
  it('isdtype for every dtype and kind', () => {
    for (const d of DTYPE_NAMES) for (const k of KINDS) expect(`${d}|${k}=${fast.isdtype(d, k)}`).toBe(`${d}|${k}=${np.isdtype[`${d}|${k}`]}`);
    expect(fast.isdtype('int8', ['bool', 'int8'])).toBe(true);
    expect(() => fast.isdtype('int8', 'whole')).toThrow(ValueError);
  });
  it('finfo and iinfo', () => {
    for (const d of ['float32', 'float64', 'complex64', 'complex128'] as const) expect(fast.finfo(d)).toEqual(np.finfo[d]);
    for (const d of DTYPE_NAMES.filter((x) => DTYPES[x].kind === 'signed' || DTYPES[x].kind === 'unsigned')) {
      const i = fast.iinfo(d);
      expect({ bits: i.bits, max: String(i.max), min: String(i.min) }).toEqual(np.iinfo[d]);
    }
    expect(() => fast.iinfo('float32')).toThrow(DTypeError);
    expect(() => fast.finfo('int8')).toThrow(DTypeError);
  });
  it('result_type of arrays (13x13), can_cast, broadcast_shapes', () => {
    for (const a of DTYPE_NAMES)
      for (const b of DTYPE_NAMES) expect(`${a}|${b}=${fast.result_type(fast.zeros([1], { dtype: a }), b)}`).toBe(`${a}|${b}=${np.result[`${a}|${b}`]}`);
    expect(fast.result_type('int8', 1000)).toBe('int8');
    expect(fast.can_cast('int8', 'float32')).toBe(true);
    expect(fast.can_cast(fast.zeros([1]), 'float32')).toBe(false);
    expect(fast.can_cast('float64', 'float32', { casting: 'same_kind' })).toBe(true);
    expect(fast.broadcast_shapes([3, 1], [4], [1, 1, 1])).toEqual(np.bshape);
    expect(() => fast.broadcast_shapes([2], [3])).toThrow(ShapeError);
  });
  it('scalar conversions (__bool__, __int__, __float__, __complex__, __index__) as Python', () => {
    expect(fast.asarray(0.5).__bool__()).toBe(np.conv[0]);
    expect(fast.asarray(-2.75).__int__()).toBe(np.conv[1]);
    expect(fast.asarray(2n ** 62n).__int__()).toBe(BigInt(2 ** 62));
    expect(fast.asarray(3, { dtype: 'uint8' }).__float__()).toBe(np.conv[3]);
    expect(fast.asarray([200], { dtype: 'uint8' }).__index__()).toBe(np.conv[4]);
    expect(fast.asarray({ re: 1, im: 2 }).__complex__()).toEqual({ re: 1, im: 2 });
    expect(() => fast.arange(2).__bool__()).toThrow(/ambiguous/);
    expect(() => fast.asarray(NaN).__int__()).toThrow(ValueError);
    expect(() => fast.asarray(1.5).__index__()).toThrow(DTypeError);
    expect(fast.arange(3).device).toBe('cpu');
    expect(() => fast.arange(3).to_device('gpu')).toThrow(ValueError);
  });
  it('options objects in place of optional positionals (eye, arange, linspace, flip, squeeze, expand_dims)', () => {
    expect(fast.eye(2, { k: 1, dtype: 'int32' }).toArray()).toEqual([[0, 1], [0, 0]]);
    expect(fast.arange(3, { dtype: 'float32' }).dtype).toBe('float32');
    expect(fast.arange(1, 3, { dtype: 'int8' }).toArray()).toEqual([1, 2]);
    expect(fast.linspace(0, 1, { endpoint: false }).size).toBe(50);
    expect(fast.flip(fast.arange(6).reshape([2, 3]), { axis: 0 }).toArray()).toEqual([[3, 4, 5], [0, 1, 2]]);
    expect(fast.squeeze(fast.zeros([1, 2, 1]), { axis: 0 }).shape).toEqual([2, 1]);
    expect(fast.expand_dims(fast.zeros([2]), { axis: -1 }).shape).toEqual([2, 1]);
    expect(fast.matrix_transpose(fast.zeros([4, 2, 3])).shape).toEqual([4, 3, 2]);
    expect(fast.broadcast_arrays(fast.zeros([3, 1]), fast.zeros([4])).map((a) => a.shape)).toEqual([[3, 4], [3, 4]]);
    expect(fast.arange(3).pos().toArray()).toEqual([0, 1, 2]);
    expect([fast.pi, fast.e, fast.inf, fast.__array_api_version__]).toEqual([Math.PI, Math.E, Infinity, '2024.12']);
    expect(Number.isNaN(fast.nan)).toBe(true);
  });
});
