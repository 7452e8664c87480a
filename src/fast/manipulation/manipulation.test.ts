import { describe, expect, it } from 'vitest';
import { DTYPE_NAMES, type DTypeName } from '../../common/dtypes.js';
import { IndexError, ShapeError, ValueError } from '../../common/errors.js';
import type { FastArray } from '../array.js';
import { asarray } from '../creation/creation.js';
import * as m from './manipulation.js';
import { mk, MK_PY } from '../testing/fixtures.js';
import { expectSame, numpyEval, numpyError } from '../testing/numpy-oracle.js';

const SETUP = `${MK_PY}
def m2(dt, shift=0): return mk(dt, shift).reshape(2, 4)
def lst(xs): return np.stack([np.asarray(x) for x in xs]) if len(xs) else np.zeros(0)
`;
const m2 = (d: DTypeName, shift = 0) => mk(d, shift).reshape([2, 4]);

interface Row {
  label: string;
  py: string;
  run: () => FastArray;
}

/** All results are exact (these functions move values, they do not compute new ones; diff: exact IEEE subtraction). */
function check(rows: Row[]): void {
  const res = numpyEval(Object.fromEntries(rows.map((r) => [r.label, r.py])), SETUP);
  for (const r of rows) expectSame(r.run(), res[r.label], r.label);
}

const stackList = (xs: FastArray[]) => m.stack(xs);

describe('manipulation functions match NumPy exactly on every dtype (views, negative strides, empty arrays)', () => {
  it('concat, stack, unstack, tile, repeat, roll, tril, triu, take, take_along_axis, diff', () => {
    const rows: Row[] = [];
    for (const d of DTYPE_NAMES) {
      rows.push({ label: `concat ${d}`, py: `np.concat((m2('${d}'), m2('${d}', 1)[::-1, ::2]), axis=1)`, run: () => m.concat([m2(d), m2(d, 1).at('::-1, ::2')], { axis: 1 }) });
      rows.push({ label: `concat none ${d}`, py: `np.concat((m2('${d}').T, mk('${d}', 2)), axis=None)`, run: () => m.concat([m2(d).T, mk(d, 2)], { axis: null }) });
      rows.push({ label: `stack ${d}`, py: `np.stack((mk('${d}'), mk('${d}', 3)[::-1]), axis=-1)`, run: () => m.stack([mk(d), mk(d, 3).at('::-1')], { axis: -1 }) });
      rows.push({ label: `unstack ${d}`, py: `lst(np.unstack(m2('${d}'), axis=1))`, run: () => stackList(m.unstack(m2(d), { axis: 1 })) });
      rows.push({ label: `tile ${d}`, py: `np.tile(m2('${d}')[:, 1:3], (2, 1, 3))`, run: () => m.tile(m2(d).at(':, 1:3'), [2, 1, 3]) });
      rows.push({ label: `repeat ${d}`, py: `np.repeat(m2('${d}'), [2, 0, 1, 3], axis=1)`, run: () => m.repeat(m2(d), [2, 0, 1, 3], { axis: 1 }) });
      rows.push({ label: `roll ${d}`, py: `np.roll(m2('${d}'), (1, -3), axis=(0, 1))`, run: () => m.roll(m2(d), [1, -3], { axis: [0, 1] }) });
      rows.push({ label: `roll none ${d}`, py: `np.roll(m2('${d}'), 11)`, run: () => m.roll(m2(d), 11) });
      rows.push({ label: `tril ${d}`, py: `np.tril(m2('${d}'), k=1)`, run: () => m.tril(m2(d), { k: 1 }) });
      rows.push({ label: `triu ${d}`, py: `np.triu(m2('${d}')[::-1], k=-1)`, run: () => m.triu(m2(d).at('::-1'), { k: -1 }) });
      rows.push({ label: `take ${d}`, py: `np.take(m2('${d}'), np.array([3, -1, 0]), axis=1)`, run: () => m.take(m2(d), asarray([3, -1, 0]), { axis: 1 }) });
      rows.push({ label: `take flat ${d}`, py: `np.take(m2('${d}'), np.array([[7, 2], [0, 5]]))`, run: () => m.take(m2(d), asarray([[7, 2], [0, 5]])) });
      rows.push({ label: `take_along ${d}`, py: `np.take_along_axis(m2('${d}'), np.array([[3, 0], [1, 1]]), axis=1)`, run: () => m.take_along_axis(m2(d), asarray([[3, 0], [1, 1]]), { axis: 1 }) });
      if (!d.startsWith('complex')) rows.push({ label: `diff ${d}`, py: `np.diff(m2('${d}', 2), axis=-1, n=2)`, run: () => m.diff(m2(d, 2), { axis: -1, n: 2 }) });
    }
    rows.push({ label: 'diff prepend/append', py: 'np.diff(np.array([1.0, 4.0, 9.0]), prepend=0, append=np.array([20.0, 10.0]))', run: () => m.diff(asarray([1, 4, 9], { dtype: 'float64' }), { prepend: 0, append: asarray([20, 10], { dtype: 'float64' }) }) });
    rows.push({ label: 'diff axis0', py: "np.diff(m2('float64'), axis=0)", run: () => m.diff(m2('float64'), { axis: 0 }) });
    rows.push({ label: 'concat promotes', py: "np.concat((mk('int8'), mk('uint8'), mk('float32')))", run: () => m.concat([mk('int8'), mk('uint8'), mk('float32')]) });
    rows.push({ label: 'concat empty', py: "np.concat((np.zeros((0, 3)), np.ones((2, 3))))", run: () => m.concat([asarray([[], [], []] as never).reshape([0, 3]), asarray([[1, 1, 1], [1, 1, 1]])]) });
    rows.push({ label: 'tile 0-d', py: 'np.tile(np.array(2.5), 3)', run: () => m.tile(asarray(2.5), 3) });
    rows.push({ label: 'repeat scalar', py: 'np.repeat(np.array([[1, 2], [3, 4]], dtype=np.int32), 2)', run: () => m.repeat(asarray([[1, 2], [3, 4]]), 2) });
    check(rows);
  });

  it('meshgrid copies by default and gives views with copy=false or null, as NumPy (which tests copy for truth)', () => {
    const copies = [undefined, true, false, null] as const;
    const kw = (c: boolean | null | undefined) => (c === undefined ? '' : `, copy=${c === null ? 'None' : c ? 'True' : 'False'}`);
    // X[0, 0] after the input's first element is overwritten: 1 for a copy, 9 for a view
    const res = numpyEval(Object.fromEntries(copies.map((c) => [String(c), `(lambda x: (lambda X: (x.__setitem__(0, 9), X[0, 0])[1])(np.meshgrid(x, np.array([4., 5.])${kw(c)})[0]))(np.array([1., 2., 3.]))`])));
    for (const copy of copies) {
      const x = asarray([1, 2, 3], { dtype: 'float64' });
      const y = asarray([4, 5], { dtype: 'float64' });
      const [X] = m.meshgrid(x, y, copy === undefined ? {} : { copy });
      x.set(0, 9);
      expect(X!.get(0, 0), String(copy)).toBe((res[String(copy)] as { data: number[] }).data[0]);
    }
  });

  it('meshgrid, split, array_split, hstack, vstack, column_stack, append, insert, delete', () => {
    const rows: Row[] = [];
    for (const d of ['float64', 'int32', 'bool', 'complex64', 'uint64'] as DTypeName[]) {
      for (const ix of ['xy', 'ij'] as const) {
        for (const k of [0, 1, 2]) {
          rows.push({ label: `meshgrid ${d} ${ix} ${k}`, py: `np.meshgrid(mk('${d}')[:3], mk('${d}', 1)[::-2], mk('${d}', 2)[:2], indexing='${ix}')[${k}]`, run: () => m.meshgrid(mk(d).at(':3'), mk(d, 1).at('::-2'), mk(d, 2).at(':2'), { indexing: ix })[k] });
        }
      }
      for (const [sparse, copy] of [[true, true], [false, false], [true, false]] as const) {
        for (const k of [0, 1]) {
          const py = `np.meshgrid(mk('${d}')[:3], mk('${d}', 1)[:2], sparse=${sparse ? 'True' : 'False'}, copy=${copy ? 'True' : 'False'})[${k}]`;
          rows.push({ label: `meshgrid ${d} sparse=${sparse} copy=${copy} ${k}`, py, run: () => m.meshgrid(mk(d).at(':3'), mk(d, 1).at(':2'), { sparse, copy })[k] });
        }
      }
      rows.push({ label: `split ${d}`, py: `lst(np.split(mk('${d}'), 4))`, run: () => m.stack(m.split(mk(d), 4)) });
      rows.push({ label: `split pts ${d}`, py: `np.split(m2('${d}'), [1, 3], axis=1)[1]`, run: () => m.split(m2(d), [1, 3], { axis: 1 })[1] });
      rows.push({ label: `array_split ${d}`, py: `np.array_split(mk('${d}'), 3)[2]`, run: () => m.array_split(mk(d), 3)[2] });
      rows.push({ label: `hstack ${d}`, py: `np.hstack((m2('${d}'), m2('${d}', 1)))`, run: () => m.hstack([m2(d), m2(d, 1)]) });
      rows.push({ label: `vstack ${d}`, py: `np.vstack((mk('${d}')[:4], m2('${d}', 1)))`, run: () => m.vstack([mk(d).at(':4'), m2(d, 1)]) });
      rows.push({ label: `column_stack ${d}`, py: `np.column_stack((mk('${d}'), mk('${d}', 1)))`, run: () => m.column_stack([mk(d), mk(d, 1)]) });
      rows.push({ label: `append ${d}`, py: `np.append(m2('${d}'), mk('${d}', 2))`, run: () => m.append(m2(d), mk(d, 2)) });
      rows.push({ label: `insert ${d}`, py: `np.insert(mk('${d}'), 3, mk('${d}', 5)[0])`, run: () => m.insert(mk(d), 3, mk(d, 5).at(0)) });
      rows.push({ label: `insert list ${d}`, py: `np.insert(mk('${d}'), [5, 0, 5], mk('${d}', 1)[:3])`, run: () => m.insert(mk(d), [5, 0, 5], mk(d, 1).at(':3')) });
      rows.push({ label: `insert axis1 ${d}`, py: `np.insert(m2('${d}'), 1, mk('${d}', 1)[:2], axis=1)`, run: () => m.insert(m2(d), 1, mk(d, 1).at(':2'), { axis: 1 }) });
      rows.push({ label: `delete ${d}`, py: `np.delete(m2('${d}'), [0, -1], axis=1)`, run: () => m.delete(m2(d), [0, -1], { axis: 1 }) });
    }
    check(rows);
  });

  it('pad in every mode', () => {
    const rows: Row[] = [];
    for (const d of ['float64', 'int16', 'uint8', 'complex128', 'bool', 'int64'] as DTypeName[]) {
      for (const mode of ['edge', 'reflect', 'symmetric', 'wrap'] as const) {
        rows.push({ label: `pad ${d} ${mode}`, py: `np.pad(m2('${d}')[:, ::-1], [[1, 2], [5, 0]], mode='${mode}')`, run: () => m.pad(m2(d).at(':, ::-1'), [[1, 2], [5, 0]], { mode }) });
      }
      rows.push({ label: `pad ${d} constant`, py: `np.pad(m2('${d}'), 2, mode='constant', constant_values=1)`, run: () => m.pad(m2(d), 2, { mode: 'constant', constant_values: 1 }) });
    }
    rows.push({ label: 'pad reflect long', py: 'np.pad(np.arange(3.0), [7, 8], mode="reflect")', run: () => m.pad(asarray([0, 1, 2], { dtype: 'float64' }), [7, 8], { mode: 'reflect' }) });
    check(rows);
    expect(() => m.pad(asarray([[], []] as never), 1, { mode: 'edge' })).toThrow(ValueError);
  });

  it('raise the errors NumPy raises', () => {
    const res = numpyEval({
      shape: "np.concat((np.zeros((2, 3)), np.zeros((2, 4))))",
      axis: "np.concat((np.zeros(2), np.zeros(2)), axis=1)",
      split: 'np.split(np.zeros(7), 3)',
      take: 'np.take(np.zeros(3), [3])',
      stack: 'np.stack((np.zeros(2), np.zeros(3)))',
    });
    for (const k of ['shape', 'split', 'stack']) expect(numpyError(res[k], k).error).toBe('ValueError');
    expect(numpyError(res.axis, 'axis').error).toBe('AxisError');
    expect(numpyError(res.take, 'take').error).toBe('IndexError');
    expect(() => m.concat([asarray([[0, 0, 0], [0, 0, 0]]), asarray([[0, 0, 0, 0], [0, 0, 0, 0]])])).toThrow(ShapeError);
    expect(() => m.concat([asarray([0, 0]), asarray([0, 0])], { axis: 1 })).toThrow(/axis 1 is out of bounds/);
    expect(() => m.split(asarray([0, 0, 0, 0, 0, 0, 0]), 3)).toThrow(ValueError);
    expect(() => m.take(asarray([0, 0, 0]), asarray([3]))).toThrow(IndexError);
    expect(() => m.stack([asarray([0, 0]), asarray([0, 0, 0])])).toThrow(ShapeError);
    expect(() => m.tril(asarray([1, 2]))).toThrow(ValueError);
  });
});
