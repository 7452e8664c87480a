import { describe, expect, it } from 'vitest';
import { DTYPE_NAMES, type DTypeName } from '../../common/dtypes.js';
import { ValueError } from '../../common/errors.js';
import type { FastArray } from '../array.js';
import { asarray } from '../creation/creation.js';
import { stack } from '../manipulation/manipulation.js';
import * as q from './searching.js';
import { sort } from '../sorting/sorting.js';
import { mk, MK_PY } from '../testing/fixtures.js';
import { expectSame, numpyEval, numpyError } from '../testing/numpy-oracle.js';

const SETUP = `${MK_PY}
def m2(dt, shift=0): return mk(dt, shift).reshape(2, 4)
`;
const m2 = (d: DTypeName, shift = 0) => mk(d, shift).reshape([2, 4]);
const cond = () => asarray([true, false, false, true, true, false, true, false]);
const COND_PY = 'np.array([True, False, False, True, True, False, True, False])';

interface Row {
  label: string;
  py: string;
  run: () => FastArray;
  int?: boolean;
}

/** Exact comparisons (selection and search move values); indices are int32 here (NumPy intp). */
function check(rows: Row[]): void {
  const res = numpyEval(Object.fromEntries(rows.map((r) => [r.label, r.py])), SETUP);
  for (const r of rows) expectSame(r.run(), res[r.label], r.label, r.int ? { dtype: 'int32' } : {});
}

describe('where / nonzero / argwhere / flatnonzero / searchsorted / select match NumPy', () => {
  it('every dtype, broadcasting, views, weak scalars', () => {
    const rows: Row[] = [];
    for (const d of DTYPE_NAMES) {
      rows.push({ label: `where ${d}`, py: `np.where(${COND_PY}, mk('${d}'), mk('${d}', 3)[::-1])`, run: () => q.where(cond(), mk(d), mk(d, 3).at('::-1')) as FastArray });
      rows.push({ label: `where bc ${d}`, py: `np.where(${COND_PY}.reshape(2, 4)[:, :1], m2('${d}'), mk('${d}', 1)[:4])`, run: () => q.where(cond().reshape([2, 4]).at(':, :1'), m2(d), mk(d, 1).at(':4')) as FastArray });
      rows.push({ label: `where scalar ${d}`, py: `np.where(${COND_PY}, mk('${d}'), 0)`, run: () => q.where(cond(), mk(d), 0) as FastArray, int: d === 'bool' }); // bool with a JS integer: fast's default int32 (NumPy int64)
      rows.push({ label: `nonzero ${d}`, py: `np.stack(np.nonzero(m2('${d}', 1)[:, ::-1]))`, run: () => stack(q.nonzero(m2(d, 1).at(':, ::-1'))), int: true });
      rows.push({ label: `argwhere ${d}`, py: `np.argwhere(m2('${d}', 2))`, run: () => q.argwhere(m2(d, 2)), int: true });
      rows.push({ label: `flatnonzero ${d}`, py: `np.flatnonzero(m2('${d}').T)`, run: () => q.flatnonzero(m2(d).T), int: true });
      if (!d.startsWith('complex')) {
        for (const side of ['left', 'right'] as const) {
          rows.push({ label: `searchsorted ${d} ${side}`, py: `np.searchsorted(np.sort(mk('${d}')), m2('${d}', 2), side='${side}')`, run: () => q.searchsorted(sort(mk(d)), m2(d, 2), { side }), int: true });
        }
        rows.push({ label: `searchsorted sorter ${d}`, py: `np.searchsorted(mk('${d}'), mk('${d}', 5), sorter=np.argsort(mk('${d}'), stable=True))`, run: () => q.searchsorted(mk(d), mk(d, 5), { sorter: asarray(Array.from((mk(d).toArray() as unknown[]).keys())).at(sortOrder(d)) }), int: true });
      }
    }
    rows.push({ label: 'where mixed', py: "np.where(np.array([True, False, True]), np.array([1, 2, 3], dtype=np.int8), np.array([0.5, 1.5, 2.5], dtype=np.float32))", run: () => q.where(asarray([true, false, true]), asarray([1, 2, 3], { dtype: 'int8' }), asarray([0.5, 1.5, 2.5], { dtype: 'float32' })) as FastArray });
    rows.push({ label: 'where weak float on int8', py: "np.where(np.array([True, False]), np.array([1, 2], dtype=np.int8), 2.5)", run: () => q.where(asarray([true, false]), asarray([1, 2], { dtype: 'int8' }), 2.5) as FastArray });
    for (const d of ['complex64', 'complex128'] as DTypeName[]) {
      rows.push({ label: `searchsorted ${d}`, py: `np.searchsorted(np.sort(mk('${d}')), m2('${d}', 2), side='right')`, run: () => q.searchsorted(sort(mk(d)), m2(d, 2), { side: 'right' }), int: true });
    }
    rows.push({ label: 'where 1-arg', py: `np.stack(np.where(m2('int8', 1)))`, run: () => stack(q.where(m2('int8', 1)) as FastArray[]), int: true });
    rows.push({ label: 'searchsorted scalar', py: 'np.searchsorted(np.array([1.0, 2.0, 3.0]), 2.5)', run: () => q.searchsorted(asarray([1, 2, 3], { dtype: 'float64' }), 2.5), int: true });
    rows.push({ label: 'select', py: "np.select([mk('float64') > 0, mk('float64') < 0], [mk('float64', 1), mk('float64', 2)], default=-1)", run: () => q.select([mk('float64').gt(0), mk('float64').lt(0)], [mk('float64', 1), mk('float64', 2)], { default: -1 }) });
    rows.push({ label: 'select int', py: "np.select([mk('int32') > 0], [mk('int32', 1)])", run: () => q.select([mk('int32').gt(0)], [mk('int32', 1)]) });
    check(rows);
  });
  it('raise as NumPy', () => {
    const res = numpyEval({ nz: 'np.nonzero(np.array(1.0))', ss: 'np.searchsorted(np.zeros((2, 2)), 1.0)' });
    expect(numpyError(res.nz, 'nz').error).toBe('ValueError');
    expect(numpyError(res.ss, 'ss').error).toBe('ValueError');
    expect(() => q.nonzero(asarray(1))).toThrow(ValueError);
    expect(() => q.searchsorted(asarray([[0, 0], [0, 0]]), 1)).toThrow(ValueError);
    expect(() => q.searchsorted(asarray([0, 1]), 1, { side: 'middle' as never })).toThrow(ValueError);
  });
});

/** NumPy's stable argsort of the fixture, as a JS list (for the sorter trial). */
function sortOrder(d: DTypeName): number[] {
  const res = numpyEval({ o: `np.argsort(mk('${d}'), stable=True)` }, SETUP);
  const o = res.o as { data: string[] };
  return o.data.map(Number);
}
