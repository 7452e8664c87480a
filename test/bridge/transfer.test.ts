/**
 * Transfer after export (issue 13, item 2): once NumPy views a fast array's memory, moving its ArrayBuffer
 * to another thread must not free that memory under NumPy. The export marks the buffer untransferable, so
 * `structuredClone(b, { transfer: [b] })` and `port.postMessage(b, [b])` copy it (Node 20; Node 21+ throws
 * DataCloneError). Each case runs in a child process under both FFI engines with forced GC; NumPy's values
 * are checked against NumPy computing the same array from scratch in the same child.
 */
import { expect, it } from 'vitest';
import { describeCompat } from '../compat/support.js';
import { describeExit, ENGINES, LIB, runIsolated, type FfiEngineName } from '../support/isolated.js';

const engines: readonly FfiEngineName[] = process.env.NDBRIDGE_FFI === 'ffi-napi' ? ['ffi-napi'] : ENGINES;

const PRELUDE = `
import { fast, compat, asarray, toNumpy, NdbridgeError } from '${LIB}/index.js';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
const np = compat.numpy();
const out = (v) => console.log('RESULT ' + JSON.stringify(v));
const settle = async () => { for (let k = 0; k < 6; k++) { globalThis.gc(); await new Promise((r) => setTimeout(r, 5)); } };
// Move b away as a user would: structuredClone with a transfer list, or a MessagePort / Worker postMessage.
const moves = {
  structuredClone: async (b) => structuredClone(b, { transfer: [b] }),
  port: async (b) => {
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(b, [b]);
    const m = receiveMessageOnPort(port2).message;
    port1.close(); port2.close();
    return m;
  },
  worker: async (b) => {
    const w = new Worker('const { parentPort } = require("node:worker_threads"); parentPort.once("message", (m) => { parentPort.postMessage(new Float64Array(m).reduce((s, x) => s + x, 0)); });', { eval: true });
    w.postMessage(b, [b]);
    const sum = await new Promise((resolve, reject) => { w.once('message', resolve); w.once('error', reject); });
    await w.terminate();
    return sum;
  },
};
`;

function run(script: string, engine: FfiEngineName): Record<string, unknown> {
  const r = runIsolated(PRELUDE + script, { engine, nodeArgs: ['--expose-gc'], timeoutMs: 90_000 });
  expect(r.signal, describeExit(r)).toBeNull();
  expect(r.status, describeExit(r)).toBe(0);
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  expect(line, describeExit(r)).toBeDefined();
  return JSON.parse(line!.slice(7)) as Record<string, unknown>;
}

describeCompat('transfer of an ArrayBuffer NumPy views (child process, forced GC)', () => {
  for (const engine of engines) {
    it(`${engine}: fast-owned memory exported with toNumpy, then transferred three ways: NumPy and the fast array still read the right values`, () => {
      const r = run(
        `
        const N = 1 << 18;
        const res = {};
        for (const how of Object.keys(moves)) {
          const f = fast.arange(N).astype('float64').mul(3).add(1); // lazy: computed into fast-owned memory by toNumpy
          let x = toNumpy(f);
          const buf = f.toTypedArray().buffer;
          const bytes = buf.byteLength;
          const moved = await moves[how](buf);
          await settle();
          // allocate over any freed memory, then let NumPy read
          const junk = []; for (let i = 0; i < 20; i++) junk.push(np.ones(N).mul(7), new Float64Array(N).fill(-1));
          res[how] = {
            stillAttached: buf.byteLength === bytes,
            movedIsCopy: how === 'worker' ? moved : new Float64Array(moved)[N - 1],
            numpy: compat.evaluate('[float(x.sum()), float(x[0]), float(x[-1])]', { x }),
            js: [Number(f.sum().get()), f.get(0), f.get(N - 1)],
          };
        }
        res.expected = compat.evaluate('(lambda y: [float(y.sum()), float(y[0]), float(y[-1])])(np.arange(N, dtype=np.float64) * 3 + 1)', { N });
        out(res);`,
        engine,
      );
      const expected = r.expected as number[];
      for (const how of ['structuredClone', 'port', 'worker']) {
        const c = r[how] as { stillAttached: boolean; movedIsCopy: number; numpy: number[]; js: number[] };
        expect(c.stillAttached, how).toBe(true);
        expect(c.movedIsCopy, how).toBe(how === 'worker' ? expected[0] : expected[2]);
        expect(c.numpy, how).toEqual(expected);
        expect(c.js, how).toEqual(expected);
      }
    }, 100_000);

    it(`${engine}: a user's TypedArray wrapped without copying (asarray), exported, then its buffer transferred and the array dropped: NumPy keeps the right values`, () => {
      const r = run(
        `
        const N = 1 << 18;
        const res = {};
        for (const how of Object.keys(moves)) {
          let ta = new Float64Array(N); for (let i = 0; i < N; i++) ta[i] = (i % 1000) * 0.5;
          let f = asarray(ta);
          const shared = f.storage.buffer === ta.buffer;
          let x = np.multiply(toNumpy(f), 1, { casting: 'no' }) ; // a NumPy result, and
          let v = toNumpy(f); // a NumPy view of the user's memory
          const moved = await moves[how](ta.buffer);
          const jsAfter = [ta.length, ta[N - 1], f.get(N - 1)];
          f = null; ta = null;
          await settle();
          const junk = []; for (let i = 0; i < 20; i++) junk.push(new Float64Array(N).fill(-1), np.ones(N));
          res[how] = { shared, jsAfter, view: compat.evaluate('[float(v.sum()), float(v[-1]), bool((v == x).all())]', { v, x }) };
        }
        res.expected = compat.evaluate('(lambda y: [float(y.sum()), float(y[-1]), True])((np.arange(N) % 1000) * 0.5)', { N });
        out(res);`,
        engine,
      );
      const expected = r.expected as unknown[];
      for (const how of ['structuredClone', 'port', 'worker']) {
        const c = r[how] as { shared: boolean; jsAfter: number[]; view: unknown[] };
        expect(c.shared, how).toBe(true);
        expect(c.jsAfter, how).toEqual([1 << 18, expected[1], expected[1]]);
        expect(c.view, how).toEqual(expected);
      }
    }, 100_000);
  }
});
