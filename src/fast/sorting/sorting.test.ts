import { describe, expect, it } from 'vitest';
import { DTYPE_NAMES, type DTypeName } from '../../common/dtypes.js';
import { ValueError } from '../../common/errors.js';
import type { FastArray } from '../array.js';
import { asarray } from '../creation/creation.js';
import * as s from './sorting.js';
import { mk, MK_PY } from '../testing/fixtures.js';
import { expectSame, numpyEval, numpyError } from '../testing/numpy-oracle.js';

const SETUP = `${MK_PY}
def m2(dt, shift=0): return np.concatenate([mk(dt, shift), mk(dt, shift + 3)]).reshape(4, 4)
def desc(x, axis=-1): return np.flip(np.sort(np.flip(x, axis=axis), axis=axis, stable=True), axis=axis)
def adesc(x, axis=-1):
    n = x.shape[axis]
    return np.flip(n - 1 - np.argsort(np.flip(x, axis=axis), axis=axis, stable=True), axis=axis)
`;
const m2 = (d: DTypeName, shift = 0) => asarray([...(mk(d, shift).toArray() as never[]), ...(mk(d, shift + 3).toArray() as never[])] as never, { dtype: d }).reshape([4, 4]);

/** `+ 0` in the dtype (bool: False): -0.0 becomes 0.0 on both sides, since NumPy's introselect leaves which zero lands at kth unspecified. */
const zero = (d: DTypeName) => (d === 'bool' ? 'False' : `np.zeros((), '${d}')`);
const plusZero = (a: FastArray, d: DTypeName): FastArray => (d === 'bool' ? a : a.add(asarray(0, { dtype: d })));

interface Row {
  label: string;
  py: string;
  run: () => FastArray;
  int?: boolean;
}

/** Exact comparisons: sorting moves values; indices are int32 here (NumPy intp). */
function check(rows: Row[]): void {
  const res = numpyEval(Object.fromEntries(rows.map((r) => [r.label, r.py])), SETUP);
  for (const r of rows) expectSame(r.run(), res[r.label], r.label, r.int ? { dtype: 'int32' } : {});
}

describe('sort / argsort / partition / argpartition / lexsort match NumPy (stable; NaN last; descending as array-api-compat)', () => {
  it('every dtype, axes, views', () => {
    const rows: Row[] = [];
    for (const d of DTYPE_NAMES) {
      rows.push({ label: `sort ${d}`, py: `np.sort(mk('${d}'), stable=True)`, run: () => s.sort(mk(d)) });
      rows.push({ label: `sort ${d} axis0 view`, py: `np.sort(m2('${d}')[::-1, 1:], axis=0, stable=True)`, run: () => s.sort(m2(d).at('::-1, 1:'), { axis: 0 }) });
      rows.push({ label: `sort ${d} none`, py: `np.sort(m2('${d}'), axis=None, stable=True)`, run: () => s.sort(m2(d), { axis: null }) });
      rows.push({ label: `sort ${d} desc`, py: `desc(m2('${d}', 1))`, run: () => s.sort(m2(d, 1), { descending: true }) });
      rows.push({ label: `argsort ${d}`, py: `np.argsort(m2('${d}', 2), stable=True)`, run: () => s.argsort(m2(d, 2)), int: true });
      rows.push({ label: `argsort ${d} axis0`, py: `np.argsort(m2('${d}')[:, ::-2], axis=0, stable=True)`, run: () => s.argsort(m2(d).at(':, ::-2'), { axis: 0 }), int: true });
      rows.push({ label: `argsort ${d} desc`, py: `adesc(m2('${d}', 1), axis=0)`, run: () => s.argsort(m2(d, 1), { axis: 0, descending: true }), int: true });
      rows.push({ label: `partition ${d}`, py: `np.partition(mk('${d}'), 3)[3] + ${zero(d)}`, run: () => plusZero(s.partition(mk(d), 3).at(3), d) });
      rows.push({ label: `argpartition ${d}`, py: `mk('${d}')[np.argpartition(mk('${d}'), 5)[5]] + ${zero(d)}`, run: () => plusZero(mk(d).at(Number(s.argpartition(mk(d), 5).get(5))), d) });
    }
    rows.push({ label: 'argsort 0-d', py: 'np.argsort(np.array(1.5))', run: () => s.argsort(asarray(1.5)), int: true });
    rows.push({ label: 'sort empty', py: 'np.sort(np.zeros((2, 0)))', run: () => s.sort(asarray([[], []] as never)) });
    rows.push({ label: 'lexsort', py: "np.lexsort((np.array([3, 1, 2, 1, 3, 2]), np.array([1.0, 0.0, 1.0, 0.0, np.nan, 1.0])))", run: () => s.lexsort([asarray([3, 1, 2, 1, 3, 2]), asarray([1, 0, 1, 0, NaN, 1])]), int: true });
    rows.push({ label: 'lexsort 2d', py: "np.lexsort(np.array([[3, 1, 2, 1], [0, 0, 1, 1]]))", run: () => s.lexsort(asarray([[3, 1, 2, 1], [0, 0, 1, 1]])), int: true });
    check(rows);
  });
  it('bad axes and kth raise as NumPy', () => {
    const res = numpyEval({ ax: 'np.sort(np.zeros(3), axis=1)', kth: 'np.partition(np.zeros(3), 3)', zd: 'np.sort(np.array(1.0))' });
    expect(numpyError(res.ax, 'ax').error).toBe('AxisError');
    expect(numpyError(res.kth, 'kth').error).toBe('ValueError');
    expect(numpyError(res.zd, 'zd').error).toBe('AxisError');
    expect(() => s.sort(asarray([0, 0, 0]), { axis: 1 })).toThrow(/axis 1 is out of bounds/);
    expect(() => s.partition(asarray([0, 0, 0]), 3)).toThrow(ValueError);
    expect(() => s.sort(asarray(1))).toThrow(ValueError);
  });
});
