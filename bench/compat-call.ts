/**
 * Per-call cost of compat: `np.add(a, b)` on two 10-element float64 arrays, from TypeScript under
 * each FFI engine, against the same call timed inside CPython (timeit), in one run. Each side is
 * measured in its own process, rounds interleaved, best round kept (as timeit does).
 *
 *   npm run build && node dist/bench/compat-call.js [--calls 200000] [--rounds 5]
 *
 * Target (DESIGN.md): koffi within 2x of CPython.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

interface ChildResult {
  readonly engine: string;
  readonly version: string;
  /** ns per call, best round, for each variant. */
  readonly proxy: number;
  readonly method: number;
  readonly cachedCallable: number;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function child(calls: number, rounds: number): Promise<void> {
  const compat = await import('../src/compat/index.js');
  const np = compat.numpy();
  const a = np.arange(10, { dtype: 'float64' });
  const b = np.arange(10, { dtype: 'float64' });
  const add = np.add;
  // Results are released by FinalizationRegistry callbacks, which run between tasks: like a real
  // program, the loop yields every CHUNK calls, and the time of those releases is included (CPython's
  // timeit includes deallocation too).
  const CHUNK = 1000;
  const yieldNow = () => new Promise<void>((res) => setImmediate(res));
  const loop = async (fn: () => unknown, n: number): Promise<number> => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      fn();
      if (i % CHUNK === CHUNK - 1) await yieldNow();
    }
    await yieldNow();
    return Number(process.hrtime.bigint() - t0) / n;
  };
  const variants: Record<'proxy' | 'method' | 'cachedCallable', () => unknown> = {
    proxy: () => np.add(a, b),
    method: () => a.add(b),
    cachedCallable: () => add(a, b),
  };
  // Warm up every variant (JIT, caches, heap size), then interleave the timed rounds.
  for (const fn of Object.values(variants)) await loop(fn, Math.min(50_000, calls));
  const best = { proxy: Infinity, method: Infinity, cachedCallable: Infinity };
  for (let r = 0; r < rounds; r++) {
    for (const key of Object.keys(variants) as (keyof typeof variants)[]) best[key] = Math.min(best[key], await loop(variants[key], calls));
  }
  const info = compat.info();
  const out: ChildResult = { engine: info.engine.name, version: info.engine.version ?? '?', ...best };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function cpython(python: string, calls: number, rounds: number): number {
  const src =
    'import timeit, json\n' +
    `t = timeit.repeat("np.add(a, b)", setup="import numpy as np; a = np.arange(10, dtype=np.float64); b = np.arange(10, dtype=np.float64)", number=${calls}, repeat=${rounds})\n` +
    `print(json.dumps(min(t) / ${calls} * 1e9))\n`;
  return Number(execFileSync(python, ['-c', src], { encoding: 'utf8' }).trim());
}

async function main(): Promise<void> {
  const calls = arg('--calls', 200_000);
  const rounds = arg('--rounds', 5);
  if (process.argv.includes('--child')) return child(calls, rounds);
  const compat = await import('../src/compat/index.js');
  const info = compat.info();
  if (!info.available || !info.interpreter) {
    process.stderr.write(`compat is unavailable: ${info.problem}\n`);
    process.exitCode = 1;
    return;
  }
  const self = fileURLToPath(import.meta.url);
  const runChild = (engine: string): ChildResult =>
    JSON.parse(
      execFileSync(process.execPath, [self, '--child', '--calls', String(calls), '--rounds', '2'], {
        encoding: 'utf8',
        env: { ...process.env, NDBRIDGE_FFI: engine },
      }).trim(),
    ) as ChildResult;
  const best: Record<string, ChildResult> = {};
  let py = Infinity;
  for (let r = 0; r < rounds; r++) {
    py = Math.min(py, cpython(info.interpreter, calls, 2));
    for (const engine of ['koffi', 'ffi-napi']) {
      const res = runChild(engine);
      const prev = best[engine];
      best[engine] = prev
        ? { ...res, proxy: Math.min(prev.proxy, res.proxy), method: Math.min(prev.method, res.method), cachedCallable: Math.min(prev.cachedCallable, res.cachedCallable) }
        : res;
    }
  }
  const rows = [
    ['side', 'np.add(a, b)', 'ratio', 'a.add(b)', 'add(a, b) cached', 'ratio'],
    ['CPython timeit', `${py.toFixed(0)} ns`, '1.00x', '', '', ''],
  ];
  for (const [engine, r] of Object.entries(best)) {
    rows.push([
      `${engine} ${r.version}`,
      `${r.proxy.toFixed(0)} ns`,
      `${(r.proxy / py).toFixed(2)}x`,
      `${r.method.toFixed(0)} ns`,
      `${r.cachedCallable.toFixed(0)} ns`,
      `${(r.cachedCallable / py).toFixed(2)}x`,
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  process.stdout.write(`compat per-call cost: np.add on two 10-element float64 arrays (${calls} calls x ${rounds} rounds, best round)\n`);
  for (const row of rows) process.stdout.write(`${row.map((cell, c) => cell.padEnd(widths[c])).join('  ')}\n`);
  const ratio = best.koffi.proxy / py;
  process.stdout.write(`target: koffi within 2x of CPython -> ${ratio <= 2 ? 'MET' : 'NOT MET'} (${ratio.toFixed(2)}x)\n`);
  process.stdout.write(`machine load while measuring (1-min average): ${(await import('node:os')).loadavg()[0].toFixed(2)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
