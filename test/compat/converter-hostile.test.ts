/**
 * Issue 13, compat side of "Untyped internal errors" / "Accepted silently": the JS <-> Python value
 * converter under hostile input. The reproducers run in a child process under both engines (a stack
 * overflow or a bad pointer must fail one test, not the runner); the seeded fast-check properties run
 * in-process (under the engine of the run: NDBRIDGE_FFI=ffi-napi runs them under ffi-napi) and compare
 * with NumPy computed by a python3 subprocess in the same run.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { NestedList } from '../../src/common/ndarray.js';
import * as compat from '../../src/compat/index.js';
import { describeExit, ENGINES, LIB, runIsolated } from '../support/isolated.js';
import { describeCompat, python } from './support.js';

const REPRODUCERS = `
import { compat } from '${LIB}/index.js';
const np = compat.numpy();
const out = {};
const attempt = (name, fn) => { try { out[name] = 'ok:' + String(fn()); } catch (e) { out[name] = e.name + ': ' + e.message.split('\\n')[0].slice(0, 120); } };
const x = np.arange(6).reshape([2, 3]);
attempt('axis -0', () => np.sum(x, { axis: -0 }).toArray().join(','));
attempt('axis -0 positional', () => np.sum(x, -0).toArray().join(','));
attempt('-0 data keeps its sign', () => compat.evaluate('repr(v)', { v: [-0, 1.5] }) + ' ' + np.copysign(1, -0));
attempt('axis [-0] tuple', () => np.sum(x, { axis: [-0, 1] }));
attempt('fill_value -0', () => compat.evaluate('repr(a)', { a: np.full(2, -0) }));
attempt('empty 2**60', () => np.empty(2 ** 60));
attempt('empty 2**40', () => np.empty(2 ** 40));
attempt('2**60 is an int', () => compat.evaluate('repr(v)', { v: 2 ** 60 }));
attempt('-(2**62) is an int', () => compat.evaluate('repr(v)', { v: -(2 ** 62) }));
attempt('2**70 is a float', () => compat.evaluate('repr(v)', { v: 2 ** 70 }));
attempt('NUL keyword', () => np.sum(x, { 'axis\\0junk': 0 }));
attempt('NUL keyword overwriting', () => np.sum(x, { axis: 0, 'axis\\0': 1 }));
attempt('surrogate keyword', () => compat.evaluate('lambda **kw: sorted(kw)')({ 'a\\ud800': 1, 'a\\udc00': 2 }));
const cyclic = [1, 2]; cyclic.push(cyclic);
attempt('cyclic array', () => np.array(cyclic));
const cyclicDict = new Map(); cyclicDict.set('self', cyclicDict);
attempt('cyclic Map', () => compat.evaluate('len(v)', { v: cyclicDict }));
let deep = [1]; for (let i = 0; i < 10000; i++) deep = [deep];
attempt('10000-deep array', () => np.array(deep));
let tdeep = 1; for (let i = 0; i < 10000; i++) tdeep = compat.tuple(tdeep);
attempt('10000-deep tuple', () => compat.evaluate('type(v).__name__', { v: tdeep }));
let ok = [1]; for (let i = 0; i < 60; i++) ok = [ok];
attempt('61-deep array', () => np.array(ok).ndim);
attempt('Python cyclic list', () => compat.evaluate('(lambda l: (l.append(l), l)[1])([])'));
attempt('Python 10000-deep list', () => compat.evaluate('__import__("functools").reduce(lambda a, _: [a], range(10000), [])'));
attempt('surrogate message', () => compat.exec('raise ValueError("bad \\\\ud800 text")'));
attempt('surrogate string back', () => JSON.stringify(compat.evaluate('"a\\\\ud800b\\\\udfff"')));
attempt('still works', () => np.add(1, 2));
console.log(JSON.stringify(out));
`;

describeCompat('converter reproducers (issue 13): typed errors or NumPy answers, in a child process', () => {
  it.each(ENGINES)('under %s', (engine) => {
    const r = runIsolated(REPRODUCERS, { engine });
    expect(r.signal, describeExit(r)).toBeNull();
    expect(r.status, describeExit(r)).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Record<string, string>;
    const numpy = python<Record<string, string>>(`
import json, numpy as np
x = np.arange(6).reshape(2, 3)
def attempt(f):
    try: return 'ok:' + str(f())
    except MemoryError as e: return 'MemoryError: ' + str(e)
    except Exception as e: return type(e).__name__ + ': ' + str(e)
print(json.dumps({
  'axis0': ','.join(map(str, np.sum(x, axis=0).tolist())),
  'empty60': attempt(lambda: np.empty(2 ** 60)),
  'empty40': attempt(lambda: np.empty(2 ** 40)),
  'negzero': repr([-0.0, 1.5]) + ' ' + str(int(np.copysign(1, -0.0))),
  'full': repr(np.full(2, -0.0)),
  'int60': repr(2 ** 60), 'int62': repr(-(2 ** 62)), 'float70': repr(float(2 ** 70)),
}))`);
    expect(out['axis -0']).toBe(`ok:${numpy.axis0}`);
    expect(out['axis -0 positional']).toBe(`ok:${numpy.axis0}`);
    expect(out['-0 data keeps its sign']).toBe(`ok:${numpy.negzero}`);
    expect(out['axis [-0] tuple']).toBe('ok:15');
    expect(out['fill_value -0']).toBe(`ok:${numpy.full}`);
    // NumPy's own answers: "array is too big" (ValueError) past the address space, MemoryError below it.
    expect(out['empty 2**60']).toBe(`PythonError: ${numpy.empty60}`);
    expect(out['empty 2**40']).toMatch(/^PythonError: numpy\._core\._exceptions\._ArrayMemoryError: Unable to allocate/);
    expect(numpy.empty40).toMatch(/^MemoryError/);
    expect(out['2**60 is an int']).toBe(`ok:${numpy.int60}`);
    expect(out['-(2**62) is an int']).toBe(`ok:${numpy.int62}`);
    expect(out['2**70 is a float']).toBe(`ok:${numpy.float70}`);
    expect(out['NUL keyword']).toMatch(/^TypeError: keyword argument name "axis\\u0000junk" contains a NUL character/);
    expect(out['NUL keyword overwriting']).toMatch(/^TypeError: keyword argument name "axis\\u0000" contains a NUL/);
    expect(out['surrogate keyword']).toMatch(/^TypeError: keyword argument name .* contains a lone surrogate/);
    expect(out['cyclic array']).toMatch(/^ValueError: cannot pass a cyclic structure to Python/);
    expect(out['cyclic Map']).toMatch(/^ValueError: cannot pass a cyclic structure to Python/);
    expect(out['10000-deep array']).toMatch(/^ValueError: cannot pass containers nested more than 512 levels/);
    expect(out['10000-deep tuple']).toMatch(/^ValueError: cannot pass containers nested more than 512 levels/);
    expect(out['61-deep array']).toBe('ok:61');
    expect(out['Python cyclic list']).toMatch(/^ValueError: cannot convert a cyclic Python list/);
    expect(out['Python 10000-deep list']).toMatch(/^ValueError: cannot convert Python lists or tuples nested more than 512/);
    // The message keeps its text; the lone surrogate becomes U+FFFD.
    expect(out['surrogate message']).toBe('PythonError: ValueError: bad \ufffd text');
    // A Python str with lone surrogates reaches JS with the same code units.
    expect(out['surrogate string back']).toBe(`ok:${JSON.stringify('a\ud800b\udfff')}`);
    expect(out['still works']).toBe('ok:3');
  });
});

/** Any UTF-16 code unit (lone surrogates and NUL included), or an astral character. */
const oddString = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.constantFrom('\0', '\ud800', '\udfff', '\ufffd', 'é', '\u{1F600}'),
    fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  ),
  maxLength: 12,
});

/** String.prototype.toWellFormed / isWellFormed (Node 20 has them; the project's TS lib predates them). */
const wellFormed = (s: string): string => (s as string & { toWellFormed(): string }).toWellFormed();
const isWellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

/** What a JS value becomes after JS -> Python -> JS. */
function roundTripped(v: unknown): unknown {
  if (typeof v === 'number') {
    if (Number.isInteger(v) && !Number.isSafeInteger(v) && Math.abs(v) < 2 ** 63) return BigInt(v);
    return v;
  }
  if (typeof v === 'string') return wellFormed(v);
  if (Array.isArray(v)) return v.map(roundTripped);
  return v;
}

const leaf = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-0, 2 ** 53, -(2 ** 60), 2 ** 63, 2 ** 64, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.boolean(),
  fc.constant(null),
  oddString,
);
const nested = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('value'), { maxLength: 4 })),
})).value;

describeCompat('converter properties (fast-check, seeded)', () => {
  it('JS -> Python -> JS keeps every nested value (or its documented form), never an untyped error', () => {
    const identity = compat.evaluate('lambda v: v') as (v: unknown) => unknown;
    fc.assert(
      fc.property(nested, (v) => {
        expect(identity(v)).toEqual(roundTripped(v));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('nested (possibly ragged) numeric arrays give NumPy\'s array, or the same error NumPy gives', () => {
    const numeric = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.integer({ min: -1000, max: 1000 }), fc.array(tie('value'), { maxLength: 3 })),
    })).value;
    const samples = fc.sample(fc.array(numeric, { maxLength: 4 }), { seed: 42, numRuns: 150 });
    const expected = python<string[]>(`
import json, numpy as np
out = []
for s in json.loads(${JSON.stringify(JSON.stringify(samples))}):
    try:
        a = np.array(s)
        out.append('ok:' + json.dumps([list(a.shape), str(a.dtype), a.tolist()]))
    except Exception as e:
        out.append('err:' + type(e).__name__)
print(json.dumps(out))`);
    const np = compat.numpy();
    samples.forEach((s, i) => {
      let got: string;
      try {
        const a = np.array(s as NestedList);
        got = `ok:${JSON.stringify([a.shape, a.dtype, a.toArray()], (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x))}`;
      } catch (e) {
        got = `err:${(e as { pythonType?: string }).pythonType ?? (e as Error).name}`;
      }
      const want = expected[i];
      if (want.startsWith('ok:')) expect(got, JSON.stringify(s)).toBe(`ok:${JSON.stringify(JSON.parse(want.slice(3)))}`);
      // NumPy's ValueError for a ragged list arrives mapped to compat's typed ShapeError.
      else expect(['err:ShapeError', 'err:ValueError'], `${JSON.stringify(s)}: ${got} vs ${want}`).toContain(got);
    });
  });

  it('keyword objects with odd names: the names Python sees, or a TypeError naming the key', () => {
    const kwItems = compat.evaluate('lambda **kw: sorted(kw.items())') as (...a: unknown[]) => unknown;
    fc.assert(
      fc.property(fc.dictionary(oddString, fc.integer({ min: -5, max: 5 }), { maxKeys: 4 }), (kw) => {
        const bad = Object.keys(kw).filter((k) => k.includes('\0') || !isWellFormed(k));
        let got: unknown;
        try {
          got = kwItems({ ...kw });
        } catch (e) {
          expect(bad.length, String(e)).toBeGreaterThan(0);
          expect(e).toBeInstanceOf(TypeError);
          expect((e as Error).message).toContain('keyword argument name');
          return;
        }
        expect(bad).toEqual([]);
        expect(new Map(got as [string, number][])).toEqual(new Map(Object.entries(kw)));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('strings with odd code points reach Python with the same code points (lone surrogates as U+FFFD)', () => {
    const codePoints = compat.evaluate('lambda s: [ord(c) for c in s]') as (s: string) => number[];
    fc.assert(
      fc.property(oddString, (s) => {
        expect(codePoints(s)).toEqual([...wellFormed(s)].map((c) => c.codePointAt(0)));
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
