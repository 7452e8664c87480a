import { describe, expect, it } from 'vitest';
import { decode, parsePyFloat, toValue } from './values.js';
import { toHex } from './inputs.js';

describe('neutral values', () => {
  it('decode the oracle encoding: arrays from bytes, Python floats by repr, ints beyond 2^53 as bigint', () => {
    expect(decode({ t: 'array', dtype: 'int64', shape: [2], hex: toHex('int64', [5n, -(2n ** 63n)]) })).toEqual({ kind: 'array', dtype: 'int64', shape: [2], data: [5n, -(2n ** 63n)] });
    expect(decode({ t: 'int', v: '12' })).toEqual({ kind: 'scalar', value: 12 });
    expect(decode({ t: 'int', v: String(2n ** 64n - 1n) })).toEqual({ kind: 'scalar', value: 2n ** 64n - 1n });
    expect(Object.is(parsePyFloat('-0.0'), -0)).toBe(true);
    expect(parsePyFloat('-inf')).toBe(-Infinity);
    expect(Number.isNaN(parsePyFloat('nan'))).toBe(true);
    expect(decode({ t: 'array', dtype: '<U3', shape: [1], hex: '' })).toMatchObject({ kind: 'string' });
  });

  it('read runtime results: arrays through shape/dtype/toArray, tuples as lists, objects as records', () => {
    const arr = { shape: [2, 2], dtype: 'int32', toArray: () => [[1, 2], [3, 4]] };
    expect(toValue(arr)).toEqual({ kind: 'array', dtype: 'int32', shape: [2, 2], data: [1, 2, 3, 4] });
    expect(toValue([arr, 3])).toMatchObject({ kind: 'list', items: [{ kind: 'array' }, { kind: 'scalar', value: 3 }] });
    expect(toValue({ re: 1, im: -1 })).toEqual({ kind: 'scalar', value: { re: 1, im: -1 } });
    expect(toValue({ bits: 32, dtype: 'float32', f: () => 1 })).toEqual({ kind: 'record', fields: { bits: { kind: 'scalar', value: 32 }, dtype: { kind: 'string', value: 'float32' } } });
    // a toArray() that disagrees with shape is an error of the runtime, not a silent pass
    expect(() => toValue({ shape: [3], dtype: 'float64', toArray: () => [1, 2] })).toThrow(/length 2 where shape says 3/);
  });
});
