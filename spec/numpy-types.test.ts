import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { NUMPY_TYPED_PATHS, NUMPY_TYPES_VERSION } from '../src/compat/numpy/generated/numpy-api.js';
import { numpySignatures } from './numpy-signatures.js';
import { generateNumpyTypes, OUTPUT, readStubs } from './numpy-types-generate.js';

const python = process.env.NDBRIDGE_PYTHON ?? 'python3';

function installedNumpy(): string | null {
  try {
    return execFileSync(python, ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

describe('src/compat/numpy/generated/numpy-api.ts', () => {
  it('declares every public callable of numpy, linalg, fft, random and random.Generator in the signature table', () => {
    const declared = new Set(NUMPY_TYPED_PATHS);
    const missing = numpySignatures().functions.filter((f) => !declared.has(f.path)).map((f) => f.path);
    expect(missing).toEqual([]);
  });

  const version = installedNumpy();
  const same = version === NUMPY_TYPES_VERSION;
  if (!same) {
    // Loudly: a different NumPy generates different declarations, so the check would be meaningless.
    console.warn(`numpy-api.ts staleness check skipped: generated from NumPy ${NUMPY_TYPES_VERSION}, installed ${version ?? 'none'}`);
  }
  it.skipIf(!same)('is what the generator makes from the installed NumPy (regenerate: npm run build && node dist/spec/numpy-types-generate.js)', () => {
    const fresh = generateNumpyTypes(readStubs(python));
    const committed = readFileSync(OUTPUT, 'utf8');
    if (fresh !== committed) {
      const a = fresh.split('\n');
      const b = committed.split('\n');
      const i = a.findIndex((line, k) => line !== b[k]);
      expect.fail(`the generated declarations differ from the committed file at line ${i + 1}:\n  now:       ${a[i]?.slice(0, 300)}\n  committed: ${b[i]?.slice(0, 300)}`);
    }
  }, 120_000);
});
