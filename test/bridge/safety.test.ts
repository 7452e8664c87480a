/**
 * Issue 13's bridge reproducers, each in its own child process under both FFI engines (runIsolated), so a
 * crash fails its test instead of the runner: borrows of many exports in one call, typed arrays handed out
 * from NumPy memory, untrusted `__array_interface__` objects, the view size limit, and nd over an interface.
 * Expected values come from the embedded NumPy in the same child.
 */
import { expect, it } from 'vitest';
import { describeCompat } from '../compat/support.js';
import { describeExit, ENGINES, LIB, runIsolated, type FfiEngineName, type IsolatedResult } from '../support/isolated.js';

/** Under the ffi-napi pass of npm test (NDBRIDGE_FFI set) only that engine; otherwise both. */
const engines: readonly FfiEngineName[] = process.env.NDBRIDGE_FFI === 'ffi-napi' ? ['ffi-napi'] : ENGINES;

const PRELUDE = `
import { fast, compat, asarray, toNumpy, nd, NdbridgeError, ValueError } from '${LIB}/index.js';
const np = compat.numpy();
const out = (v) => console.log('RESULT ' + JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x)));
const typed = (f) => { try { f(); return 'no error'; } catch (e) { return e instanceof NdbridgeError || e instanceof TypeError ? e.name : 'untyped ' + e.name + ': ' + e.message; } };
const settle = async () => { for (let k = 0; k < 4; k++) { globalThis.gc(); await new Promise((r) => setTimeout(r, 5)); } };
`;

function run(script: string, engine: FfiEngineName, timeoutMs = 60_000): { r: IsolatedResult; result: unknown } {
  const r = runIsolated(PRELUDE + script, { engine, nodeArgs: ['--expose-gc'], timeoutMs });
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  expect(r.signal, describeExit(r)).toBeNull();
  expect(r.status, describeExit(r)).toBe(0);
  expect(line, describeExit(r)).toBeDefined();
  return { r, result: JSON.parse(line!.slice(7)) };
}

describeCompat('bridge safety reproducers (issue 13), each in a child process', () => {
  for (const engine of engines) {
    it(`${engine}: more than 256 fast arrays in one call are all borrowed for the call (np.broadcast_arrays of 257, 300, 1000)`, () => {
      const { result } = run(
        `
        const res = {};
        for (const n of [257, 300, 1000]) {
          const r = np.broadcast_arrays(...Array.from({ length: n }, (_, i) => fast.full([1000], i)));
          // NumPy's own view of what it received: the last element of each result
          res[n] = compat.evaluate('[int(a[-1]) for a in r] == list(range(len(r)))', { r });
        }
        out(res);`,
        engine,
      );
      expect(result).toEqual({ 257: true, 300: true, 1000: true });
    }, 90_000);

    it(`${engine}: toTypedArray() of a NumPy-backed array outlives dispose() and the NumPy array`, () => {
      const { result } = run(
        `
        let x = compat.evaluate('np.arange(1 << 20, dtype=np.float64) * 3');
        const expected = compat.evaluate('[float(x[5]), float(x[-1]), float(x.sum())]', { x });
        const f = asarray(x);
        const t = f.toTypedArray();
        f.dispose(); x.dispose(); x = null;
        compat.exec('import gc; gc.collect()');
        await settle();
        const junk = []; for (let i = 0; i < 40; i++) junk.push(np.ones(1 << 17));
        let s = 0; for (let i = 0; i < t.length; i++) s += t[i];
        out({ got: [t[5], t[t.length - 1], s], expected });`,
        engine,
      );
      const { got, expected } = result as { got: number[]; expected: number[] };
      expect(got).toEqual(expected);
    });

    it(`${engine}: a plain object cannot name memory (JSON.parse output, freed memory, past the owner)`, () => {
      const { result } = run(
        `
        const evil = JSON.parse('{"__array_interface__": {"shape": [4], "typestr": "<f8", "data": [4096, false], "version": 3}}');
        const f = fast.arange(6).astype('float64');
        const ai = f.__array_interface__;
        const owner = f.toTypedArray();
        const res = {
          asarray: typed(() => asarray(evil).get(0)),
          fastAsarray: typed(() => fast.asarray(evil)),
          toNumpy: typed(() => toNumpy(evil)),
          ndSum: typed(() => nd.sum(evil)),
          fastArrayInterfaceCopy: typed(() => asarray({ __array_interface__: ai })),
          optInPastOwner: typed(() => asarray({ __array_interface__: { ...ai, shape: [7] } }, { rawPointer: { trust: true, owner } })),
          optInStridesPastOwner: typed(() => asarray({ __array_interface__: { ...ai, shape: [3], strides: [24] } }, { rawPointer: { trust: true, owner } })),
          optInNotTrue: typed(() => asarray({ __array_interface__: ai }, { rawPointer: { trust: 1 } })),
          optInUnknownKey: typed(() => asarray({ __array_interface__: ai }, { rawPointer: { trust: true, writeable: true } })),
        };
        const ro = asarray({ __array_interface__: ai }, { rawPointer: { trust: true, owner } });
        res.readOnlyByDefault = [ro.writeable, typed(() => ro.set([0], 1)), Number(ro.sum().get())];
        const rw = asarray({ __array_interface__: ai }, { rawPointer: { trust: true, owner, writable: true } });
        rw.set([0], 42);
        res.writableOptIn = [rw.writeable, f.get(0)];
        res.expectedSum = Number(compat.evaluate('float(np.arange(6.0).sum())'));
        out(res);`,
        engine,
      );
      const r = result as Record<string, unknown>;
      for (const key of ['asarray', 'fastAsarray', 'toNumpy', 'ndSum', 'fastArrayInterfaceCopy', 'optInPastOwner', 'optInStridesPastOwner']) {
        expect(r[key], key).toBe('ProtocolError');
      }
      expect(r.optInNotTrue).toBe('TypeError');
      expect(r.optInUnknownKey).toBe('TypeError');
      expect(r.readOnlyByDefault).toEqual([false, 'ValueError', r.expectedSum]);
      expect(r.writableOptIn).toEqual([true, 42]);
    });

    it(`${engine}: buffer-backed __array_interface__ objects are verified and shared, also through nd`, () => {
      const { result } = run(
        `
        const ta = new Float64Array([1, 2, 3, 4, 5, 6, 7, 8]);
        const obj = { __array_interface__: { shape: [2, 3], typestr: '<f8', data: [ta, false], strides: [24, 8], offset: 16, version: 3 } };
        const v = asarray(obj);
        ta[2] = 30;
        const expected = compat.evaluate(
          'np.ndarray((2, 3), np.float64, buffer=np.array([1, 2, 30, 4, 5, 6, 7, 8], np.float64), offset=16, strides=(24, 8))');
        out({
          view: v.toArray(), numpy: expected.toArray(),
          ndSum: Number(nd.sum(obj).get()), numpySum: Number(np.sum(expected)),
          pastEnd: typed(() => asarray({ __array_interface__: { shape: [3, 3], typestr: '<f8', data: ta, version: 3 } })),
          detached: typed(() => { const b = new Float64Array(4); structuredClone(b.buffer, { transfer: [b.buffer] }); asarray({ __array_interface__: { shape: [4], typestr: '<f8', data: b, version: 3 } }); }),
        });`,
        engine,
      );
      const r = result as Record<string, unknown>;
      expect(r.view).toEqual(r.numpy);
      expect(r.ndSum).toBe(r.numpySum);
      expect(r.pastEnd).toBe('ProtocolError');
      expect(r.detached).toBe('ProtocolError');
    });

    it(`${engine}: a fast array whose ArrayBuffer was transferred is refused by toNumpy and by NumPy calls (DetachedBufferError, a ValueError), not read`, () => {
      const { result } = run(
        `
        const ta = new Float64Array(1 << 16).fill(2);
        const f = asarray(ta);
        structuredClone(ta.buffer, { transfer: [ta.buffer] });
        await settle();
        out({ toNumpy: typed(() => toNumpy(f)), npSum: typed(() => np.sum(f)), isValueError: (() => { try { toNumpy(f); } catch (e) { return e instanceof ValueError; } })() });`,
        engine,
      );
      expect(result).toEqual({ toNumpy: 'DetachedBufferError', npSum: 'DetachedBufferError', isValueError: true });
    });

    it(`${engine}: views over 4 GiB give ViewSizeError before any view is made; 1 GiB works (a view, or under ffi-napi a copy)`, () => {
      const { result } = run(
        `
        // np.zeros maps pages lazily: a 4.5 GiB array costs no memory until touched
        const big = compat.evaluate('np.zeros(int(4.5 * 2**30), np.uint8)');
        const small = fast.arange(4).astype('uint8');
        const res = {
          asarray: typed(() => asarray(big)),
          copy: typed(() => asarray(big, { copy: true })),
          dlpack: typed(() => fast.from_dlpack(big)),
          rawOptIn: typed(() => asarray({ __array_interface__: { ...small.__array_interface__, shape: [5 * 2 ** 30] } }, { rawPointer: { trust: true } })),
        };
        big.dispose();
        const x = compat.evaluate('np.zeros(2**30, np.uint8)');
        compat.exec('x[0] = 1; x[2**28 + 5] = 7; x[-1] = 9', { x });
        const expected = compat.evaluate('[int(x[0]), int(x[2**28 + 5]), int(x[-1])]', { x });
        const f = asarray(x);
        res.oneGiB = [f.size, f.get(0), f.get(2 ** 28 + 5), f.get(2 ** 30 - 1)];
        res.expected = [2 ** 30, ...expected];
        res.oneGiBNoCopy = typed(() => asarray(x, { copy: false }));
        out(res);`,
        engine,
        120_000,
      );
      const r = result as Record<string, unknown>;
      for (const key of ['asarray', 'copy', 'dlpack', 'rawOptIn']) expect(r[key], key).toBe('ViewSizeError');
      expect(r.oneGiB).toEqual(r.expected);
      // koffi views 1 GiB; ffi-napi cannot, so copy: false is refused with a typed error
      expect(r.oneGiBNoCopy).toBe(engine === 'koffi' ? 'no error' : 'CopyRequiredError');
    }, 130_000);
  }
});
