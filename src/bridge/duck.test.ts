import { describe, expect, it } from 'vitest';
import ndarray from 'ndarray';
import stdlibArray from '@stdlib/ndarray/array';
import StdlibCtor from '@stdlib/ndarray/ctor';
import { DTypeError, ProtocolError } from '../common/errors.js';
import { fromScijs, fromStdlib, isScijsNdarray, isStdlibNdarray } from './duck.js';

describe('scijs ndarray', () => {
  it('describes views with their strides and offset', () => {
    const data = new Float64Array(12).map((_, i) => i);
    const a = ndarray(data, [3, 4]).transpose(1, 0).hi(3, 2).step(-1, 1);
    expect(isScijsNdarray(a)).toBe(true);
    const s = fromScijs(a);
    expect(s.dtype).toBe('float64');
    expect(s.shape).toEqual(a.shape);
    expect(s.strides).toEqual(a.stride);
    expect(s.offset).toBe(a.offset);
    expect(s.buffer).toBe(data.buffer);
  });
  it('refuses plain-array data and strides outside the buffer', () => {
    expect(() => fromScijs(ndarray([1, 2, 3], [3]))).toThrow(DTypeError);
    expect(() => fromScijs({ data: new Int32Array(4), shape: [4], stride: [2], offset: 0 })).toThrow(ProtocolError);
    expect(() => fromScijs({ data: new Int32Array(4), shape: [-4], stride: [1], offset: 0 })).toThrow(/shape\.0/);
  });
});

describe('@stdlib/ndarray', () => {
  it('describes arrays and negative strides', () => {
    const a = stdlibArray(new Int16Array([1, 2, 3, 4, 5, 6]), { shape: [2, 3] });
    expect(isStdlibNdarray(a)).toBe(true);
    expect(fromStdlib(a)).toMatchObject({ dtype: 'int16', shape: [2, 3], strides: [3, 1], offset: 0 });
    const b = new StdlibCtor('int32', new Int32Array(6), [3, 2], [-2, 1], 4, 'row-major');
    expect(fromStdlib(b)).toMatchObject({ dtype: 'int32', strides: [-2, 1], offset: 4 });
  });
});
