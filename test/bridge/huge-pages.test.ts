/**
 * The huge-page hook the bridge installs for fast's fresh large results (src/bridge/huge-pages.ts):
 * its address arithmetic, and, in a child process under each FFI engine, that loading ndbridge installs
 * it where the kernel takes madvise advice, that madvise succeeds (the hook stays installed) and that
 * large fresh results stay exact against the embedded NumPy.
 */
import { describe, expect, it } from 'vitest';
import { alignedHugeRange, transparentHugePageMode } from '../../src/bridge/huge-pages.js';
import { describeCompat } from '../compat/support.js';
import { describeExit, ENGINES, LIB, runIsolated, type FfiEngineName } from '../support/isolated.js';

const engines: readonly FfiEngineName[] = process.env.NDBRIDGE_FFI === 'ffi-napi' ? ['ffi-napi'] : ENGINES;
const MB2 = 2n * 1024n * 1024n;

describe('alignedHugeRange', () => {
  it('keeps the whole 2 MiB pages inside the buffer', () => {
    expect(alignedHugeRange(MB2, 4 * 1024 * 1024)).toEqual({ lo: MB2, length: 4 * 1024 * 1024 });
    expect(alignedHugeRange(MB2 + 16n, 4 * 1024 * 1024)).toEqual({ lo: 2n * MB2, length: 2 * 1024 * 1024 });
    expect(alignedHugeRange(MB2 + 16n, 2 * 1024 * 1024)).toBeNull();
    expect(alignedHugeRange(0x7f00_0000_1010n, 8_000_000)).toEqual({ lo: 0x7f00_0020_0000n, length: 4 * 1024 * 1024 });
  });
});

describeCompat('huge pages for fresh large fast results', () => {
  for (const engine of engines) {
    it(`${engine}: installed on load where THP is 'madvise'; results of 1e6 elements exact against NumPy`, () => {
      const r = runIsolated(
        `
import { fast, compat, toNumpy } from '${LIB}/index.js';
const np = compat.numpy();
const n = 1_000_000;
const a = fast.asarray(Float64Array.from({ length: n }, (_, i) => (i % 1000) / 1000));
const b = fast.asarray(Float64Array.from({ length: n }, (_, i) => (i % 997) / 997));
let same = true;
for (let k = 0; k < 6; k++) {
  const r = a.add(b).mul(a).sub(k);
  const z = fast.zeros([n]);
  const want = np.subtract(np.multiply(np.add(toNumpy(a), toNumpy(b)), toNumpy(a)), k);
  same = same && Boolean(np.array_equal(toNumpy(r), want)) && Boolean(np.all(np.equal(toNumpy(z), 0)));
}
console.log('RESULT ' + JSON.stringify({ hook: (await import('${LIB}/internal.js')).hasFreshBufferHook(), same }));
`,
        { engine, timeoutMs: 120_000 },
      );
      expect(r.status, describeExit(r)).toBe(0);
      const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
      expect(line, describeExit(r)).toBeDefined();
      const got = JSON.parse(line!.slice(7)) as { hook: boolean; same: boolean };
      expect(got.same).toBe(true);
      expect(got.hook).toBe(process.platform === 'linux' && transparentHugePageMode() === 'madvise');
    });
  }
});
