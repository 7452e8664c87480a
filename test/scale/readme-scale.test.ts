/**
 * The README's Dask-on-Ray block ("Beyond one machine") runs and prints what it says. test/readme.test.ts
 * runs every other block; this one needs the scale extras (npm run test:scale).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as compat from '../../src/compat/index.js';
import { COMPAT_PROBLEM } from '../compat/support.js';
import { isScaleBlock, promised, README_BLOCKS, runBlock } from '../readme-blocks.js';

const work = mkdtempSync(join(tmpdir(), 'ndbridge-readme-scale-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function hasExtras(): boolean {
  if (COMPAT_PROBLEM) return false;
  try {
    compat.import('dask.array');
    compat.import('ray');
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!hasExtras())('README, Beyond one machine', () => {
  const blocks = README_BLOCKS.filter(isScaleBlock);
  it('has the Dask-on-Ray block', () => expect(blocks.length).toBe(1));
  blocks.forEach((block, i) => {
    it(`scale block ${i + 1} runs and prints what it says`, async () => {
      expect(await runBlock(block, join(work, `scale-block-${i + 1}.ts`))).toEqual(promised(block));
    }, 120_000);
  });
});
