/**
 * `fastArray.__dlpack__({ copy })` as the Array API standard defines it: copy: true hands the consumer
 * memory of its own (later writes to the fast array are not seen, and the consumer's writes do not
 * reach the fast array); copy: false and unset share fast's memory. Run under koffi and ffi-napi.
 */
import { expect, it } from 'vitest';
import * as compat from '../../src/compat/index.js';
import type { FastArray } from '../../src/fast/array.js';
import * as fast from '../../src/fast/index.js';
import '../../src/bridge/asarray.js';
import { describeCompat } from '../compat/support.js';

/** NumPy's array over the capsule `f.__dlpack__(options)` returns. */
function consume(f: FastArray, options: Parameters<FastArray['__dlpack__']>[0]): compat.CompatArray {
  const capsule = f.__dlpack__(options);
  return compat.evaluate(
    'np.from_dlpack(type("P", (), {"__dlpack__": lambda self, **kw: c, "__dlpack_device__": lambda self: (1, 0)})())',
    { c: capsule as never },
  ) as compat.CompatArray;
}

describeCompat('__dlpack__ copy', () => {
  for (const options of [{ copy: true }, { copy: true, max_version: [1, 0] as const }]) {
    it(`${JSON.stringify(options)} exports a copy: neither side sees the other's writes`, () => {
      const f = fast.arange(12).astype('float64').reshape([3, 4]).at('::-1, 1:');
      const d = consume(f, options);
      expect(compat.evaluate('d.tolist()', { d })).toEqual(f.toArray());
      f.set([0, 0], 99);
      expect(compat.evaluate('float(d[0, 0])', { d })).toBe(9);
      // a legacy (unversioned) capsule has no read-only flag: NumPy imports it read-only
      if ('max_version' in options) {
        compat.exec('d[1, 1] = -5', { d });
        expect(f.get(1, 1)).toBe(6);
      }
    });
  }
  for (const options of [{}, { copy: false }, { copy: null }]) {
    it(`${JSON.stringify(options)} shares fast's memory`, () => {
      const f = fast.arange(6).astype('float64');
      const d = consume(f, options);
      f.set(0, 99);
      expect(compat.evaluate('float(d[0])', { d })).toBe(99);
    });
  }
});
