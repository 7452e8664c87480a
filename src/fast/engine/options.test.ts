/**
 * fast's run-time option checks (options.ts): bare values where options belong, unknown keys with the
 * nearest valid key, values of the wrong kind, NumPy's defaults for refused parameters, bigint integers,
 * and a fast-check property: any options object gives a result or a typed error, never an untyped one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DTypeError, NdbridgeError, NotSupportedError } from '../../common/errors.js';
import * as fast from '../index.js';

const x = () => fast.asarray([[1, 5, 3], [4, 2, 6]]);

describe('options checks', () => {
  it('a bare value where the options object belongs is a TypeError with the fix', () => {
    expect(() => fast.sum(x(), 0 as never)).toThrow(TypeError);
    expect(() => fast.sum(x(), 0 as never)).toThrow(/pass \{ axis: 0 \}/);
    expect(() => fast.cumsum(x(), 0 as never)).toThrow(/pass \{ axis: 0 \}/);
    expect(() => fast.take(x(), fast.asarray([0]), 0 as never)).toThrow(/pass \{ axis: 0 \}/);
    expect(() => fast.tril(x(), 1 as never)).toThrow(/pass \{ k: 1 \}/);
    expect(() => fast.sort(x(), null as never)).toThrow(/pass \{ axis: null \}/);
    expect(() => fast.argmax(x(), [0] as never)).toThrow(TypeError);
  });

  it('an unknown key names the function, the key and the nearest valid key', () => {
    expect(() => fast.sum(x(), { axsi: 0 } as never)).toThrow(/fast\.sum has no option "axsi"; did you mean "axis"\?/);
    expect(() => fast.zeros([2], { dtpye: 'int32' } as never)).toThrow(/did you mean "dtype"/);
    expect(() => fast.mean(x(), { keepdim: true } as never)).toThrow(/did you mean "keepdims"/);
  });

  it("a NumPy parameter fast does not implement is NotSupportedError naming the corner; NumPy's default is accepted", () => {
    expect(() => fast.sum(x(), { out: fast.zeros([3]) } as never)).toThrow(NotSupportedError);
    expect(() => fast.sum(x(), { out: fast.zeros([3]) } as never)).toThrow(/sum\.out/);
    expect(() => fast.add(x(), 1, { signature: 'dd->d' } as never)).toThrow(/add\.signature/);
    expect(() => fast.divmod(x(), 1, { out: [fast.zeros([2, 3]), fast.zeros([2, 3])] } as never)).toThrow(/divmod\.out/);
    expect(() => fast.std(x(), { where: fast.asarray([true, false, true]) } as never)).toThrow(/std\.where/);
    expect(fast.sum(x(), { out: null } as never).item()).toBe(21);
    expect(fast.add(x(), 1, { out: null, where: true, casting: 'same_kind', order: 'K', subok: true }).get(0, 0)).toBe(2);
    expect(fast.zeros([2], { device: 'cpu' } as never).shape).toEqual([2]);
  });

  it('a value of the wrong kind is a typed error, never an internal one', () => {
    const typed = (f: () => unknown) => {
      let err: unknown;
      try {
        f();
      } catch (e) {
        err = e;
      }
      expect(err instanceof TypeError || err instanceof RangeError || err instanceof NdbridgeError, String(err)).toBe(true);
      expect(String(err)).not.toMatch(/is not iterable|Cannot mix BigInt|Cannot read properties/);
    };
    typed(() => fast.sum(x(), { axis: true } as never));
    typed(() => fast.sum(x(), { axis: 'x' } as never));
    typed(() => fast.cumsum(x(), { axis: [0] } as never));
    typed(() => fast.sum(x(), { keepdims: 'yes' } as never));
    typed(() => fast.sum(x(), { dtype: 'float33' } as never));
    typed(() => fast.tril(fast.ones([2, 2]), { k: 2n ** 53n } as never));
    typed(() => fast.sum(x(), { axis: 2n ** 60n } as never));
    expect(() => fast.sum(x(), { dtype: 'float33' } as never)).toThrow(DTypeError);
    expect(() => fast.sum(x(), { keepdims: 'yes' } as never)).toThrow(/keepdims must be true or false/);
  });

  it('integers given as bigints within 2**53 work; beyond, a ValueError says why', () => {
    expect(fast.eye(3, { k: 1n } as never).get(0, 1)).toBe(1);
    expect(fast.eye(3n as never).shape).toEqual([3, 3]);
    expect(fast.sum(x(), { axis: 0n } as never).toArray()).toEqual([5, 7, 9]);
    expect(() => fast.tril(fast.ones([2, 2]), { k: 2n ** 53n } as never)).toThrow(/beyond ±2\*\*53/);
    // eye's diagonal offset saturates instead: beyond ±2**53 it is outside any array (all zeros, as NumPy)
    expect(fast.eye(2, { k: 2n ** 53n } as never).toArray()).toEqual([[0, 0], [0, 0]]);
  });

  it('dtype spellings are accepted wherever a dtype is', () => {
    expect(fast.zeros([2], { dtype: 'f4' } as never).dtype).toBe('float32');
    expect(fast.zeros([2], { dtype: 'int' } as never).dtype).toBe('int64');
    expect(fast.asarray([1, 2], { dtype: '<i2' } as never).dtype).toBe('int16');
    expect(fast.sum(x(), { dtype: 'u1' } as never).dtype).toBe('uint8');
    expect(fast.ones([1], { dtype: 'complex' } as never).dtype).toBe('complex128');
    expect(x().astype('d' as never).dtype).toBe('float64');
    expect(() => fast.zeros([2], { dtype: 'float16' } as never)).toThrow(DTypeError);
  });

  it('the caller\'s options object is never modified', () => {
    const o = { axis: 0n, dtype: 'f8' };
    fast.sum(x(), o as never);
    expect(o).toEqual({ axis: 0n, dtype: 'f8' });
  });

  it('any options object gives a result or a typed error (fast-check)', () => {
    const key = fc.constantFrom('axis', 'keepdims', 'dtype', 'where', 'initial', 'out', 'order', 'k', 'axsi', 'copy', '__proto__', 'constructor');
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.boolean(), fc.constant(null), fc.string({ maxLength: 6 }), fc.bigInt(), fc.double(), fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 3 }), fc.constantFrom('C', 'F', 'int32', 'f4', 'K'));
    const opts = fc.dictionary(key, value, { maxKeys: 3 });
    const fns: ((o: never) => unknown)[] = [
      (o) => fast.sum(x(), o),
      (o) => fast.mean(x(), o),
      (o) => fast.max(x(), o),
      (o) => fast.cumsum(x(), o),
      (o) => fast.zeros([2, 2], o),
      (o) => fast.reshape(x(), [3, 2], o),
      (o) => fast.asarray([1, 2], o),
      (o) => fast.eye(2, o),
      (o) => fast.sort(x(), o),
      (o) => fast.add(x(), 1, o),
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: fns.length - 1 }), opts, (i, o) => {
        try {
          fns[i](o as never);
        } catch (e) {
          if (!(e instanceof TypeError || e instanceof RangeError || e instanceof NdbridgeError)) throw e;
          if (/is not iterable|Cannot mix BigInt|Cannot read properties|is not a function/.test(String(e))) throw e;
        }
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
