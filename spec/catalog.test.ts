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
    const by = (s: string) => catalog.corners.filter((c) => c.source === s && c.kind !== 'parameter');
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

  it('has a parameter corner for every optional parameter of the standard, NumPy\'s keywords and nd\'s calling conventions', () => {
    const params = catalog.corners.filter((c) => c.kind === 'parameter');
    const ids = new Set(params.map((c) => c.id));
    // the standard's optional parameters of functions and methods (159 in 2024.12, isin's invert in 2025.12)
    expect(params.filter((c) => c.source === 'array-api-2024.12')).toHaveLength(159);
    expect(ids.has('set.isin.invert')).toBe(true);
    for (const id of ['statistical.sum.where', 'statistical.sum.initial', 'manipulation.reshape.order', 'elementwise.add.out', 'elementwise.add.casting', 'creation.zeros.dtype-spellings', 'creation.linspace.num', 'creation.linspace.endpoint', 'creation.eye.k', 'indexing.take.mode', 'numpy.bincount.weights', 'elementwise.round.decimals', 'elementwise.clip.a_min', 'nd.positional']) {
      expect(ids.has(id), id).toBe(true);
    }
    // every parameter corner but nd's names its function corner, and its id starts with it
    const fns = new Set(catalog.corners.filter((c) => c.kind !== 'parameter').map((c) => c.id));
    for (const c of params.filter((p) => p.area !== 'nd')) {
      expect(c.of !== undefined && fns.has(c.of) && c.id.startsWith(`${c.of}.`), c.id).toBe(true);
    }
  });

  it('rejects a parameter corner whose function corner is unknown', () => {
    const c = catalog.corners.find((x) => x.id === 'statistical.sum.where')!;
    expect(CatalogSchema.safeParse({ ...catalog, corners: [...catalog.corners.filter((x) => x.id !== c.id), { ...c, of: 'statistical.nosuch' }] }).success).toBe(false);
    expect(CatalogSchema.safeParse({ ...catalog, corners: [...catalog.corners.filter((x) => x.id !== c.id), { ...c, kind: 'function' }] }).success).toBe(false);
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
