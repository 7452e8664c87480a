import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog, catalogText, defaultSourcesDir, NEW_IN_2025, repoRoot } from './generate.js';
import { loadCatalog } from './catalog.js';
import { CatalogSchema } from './schema.js';

describe('spec catalog', () => {
  const catalog = loadCatalog();

  it('validates against its schema', () => {
    expect(CatalogSchema.safeParse(catalog).success).toBe(true);
  });

  it('covers all 224 entries of the 2024.12 standard, the four 2025.12 corners, >= 60 NumPy corners and the bridge', () => {
    const by = (s: string) => catalog.corners.filter((c) => c.source === s);
    expect(by('array-api-2024.12')).toHaveLength(224);
    expect(by('array-api-2025.12').map((c) => c.id).sort()).toEqual([...NEW_IN_2025].sort());
    expect(by('numpy').length).toBeGreaterThanOrEqual(60);
    const bridge = by('bridge').map((c) => c.id);
    for (const d of ['int8', 'uint64', 'float32', 'complex128', 'bool']) {
      expect(bridge).toContain(`bridge.numpy-to-fast.${d}`);
      expect(bridge).toContain(`bridge.fast-to-numpy.${d}`);
    }
  });

  it('uses the ids the project names', () => {
    const ids = new Set(catalog.corners.map((c) => c.id));
    for (const id of ['elementwise.add', 'array.__add__', 'array.shape', 'linalg.svd', 'fft.rfft', 'indexing.boolean-mask', 'dtype.promotion.int8-uint8', 'bridge.numpy-to-fast.negative-strides']) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('rejects duplicate ids and ids outside their area', () => {
    const c = catalog.corners[0];
    expect(CatalogSchema.safeParse({ ...catalog, corners: [c, c] }).success).toBe(false);
    expect(CatalogSchema.safeParse({ ...catalog, corners: [{ ...c, area: 'other' }] }).success).toBe(false);
  });

  const sources = defaultSourcesDir();
  it.skipIf(!existsSync(join(sources, 'array-api-2024.12.json')))('is exactly what spec/generate.ts builds from the standard listings', () => {
    const committed = readFileSync(join(repoRoot(), 'spec', 'catalog.json'), 'utf8');
    expect(committed).toBe(catalogText(buildCatalog(sources)));
  });
});
