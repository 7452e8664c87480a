/**
 * Issue 13 items 8 and 9: threads never crash, hang or deadlock the process. Every case runs in a child
 * process under both engines (a deadlock shows as a timeout, a crash as a signal):
 * - a worker thread that used compat exits cleanly (under ffi-napi it segfaulted the process at exit);
 * - a worker terminated while it holds the GIL (in a synchronous segment, or coming back from a Python
 *   call) leaves Python usable for the main thread and for new workers (it deadlocked every later call);
 * - a Python threading.Thread calling a JS function gets a RuntimeError (it deadlocked);
 * - exiting while Python daemon threads run NumPy is a clean exit (a segfault or hang now and then).
 */
import { expect, it } from 'vitest';
import { describeExit, ENGINES, LIB, runIsolated } from '../support/isolated.js';
import { describeCompat } from './support.js';

const WORKER_EXIT = `
import { Worker } from 'node:worker_threads';
const url = new URL('${LIB}/compat/index.js', 'file://').href;
const runs = [];
for (const body of ['compat.available()', 'compat.numpy().sum(compat.numpy().arange(4))', "compat.evaluate('lambda f: f(2)')((x) => x * 3)"]) {
  runs.push(await new Promise((resolve, reject) => {
    const w = new Worker(\`import(\${JSON.stringify(url)}).then((compat) => require('node:worker_threads').parentPort.postMessage(String(\${body})));\`, { eval: true });
    let said;
    w.on('message', (m) => { said = m; });
    w.on('error', reject);
    w.on('exit', (code) => resolve([said, code]));
  }));
}
console.log(JSON.stringify(runs));
`;

const TERMINATE = `
import { Worker } from 'node:worker_threads';
const compat = await import('${LIB}/compat/index.js');
const url = new URL('${LIB}/compat/index.js', 'file://').href;
compat.evaluate('1');
const bodies = {
  segment: "const np = compat.numpy(); parentPort.postMessage('ready'); for (;;) np.add(1, 2);",
  afterPython: "parentPort.postMessage('ready'); compat.exec('import time\\\\ntime.sleep(0.8)'); for (;;) {}",
};
const out = {};
for (const [name, body] of Object.entries(bodies)) {
  const w = new Worker(\`const { parentPort } = require('node:worker_threads'); import(\${JSON.stringify(url)}).then((compat) => { \${body} });\`, { eval: true });
  await new Promise((r) => w.once('message', r));
  await new Promise((r) => setTimeout(r, 200));
  await w.terminate();
  out[name] = compat.evaluate('6 * 7');
  out[name + ' new worker'] = await new Promise((resolve) => {
    const w2 = new Worker(\`import(\${JSON.stringify(url)}).then((c) => require('node:worker_threads').parentPort.postMessage(c.evaluate('2 + 2')));\`, { eval: true });
    w2.once('message', resolve);
  });
}
console.log(JSON.stringify(out));
`;

const PYTHON_THREAD_CALLBACK = `
import { compat } from '${LIB}/index.js';
const ns = compat.exec(\`
import threading
out = []
def run():
    try:
        out.append(cb(1))
    except Exception as e:
        out.append(type(e).__name__ + ': ' + str(e))
t = threading.Thread(target=run)
t.start()
t.join(10)
alive = t.is_alive()
same_thread = cb(41)
\`, { cb: (x) => x + 1 });
console.log(JSON.stringify({ out: ns.out, alive: ns.alive, same: ns.same_thread }));
`;

const DAEMON_AT_EXIT = `
import { compat } from '${LIB}/index.js';
compat.exec(\`
import threading, numpy as np
def spin():
    while True:
        a = np.random.random((150, 150))
        np.linalg.inv(a @ a.T + np.eye(150))
for i in range(2):
    threading.Thread(target=spin, daemon=True).start()
\`);
process.on('exit', () => console.log('exit listener ran'));
setTimeout(() => console.log('exiting'), 30);
`;

describeCompat('threads and workers (issue 13 items 8, 9)', () => {
  it.each(ENGINES)('under %s: workers that used compat exit cleanly, 3 in a row', (engine) => {
    const r = runIsolated(WORKER_EXIT, { engine, timeoutMs: 60_000 });
    expect(r.signal, describeExit(r)).toBeNull();
    expect(r.status, describeExit(r)).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toEqual([
      ['true', 0],
      ['6', 0],
      ['6', 0],
    ]);
  });

  it.each(ENGINES)('under %s: terminating a worker that holds the GIL leaves Python usable', (engine) => {
    const r = runIsolated(TERMINATE, { engine, timeoutMs: 60_000 });
    expect(r.timedOut, describeExit(r)).toBe(false);
    expect(r.signal, describeExit(r)).toBeNull();
    expect(r.status, describeExit(r)).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toEqual({ segment: 42, 'segment new worker': 4, afterPython: 42, 'afterPython new worker': 4 });
  });

  it.each(ENGINES)('under %s: a Python thread calling a JS function gets a RuntimeError, no deadlock', (engine) => {
    const r = runIsolated(PYTHON_THREAD_CALLBACK, { engine, timeoutMs: 60_000 });
    expect(r.timedOut, describeExit(r)).toBe(false);
    expect(r.status, describeExit(r)).toBe(0);
    const out = JSON.parse(r.stdout.trim()) as { out: string[]; alive: boolean; same: number };
    expect(out.alive).toBe(false);
    expect(out.same).toBe(42);
    expect(out.out).toHaveLength(1);
    expect(out.out[0]).toMatch(/^RuntimeError: ndbridge: a JS function was called from a Python thread other than the JS thread that passed it/);
  });

  it.each(ENGINES)('under %s: exiting while daemon Python threads run NumPy is a clean exit (5 runs)', (engine) => {
    for (let i = 0; i < 5; i++) {
      const r = runIsolated(DAEMON_AT_EXIT, { engine, timeoutMs: 30_000 });
      expect(r.timedOut, describeExit(r)).toBe(false);
      expect(r.signal, describeExit(r)).toBeNull();
      expect(r.status, describeExit(r)).toBe(0);
      expect(r.stdout).toBe('exiting\nexit listener ran\n');
    }
  });
});
