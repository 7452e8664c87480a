import { describe, expect, it } from 'vitest';
import { DTypeError, ProtocolError } from '../common/errors.js';
import { makeArrayInterface, parseArrayInterface } from './protocol.js';
import { byteExtent, checkInside, isCContiguous } from './layout.js';

describe('parseArrayInterface', () => {
  it('accepts a C-contiguous interface and derives strides', () => {
    const l = parseArrayInterface({ shape: [2, 3], typestr: '<f8', data: [4096, false], strides: null, version: 3 });
    expect(l.dtype).toBe('float64');
    expect(l.byteStrides).toEqual([24, 8]);
    expect(l.address).toBe(4096n);
    expect([l.low, l.high]).toEqual([0, 48]);
  });
  it('computes extents for negative and zero strides', () => {
    const l = parseArrayInterface({ shape: [3, 4], typestr: '<i4', data: [1000, true], strides: [-16, 0], version: 3 });
    expect([l.low, l.high]).toEqual([-32, 4]);
    expect(l.readonly).toBe(true);
  });
  it('round-trips makeArrayInterface', () => {
    const ai = makeArrayInterface('complex128', [5], null, 8192n, false);
    expect(ai.typestr).toBe('<c16');
    expect(parseArrayInterface(ai).shape).toEqual([5]);
  });
  it('names the bad field of a malformed dict', () => {
    const bad = [
      [{ shape: [2, -1], typestr: '<f8', data: [1, false], version: 3 }, /shape\.1/],
      [{ shape: [2], typestr: '<f8', data: [1, false], version: 2 }, /version/],
      [{ shape: [2], typestr: '<f8', data: ['x', false], version: 3 }, /data\.0/],
      [{ shape: [2, 2], typestr: '<f8', data: [1, false], strides: [8], version: 3 }, /strides/],
      [{ shape: [2], typestr: '<f8', data: [0, false], version: 3 }, /null data address/],
      [null, /malformed/],
    ] as const;
    for (const [input, re] of bad) {
      expect(() => parseArrayInterface(input)).toThrow(ProtocolError);
      expect(() => parseArrayInterface(input)).toThrow(re);
    }
  });
  it('rejects dtypes fast cannot hold with the way out', () => {
    expect(() => parseArrayInterface({ shape: [1], typestr: '|O', data: [8, false], version: 3 })).toThrow(DTypeError);
    expect(() => parseArrayInterface({ shape: [1], typestr: '<M8[ns]', data: [8, false], version: 3 })).toThrow(/astype/);
    expect(() => parseArrayInterface({ shape: [1], typestr: '<f2', data: [8, false], version: 3 })).toThrow(/float16/);
  });
  it('reports non-native byte order', () => {
    expect(parseArrayInterface({ shape: [1], typestr: '>f8', data: [8, false], version: 3 }).nativeByteOrder).toBe(false);
    expect(parseArrayInterface({ shape: [1], typestr: '|u1', data: [8, false], version: 3 }).nativeByteOrder).toBe(true);
  });
});

describe('layout', () => {
  it('checks that strided arrays stay inside the buffer', () => {
    expect(() => checkInside([4], [8], 8, 0, 32)).not.toThrow();
    expect(() => checkInside([4], [8], 8, 8, 32)).toThrow(ProtocolError);
    expect(() => checkInside([4], [-8], 8, 24, 32)).not.toThrow();
    expect(() => checkInside([4], [-8], 8, 16, 32)).toThrow(/outside/);
    expect(() => checkInside([0, 5], [8, 8], 8, 1000, 0)).not.toThrow();
  });
  it('detects overflowing strides', () => {
    expect(() => byteExtent([2 ** 30, 2 ** 30], [2 ** 30, 8], 8)).toThrow(ProtocolError);
  });
  it('knows C order', () => {
    expect(isCContiguous([2, 3], [24, 8], 8)).toBe(true);
    expect(isCContiguous([2, 3], [8, 16], 8)).toBe(false);
    expect(isCContiguous([1, 3], [999, 8], 8)).toBe(true);
  });
});
