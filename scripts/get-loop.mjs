// Element loops through FastArray.get() as users write them (the `iterate` workload): a sum of a.get(i)
// over 1e7 elements, per storage class. Run after `npm run build`:
//   node scripts/get-loop.mjs [path/to/fast/index.js] [case prefix]   (median of 7 runs per case, ns per element)
// Detached-buffer checks (issue 13), 2026-12-07, 2 cores at load average 6-14 (six agents): before
// (6d1a2fc) and after, 5 alternating runs each, best of 35 timings, ns/element: float64 1-d 6.87 -> 2.89,
// float64 2-d 3.98 -> 7.08, int32 1-d 7.62 -> 3.23, float64 strided 3.92 -> 5.57; the Float64Array
// reference itself ranged 0.67-5 ns in the same runs, so these differences are noise: no slowdown shows.
const fast = await import(process.argv[2] ?? '../dist/src/fast/index.js');

const N = 1e7;
const ROWS = 1000;
const f = new Float64Array(N);
for (let i = 0; i < N; i++) f[i] = (i % 97) * 0.5;
const i32 = Int32Array.from(f, (x) => x | 0);
const cases = {
  'float64 1-d get(i)': () => {
    const a = fast.asarray(f);
    let acc = 0;
    for (let i = 0; i < N; i++) acc += a.get(i);
    return acc;
  },
  'float64 2-d get(i, j)': () => {
    const a = fast.asarray(f).reshape([ROWS, N / ROWS]);
    const C = N / ROWS;
    let acc = 0;
    for (let i = 0; i < ROWS; i++) for (let j = 0; j < C; j++) acc += a.get(i, j);
    return acc;
  },
  'int32 1-d get(i)': () => {
    const a = fast.asarray(i32);
    let acc = 0;
    for (let i = 0; i < N; i++) acc += a.get(i);
    return acc;
  },
  'float64 strided get(i)': () => {
    const a = fast.asarray(f).reshape([N / 2, 2]).T.at(0);
    let acc = 0;
    for (let i = 0; i < N / 2; i++) acc += a.get(i) * 2;
    return acc;
  },
  'Float64Array f[i] (reference)': () => {
    let acc = 0;
    for (let i = 0; i < N; i++) acc += f[i];
    return acc;
  },
};
const only = process.argv[3];
for (const [name, run] of Object.entries(cases)) {
  if (only !== undefined && !name.startsWith(only)) continue;
  const times = [];
  let check = 0;
  for (let r = 0; r < 7; r++) {
    const t0 = process.hrtime.bigint();
    check = run();
    times.push(Number(process.hrtime.bigint() - t0) / N);
  }
  times.sort((x, y) => x - y);
  console.log(`${name.padEnd(32)} ${times[3].toFixed(3)} ns/element (min ${times[0].toFixed(3)})  [${check}]`);
}
