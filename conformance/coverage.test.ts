import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../spec/catalog.js';
import { ALL_CASES } from './cases/index.js';

describe('catalog and cases', () => {
  const ids = new Set(loadCatalog().corners.map((c) => c.id));
  const covered = new Set(ALL_CASES.map((c) => c.corner));

  it('every catalog entry has at least one case', () => {
    expect([...ids].filter((id) => !covered.has(id))).toEqual([]);
  });

  it('every case names a catalog entry', () => {
    expect(ALL_CASES.map((c) => c.corner).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('every case has at least one trial and a Python expression', () => {
    expect(ALL_CASES.filter((c) => c.trials.length === 0 || c.py.trim() === '').map((c) => c.corner)).toEqual([]);
  });
});
