/**
 * Printing proxies and NumPy's varargs methods (issue 13). `console.log(np.sum)` / `util.inspect` of any
 * Python proxy (module, function, bound method, class, plain object, builtin) prints Python's repr instead
 * of throwing AttributeError 'constructor'; CompatArray and scalars print their values. CompatArray's
 * `reshape(2, 3)` and `transpose(1, 0)` work as in NumPy (the tuple and the varargs spellings), and bad
 * arguments are TypeErrors naming the fix, not koffi/ffi-napi conversion errors. Expected reprs and
 * values come from a python3 subprocess.
 */
import { inspect } from 'node:util';
import { expect, it } from 'vitest';
import * as compat from '../../src/compat/index.js';
import * as fast from '../../src/fast/index.js';
import { ShapeError } from '../../src/common/errors.js';
import { describeCompat, python } from './support.js';

const py = <T = unknown>(expr: string): T => python<T>(`import numpy as np, json\nprint(json.dumps(${expr}))`);
/** Python reprs with memory addresses blanked (they differ between processes). */
const noAddr = (s: string): string => s.replace(/0x[0-9a-f]+/g, '0x?');

describeCompat('inspect of Python proxies', () => {
  it('every proxy kind prints (util.inspect, console.log formatting, String) with Python repr', () => {
    const np = compat.numpy();
    const x = np.arange(6);
    const kinds: Record<string, { value: unknown; repr: string }> = {
      module: { value: np.linalg, repr: 'repr(np.linalg)' },
      function: { value: compat.evaluate('np.sum'), repr: 'repr(np.sum)' },
      ufunc: { value: compat.evaluate('np.add'), repr: 'repr(np.add)' },
      'bound method': { value: compat.evaluate('np.arange(3).sum'), repr: 'repr(np.arange(3).sum).split(" of ")[0]' },
      class: { value: compat.evaluate('np.ndarray'), repr: 'repr(np.ndarray)' },
      'scalar type': { value: compat.evaluate('np.float64'), repr: 'repr(np.float64)' },
      builtin: { value: compat.evaluate('len'), repr: 'repr(len)' },
      'plain object': { value: compat.evaluate('object()'), repr: 'repr(object()).split(" at ")[0]' },
    };
    // one python3 run for every expected repr
    const reprs = py<string[]>(`[${[...Object.values(kinds).map((k) => k.repr), 'repr(np.arange(6))', 'float(np.float64(2.5))'].join(', ')}]`);
    const entries = Object.entries(kinds);
    for (const [k, [kind, { value }]] of entries.entries()) {
      const expected = noAddr(reprs[k]);
      const shown = noAddr(inspect(value));
      expect(shown, kind).toContain(expected);
      expect(shown.startsWith('<py '), kind).toBe(true);
      // console.log goes through the same formatter; nested in an object too
      expect(noAddr(inspect({ k: value })), kind).toContain(expected);
      expect(noAddr(String(value)), kind).toContain(expected.replace(/^<class '(.*)'>$/, "<class '$1'>"));
    }
    // np.sum read from the namespace (the reported case)
    expect(() => inspect(np.sum)).not.toThrow();
    expect(inspect(np.sum)).toMatch(/^<py <function sum at 0x[0-9a-f]+>>$/);
    // CompatArray and scalars print their values, as NumPy's repr
    expect(inspect(x)).toBe(reprs[entries.length]);
    expect(inspect(x.sum())).toBe('array(15)'); // a 0-d CompatArray
    expect(inspect(compat.evaluate('np.float64(2.5)'))).toBe(String(reprs[entries.length + 1]));
    // a disposed proxy still prints
    const obj = compat.evaluate('object()') as { $dispose(): void };
    obj.$dispose();
    expect(inspect(obj)).toMatch(/disposed/);
  }, 120_000);
});

describeCompat('CompatArray varargs methods as NumPy', () => {
  const np = compat.numpy();
  const x = () => np.arange(24);

  it('reshape(2, 3, 4) == reshape([2, 3, 4]), -1, a single integer, order last', () => {
    const cases: Array<[string, () => compat.CompatArray]> = [
      ['np.arange(24).reshape(2, 3, 4)', () => x().reshape(2, 3, 4)],
      ['np.arange(24).reshape((2, 3, 4))', () => x().reshape([2, 3, 4])],
      ['np.arange(24).reshape(-1, 6)', () => x().reshape(-1, 6)],
      ['np.arange(24).reshape(24)', () => x().reshape(24)],
      ["np.arange(24).reshape(4, 6, order='F')", () => x().reshape(4, 6, { order: 'F' })],
      ["np.arange(24).reshape((4, 6), order='F')", () => x().reshape([4, 6], { order: 'F' })],
      ['np.arange(24).reshape(2, 3, 4).transpose(1, 0, 2)', () => x().reshape(2, 3, 4).transpose(1, 0, 2)],
      ['np.arange(24).reshape(2, 3, 4).transpose((2, 0, 1))', () => x().reshape(2, 3, 4).transpose([2, 0, 1])],
      ['np.arange(24).reshape(2, 3, 4).transpose()', () => x().reshape(2, 3, 4).transpose()],
      ['np.arange(24).reshape(2, 3, 4).transpose(None)', () => x().reshape(2, 3, 4).transpose(null)],
      ['np.arange(24).reshape(4, 6).swapaxes(0, 1)', () => x().reshape(4, 6).swapaxes(0, 1)],
    ];
    const all = py<Array<{ shape: number[]; values: number[] }>>(`[${cases.map(([expr]) => `{"shape": list(${expr}.shape), "values": ${expr}.ravel().tolist()}`).join(', ')}]`);
    for (const [k, [expr, run]] of cases.entries()) {
      const expected = all[k];
      const got = run();
      expect({ shape: [...got.shape], values: (got.ravel().toArray() as unknown[]).map(Number) }, expr).toEqual(expected);
    }
  }, 120_000);

  it('fast arrays take the same spellings: transpose(1, 0, 2) == transpose([1, 0, 2]), reshape(2, 3, 4)', () => {
    const exprs = ['np.arange(24).reshape(2, 3, 4).transpose(1, 0, 2)', 'np.arange(24).reshape(2, 3, 4).transpose(2, 0, 1)', 'np.arange(24).reshape(2, 3, 4).transpose()'];
    const all = py<Array<{ shape: number[]; values: number[] }>>(`[${exprs.map((e) => `{"shape": list(${e}.shape), "values": ${e}.ravel().tolist()}`).join(', ')}]`);
    const a = () => fast.arange(24).reshape(2, 3, 4);
    const got = [a().transpose(1, 0, 2), a().transpose([2, 0, 1]), a().transpose(null)];
    got.forEach((g, k) => expect({ shape: [...g.shape], values: (g.ravel().toArray() as unknown[]).map(Number) }, exprs[k]).toEqual(all[k]));
    expect(() => a().transpose([1, 0, 2], 1)).toThrow(TypeError);
  }, 120_000);

  it('bad arguments are TypeErrors naming the fix; NumPy-side errors stay typed', () => {
    const a = x();
    const bad: Array<[string, () => unknown]> = [
      ['fraction', () => a.reshape(2, 3.5)],
      ['NaN', () => a.reshape(Number.NaN)],
      ['string', () => a.reshape('2' as never, 12)],
      ['list and ints', () => a.reshape([2, 3] as never, 4)],
      ['list with a non-integer', () => a.reshape([2, null] as never)],
      ['unknown option', () => a.reshape(4, 6, { orde: 'F' } as never)],
      ['bad order', () => a.reshape(4, 6, { order: 'X' } as never)],
      ['transpose fraction', () => a.reshape(4, 6).transpose(1, 0.5)],
      ['transpose list and ints', () => a.reshape(4, 6).transpose([1, 0], 1)],
    ];
    for (const [name, run] of bad) {
      let err: unknown;
      try {
        run();
      } catch (e) {
        err = e;
      }
      expect(err, name).toBeInstanceOf(TypeError);
      expect((err as Error).message, name).toMatch(/reshape|transpose/);
    }
    expect(() => a.reshape(5, 5)).toThrow(ShapeError);
    expect(() => a.reshape(4, 6).transpose(1, 1)).toThrow(/repeated axis/);
  });
});
