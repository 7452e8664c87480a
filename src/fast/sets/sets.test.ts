import { describe, expect, it } from 'vitest';
import { DTYPE_NAMES, type DTypeName } from '../../common/dtypes.js';
import type { FastArray } from '../array.js';
import { asarray } from '../creation/creation.js';
import * as u from './sets.js';
import { sort } from '../sorting/sorting.js';
import { mk, MK_PY } from '../testing/fixtures.js';
import { expectSame, numpyEval } from '../testing/numpy-oracle.js';

const SETUP = `${MK_PY}
def rep(dt): return np.concatenate([mk(dt), mk(dt, 3)[:5], mk(dt, 6)]).reshape(3, 7)
`;
const rep = (d: DTypeName) => asarray([...(mk(d).toArray() as never[]), ...(mk(d, 3).toArray() as never[]).slice(0, 5), ...(mk(d, 6).toArray() as never[])] as never, { dtype: d }).reshape([3, 7]);

/** `+ 0` in the dtype (bool: False): -0.0 becomes 0.0 on both sides, since which zero NumPy keeps is unspecified. */
const zero = (d: DTypeName) => (d === 'bool' ? 'False' : `np.zeros((), '${d}')`);
const plusZero = (a: FastArray, d: DTypeName): FastArray => (d === 'bool' ? a : a.add(asarray(0, { dtype: d })));

interface Row {
  label: string;
  py: string;
  run: () => FastArray;
  int?: boolean;
}

/** Exact comparisons; index and count arrays are int32 here (NumPy intp). */
function check(rows: Row[]): void {
  const res = numpyEval(Object.fromEntries(rows.map((r) => [r.label, r.py])), SETUP);
  for (const r of rows) expectSame(r.run(), res[r.label], r.label, r.int ? { dtype: 'int32' } : {});
}

describe('unique_* / unique / isin match NumPy 2 (every NaN distinct in unique_*, collapsed in unique)', () => {
  it('every dtype', () => {
    const rows: Row[] = [];
    for (const d of DTYPE_NAMES) {
      // NumPy >= 2.3 returns unique_values of integers in hash order: compare sorted
      rows.push({ label: `unique_values ${d}`, py: `np.sort(np.unique_values(rep('${d}'))) + ${zero(d)}`, run: () => plusZero(sort(u.unique_values(rep(d))), d) });
      rows.push({ label: `unique_all values ${d}`, py: `np.unique_all(rep('${d}')[:, ::-1]).values`, run: () => u.unique_all(rep(d).at(':, ::-1')).values });
      rows.push({ label: `unique_all indices ${d}`, py: `np.unique_all(rep('${d}')[:, ::-1]).indices`, run: () => u.unique_all(rep(d).at(':, ::-1')).indices, int: true });
      rows.push({ label: `unique_all inverse ${d}`, py: `np.unique_all(rep('${d}')).inverse_indices`, run: () => u.unique_all(rep(d)).inverse_indices, int: true });
      rows.push({ label: `unique_counts ${d}`, py: `np.unique_counts(rep('${d}')).counts`, run: () => u.unique_counts(rep(d)).counts, int: true });
      // which NaN gets which inverse index depends on NumPy's unstable sort there: integer dtypes only
      if (!d.startsWith('float') && !d.startsWith('complex')) rows.push({ label: `unique_inverse ${d}`, py: `np.unique_inverse(rep('${d}').T).inverse_indices`, run: () => u.unique_inverse(rep(d).T).inverse_indices, int: true });
      rows.push({ label: `unique ${d}`, py: `np.unique(rep('${d}')) + ${zero(d)}`, run: () => plusZero(u.unique(rep(d)) as FastArray, d) });
      rows.push({ label: `unique counts ${d}`, py: `np.unique(rep('${d}'), return_counts=True)[1]`, run: () => (u.unique(rep(d), { return_counts: true }) as FastArray[])[1], int: true });
      rows.push({ label: `unique inverse ${d}`, py: `np.unique(rep('${d}'), return_inverse=True, return_index=True)[2]`, run: () => (u.unique(rep(d), { return_inverse: true, return_index: true }) as FastArray[])[2], int: true });
      rows.push({ label: `isin ${d}`, py: `np.isin(rep('${d}'), mk('${d}', 2)[:3])`, run: () => u.isin(rep(d), mk(d, 2).at(':3')) });
      rows.push({ label: `isin invert ${d}`, py: `np.isin(mk('${d}'), rep('${d}')[1:2, ::2], invert=True)`, run: () => u.isin(mk(d), rep(d).at('1:2, ::2'), { invert: true }) });
    }
    rows.push({ label: 'isin mixed', py: 'np.isin(np.array([1, 2, 3], dtype=np.int8), np.array([2.0, 3.5, np.nan]))', run: () => u.isin(asarray([1, 2, 3], { dtype: 'int8' }), asarray([2, 3.5, NaN])) });
    rows.push({ label: 'unique empty', py: 'np.unique_values(np.zeros(0))', run: () => u.unique_values(asarray([])) });
    check(rows);
  });
  it('unique_all of a 0-d array gives shaped results', () => {
    const r = u.unique_all(asarray(2.5));
    expect(r.values.shape).toEqual([1]);
    expect(r.inverse_indices.shape).toEqual([]);
  });
});
