/**
 * Lazy arrays a program drops are garbage even when nothing has written the memory they read: the
 * storage does not hold its readers (storage.ts Epoch). The earlier design held the newest 1024 in a
 * Set and the rest through WeakRefs, which keep their targets alive until the synchronous job ends:
 * a loop of lazy ops on an unwritten 50x50 array kept every result (178 MB after 100k iterations).
 * Child process, --expose-gc.
 */
import { expect, it } from 'vitest';
import { describeExit, LIB, runIsolated } from '../support/isolated.js';

it('dropped lazy results of an unwritten array are collected; those kept still read their values', () => {
  const r = runIsolated(
    `
import * as fast from '${LIB}/fast/index.js';
const a = fast.ones([50, 50]);
const refs = [];
let kept;
for (let i = 0; i < 3000; i++) {
  const lazy = a.add(i);
  if (i % 100 === 0) refs.push(new WeakRef(lazy));
  if (i === 2999) kept = lazy;
}
await new Promise((r) => setTimeout(r, 0)); // WeakRef targets are kept until the job ends
for (let k = 0; k < 3; k++) { globalThis.gc(); await new Promise((r) => setTimeout(r, 5)); }
const alive = refs.filter((w) => w.deref() !== undefined).length;
console.log('RESULT ' + JSON.stringify({ alive, kept: kept.get(49, 49) }));
`,
    { nodeArgs: ['--expose-gc'], timeoutMs: 60_000 },
  );
  expect(r.status, describeExit(r)).toBe(0);
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  expect(line, describeExit(r)).toBeDefined();
  const { alive, kept } = JSON.parse(line!.slice(7)) as { alive: number; kept: number };
  expect(alive).toBe(0);
  expect(kept).toBe(3000);
});
