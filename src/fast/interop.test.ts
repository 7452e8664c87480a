import { describe, expect, it } from 'vitest';
import { NotSupportedError } from '../common/errors.js';
import { arange } from './creation/creation.js';
import { from_dlpack } from './interop.js';

// This file never loads ndbridge/bridge, so the hooks are not installed: the answers fast gives alone.
describe('DLPack without the bridge', () => {
  it('__dlpack_device__ is the CPU; __dlpack__ says which import enables it', () => {
    const a = arange(4);
    expect(a.__dlpack_device__()).toEqual([1, 0]);
    expect(() => a.__dlpack__()).toThrow(NotSupportedError);
    expect(() => a.__dlpack__()).toThrow(/ndbridge\/bridge/);
  });

  it('from_dlpack returns fast arrays as they are (copy: true copies) and needs the bridge for the rest', () => {
    const a = arange(4);
    expect(from_dlpack(a)).toBe(a);
    const c = from_dlpack(a, { copy: true });
    expect(c).not.toBe(a);
    expect(c.toArray()).toEqual([0, 1, 2, 3]);
    expect(() => from_dlpack({ __dlpack__: () => null })).toThrow(NotSupportedError);
    expect(() => from_dlpack({})).toThrow(TypeError);
    expect(() => from_dlpack(a, { device: 'gpu' })).toThrow(/CPU only/);
  });
});
