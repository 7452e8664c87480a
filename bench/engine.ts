/**
 * Quick benchmark of the fast runtime's engine on 1e7 float64 elements (issue 2's targets):
 *   - `a+a+a+a+a` fused and forced (new result array each time) vs the same five-term loop written
 *     by hand over Float64Arrays: target within 1.3x;
 *   - a `get(i)` summation loop vs indexing a Float64Array directly: target within 3x;
 *   - fused `sum(a*b)` vs a hand-written dot-product loop (for information).
 * Run from the build: `npm run build && node dist/bench/engine.js [n]`.
 */
import * as fast from '../src/fast/index.js';

function best(label: string, reps: number, fn: () => unknown): number {
  let min = Infinity;
  let sink: unknown;
  for (let r = 0; r < reps; r++) {
    const t0 = process.hrtime.bigint();
    sink = fn();
    const dt = Number(process.hrtime.bigint() - t0) / 1e6;
    if (dt < min) min = dt;
  }
  if (sink === Symbol.for('never')) console.log(label);
  return min;
}

function main(): void {
  const n = Number(process.argv[2] ?? 1e7);
  const reps = Number(process.argv[3] ?? 7);
  const a = fast.zeros([n]);
  const raw = a.toTypedArray() as Float64Array;
  const b = fast.arange(n).astype('float64').div(n);
  b.toTypedArray();
  const rawB = b.toTypedArray() as Float64Array;

  const fused = best('fused', reps, () => {
    const r = a.add(a).add(a).add(a).add(a);
    r.toTypedArray();
    return r;
  });
  const hand = best('hand', reps, () => {
    const r = new Float64Array(n);
    for (let i = 0; i < n; i++) r[i] = raw[i] + raw[i] + raw[i] + raw[i] + raw[i];
    return r;
  });

  const getLoop = best('get', reps, () => {
    let s = 0;
    for (let i = 0; i < n; i++) s += b.get(i) as number;
    return s;
  });
  const direct = best('direct', reps, () => {
    let s = 0;
    for (let i = 0; i < n; i++) s += rawB[i];
    return s;
  });

  const fusedDot = best('sum(a*b)', reps, () => fast.sum(b.mul(b)).get());
  const handDot = best('hand dot', reps, () => {
    let s = 0;
    for (let i = 0; i < n; i++) s += rawB[i] * rawB[i];
    return s;
  });

  const copy = best('memcpy', reps, () => {
    const r = new Float64Array(n);
    r.set(rawB);
    return r;
  });

  const row = (name: string, ms: number, ref: number, target: string) =>
    console.log(`${name.padEnd(34)} ${ms.toFixed(2).padStart(9)} ms   ratio ${(ms / ref).toFixed(2)}x ${target}`);
  console.log(`n = ${n}, best of ${reps} runs (Node ${process.version})`);
  row('hand-written a+a+a+a+a loop', hand, hand, '');
  row('fast a.add(a).add(a).add(a).add(a)', fused, hand, '(target <= 1.3x)');
  row('Float64Array index sum loop', direct, direct, '');
  row('fast get(i) sum loop', getLoop, direct, '(target <= 3x)');
  row('hand-written dot loop', handDot, handDot, '');
  row('fast sum(b.mul(b)) (pairwise)', fusedDot, handDot, '');
  row('memory copy (Float64Array.set)', copy, copy, '');
}

main();
