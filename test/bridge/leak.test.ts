/**
 * Round trips asarray(toNumpy(f)) under forced GC, in a child process per engine (--expose-gc): the live
 * export and import counts return to zero and the Python object count, the JS heap and RSS stay flat
 * between two equal phases after warm-up (with and without dispose()).
 *
 * ROUNDS per phase defaults to 10,000 (keeps npm test short); NDBRIDGE_LEAK_ROUNDS=100000 gives the
 * figures quoted in the README. Each case prints its measurements.
 */
import { expect, it } from 'vitest';
import { describeCompat } from '../compat/support.js';
import { describeExit, ENGINES, LIB, runIsolated, type FfiEngineName } from '../support/isolated.js';

/** The heap-settling step shared with scripts/leak-figures.mjs, imported by the child by URL. */
const SETTLE = new URL('../../scripts/settle-heap.mjs', import.meta.url).href;
const engines: readonly FfiEngineName[] = process.env.NDBRIDGE_FFI === 'ffi-napi' ? ['ffi-napi'] : ENGINES;
const ROUNDS = Number(process.env.NDBRIDGE_LEAK_ROUNDS ?? 10_000);
/** Three phases of ROUNDS round trips: about 1 ms per round without dispose() on a loaded 2-core machine. */
const TIMEOUT_MS = Math.max(180_000, ROUNDS * 3 * 3);

interface Phase {
  exports: number;
  imports: number;
  pyObjects: number;
  heapUsed: number;
  rss: number;
}

function script(dispose: boolean): string {
  return `
import { fast, compat, toNumpy, asarray } from '${LIB}/index.js';
import { liveExports, liveImports, releaseUnused } from '${LIB}/bridge/index.js';
import { settleHeap } from '${SETTLE}';
const pyObjects = () => Number(compat.evaluate('len(__import__("gc").get_objects())'));
const settle = () => settleHeap(compat, releaseUnused);
const expected = compat.evaluate('[float(i) for i in range(1000)]');
let wrong = 0;
const round = (i) => {
  const f = fast.full([64], i % 1000).astype('float64');
  const y = toNumpy(f);
  const g = asarray(y);
  if (g.get(63) !== expected[i % 1000]) wrong++;
  if (${dispose}) { g.dispose(); y.dispose(); f.dispose(); }
};
const phases = [];
for (let p = 0; p < 3; p++) {
  for (let i = 0; i < ${ROUNDS}; i++) { round(i); if (i % 5000 === 0) globalThis.gc(); }
  await settle();
  const m = process.memoryUsage();
  phases.push({ exports: liveExports(), imports: liveImports(), pyObjects: pyObjects(), heapUsed: m.heapUsed, rss: m.rss });
}
console.log('RESULT ' + JSON.stringify({ wrong, phases }));
`;
}

describeCompat('bridge round trips do not leak (forced GC, child process)', () => {
  for (const engine of engines) {
    for (const dispose of [true, false]) {
      it(`${engine}: asarray(toNumpy(f)) ${ROUNDS} times per phase${dispose ? ' with dispose()' : ' without dispose()'}: counts back to zero, memory flat`, () => {
        const r = runIsolated(script(dispose), { engine, nodeArgs: ['--expose-gc'], timeoutMs: TIMEOUT_MS });
        expect(r.signal, describeExit(r)).toBeNull();
        expect(r.status, describeExit(r)).toBe(0);
        const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
        expect(line, describeExit(r)).toBeDefined();
        const { wrong, phases } = JSON.parse(line!.slice(7)) as { wrong: number; phases: Phase[] };
        const [, second, third] = phases;
        const perRound = (a: number, b: number): string => ((b - a) / ROUNDS).toFixed(1);
        console.log(
          `${engine} ${dispose ? 'dispose' : 'no dispose'} ${ROUNDS}/phase: live exports ${third.exports}, imports ${third.imports}; ` +
            `phase 2->3 Python objects ${third.pyObjects - second.pyObjects}, heapUsed ${perRound(second.heapUsed, third.heapUsed)} B/round, ` +
            `RSS ${perRound(second.rss, third.rss)} B/round`,
        );
        expect(wrong).toBe(0);
        for (const p of phases) {
          expect(p.exports).toBe(0);
          expect(p.imports).toBe(0);
        }
        // Flat: one leaked Python object per 10 rounds, a leaked JS array object per round, or the 4 KB per round
        // the ffi-napi leak cost would exceed these (the RSS bound leaves room for allocator and GC timing noise
        // of short phases; NDBRIDGE_LEAK_ROUNDS=100000 measures it closely).
        expect(Math.abs(third.pyObjects - second.pyObjects)).toBeLessThan(ROUNDS / 10);
        expect(third.heapUsed - second.heapUsed).toBeLessThan(ROUNDS * 256);
        expect(third.rss - second.rss).toBeLessThan(ROUNDS * 2048);
      }, TIMEOUT_MS + 10_000);
    }
  }
});
