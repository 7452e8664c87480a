/**
 * Overhead of an async compat call (issue 15): `np.add.async(a, 1)` on a 10-element float64 array against the
 * sync `np.add(a, 1)`, under each FFI engine (each in its own process): the latency of one awaited call after
 * another, and the cost per call with 100 calls in flight. Best of the rounds.
 *
 *   npm run build && node dist/bench/async-call.js [--calls 2000] [--rounds 3]
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function child(calls: number, rounds: number): Promise<void> {
  const compat = await import('../src/compat/index.js');
  const np = compat.numpy();
  const a = np.arange(10, { dtype: 'float64' });
  const best = { sync: Infinity, awaited: Infinity, inflight: Infinity };
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    for (let i = 0; i < calls * 20; i++) np.add(a, 1);
    best.sync = Math.min(best.sync, ((performance.now() - t) * 1e6) / (calls * 20));
    t = performance.now();
    for (let i = 0; i < calls; i++) await np.add.async(a, 1);
    best.awaited = Math.min(best.awaited, ((performance.now() - t) * 1e6) / calls);
    t = performance.now();
    for (let i = 0; i < calls; i += 100) await Promise.all(Array.from({ length: 100 }, () => np.add.async(a, 1)));
    best.inflight = Math.min(best.inflight, ((performance.now() - t) * 1e6) / calls);
  }
  console.log(JSON.stringify({ engine: compat.info().engine.name, ...best }));
}

if (process.argv.includes('--child')) {
  await child(arg('--calls', 2000), arg('--rounds', 3));
} else {
  const self = fileURLToPath(import.meta.url);
  const us = (ns: number): string => `${(ns / 1000).toFixed(1)} µs`;
  for (const engine of ['koffi', 'ffi-napi']) {
    const out = execFileSync(process.execPath, [self, '--child', '--calls', String(arg('--calls', 2000)), '--rounds', String(arg('--rounds', 3))], {
      encoding: 'utf8',
      env: { ...process.env, NDBRIDGE_FFI: engine },
    });
    const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { sync: number; awaited: number; inflight: number };
    console.log(`${engine}: sync ${us(r.sync)} | async awaited one by one ${us(r.awaited)} (${(r.awaited / r.sync).toFixed(0)}x) | async, 100 in flight ${us(r.inflight)} per call (${(r.inflight / r.sync).toFixed(0)}x)`);
  }
}
