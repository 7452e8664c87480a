/**
 * Issue 15: `.async` calls off the main thread. Every case runs in a child process under both FFI engines
 * (a hang is a timeout, a crash a signal): timer ticks during a multi-second SVD, N calls in flight,
 * cancellation (running Python loop, queued job, already-aborted signal), PythonError rejection with the
 * traceback, dispose() of a pending argument, sync calls interleaved, evaluateAsync/execAsync, an array's
 * async methods, worker_threads, bad options. Results are compared with NumPy run in a python3 subprocess.
 */
import { expect, it } from 'vitest';
import { ENGINES, LIB, runIsolated } from '../support/isolated.js';
import { describeCompat, python } from './support.js';

/** Run `body` (top-level await allowed) in a child with `compat` and `np` in scope; it prints one JSON line. */
function child<T>(engine: (typeof ENGINES)[number], body: string, env: NodeJS.ProcessEnv = {}, timeoutMs = 120_000): T {
  const r = runIsolated(`import { compat } from '${LIB}/index.js';\nconst np = compat.numpy();\n${body}`, { engine, env, timeoutMs });
  expect(r.timedOut, r.stderr).toBe(false);
  expect(r.signal, r.stderr).toBeNull();
  expect(r.status, r.stderr).toBe(0);
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as T;
}

const TICKS = `
const gapsOf = async (work) => {
  let last = performance.now(), max = 0, ticks = 0, syncOk = 0;
  const x = np.arange(4);
  const t = setInterval(() => {
    const now = performance.now(); max = Math.max(max, now - last); last = now; ticks++;
    // a sync call on every tick, while the async call runs
    if (np.add(x, 1).toArray().join(',') === '1,2,3,4') syncOk++;
  }, 5);
  const t0 = performance.now();
  const r = await work();
  clearInterval(t);
  return { r, ms: performance.now() - t0, max, ticks, syncOk };
};
const idle = await gapsOf(() => new Promise((r) => setTimeout(r, 1000)));
const m = np.random.default_rng(0).standard_normal([1500, 1500]);
const run = await gapsOf(() => np.linalg.svd.async(m));
const [u, s, vt] = run.r;
const ok = np.allclose(np.matmul(np.multiply(u, s), vt), m);
const s5 = s.toArray().slice(0, 5);
console.log(JSON.stringify({ idleMax: idle.max, ms: run.ms, max: run.max, ticks: run.ticks, syncOk: run.syncOk, ok, s5 }));
`;

const CONCURRENT = `
const mats = [2, 3, 4, 5, 6, 7, 8, 9].map((n) => np.add(np.eye(n), np.multiply(0.1, np.arange(n * n).reshape([n, n]))));
const pending = mats.map((a) => np.linalg.inv.async(a));
const dets = mats.map((a) => np.linalg.det.async(a));
const sums = [np.sum.async(np.arange(10), 0), np.cumsum.async([1, 2, 3]), np.squeeze.async(np.zeros([1, 3, 1]), [0, 2])];
const inflight = compat.pendingAsyncCalls();
const invs = await Promise.all(pending);
const out = {
  inflight,
  inv: invs.map((a) => a.toArray()),
  det: await Promise.all(dets),
  sum: await sums[0],
  cumsum: (await sums[1]).toArray(),
  squeezed: (await sums[2]).shape,
  kw: (await np.linspace.async(0, 1, { num: 3 })).toArray(),
  evaluate: await compat.evaluateAsync('n * 2 + len(xs)', { n: 20, xs: [1, 2] }),
  exec: await compat.execAsync('y = n * 3\\nz = [n] * 2', { n: 2 }),
  method: String(await np.arange(6).reshape([2, 3]).async.sum({ axis: 0 }).then((a) => a.toArray())),
  callAsync: (await compat.callAsync(np.arange, [3], { dtype: 'float32' })).dtype,
  fnFromPython: await compat.evaluate('lambda a, b=1: a * b').async(6, { b: 7 }),
  ctor: (await np.random.Generator.async(np.random.PCG64(1))).$type,
  after: compat.pendingAsyncCalls(),
};
console.log(JSON.stringify(out, (k, v) => (typeof v === 'bigint' ? Number(v) : v)));
`;

const CANCEL = `
const out = {};
// a running Python loop: interrupted with KeyboardInterrupt, rejected with AbortError
let ac = new AbortController();
let t0 = performance.now();
let p = compat.execAsync('while True: pass', {}, { signal: ac.signal });
setTimeout(() => ac.abort(new Error('stop')), 100);
try { await p; out.loop = 'resolved'; } catch (e) { out.loop = [e.name, e instanceof DOMException, e.cause?.message, performance.now() - t0 < 5000]; }
// already aborted: rejected without starting
try { await np.add.async.with({ signal: AbortSignal.abort() })(1, 2); out.pre = 'resolved'; } catch (e) { out.pre = e.name; }
// queued behind busy pool threads: cancelled before it starts
const busy = [];
const controllers = [];
for (let i = 0; i < 8; i++) {
  const c = new AbortController(); controllers.push(c);
  busy.push(compat.execAsync('import time\\nt = time.time()\\nwhile time.time() - t < 1.5: pass', {}, { signal: c.signal }).then(() => 'done', (e) => e.name));
}
const queued = new AbortController();
const marker = compat.execAsync('ran = True', {}, { signal: queued.signal });
queued.abort();
controllers.forEach((c, i) => { if (i % 2 === 0) c.abort(); });
try { await marker; out.queued = 'resolved'; } catch (e) { out.queued = e.name; }
out.busy = await Promise.all(busy);
// no interrupt leaks into later jobs on the same pool threads
const later = [];
for (let i = 0; i < 16; i++) later.push(compat.evaluateAsync('sum(i for i in range(20000)) + k', { k: i }));
out.later = await Promise.all(later);
out.sync = compat.evaluate('6 * 7');
// errors reject with PythonError and the traceback
try { await np.linalg.inv.async(np.zeros([2, 2])); out.err = 'resolved'; } catch (e) { out.err = [e.name, e.pythonType, e.pythonMessage, e.pythonTraceback.includes('in inv')]; }
try { await compat.evaluateAsync('1 / 0'); } catch (e) { out.zero = [e.name, e.pythonType]; }
// bad options: TypeError naming the key
try { np.add.async.with({ sigal: 1 }); } catch (e) { out.badKey = [e.name, e.message.includes('sigal')]; }
try { np.add.async.with({ warnings: 'loud' }); } catch (e) { out.badPolicy = [e.name, e.message.includes('warnings')]; }
console.log(JSON.stringify(out));
`;

const DISPOSE = `
const out = {};
const slow = compat.evaluate('lambda a: (__import__("time").sleep(0.3), a.sum())[1]');
const a = np.arange(5);
const p = slow.async(a);
try { a.dispose(); out.arg = 'disposed'; } catch (e) { out.arg = [e.name, e.message.includes('pending async call')]; }
try { slow.$dispose(); out.callable = 'disposed'; } catch (e) { out.callable = e.name; }
out.readMeanwhile = a.toArray().map(Number);
out.syncMeanwhile = Number(np.sum(a));
out.result = Number(await p);
a.dispose();
out.afterDispose = true;
const b = np.arange(3);
const q = b.async.sum();
try { b.dispose(); out.method = 'disposed'; } catch (e) { out.method = e.name; }
out.methodResult = Number(await q);
b.dispose();
// aborted call: the argument is released when the rejection arrives
const c = np.arange(3);
const ac = new AbortController();
const r = compat.evaluate('lambda a: next(x for x in iter(int, 1) if x)').async.with({ signal: ac.signal })(c);
setTimeout(() => ac.abort(), 50);
try { await r; } catch (e) { out.aborted = e.name; }
c.dispose();
out.abortedDisposed = true;
console.log(JSON.stringify(out));
`;

const WORKER = `
import { Worker } from 'node:worker_threads';
const url = new URL('${LIB}/compat/index.js', 'file://').href;
const main = np.add.async(40, 2);
const fromWorker = await new Promise((resolve, reject) => {
  const w = new Worker(\`import(\${JSON.stringify(url)}).then(async (c) => { const np = c.numpy(); const r = await np.multiply.async(6, 7); const s = await c.evaluateAsync('sum(range(10))'); c.releaseGil(); require('node:worker_threads').parentPort.postMessage([r, s]); });\`, { eval: true });
  w.once('message', resolve);
  w.once('error', reject);
});
console.log(JSON.stringify({ main: Number(await main), fromWorker: fromWorker.map(Number) }));
`;

/**
 * npm test runs test/compat once per engine (the second pass with NDBRIDGE_FFI=ffi-napi): each pass runs these
 * heavy child processes under its own engine, so both engines are covered once each.
 */
const ENGINE_OF_PASS = [process.env.NDBRIDGE_FFI === 'ffi-napi' ? 'ffi-napi' : 'koffi'] as const;
void ENGINES;

describeCompat('async calls (issue 15)', () => {
  it.each(ENGINE_OF_PASS)('%s: timers tick and sync calls run during a multi-second SVD; the result is right', (engine) => {
    // One BLAS thread: on this shared 2-core machine OpenBLAS's spinning threads otherwise starve the JS thread
    // of CPU (an OS scheduling effect, not a GIL one; it shows as gaps without any Python call too).
    const r = child<{ idleMax: number; ms: number; max: number; ticks: number; syncOk: number; ok: boolean; s5: number[] }>(engine, TICKS, { OPENBLAS_NUM_THREADS: '1' }, 240_000);
    console.log(`[${engine}] svd 1500x1500 async: ${r.ms.toFixed(0)} ms, ${r.ticks} ticks, largest gap ${r.max.toFixed(1)} ms (idle baseline ${r.idleMax.toFixed(1)} ms)`);
    expect(r.ok).toBe(true);
    expect(r.ms).toBeGreaterThan(500);
    expect(r.syncOk).toBe(r.ticks);
    expect(r.ticks).toBeGreaterThan(r.ms / 5 / 4);
    // < 50 ms on a quiet machine; the bound allows for this machine's own scheduling noise measured in the same run
    expect(r.max).toBeLessThan(Math.max(50, 4 * r.idleMax));
    const want = python<number[]>('import numpy as np, json; m = np.random.default_rng(0).standard_normal((1500, 1500)); print(json.dumps(np.linalg.svd(m, compute_uv=False)[:5].tolist()))');
    r.s5.forEach((v, i) => expect(v).toBeCloseTo(want[i], 8));
  });

  it.each(ENGINE_OF_PASS)('%s: N calls in flight, each result right (functions, methods, constructors, evaluate/exec)', (engine) => {
    const r = child<Record<string, unknown>>(engine, CONCURRENT);
    const want = python<Record<string, unknown>>(`
import numpy as np, json
mats = [np.eye(n) + 0.1 * np.arange(n * n).reshape(n, n) for n in range(2, 10)]
print(json.dumps({
  'inv': [np.linalg.inv(a).tolist() for a in mats],
  'det': [float(np.linalg.det(a)) for a in mats],
  'sum': int(np.sum(np.arange(10), 0)),
  'cumsum': np.cumsum([1, 2, 3]).tolist(),
  'squeezed': list(np.squeeze(np.zeros((1, 3, 1)), (0, 2)).shape),
  'kw': np.linspace(0, 1, num=3).tolist(),
  'method': ','.join(str(int(v)) for v in np.arange(6).reshape(2, 3).sum(axis=0)),
}))`);
    expect(r.inflight).toBe(19);
    expect(r.after).toBe(0);
    for (const [i, inv] of (r.inv as number[][][]).entries()) {
      inv.flat().forEach((v, j) => expect(v).toBeCloseTo((want.inv as number[][][])[i].flat()[j], 10));
    }
    (r.det as number[]).forEach((v, i) => expect(v).toBeCloseTo((want.det as number[])[i], 10));
    for (const k of ['sum', 'cumsum', 'squeezed', 'kw', 'method']) expect(r[k]).toEqual(want[k]);
    expect(r.evaluate).toBe(42);
    expect(r.exec).toEqual({ n: 2, y: 6, z: [2, 2] });
    expect(r.callAsync).toBe('float32');
    expect(r.fnFromPython).toBe(42);
    expect(r.ctor).toBe('numpy.random._generator.Generator');
  });

  it.each(ENGINE_OF_PASS)('%s: cancellation, PythonError with traceback, no interrupt leaks into later jobs', (engine) => {
    const r = child<Record<string, unknown>>(engine, CANCEL);
    expect(r.loop).toEqual(['AbortError', true, 'stop', true]);
    expect(r.pre).toBe('AbortError');
    expect(r.queued).toBe('AbortError');
    expect(r.busy).toEqual(['AbortError', 'done', 'AbortError', 'done', 'AbortError', 'done', 'AbortError', 'done']);
    expect(r.later).toEqual(Array.from({ length: 16 }, (_, k) => 199990000 + k));
    expect(r.sync).toBe(42);
    expect(r.err).toEqual(['PythonError', 'numpy.linalg.LinAlgError', 'Singular matrix', true]);
    expect(r.zero).toEqual(['PythonError', 'ZeroDivisionError']);
    expect(r.badKey).toEqual(['TypeError', true]);
    expect(r.badPolicy).toEqual(['TypeError', true]);
  });

  it.each(ENGINE_OF_PASS)('%s: dispose() of an object a pending call uses throws BusyError; allowed once it settles', (engine) => {
    const r = child<Record<string, unknown>>(engine, DISPOSE);
    expect(r).toEqual({
      arg: ['BusyError', true],
      callable: 'BusyError',
      readMeanwhile: [0, 1, 2, 3, 4],
      syncMeanwhile: 10,
      result: 10,
      afterDispose: true,
      method: 'BusyError',
      methodResult: 3,
      aborted: 'AbortError',
      abortedDisposed: true,
    });
  });

  it.each(ENGINE_OF_PASS)('%s: async calls from a worker thread settle on that worker', (engine) => {
    const r = child<{ main: number; fromWorker: number[] }>(engine, WORKER);
    expect(r).toEqual({ main: 42, fromWorker: [42, 45] });
  });
});
