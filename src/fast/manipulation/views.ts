/** Views without copying: reshape, transpose, squeeze, expand_dims, broadcast_to, flip, ravel, moveaxis, swapaxes. */
import { CopyRequiredError, IndexError, ShapeError, ValueError } from '../../common/errors.js';
import { FastArray } from '../array.js';
import { copy } from '../data-types/convert.js';
import { checkOptions, intArg } from '../engine/options.js';
import { broadcastShapes, broadcastStrides, checkShape, contiguousStrides, isCContiguous, normalizeAxes, normalizeAxis, shapeStr, sizeOf } from '../engine/shape.js';

/** The shape with one -1 resolved against `size`. */
function resolveShape(shape: readonly number[], size: number, from: readonly number[]): number[] {
  let unknown = -1;
  let known = 1;
  const out = shape.slice();
  for (let i = 0; i < out.length; i++) {
    const d = out[i];
    if (d === -1) {
      if (unknown >= 0) throw new ValueError('can only specify one unknown dimension (-1) in reshape');
      unknown = i;
    } else if (!Number.isSafeInteger(d) || d < 0) {
      throw new ValueError(`reshape dimensions must be non-negative integers or -1, got ${shapeStr(shape)}`);
    } else known *= d;
  }
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) {
      throw new ShapeError(`cannot reshape array of size ${size} (shape ${shapeStr(from)}) into shape ${shapeStr(shape)}`);
    }
    out[unknown] = size / known;
  } else if (known !== size) {
    throw new ShapeError(`cannot reshape array of size ${size} (shape ${shapeStr(from)}) into shape ${shapeStr(shape)}`);
  }
  return out;
}

/** NumPy's _attempt_nocopy_reshape: strides for `newShape` viewing the same memory, or null. */
function nocopyStrides(shape: readonly number[], strides: readonly number[], newShape: readonly number[]): number[] | null {
  const od: number[] = [];
  const os: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] !== 1) {
      od.push(shape[i]);
      os.push(strides[i]);
    }
  }
  const ns = new Array<number>(newShape.length).fill(0);
  let oi = 0;
  let oj = 1;
  let ni = 0;
  let nj = 1;
  while (ni < newShape.length && oi < od.length) {
    let np_ = newShape[ni];
    let op = od[oi];
    while (np_ !== op) {
      if (np_ < op) np_ *= newShape[nj++];
      else op *= od[oj++];
    }
    for (let ok = oi; ok < oj - 1; ok++) if (os[ok] !== od[ok + 1] * os[ok + 1]) return null;
    ns[nj - 1] = os[oj - 1];
    for (let nk = nj - 1; nk > ni; nk--) ns[nk - 1] = ns[nk] * newShape[nk];
    ni = nj++;
    oi = oj++;
  }
  const last = ni >= 1 ? ns[ni - 1] : 1;
  for (let nk = ni; nk < newShape.length; nk++) ns[nk] = last;
  return ns;
}

/** NumPy's memory orders: 'C' (row-major), 'F' (column-major), 'A' (F when the array is F- and not C-contiguous), 'K' (as laid out). */
export type Order = 'C' | 'F' | 'A' | 'K';

export interface ReshapeOptions {
  /** 'C' (default), 'F' or 'A': the index order elements are read and placed in. */
  readonly order?: 'C' | 'F' | 'A';
  /** true: always copy; false: a view or CopyRequiredError; null/undefined: a view when possible. */
  readonly copy?: boolean | null;
}

/** 'A' and 'K' resolved against `a`'s layout: 'F' when `a` is F-contiguous and not C-contiguous. */
function isFOnly(a: FastArray): boolean {
  if (a._expr !== null) return false;
  return !isCContiguous(a.shape, a._es) && isCContiguous(a.shape.slice().reverse(), a._es.slice().reverse());
}

/** The axes of `a` from the largest to the smallest |stride| (NumPy's 'K' order), stable. */
function memoryOrder(a: FastArray): number[] {
  a._force();
  return a.shape.map((_, i) => i).sort((i, j) => Math.abs(a._es[j]) - Math.abs(a._es[i]) || i - j);
}

/** The order to use for a function that takes `order` ('C' | 'F' | 'A' | 'K'): 'C' or 'F' or a permutation ('K'). */
export function resolveOrder(a: FastArray, order: unknown, fn: string, allowK = true): 'C' | 'F' | number[] {
  if (order === undefined || order === null || order === 'C') return 'C';
  if (order === 'F') return 'F';
  if (order === 'A') return isFOnly(a) ? 'F' : 'C';
  if (order === 'K' && allowK) {
    const perm = memoryOrder(a);
    return perm.every((p, i) => p === i) ? 'C' : perm;
  }
  if (order === 'K') throw new ValueError(`order 'K' is not permitted for ${fn}`);
  throw new ValueError(`order must be one of 'C', 'F', 'A', or 'K' (got ${typeof order === 'string' ? `'${order}'` : String(order)})`);
}

const reversed = (xs: readonly number[]): number[] => xs.slice().reverse();

export function reshape(a: FastArray, shape: readonly number[] | number, options?: ReshapeOptions): FastArray {
  options = checkOptions('reshape', options);
  const shapeList = typeof shape === 'number' || typeof shape === 'bigint' ? [intArg('reshape', 'shape', shape)] : shape;
  if (options !== undefined && (options.order !== undefined || options.copy !== undefined && options.copy !== null)) {
    const order = resolveOrder(a, options.order, 'reshaping', false);
    if (options.copy === false) {
      const r = order === 'F' ? transpose(reshapeC(transpose(a), reversed(shapeList), true)) : reshapeC(a, shapeList, true);
      return r;
    }
    const r = order === 'F' ? transpose(reshapeC(transpose(a), reversed(shapeList), false)) : reshapeC(a, shapeList, false);
    return options.copy === true && r._data === a._data ? copyIn(r, order === 'F' ? 'F' : 'C') : r;
  }
  return reshapeC(a, shapeList, false);
}

/** A fresh copy of `a` laid out in C or F order. */
function copyIn(a: FastArray, order: 'C' | 'F'): FastArray {
  return order === 'F' ? transpose(copy(transpose(a))) : copy(a);
}

function reshapeC(a: FastArray, shape: readonly number[], noCopy: boolean): FastArray {
  const ns = resolveShape(checkShapeAllowingMinusOne(shape), a.size, a.shape);
  if (a._expr !== null || isCContiguous(a.shape, a._es)) {
    a._force();
    return FastArray._view(a, ns, contiguousStrides(ns), a._off);
  }
  if (a.size === 0) return FastArray._view(a, ns, contiguousStrides(ns), a._off);
  const st = nocopyStrides(a.shape, a._es, ns);
  if (st !== null) return FastArray._view(a, ns, st, a._off);
  if (noCopy) throw new CopyRequiredError('Unable to avoid creating a copy while reshaping (copy: false).');
  const c = copy(a);
  return FastArray._view(c, ns, contiguousStrides(ns), c._off);
}

function checkShapeAllowingMinusOne(shape: readonly number[]): number[] {
  if (!Array.isArray(shape)) throw new ShapeError(`shape must be an array of integers, got ${String(shape)}`);
  return shape.map((d) => {
    if (typeof d !== 'number' || !Number.isInteger(d)) throw new ShapeError(`shape must contain integers, got [${shape.join(', ')}]`);
    return d;
  });
}

export function transpose(a: FastArray, axesArg?: readonly number[] | null | { readonly axes?: readonly number[] | null }): FastArray {
  const axes = axesArg !== null && axesArg !== undefined && !Array.isArray(axesArg) ? (axesArg as { axes?: readonly number[] | null }).axes : (axesArg as readonly number[] | null | undefined);
  const nd = a.ndim;
  let perm: number[];
  if (axes === undefined || axes === null) perm = Array.from({ length: nd }, (_, i) => nd - 1 - i);
  else {
    if (axes.length !== nd) throw new ValueError(`axes [${axes.join(', ')}] don't match array of dimension ${nd}`);
    perm = axes.map((x) => normalizeAxis(x, nd));
    if (new Set(perm).size !== nd) throw new ValueError(`repeated axis in transpose: [${axes.join(', ')}]`);
  }
  a._force();
  return FastArray._view(a, perm.map((p) => a.shape[p]), perm.map((p) => a._es[p]), a._off);
}

export function swapaxes(a: FastArray, axis1: number, axis2: number): FastArray {
  const nd = a.ndim;
  const i = normalizeAxis(axis1, nd, 'axis1');
  const j = normalizeAxis(axis2, nd, 'axis2');
  const perm = Array.from({ length: nd }, (_, k) => k);
  perm[i] = j;
  perm[j] = i;
  return transpose(a, perm);
}

export function moveaxis(a: FastArray, source: number | readonly number[], destination: number | readonly number[]): FastArray {
  const nd = a.ndim;
  const src = (typeof source === 'number' ? [source] : source).map((x) => normalizeAxis(x, nd, 'source'));
  const dst = (typeof destination === 'number' ? [destination] : destination).map((x) => normalizeAxis(x, nd, 'destination'));
  if (src.length !== dst.length) throw new ValueError('`source` and `destination` arguments must have the same number of elements');
  if (new Set(src).size !== src.length || new Set(dst).size !== dst.length) throw new ValueError('repeated axis in moveaxis');
  const order = Array.from({ length: nd }, (_, k) => k).filter((k) => !src.includes(k));
  const pairs = dst.map((d, i) => [d, src[i]] as const).sort((x, y) => x[0] - y[0]);
  for (const [d, s] of pairs) order.splice(d, 0, s);
  return transpose(a, order);
}

/** An axis argument given positionally or as NumPy's keyword in an options object (`{ axis }`). */
export type AxisArg = number | readonly number[] | null | undefined | { readonly axis?: number | readonly number[] | null };

function axisOf(x: AxisArg, fn: string): number | readonly number[] | null | undefined {
  if (x !== null && typeof x === 'object' && !Array.isArray(x)) {
    // `{ axis }` is accepted for NumPy's positional axis; nothing else may ride along
    for (const k of Object.keys(x)) if (k !== 'axis') throw new TypeError(`fast.${fn} has no option ${JSON.stringify(k)} (valid: axis)`);
    return axisOf((x as { axis?: AxisArg }).axis as AxisArg, fn);
  }
  if (typeof x === 'bigint') return intArg(fn, 'axis', x);
  if (x !== null && x !== undefined && typeof x !== 'number' && !Array.isArray(x)) {
    throw new TypeError(`fast.${fn}: axis must be an integer, a list of integers or null, got ${typeof x}`);
  }
  return x as number | readonly number[] | null | undefined;
}

export function squeeze(a: FastArray, axisArg?: AxisArg): FastArray {
  const axis = axisOf(axisArg, 'squeeze');
  let drop: number[];
  if (axis === undefined || axis === null) drop = a.shape.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0);
  else {
    drop = normalizeAxes(axis, a.ndim);
    for (const d of drop) {
      if (a.shape[d] !== 1) throw new ValueError(`cannot select an axis to squeeze out which has size not equal to one (axis ${d} has size ${a.shape[d]})`);
    }
  }
  a._force();
  const keep = a.shape.map((_, i) => i).filter((i) => !drop.includes(i));
  return FastArray._view(a, keep.map((i) => a.shape[i]), keep.map((i) => a._es[i]), a._off);
}

export function expand_dims(a: FastArray, axisArg: AxisArg = 0): FastArray {
  const axis = axisOf(axisArg, 'expand_dims') ?? 0;
  const list = typeof axis === 'number' ? [axis] : axis;
  const nd = a.ndim + list.length;
  for (const x of list) {
    // the Array API standard asks for IndexError here (NumPy's AxisError is both an IndexError and a ValueError)
    if (Number.isInteger(x) && (x < -nd || x >= nd)) throw new IndexError(`axis ${x} is out of bounds for array of dimension ${nd}`);
  }
  const axes = normalizeAxes(list, nd);
  a._force();
  const shape: number[] = [];
  const strides: number[] = [];
  let j = 0;
  for (let i = 0; i < nd; i++) {
    if (axes.includes(i)) {
      shape.push(1);
      strides.push(0);
    } else {
      shape.push(a.shape[j]);
      strides.push(a._es[j]);
      j++;
    }
  }
  return FastArray._view(a, shape, strides, a._off);
}

/** A read-only view with `shape` (NumPy's broadcast_to). */
export function broadcast_to(a: FastArray, shape: readonly number[]): FastArray {
  const target = checkShape(shape);
  const b = broadcastShapes(a.shape, target);
  if (b.length !== target.length || b.some((d, i) => d !== target[i])) {
    throw new ShapeError(`cannot broadcast an array of shape ${shapeStr(a.shape)} to shape ${shapeStr(target)}`);
  }
  a._force();
  return FastArray._view(a, target, broadcastStrides(a.shape, a._es, target), a._off, false);
}

export function flip(a: FastArray, axisArg?: AxisArg): FastArray {
  const axes = normalizeAxes(axisOf(axisArg, 'flip'), a.ndim);
  a._force();
  let off = a._off;
  const strides = a._es.slice();
  for (const d of axes) {
    if (a.shape[d] > 0) off += (a.shape[d] - 1) * strides[d];
    strides[d] = -strides[d];
  }
  return FastArray._view(a, a.shape, strides, off);
}

/** The last two axes swapped (Array API matrix_transpose). */
export function matrix_transpose(a: FastArray): FastArray {
  if (a.ndim < 2) throw new ValueError(`matrix_transpose needs at least 2 dimensions, got ${a.ndim}`);
  return swapaxes(a, -1, -2);
}

/** Read-only views of all arrays broadcast to their common shape. */
export function broadcast_arrays(...arrays: readonly FastArray[]): FastArray[] {
  const shape = broadcastShapes(...arrays.map((x) => x.shape));
  return arrays.map((x) => broadcast_to(x, shape));
}

/** A 1-d view when the layout allows, else a 1-d copy, read in `order` ('C' default, 'F', 'A', 'K': memory order). */
export function ravel(a: FastArray, options?: { readonly order?: Order }): FastArray {
  options = checkOptions('ravel', options);
  const n = [sizeOf(a.shape)];
  if (options === undefined || options.order === undefined) return reshapeC(a, n, false);
  const order = resolveOrder(a, options.order, 'ravel');
  if (order === 'C') return reshapeC(a, n, false);
  if (order === 'F') return reshapeC(transpose(a), n, false);
  return reshapeC(transpose(a, order), n, false);
}

/** `copy(a, { order })`: a fresh array laid out in 'C', 'F', 'A' or 'K' order (NumPy's np.copy; default 'K'). */
/**
 * `r` (C-ordered) copied into the memory order `order` resolves to for `template` (NumPy's ufunc
 * `order=`: 'K' and 'A' follow the inputs' layout): 'C' returns `r` itself.
 */
export function layoutLike(r: FastArray, template: FastArray, order: unknown, fn: string): FastArray {
  const o = resolveOrder(template, order, fn);
  if (o === 'C' || r.ndim < 2) return r;
  if (o === 'F') return copyIn(r, 'F');
  const inv = new Array<number>(o.length);
  o.forEach((p, i) => (inv[p] = i));
  return transpose(copy(transpose(r, o)), inv);
}

export function copyOrder(a: FastArray, order: unknown): FastArray {
  const o = resolveOrder(a, order ?? 'K', 'copy');
  if (o === 'C') return copy(a);
  if (o === 'F') return copyIn(a, 'F');
  const inv = new Array<number>(o.length);
  o.forEach((p, i) => (inv[p] = i));
  return transpose(copy(transpose(a, o)), inv);
}
