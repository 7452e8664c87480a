import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { numpySignature, numpySignatures } from './numpy-signatures.js';

const here = dirname(fileURLToPath(import.meta.url));
const python = process.env.NDBRIDGE_PYTHON ?? 'python3';

function installedNumpy(): string | null {
  try {
    return execFileSync(python, ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

describe('spec/numpy-signatures.json', () => {
  it('validates against its schema and covers the namespaces nd exposes', () => {
    const t = numpySignatures();
    expect(t.functions.length).toBeGreaterThan(500);
    for (const path of ['sum', 'add', 'zeros', 'linspace', 'linalg.svd', 'fft.rfft', 'random.default_rng', 'random.Generator.normal']) {
      expect(numpySignature(path), path).toBeDefined();
    }
    expect(numpySignature('add')?.ufunc).toEqual({ nin: 2, nout: 1 });
    const sum = numpySignature('sum')!;
    expect(sum.params!.map((p) => p.name)).toEqual(['a', 'axis', 'dtype', 'out', 'keepdims', 'initial', 'where']);
    expect(sum.params!.find((p) => p.name === 'where')!.default).toEqual({ kind: 'novalue' });
  });

  const version = installedNumpy();
  it.skipIf(version === null)('is what the installed NumPy says (regenerate: python3 spec/numpy_signatures.py > spec/numpy-signatures.json)', () => {
    const fresh = execFileSync(python, [join(here, 'numpy_signatures.py')], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const committed = readFileSync(join(here, 'numpy-signatures.json'), 'utf8');
    if (fresh !== committed) {
      const a = fresh.split('\n');
      const b = committed.split('\n');
      const i = a.findIndex((line, k) => line !== b[k]);
      expect.fail(`NumPy ${version} differs from the committed table (generated from ${numpySignatures().numpy}) at line ${i + 1}:\n  now:       ${a[i]?.slice(0, 300)}\n  committed: ${b[i]?.slice(0, 300)}`);
    }
  });
});
