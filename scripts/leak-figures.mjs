// Issue 13 closing figures: asarray(toNumpy(f)) round trips under forced GC, in a child process per FFI
// engine (node --expose-gc). Prints RSS, JS heap, Python object count (gc.get_objects()) and live
// exports/imports at start (Python booted, nothing converted), after warm-up, every quarter and at the end.
//   npm run build && node scripts/leak-figures.mjs [rounds=100000] [warmup=10000] [dispose|no-dispose|both]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [rounds = 100_000, warmup = 10_000] = process.argv.slice(2, 4).map(Number);
const modeArg = process.argv[4] ?? 'dispose';

if (process.env.NDBRIDGE_LEAK_CHILD) {
  const dispose = process.env.NDBRIDGE_LEAK_CHILD === 'dispose';
  const { fast, compat, toNumpy, asarray } = await import('../dist/src/index.js');
  const { liveExports, liveImports, releaseUnused } = await import('../dist/src/bridge/index.js');
  const pyObjects = () => Number(compat.evaluate('len(__import__("gc").get_objects())'));
  const { settleHeap } = await import('./settle-heap.mjs');
  const settle = () => settleHeap(compat, releaseUnused);
  const expected = compat.evaluate('[float(i) for i in range(1000)]');
  let wrong = 0;
  const round = (i) => {
    const f = fast.full([64], i % 1000).astype('float64');
    const y = toNumpy(f);
    const g = asarray(y);
    if (g.get(63) !== expected[i % 1000]) wrong++;
    if (dispose) { g.dispose(); y.dispose(); f.dispose(); }
  };
  const snap = async (label, done) => {
    await settle();
    const m = process.memoryUsage();
    return { label, rounds: done, exports: liveExports(), imports: liveImports(), pyObjects: pyObjects(), heapUsed: m.heapUsed, rss: m.rss };
  };
  const points = [await snap('start', 0)];
  for (let i = 0; i < warmup; i++) { round(i); if (i % 5000 === 4999) globalThis.gc(); }
  points.push(await snap('after warm-up', warmup));
  let ms = 0;
  for (let q = 1; q <= 4; q++) {
    const t0 = Date.now();
    for (let i = ((q - 1) * rounds) / 4; i < (q * rounds) / 4; i++) { round(i); if (i % 5000 === 4999) globalThis.gc(); }
    ms += Date.now() - t0;
    points.push(await snap(q === 4 ? 'end' : `${q}/4`, warmup + (q * rounds) / 4));
  }
  console.log(JSON.stringify({ wrong, ms, points }));
} else {
  const modes = modeArg === 'both' ? ['dispose', 'no-dispose'] : [modeArg];
  const MiB = (b) => (b / 2 ** 20).toFixed(1);
  console.log(`asarray(toNumpy(f)) round trips, f = fast.full([64], k).astype('float64'); warm-up ${warmup}, then ${rounds}; forced GC`);
  for (const engine of ['koffi', 'ffi-napi']) {
    for (const mode of modes) {
      const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), String(rounds), String(warmup)], {
        env: { ...process.env, NDBRIDGE_FFI: engine, NDBRIDGE_LEAK_CHILD: mode },
        encoding: 'utf8',
      });
      const line = (r.stdout ?? '').trim().split('\n').pop() ?? '';
      if (r.status !== 0 || !line.startsWith('{')) {
        console.log(`${engine} ${mode}: child failed (${r.status ?? r.signal})\n${r.stderr}`);
        continue;
      }
      const { wrong, ms, points } = JSON.parse(line);
      console.log(`\n${engine}, ${mode === 'dispose' ? 'with dispose()' : 'without dispose()'} (${(ms / rounds * 1000).toFixed(0)} µs/round, ${wrong} wrong values)`);
      for (const p of points) {
        console.log(`  ${p.label.padEnd(14)} rounds ${String(p.rounds).padStart(6)}  RSS ${MiB(p.rss).padStart(6)} MiB  heap ${MiB(p.heapUsed).padStart(5)} MiB  Python objects ${p.pyObjects}  live exports ${p.exports} imports ${p.imports}`);
      }
      // RSS and heap settle over the first tens of thousands of rounds (allocator arenas, V8 heap sizing),
      // so the leak figure is the second half: a leak grows there as much as anywhere.
      const w = points[points.length - 3];
      const e = points[points.length - 1];
      const n = e.rounds - w.rounds;
      console.log(`  second half (${w.label} -> end, ${n} rounds): RSS ${((e.rss - w.rss) / n).toFixed(1)} B/round, heap ${((e.heapUsed - w.heapUsed) / n).toFixed(1)} B/round, Python objects ${e.pyObjects - w.pyObjects >= 0 ? '+' : ''}${e.pyObjects - w.pyObjects}`);
    }
  }
}
