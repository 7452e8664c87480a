// Shared by scripts/leak-figures.mjs and test/bridge/leak.test.ts (both run under node --expose-gc):
// brings the JS heap and Python's objects to a steady state before they are measured. A collection
// runs finalisers, which release exports and imports, which frees more on the next collection, so the
// JS heap is collected until it stops shrinking (a loaded machine needs more rounds than a quiet one).

/**
 * @param {{ exec(code: string): unknown }} compat ndbridge's compat namespace
 * @param {() => unknown} releaseUnused the bridge's releaseUnused
 */
export async function settleHeap(compat, releaseUnused) {
  compat.exec('import gc; gc.collect()');
  let last = Infinity;
  for (let k = 0, still = 0; k < 40 && still < 3; k++) {
    globalThis.gc();
    await new Promise((r) => setTimeout(r, 5));
    releaseUnused();
    const used = process.memoryUsage().heapUsed;
    still = used > last - 65536 ? still + 1 : 0;
    last = Math.min(last, used);
  }
  compat.exec('import gc; gc.collect()');
  globalThis.gc();
}
