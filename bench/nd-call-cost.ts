/**
 * What nd adds to a call: `nd.<f>(...)` against the same `fast.<f>(...)` on tiny arrays (so the kernel
 * costs little), and bindCall alone, in one process; best of several rounds, ns per call.
 *
 *   npm run build && node dist/bench/nd-call-cost.js [--calls 200000] [--rounds 5]
 *
 * Target (issue: routing by call): binding under 1 µs per hot call.
 */
import { numpySignature } from '../spec/numpy-signatures.js';
import { bindCall, compileSignature } from '../src/bridge/bind.js';
import { nd } from '../src/bridge/nd.js';
import * as fast from '../src/fast/index.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function best(calls: number, rounds: number, fn: () => unknown): number {
  let min = Infinity;
  let sink: unknown;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) sink = fn();
    const ns = Number(process.hrtime.bigint() - t0) / calls;
    if (ns < min) min = ns;
  }
  if (sink === Symbol.for('never')) console.log(sink);
  return min;
}

const calls = arg('--calls', 200_000);
const rounds = arg('--rounds', 5);
const a = fast.arange(4).astype('float64');
const b = fast.ones([4]);
const x = fast.arange(6).astype('float64').reshape([2, 3]);
const sumSig = compileSignature(numpySignature('sum')!)!;
const addSig = compileSignature(numpySignature('add')!)!;
const rows: [string, number][] = [
  ['bindCall sum(x, 0)', best(calls, rounds, () => bindCall(sumSig, [x, 0]))],
  ['bindCall sum(x, { axis: 0, keepdims: true })', best(calls, rounds, () => bindCall(sumSig, [x, { axis: 0, keepdims: true }]))],
  ['bindCall add(a, b)', best(calls, rounds, () => bindCall(addSig, [a, b]))],
  ['fast.add(a, b).get(0)', best(calls, rounds, () => fast.add(a, b).get(0))],
  ['nd.add(a, b).get(0)', best(calls, rounds, () => (nd.add(a, b) as fast.FastArray).get(0))],
  ['fast.sum(x, { axis: 0 })', best(calls, rounds, () => fast.sum(x, { axis: 0 }))],
  ['nd.sum(x, 0)', best(calls, rounds, () => nd.sum(x, 0))],
];
for (const [label, ns] of rows) console.log(`${label.padEnd(48)} ${ns.toFixed(0).padStart(7)} ns`);
