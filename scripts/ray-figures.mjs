#!/usr/bin/env node
/**
 * Ray's start-up time and per-task overhead as compat.namespace('dask.array', { scheduler: 'ray' }) sees
 * them (README, "Beyond one machine"). Needs the scale extras and a build:
 *
 *   npm run setup:scale && npm run build
 *   NDBRIDGE_PYTHON=$PWD/.venv-scale/bin/python node scripts/ray-figures.mjs
 *
 * Per-task overhead: a graph of n one-element chunks (map_blocks then sum) computed at two sizes; the
 * difference in wall time divided by the difference in task count (the graph's length), median of 5.
 * The same graphs on Dask's default thread pool, in the same run, for comparison.
 */
const root = new URL('..', import.meta.url);
const { compat } = await import(new URL('dist/src/index.js', root).href);

function graph(da, n) {
  const x = da.ones([n], { chunks: 1 });
  return compat.evaluate('x.map_blocks(lambda b: b + 1).sum()', { x });
}
function tasks(y) {
  return compat.evaluate('len(y.__dask_graph__())', { y });
}
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function timeCompute(y) {
  const t = performance.now();
  y.get();
  return performance.now() - t;
}
function perTask(da, small, large) {
  const ys = graph(da, small);
  const yl = graph(da, large);
  timeCompute(ys); // warm-up: workers started, functions shipped
  timeCompute(yl);
  const ts = median(Array.from({ length: 5 }, () => timeCompute(graph(da, small))));
  const tl = median(Array.from({ length: 5 }, () => timeCompute(graph(da, large))));
  return { smallMs: ts, largeMs: tl, tasksSmall: tasks(ys), tasksLarge: tasks(yl), usPerTask: ((tl - ts) * 1000) / (tasks(yl) - tasks(ys)) };
}

const threads = compat.namespace('dask.array', { scheduler: 'threads' });
const onThreads = perTask(threads, 100, 500);
const t0 = performance.now();
const da = compat.namespace('dask.array', { scheduler: 'ray' });
const startMs = performance.now() - t0;
const first = performance.now();
da.ones([4], { chunks: 2 }).sum().get();
const firstMs = performance.now() - first;
const onRay = perTask(da, 100, 500);
const big = da.ones([8000, 8000], { chunks: [2000, 2000] });
const tb = performance.now();
const s = big.sum().get();
const bigMs = performance.now() - tb;
const t1 = performance.now();
compat.shutdownRay();
const stopMs = performance.now() - t1;
console.log(JSON.stringify({
  rayStartMs: Math.round(startMs),
  rayReportedStartupMs: Math.round(da.ray.startupMs),
  firstComputeMs: Math.round(firstMs),
  ray: onRay,
  threads: onThreads,
  sum8000x8000: { value: s, ms: Math.round(bigMs), chunks: 16 },
  shutdownMs: Math.round(stopMs),
  cpus: da.ray.resources.CPU,
}, null, 1));
