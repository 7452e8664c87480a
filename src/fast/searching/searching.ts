/**
 * Searching functions of the Array API standard and NumPy: where, nonzero, searchsorted, and NumPy's
 * argwhere, flatnonzero, select. (argmin/argmax/count_nonzero live in statistics.ts.) Index results
 * are int32, fast's default integer.
 */
import { DTYPES, type DTypeName } from '../../common/dtypes.js';
import { DTypeError, ValueError } from '../../common/errors.js';
import type { Complex } from '../../common/ndarray.js';
import { FastArray } from '../array.js';
import { broadcastOffsets, freshArray, toFast, type ArrayInput } from '../manipulation/along-axis.js';
import { astype, copy } from '../data-types/convert.js';
import { searchsorted as searchKernel, type Sorter } from '../engine/kernels/sort.js';
import { resultType, type TypeOperand } from '../engine/promotion.js';
import { scalarToDType, weakKindOf } from '../engine/scalars.js';
import { ravel } from '../manipulation/views.js';
import { checkOptions } from '../engine/options.js';

type Scalarish = number | bigint | boolean | Complex;
type Operand = ArrayInput | Scalarish;

function operand(x: Operand): FastArray | Scalarish {
  if (x instanceof FastArray) return x;
  if (weakKindOf(x) !== null) return x as Scalarish;
  return toFast(x as ArrayInput);
}

function typeOf(x: FastArray | Scalarish): TypeOperand {
  return x instanceof FastArray ? x.dtype : { weak: weakKindOf(x)! };
}

/** A 0-d array of `dtype` holding a weak scalar (NEP 50: converted to the array's dtype). */
function scalarArray(v: Scalarish, dtype: DTypeName): FastArray {
  const a = freshArray(dtype, []);
  const c = scalarToDType(v, dtype);
  if (typeof c === 'object') {
    a._data![0] = c.re;
    a._data![1] = c.im;
  } else (a._data as Float64Array)[0] = c as number;
  return a;
}

/**
 * Element-wise choice: x1 where `condition` is true, else x2, broadcast together; the dtype is
 * NumPy's result_type of x1 and x2 (JS numbers are weak scalars). With only a condition: nonzero.
 */
export function where(conditionIn: ArrayInput, x1In?: Operand, x2In?: Operand): FastArray | FastArray[] {
  const c0 = toFast(conditionIn);
  if (x1In === undefined && x2In === undefined) return nonzero(c0);
  if (x1In === undefined || x2In === undefined) throw new ValueError('either both or neither of x and y should be given');
  const c = c0.dtype === 'bool' ? c0 : astype(c0, 'bool');
  const o1 = operand(x1In);
  const o2 = operand(x2In);
  const dt = resultType(typeOf(o1), typeOf(o2));
  const a1 = o1 instanceof FastArray ? (o1.dtype === dt ? o1 : astype(o1, dt)) : scalarArray(o1, dt);
  const a2 = o2 instanceof FastArray ? (o2.dtype === dt ? o2 : astype(o2, dt)) : scalarArray(o2, dt);
  for (const a of [c, a1, a2]) a._force();
  const { shape, offsets } = broadcastOffsets([c, a1, a2]);
  const out = freshArray(dt, shape);
  const [oc, o1s, o2s] = offsets;
  const cd = c._data!;
  const d1 = a1._data!;
  const d2 = a2._data!;
  const od = out._data!;
  if (DTYPES[dt].kind === 'complex') {
    for (let i = 0; i < oc.length; i++) {
      const src = cd[oc[i]] !== 0 ? d1 : d2;
      const p = cd[oc[i]] !== 0 ? o1s[i] : o2s[i];
      od[2 * i] = src[2 * p];
      od[2 * i + 1] = src[2 * p + 1];
    }
  } else {
    for (let i = 0; i < oc.length; i++) od[i] = cd[oc[i]] !== 0 ? d1[o1s[i]] : d2[o2s[i]];
  }
  return out;
}

function truthyOffsets(x: FastArray): number[] {
  const a = copy(x);
  const d = a._data!;
  const complex = DTYPES[a.dtype].kind === 'complex';
  const out: number[] = [];
  for (let i = 0; i < a.size; i++) {
    if (complex ? d[2 * i] !== 0 || d[2 * i + 1] !== 0 : d[i] !== 0 && d[i] !== 0n) out.push(i);
  }
  return out;
}

/** Indices of the non-zero elements, one int32 array per dimension (C order). 0-d input is an error, as NumPy 2. */
export function nonzero(xIn: ArrayInput): FastArray[] {
  const x = toFast(xIn);
  if (x.ndim === 0) throw new ValueError('Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.');
  const flat = truthyOffsets(x);
  const outs = x.shape.map(() => freshArray('int32', [flat.length]));
  const datas = outs.map((o) => o._data as Int32Array);
  for (let i = 0; i < flat.length; i++) {
    let r = flat[i];
    for (let d = x.ndim - 1; d >= 0; d--) {
      datas[d][i] = r % x.shape[d];
      r = Math.floor(r / x.shape[d]);
    }
  }
  return outs;
}

/** NumPy argwhere: the indices of non-zero elements as rows, shape (N, ndim). */
export function argwhere(xIn: ArrayInput): FastArray {
  const x = toFast(xIn);
  if (x.ndim === 0) {
    const n = truthyOffsets(x).length;
    return freshArray('int32', [n, 0]);
  }
  const nz = nonzero(x);
  const n = nz[0].size;
  const out = freshArray('int32', [n, x.ndim]);
  const od = out._data as Int32Array;
  for (let d = 0; d < x.ndim; d++) {
    const src = nz[d]._data as Int32Array;
    for (let i = 0; i < n; i++) od[i * x.ndim + d] = src[i];
  }
  return out;
}

/** NumPy flatnonzero: indices of the non-zero elements of the flattened array. */
export function flatnonzero(xIn: ArrayInput): FastArray {
  const flat = truthyOffsets(ravel(toFast(xIn)));
  const out = freshArray('int32', [flat.length]);
  (out._data as Int32Array).set(flat);
  return out;
}

export interface SearchsortedOptions {
  side?: 'left' | 'right';
  sorter?: ArrayInput | null;
}

/** Insertion points of `x2` into the sorted 1-d `x1` (`side` left/right, optional `sorter` permutation); int32, shaped as x2. */
export function searchsorted(x1In: ArrayInput, x2In: Operand, options: SearchsortedOptions = {}): FastArray {
  options = checkOptions('searchsorted', options);
  const a0 = toFast(x1In);
  if (a0.ndim !== 1) throw new ValueError(`searchsorted needs a 1-d sorted array, got ${a0.ndim} dimensions`);
  const o2 = operand(x2In);
  const dt = resultType(a0.dtype, typeOf(o2));
  const a = copy(a0.dtype === dt ? a0 : astype(a0, dt));
  const v = copy(o2 instanceof FastArray ? (o2.dtype === dt ? o2 : astype(o2, dt)) : scalarArray(o2, dt));
  let sorter: Sorter | undefined;
  if (options.sorter !== undefined && options.sorter !== null) {
    const s = copy(toFast(options.sorter));
    const k = DTYPES[s.dtype].kind;
    if (k !== 'signed' && k !== 'unsigned') throw new DTypeError(`sorter must be an integer array, got ${s.dtype}`);
    if (s.ndim !== 1 || s.size !== a.size) throw new ValueError(`sorter.size must equal a.size (${s.size} != ${a.size})`);
    sorter = { data: s._data as Int32Array, offset: 0, stride: 1 };
  }
  const side = options.side ?? 'left';
  const pos = searchKernel(dt, a._data!, 0, a.size, 1, v._data!, 0, v.size, 1, side, sorter);
  const out = freshArray('int32', v.shape);
  (out._data as Int32Array).set(pos.subarray(0, v.size));
  return out;
}

/** NumPy select: from the first true condition's choice per element, else `default` (0). */
export function select(condlist: readonly ArrayInput[], choicelist: readonly Operand[], options: { default?: Operand } = {}): FastArray {
  options = checkOptions('select', options);
  if (condlist.length !== choicelist.length) throw new ValueError('list of cases must be same length as list of conditions');
  if (condlist.length === 0) throw new ValueError('select with an empty condition list is not possible');
  const dflt = options.default ?? 0;
  const choices = choicelist.map(operand);
  const dt = resultType(...choices.map(typeOf), typeOf(operand(dflt)));
  const conds = condlist.map((c) => {
    const a = toFast(c);
    if (a.dtype !== 'bool') throw new DTypeError(`invalid entry in condlist: should be boolean ndarray, got ${a.dtype}`);
    return a;
  });
  let r = where(true, dflt as Operand, dflt as Operand) as FastArray;
  r = astype(r, dt);
  for (let i = conds.length - 1; i >= 0; i--) {
    const ch = choices[i];
    r = where(conds[i], ch instanceof FastArray ? astype(ch, dt) : scalarArray(ch, dt), r) as FastArray;
  }
  return r;
}
