/**
 * Manipulation functions of the Array API standard and NumPy: concat/concatenate, stack, unstack,
 * tile, repeat, roll, meshgrid, tril, triu, take, take_along_axis, diff, and NumPy's split,
 * array_split, hstack, vstack, column_stack, append, insert, delete. Results are fresh C-contiguous
 * arrays (unstack and split give views, as NumPy).
 */
import { DTYPES, type DTypeName } from '../../common/dtypes.js';
import { DTypeError, IndexError, NotSupportedError, ShapeError, ValueError } from '../../common/errors.js';
import { slice as sliceOf, type IndexItem } from '../../common/index-expr.js';
import type { NdArray } from '../../common/ndarray.js';
import { FastArray } from '../array.js';
import { freshArray, toFast, type ArrayInput } from './along-axis.js';
import { evaluateInto } from '../engine/codegen.js';
import { astype, copy } from '../data-types/convert.js';
import { arange } from '../creation/creation.js';
import { apply } from '../elementwise/elementwise.js';
import { castNode } from '../engine/expr.js';
import { promoteTypes } from '../engine/promotion.js';
import { normalizeAxis, shapeStr } from '../engine/shape.js';
import { broadcast_to, expand_dims, moveaxis, ravel, reshape } from './views.js';
import { checkOptions } from '../engine/options.js';

type Idx = IndexItem<NdArray>;
const all = (): Idx => sliceOf(null);

/** Write `src` (broadcast, cast to dst's dtype) into the view `dst` of a fresh array. */
function assignInto(dst: FastArray, src: FastArray): void {
  if (dst.size === 0) return;
  dst._force();
  evaluateInto(castNode(src._node(), dst.dtype), { data: dst._data!, offset: dst._off, strides: dst._es, shape: dst.shape, dtype: dst.dtype });
}

/** The view of `a` at positions [start, stop) of `axis`. */
function along(a: FastArray, axis: number, start: number, stop: number, step = 1): FastArray {
  const idx: Idx[] = [];
  for (let i = 0; i < axis; i++) idx.push(all());
  idx.push(sliceOf(start, stop, step));
  return a.at(...idx);
}

function resultDType(arrays: readonly FastArray[]): DTypeName {
  return arrays.map((a) => a.dtype).reduce((x, y) => promoteTypes(x, y));
}

function arrayList(arrays: readonly ArrayInput[] | FastArray, name: string): FastArray[] {
  if (arrays instanceof FastArray) return arrays.shape.length === 0 ? [arrays] : unstack(arrays);
  if (!Array.isArray(arrays)) throw new DTypeError(`${name} takes a list of arrays, got ${typeof arrays}`);
  if (arrays.length === 0) throw new ValueError('need at least one array to concatenate');
  return arrays.map((x) => toFast(x));
}

type AxisOpt = { axis?: number | null };
function axisOpt(x: AxisOpt | number | null | undefined, dflt: number | null): number | null {
  if (typeof x === 'number') return x;
  if (x === null) return null;
  if (x === undefined || x.axis === undefined) return dflt;
  return x.axis;
}

/** Array API concat (NumPy concatenate): join along `axis` (default 0; null flattens every array first). */
export function concat(arraysIn: readonly ArrayInput[], options?: AxisOpt): FastArray {
  options = checkOptions('concat', options);
  let arrays = arrayList(arraysIn, 'concat');
  const ax = axisOpt(options, 0);
  if (ax === null) arrays = arrays.map((a) => ravel(a));
  const nd = arrays[0].ndim;
  if (nd === 0) throw new ValueError('zero-dimensional arrays cannot be concatenated');
  const axis = normalizeAxis(ax ?? 0, nd);
  const shape = arrays[0].shape.slice();
  let total = 0;
  for (const [i, a] of arrays.entries()) {
    if (a.ndim !== nd) {
      throw new ValueError(`all the input array dimensions except for the concatenation axis must match exactly, but along dimension 0, the array at index 0 has ${nd} dimension(s) and the array at index ${i} has ${a.ndim} dimension(s)`);
    }
    for (let d = 0; d < nd; d++) {
      if (d !== axis && a.shape[d] !== shape[d]) {
        throw new ShapeError(`all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${d}, the array at index 0 has size ${shape[d]} and the array at index ${i} has size ${a.shape[d]}`);
      }
    }
    total += a.shape[axis];
  }
  shape[axis] = total;
  const out = freshArray(resultDType(arrays), shape);
  let at = 0;
  for (const a of arrays) {
    const n = a.shape[axis];
    if (n > 0) assignInto(along(out, axis, at, at + n), a);
    at += n;
  }
  return out;
}

/** NumPy's name for {@link concat}. */
export function concatenate(arrays: readonly ArrayInput[], options?: AxisOpt): FastArray {
  options = checkOptions('concatenate', options);
  return concat(arrays, options);
}

/** Join arrays of one shape along a new axis. */
export function stack(arraysIn: readonly ArrayInput[], options?: AxisOpt): FastArray {
  options = checkOptions('stack', options);
  const arrays = arrayList(arraysIn, 'stack');
  const s = arrays[0].shape;
  for (const a of arrays) {
    if (a.ndim !== s.length || a.shape.some((d, i) => d !== s[i])) throw new ShapeError(`all input arrays must have the same shape, got ${shapeStr(s)} and ${shapeStr(a.shape)}`);
  }
  const axis = normalizeAxis(axisOpt(options, 0) ?? 0, s.length + 1);
  return concat(arrays.map((a) => expand_dims(a, axis)), { axis });
}

/** Array API unstack: the views x[..., i, ...] along `axis` (default 0). */
export function unstack(xIn: ArrayInput, options?: AxisOpt): FastArray[] {
  options = checkOptions('unstack', options);
  const x = toFast(xIn);
  if (x.ndim === 0) throw new ValueError('Input array must be at least 1-d.');
  const axis = normalizeAxis(axisOpt(options, 0) ?? 0, x.ndim);
  const m = moveaxis(x, axis, 0);
  const out: FastArray[] = [];
  for (let i = 0; i < m.shape[0]; i++) out.push(m.at(i));
  return out;
}

/** NumPy tile: `x` repeated `reps` times along each axis (reps shorter than ndim: leading 1s, and vice versa). */
export function tile(xIn: ArrayInput, reps: number | readonly number[]): FastArray {
  const x = toFast(xIn);
  let r = typeof reps === 'number' ? [reps] : reps.slice();
  for (const v of r) if (!Number.isInteger(v) || v < 0) throw new ValueError(`tile reps must be non-negative integers, got [${r.join(', ')}]`);
  const nd = Math.max(r.length, x.ndim);
  r = [...new Array<number>(nd - r.length).fill(1), ...r];
  const s = [...new Array<number>(nd - x.ndim).fill(1), ...x.shape];
  const inter: number[] = [];
  const target: number[] = [];
  for (let i = 0; i < nd; i++) {
    inter.push(1, s[i]);
    target.push(r[i], s[i]);
  }
  const b = broadcast_to(reshape(x, inter), target);
  return reshape(copy(b), s.map((d, i) => d * r[i]));
}

function intList(v: ArrayInput | number | readonly number[], what: string): number[] {
  if (typeof v === 'number') return [v];
  const a = toFast(v as ArrayInput);
  const k = DTYPES[a.dtype].kind;
  if (k !== 'signed' && k !== 'unsigned' && k !== 'bool') throw new DTypeError(`${what} must be integers, got an array of ${a.dtype}`);
  const f = ravel(a);
  const out: number[] = [];
  for (let i = 0; i < f.size; i++) out.push(Number(f.get(i)));
  return out;
}

/** Take positions `idx` (JS integers) of `a` along `axis`: a gather into a fresh array. */
function gatherAxis(a: FastArray, idx: readonly number[] | Int32Array, axis: number): FastArray {
  const ia = freshArray('int32', [idx.length]);
  (ia._data as Int32Array).set(idx);
  const items: Idx[] = [];
  for (let i = 0; i < axis; i++) items.push(all());
  items.push(ia);
  return a.at(...items);
}

/** Repeat each element `repeats` times (a number, or one count per element along `axis`); axis null flattens. */
export function repeat(xIn: ArrayInput, repeats: number | readonly number[] | ArrayInput, options?: AxisOpt): FastArray {
  options = checkOptions('repeat', options);
  let x = toFast(xIn);
  let ax = axisOpt(options, null);
  if (ax === null) {
    x = ravel(x);
    ax = 0;
  }
  if (x.ndim === 0) x = reshape(x, [1]);
  const axis = normalizeAxis(ax, x.ndim);
  const n = x.shape[axis];
  const r = intList(repeats as ArrayInput, 'repeats');
  if (r.length !== 1 && r.length !== n) throw new ValueError(`operands could not be broadcast together with shape (${n},) (${r.length},)`);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = r.length === 1 ? r[0] : r[i];
    if (!Number.isInteger(c) || c < 0) throw new ValueError(`repeats may not contain negative values, got ${c}`);
    for (let j = 0; j < c; j++) idx.push(i);
  }
  return gatherAxis(x, idx, axis);
}

/** Roll elements along `axis` (null: the flattened array, shape restored); shifts and axes may be lists. */
export function roll(xIn: ArrayInput, shift: number | readonly number[], options?: { axis?: number | readonly number[] | null }): FastArray {
  options = checkOptions('roll', options);
  const x = toFast(xIn);
  const axArg = typeof options === 'object' && options !== null && !Array.isArray(options) ? (options as { axis?: number | readonly number[] | null }).axis : (options as number | readonly number[] | null | undefined);
  if (axArg === undefined || axArg === null) {
    if (typeof shift !== 'number') throw new ValueError('roll with axis null takes one integer shift');
    return reshape(roll(ravel(x), shift, { axis: 0 }), x.shape);
  }
  const axes = typeof axArg === 'number' ? [axArg] : axArg;
  const shifts = typeof shift === 'number' ? axes.map(() => shift) : shift;
  if (shifts.length !== axes.length && axes.length !== 1 && shifts.length !== 1) throw new ValueError("'shift' and 'axis' should be scalars or 1D sequences of the same length");
  const nAx = Math.max(axes.length, shifts.length);
  const total = new Map<number, number>();
  for (let i = 0; i < nAx; i++) {
    const a = normalizeAxis(axes.length === 1 ? axes[0] : axes[i], x.ndim);
    total.set(a, (total.get(a) ?? 0) + (shifts.length === 1 ? shifts[0] : shifts[i]));
  }
  let r = x;
  for (const [a, s] of total) {
    const n = r.shape[a];
    if (n === 0) continue;
    const k = ((s % n) + n) % n;
    const idx = new Int32Array(n);
    for (let i = 0; i < n; i++) idx[i] = (i - k + n) % n;
    r = gatherAxis(r, idx, a);
  }
  return r === x ? copy(x) : r;
}

/** NumPy take: elements at integer `indices` along `axis` (null: the flattened array); negative indices count from the end. */
export function take(xIn: ArrayInput, indicesIn: ArrayInput | number, options?: AxisOpt): FastArray {
  options = checkOptions('take', options);
  let x = toFast(xIn);
  let ax = axisOpt(options, null);
  if (ax === null) {
    x = ravel(x);
    ax = 0;
  }
  const axis = normalizeAxis(ax, x.ndim);
  const ind = toFast(indicesIn as ArrayInput);
  const k = DTYPES[ind.dtype].kind;
  if (k !== 'signed' && k !== 'unsigned') throw new IndexError(`take indices must be integers, got an array of ${ind.dtype}`);
  const items: Idx[] = [];
  for (let i = 0; i < axis; i++) items.push(all());
  if (ind.ndim === 0) {
    items.push(Number(ind.item()));
    return copy(x.at(...items));
  }
  items.push(ind);
  return x.at(...items);
}

/** NumPy take_along_axis: out[..., j, ...] = x[..., indices[..., j, ...], ...] along `axis` (null: flattened; Array API default -1). */
export function take_along_axis(xIn: ArrayInput, indicesIn: ArrayInput, options?: AxisOpt): FastArray {
  options = checkOptions('take_along_axis', options);
  let x = toFast(xIn);
  let ind = toFast(indicesIn);
  let ax = axisOpt(options, -1);
  if (ax === null) {
    if (ind.ndim !== 1) throw new ValueError('when axis=None, `indices` must have a single dimension.');
    x = ravel(x);
    ax = 0;
  }
  const k = DTYPES[ind.dtype].kind;
  if (k !== 'signed' && k !== 'unsigned') throw new IndexError(`take_along_axis indices must be integers, got ${ind.dtype}`);
  if (ind.ndim !== x.ndim) throw new ValueError(`\`indices\` and \`arr\` must have the same number of dimensions (${ind.ndim} and ${x.ndim})`);
  const axis = normalizeAxis(ax, x.ndim);
  const items: Idx[] = [];
  for (let d = 0; d < x.ndim; d++) {
    if (d === axis) items.push(ind);
    else {
      const shp = x.shape.map((_, i) => (i === d ? x.shape[d] : 1));
      items.push(reshape(arange(x.shape[d]), shp));
    }
  }
  ind = ind.ndim === 0 ? reshape(ind, [1]) : ind;
  return x.at(...items);
}

/** Coordinate matrices from 1-d coordinate vectors; indexing 'xy' (default, Cartesian) or 'ij' (matrix). */
export interface MeshgridOptions {
  /** 'xy' (default: the first two outputs swap axes, as Cartesian coordinates) or 'ij' (matrix indexing). */
  indexing?: 'xy' | 'ij';
  /** true: each output keeps length-1 axes instead of being broadcast to the full grid. */
  sparse?: boolean;
  /** false: read-only broadcast views of the inputs instead of copies. */
  copy?: boolean | null;
}

/** A trailing plain object of meshgrid's arguments is its options (arrays, fast arrays and array interfaces are inputs). */
function isMeshgridOptions(v: unknown): v is MeshgridOptions {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof FastArray || ArrayBuffer.isView(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && !('__array_interface__' in v) && !('__dlpack__' in v);
}

/** NumPy meshgrid: coordinate arrays from 1-d inputs (`indexing`, `sparse` and `copy` as NumPy's). */
export function meshgrid(...args: (ArrayInput | MeshgridOptions)[]): FastArray[] {
  const last = args[args.length - 1];
  let options: MeshgridOptions = {};
  if (isMeshgridOptions(last)) {
    options = checkOptions('meshgrid', last);
    args = args.slice(0, -1);
  }
  const indexing = options.indexing ?? 'xy';
  if (indexing !== 'xy' && indexing !== 'ij') throw new ValueError(`Valid values for \`indexing\` are 'xy' and 'ij', got '${String(indexing)}'`);
  const sparse = options.sparse ?? false;
  // NumPy tests copy for truth: None gives views, as False does
  const copyOut = options.copy === undefined ? true : options.copy === true;
  const xs = args.map((a) => ravel(toFast(a as ArrayInput)));
  const n = xs.length;
  const shape = xs.map((a) => a.size);
  if (indexing === 'xy' && n > 1) [shape[0], shape[1]] = [shape[1], shape[0]];
  return xs.map((a, i) => {
    let pos = i;
    if (indexing === 'xy' && n > 1 && i < 2) pos = 1 - i;
    const s = shape.map((_, j) => (j === pos ? a.size : 1));
    const g = sparse ? reshape(a, s) : broadcast_to(reshape(a, s), shape);
    return copyOut ? copy(g) : g;
  });
}

function triangle(xIn: ArrayInput, k: number, lower: boolean): FastArray {
  const x = toFast(xIn);
  if (x.ndim < 2) throw new ValueError(`${lower ? 'tril' : 'triu'} needs an array of at least 2 dimensions, got ${x.ndim}`);
  if (!Number.isInteger(k)) throw new ValueError(`k must be an integer, got ${k}`);
  const out = copy(x);
  const rows = x.shape[x.ndim - 2];
  const cols = x.shape[x.ndim - 1];
  const data = out._data!;
  const slots = DTYPES[x.dtype].kind === 'complex' ? 2 : 1;
  const zero = typeof data[0] === 'bigint' ? 0n : 0;
  const mats = rows * cols === 0 ? 0 : out.size / (rows * cols);
  for (let b = 0; b < mats; b++) {
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        if (lower ? j - i > k : j - i < k) {
          const p = (b * rows * cols + i * cols + j) * slots;
          for (let s = 0; s < slots; s++) (data as Float64Array)[p + s] = zero as number;
        }
      }
    }
  }
  return out;
}

/** Lower triangle of the last two axes: elements above the k-th diagonal zeroed. */
export function tril(x: ArrayInput, options: { k?: number } = {}): FastArray {
  options = checkOptions('tril', options);
  return triangle(x, typeof options === 'number' ? options : (options.k ?? 0), true);
}
/** Upper triangle of the last two axes: elements below the k-th diagonal zeroed. */
export function triu(x: ArrayInput, options: { k?: number } = {}): FastArray {
  options = checkOptions('triu', options);
  return triangle(x, typeof options === 'number' ? options : (options.k ?? 0), false);
}

export interface DiffOptions {
  n?: number;
  axis?: number;
  prepend?: ArrayInput | null;
  append?: ArrayInput | null;
}

/** n-th discrete difference along `axis` (default -1); bool arrays use not_equal, as NumPy. */
export function diff(xIn: ArrayInput, options: DiffOptions = {}): FastArray {
  options = checkOptions('diff', options);
  let x = toFast(xIn);
  const n = options.n ?? 1;
  if (!Number.isInteger(n) || n < 0) throw new ValueError(`order must be non-negative but got ${n}`);
  if (n === 0) return x;
  if (x.ndim === 0) throw new ValueError('diff requires input that is at least one dimensional');
  const axis = normalizeAxis(options.axis ?? -1, x.ndim);
  const ext = (v: ArrayInput | null | undefined): FastArray | null => {
    if (v === undefined || v === null) return null;
    let a = toFast(v);
    if (a.ndim === 0) a = broadcast_to(a, x.shape.map((d, i) => (i === axis ? 1 : d)));
    return a;
  };
  const pre = ext(options.prepend);
  const app = ext(options.append);
  if (pre !== null || app !== null) x = concat([...(pre ? [pre] : []), x, ...(app ? [app] : [])], { axis });
  let r = x;
  for (let i = 0; i < n; i++) {
    const len = r.shape[axis];
    const hi = along(r, axis, Math.min(1, len), len);
    const lo = along(r, axis, 0, Math.max(len - 1, 0));
    r = r.dtype === 'bool' ? apply('not_equal', [hi, lo]) : apply('subtract', [hi, lo]);
    r._force();
  }
  return r;
}

// ---- NumPy's split / stack helpers -------------------------------------------------------------------

function splitAt(x: FastArray, bounds: readonly number[], axis: number): FastArray[] {
  const n = x.shape[axis];
  const out: FastArray[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const s = Math.min(Math.max(bounds[i], 0), n);
    const e = Math.min(Math.max(bounds[i + 1], s), n);
    out.push(along(x, axis, s, e));
  }
  return out;
}

function splitBounds(n: number, sections: number | readonly number[], even: boolean): number[] {
  if (typeof sections !== 'number') {
    return [0, ...sections.map((v) => (v < 0 ? v + n : v)), n];
  }
  if (!Number.isInteger(sections) || sections <= 0) throw new ValueError('number sections must be larger than 0.');
  if (even && n % sections !== 0) throw new ValueError('array split does not result in an equal division');
  const each = Math.floor(n / sections);
  const extra = n % sections;
  const b = [0];
  for (let i = 0; i < sections; i++) b.push(b[i] + each + (i < extra ? 1 : 0));
  return b;
}

/** NumPy split: equal sections (a number that divides the axis) or split points; views. */
export function split(xIn: ArrayInput, sections: number | readonly number[], options?: AxisOpt): FastArray[] {
  options = checkOptions('split', options);
  const x = toFast(xIn);
  const axis = normalizeAxis(axisOpt(options, 0) ?? 0, x.ndim);
  return splitAt(x, splitBounds(x.shape[axis], sections, true), axis);
}

/** NumPy array_split: like split, but sections need not divide the axis (the first ones get one more). */
export function array_split(xIn: ArrayInput, sections: number | readonly number[], options?: AxisOpt): FastArray[] {
  options = checkOptions('array_split', options);
  const x = toFast(xIn);
  const axis = normalizeAxis(axisOpt(options, 0) ?? 0, x.ndim);
  return splitAt(x, splitBounds(x.shape[axis], sections, false), axis);
}

const atLeast1d = (a: FastArray) => (a.ndim === 0 ? reshape(a, [1]) : a);
const atLeast2d = (a: FastArray) => (a.ndim === 0 ? reshape(a, [1, 1]) : a.ndim === 1 ? reshape(a, [1, a.size]) : a);

/** NumPy hstack: concatenate along axis 1 (axis 0 for 1-d arrays). */
export function hstack(arraysIn: readonly ArrayInput[]): FastArray {
  const arrays = arrayList(arraysIn, 'hstack').map(atLeast1d);
  return concat(arrays, { axis: arrays[0].ndim === 1 ? 0 : 1 });
}
/** NumPy vstack: 1-d arrays become rows, then concatenate along axis 0. */
export function vstack(arraysIn: readonly ArrayInput[]): FastArray {
  return concat(arrayList(arraysIn, 'vstack').map(atLeast2d), { axis: 0 });
}
/** NumPy column_stack: 1-d arrays become columns, then concatenate along axis 1. */
export function column_stack(arraysIn: readonly ArrayInput[]): FastArray {
  const arrays = arrayList(arraysIn, 'column_stack').map((a) => (a.ndim < 2 ? reshape(atLeast1d(a), [a.size, 1]) : a));
  return concat(arrays, { axis: 1 });
}

/** NumPy append: concatenate `values` after `x` along `axis` (null: both flattened). */
export function append(xIn: ArrayInput, values: ArrayInput, options?: AxisOpt): FastArray {
  options = checkOptions('append', options);
  const ax = axisOpt(options, null);
  if (ax === null) return concat([ravel(toFast(xIn)), ravel(toFast(values))], { axis: 0 });
  return concat([toFast(xIn), toFast(values)], { axis: ax });
}

function positions(index: number | readonly number[] | ArrayInput, n: number, what: string): number[] {
  const list = intList(index as ArrayInput, what);
  return list.map((i) => {
    const j = i < 0 ? i + n : i;
    if (j < 0 || j >= n) throw new IndexError(`index ${i} is out of bounds for axis 0 with size ${n}`);
    return j;
  });
}

/** NumPy delete: `x` without the positions `index` along `axis` (null: flattened). */
function delete_(xIn: ArrayInput, index: number | readonly number[] | ArrayInput, options?: AxisOpt): FastArray {
  options = checkOptions('delete', options);
  let x = toFast(xIn);
  let ax = axisOpt(options, null);
  if (ax === null) {
    x = ravel(x);
    ax = 0;
  }
  const axis = normalizeAxis(ax, x.ndim);
  const n = x.shape[axis];
  const drop = new Set(positions(index, n, 'delete indices'));
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (!drop.has(i)) keep.push(i);
  return gatherAxis(x, keep, axis);
}
export { delete_ as delete };

/** NumPy insert: `values` inserted before position(s) `index` along `axis` (null: flattened). */
export function insert(xIn: ArrayInput, index: number | readonly number[], values: ArrayInput, options?: AxisOpt): FastArray {
  options = checkOptions('insert', options);
  let x = toFast(xIn);
  let ax = axisOpt(options, null);
  if (ax === null) {
    x = ravel(x);
    ax = 0;
  }
  const axis = normalizeAxis(ax, x.ndim);
  const n = x.shape[axis];
  const v = toFast(values);
  if (typeof index === 'number') {
    const j = index < 0 ? index + n : index;
    if (j < 0 || j > n) throw new IndexError(`index ${index} is out of bounds for axis ${axis} with size ${n}`);
    // a scalar index inserts `values` as a slab (NumPy moves the new axis into place)
    // NumPy: values = array(values, ndmin=x.ndim) with its first axis moved to `axis`
    let vv = v.ndim < x.ndim ? reshape(v, [...new Array<number>(x.ndim - v.ndim).fill(1), ...v.shape]) : v;
    vv = moveaxis(vv, 0, axis);
    const slabShape = x.shape.slice();
    slabShape[axis] = vv.shape[axis];
    const slab = freshArray(x.dtype, slabShape);
    assignInto(slab, vv);
    return concat([along(x, axis, 0, j), slab, along(x, axis, j, n)], { axis });
  }
  const idx = index.map((i) => (i < 0 ? i + n : i));
  for (const [k, i] of idx.entries()) if (i < 0 || i > n) throw new IndexError(`index ${index[k]} is out of bounds for axis ${axis} with size ${n}`);
  const m = idx.length;
  const flatV = v.ndim === 0 ? broadcast_to(v, [m]) : ravel(v);
  if (flatV.size !== m && flatV.size !== 1) throw new ValueError(`shape mismatch: value array of shape ${shapeStr(v.shape)} could not be broadcast to indexing result of shape (${m},)`);
  if (x.ndim !== 1) throw new NotSupportedError('numpy.insert', `fast inserts at a list of positions only along a 1-d array, this one has ${x.ndim} dimensions`);
  // NumPy: stable order of the insertion points, each shifted by the number inserted before it
  const order = idx.map((i, k) => [i, k] as const).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const out = freshArray(x.dtype, [n + m]);
  const isNew = new Uint8Array(n + m);
  const newPos: number[] = [];
  order.forEach(([i], r) => {
    isNew[i + r] = 1;
    newPos.push(i + r);
  });
  const oldPos: number[] = [];
  for (let i = 0; i < n + m; i++) if (!isNew[i]) oldPos.push(i);
  const vals = astype(flatV.size === 1 ? broadcast_to(flatV, [m]) : flatV, x.dtype);
  const ordered = gatherAxis(vals, order.map(([, k]) => k), 0);
  scatter(out, newPos, ordered);
  scatter(out, oldPos, x);
  return out;
}

function scatter(out: FastArray, pos: readonly number[], src: FastArray): void {
  if (pos.length === 0) return;
  const ia = freshArray('int32', [pos.length]);
  (ia._data as Int32Array).set(pos);
  out.set([ia], src);
}


// ---- pad (NumPy) ------------------------------------------------------------------------------------

export interface PadOptions {
  mode?: 'constant' | 'edge' | 'reflect' | 'symmetric' | 'wrap';
  constant_values?: number | bigint | boolean;
}

/** pad_width as NumPy accepts it (n, [before, after], [[b0, a0], ...], [[b, a]]) -> one [before, after] per axis. */
function padWidths(width: number | readonly number[] | readonly (readonly number[])[], ndim: number): [number, number][] {
  let pairs: [number, number][];
  if (typeof width === 'number') pairs = [[width, width]];
  else if (width.length > 0 && typeof width[0] === 'number') {
    const w = width as readonly number[];
    pairs = w.length === 1 ? [[w[0], w[0]]] : w.length === 2 ? [[w[0], w[1]]] : badPad(width);
  } else pairs = (width as readonly (readonly number[])[]).map((p) => (p.length === 1 ? [p[0], p[0]] : p.length === 2 ? [p[0], p[1]] : badPad(width)));
  if (pairs.length === 1) pairs = new Array<[number, number]>(ndim).fill(pairs[0]);
  if (pairs.length !== ndim) badPad(width);
  for (const [b, a] of pairs) if (!Number.isInteger(b) || !Number.isInteger(a) || b < 0 || a < 0) throw new ValueError("index can't contain negative values");
  return pairs;
}

function badPad(width: unknown): never {
  throw new ValueError(`operands could not be broadcast together with remapped shapes: pad_width ${JSON.stringify(width)}`);
}

/** Source position for padded position p (i = p - before, n the axis length) in a non-constant mode. */
function padSource(i: number, n: number, mode: string): number {
  switch (mode) {
    case 'edge':
      return i < 0 ? 0 : i >= n ? n - 1 : i;
    case 'wrap':
      return ((i % n) + n) % n;
    case 'symmetric': {
      const p = 2 * n;
      const j = ((i % p) + p) % p;
      return j >= n ? p - 1 - j : j;
    }
    default: {
      // reflect
      if (n === 1) return 0;
      const p = 2 * (n - 1);
      const j = ((i % p) + p) % p;
      return j >= n ? p - j : j;
    }
  }
}

/** NumPy pad with modes 'constant' (a scalar constant_values), 'edge', 'reflect', 'symmetric', 'wrap'. */
export function pad(xIn: ArrayInput, padWidth: number | readonly number[] | readonly (readonly number[])[], options: PadOptions = {}): FastArray {
  options = checkOptions('pad', options);
  const x = toFast(xIn);
  const mode = options.mode ?? 'constant';
  if (!['constant', 'edge', 'reflect', 'symmetric', 'wrap'].includes(mode)) throw new NotSupportedError('numpy.pad', `mode '${String(mode)}' (fast has constant, edge, reflect, symmetric, wrap)`);
  const pw = padWidths(padWidth, x.ndim);
  if (mode === 'constant') {
    const cv = options.constant_values ?? 0;
    if (typeof cv === 'object') throw new NotSupportedError('numpy.pad.constant', 'fast takes a scalar constant_values, not per-axis values');
    const shape = x.shape.map((d, i) => d + pw[i][0] + pw[i][1]);
    const out = freshArray(x.dtype, shape);
    if (cv !== 0 && cv !== 0n && cv !== false) out.set('...', cv);
    const items: Idx[] = x.shape.map((d, i) => sliceOf(pw[i][0], pw[i][0] + d));
    if (x.size > 0) assignInto(out.at(...items), x);
    return out;
  }
  let r = x;
  for (let ax = 0; ax < x.ndim; ax++) {
    const [b, a] = pw[ax];
    if (b === 0 && a === 0) continue;
    const n = r.shape[ax];
    if (n === 0) throw new ValueError(`can't extend empty axis ${ax} using modes other than 'constant' or 'empty'`);
    const idx = new Int32Array(n + b + a);
    for (let p = 0; p < idx.length; p++) idx[p] = padSource(p - b, n, mode);
    r = gatherAxis(r, idx, ax);
  }
  return r === x ? copy(x) : r;
}
