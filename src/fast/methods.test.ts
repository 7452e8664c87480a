/**
 * FastArray's methods are installed in one place (methods.ts) by every public entry point, and array.ts
 * imports no API module (the engine and the data class stay below the API in the import graph).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LIB, runIsolated } from '../../test/support/isolated.js';
import { FastArray } from './array.js';
import { FAST_ARRAY_METHODS } from './methods.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('FastArray methods', () => {
  it('are on the prototype, not enumerable, and include the arithmetic, reductions and shape methods', () => {
    for (const name of ['add', 'sum', 'reshape', 'astype', 'at', 'T', 'matmul', '__dlpack__']) expect(FAST_ARRAY_METHODS).toContain(name);
    for (const name of FAST_ARRAY_METHODS) {
      const d = Object.getOwnPropertyDescriptor(FastArray.prototype, name);
      expect(d, name).toBeDefined();
      expect(d!.enumerable, name).toBe(false);
    }
  });

  it.each(['fast/index.js', 'bridge/index.js', 'index.js'])('are installed by the entry point %s alone', (entry) => {
    const r = runIsolated(
      `await import('${LIB}/${entry}');
       const { FastArray } = await import('${LIB}/fast/array.js');
       console.log(JSON.stringify(['add', 'sum', 'reshape', 'T'].map((n) => n in FastArray.prototype)));`,
      { timeoutMs: 60_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('[true,true,true,true]');
  });

  it('array.ts and the engine import no API area module', () => {
    const areas = ['creation', 'elementwise', 'reduction', 'manipulation', 'indexing', 'searching', 'sorting', 'sets', 'linalg', 'fft', 'numpy-extras', 'data-types'];
    const files = ['array.ts', ...readdirSync(join(here, 'engine')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => `engine/${f}`)];
    for (const f of files) {
      const src = readFileSync(join(here, f), 'utf8');
      for (const m of src.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) {
        const spec = m[1]!;
        const hit = areas.find((a) => spec.includes(`/${a}/`) || spec.startsWith(`./${a}/`));
        expect(hit, `${f} imports ${spec}`).toBeUndefined();
      }
    }
  });
});
