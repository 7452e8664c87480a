/**
 * NumPy indexing for fast arrays: `at(...)` (basic indices give views; integer arrays and boolean
 * masks give copies, with NumPy's placement of the broadcast index dimensions) and `set(index, value)`
 * (the value broadcast to the indexed region, cast unsafely as NumPy's setitem does).
 */
import { DTYPES } from '../../common/dtypes.js';
import { IndexError, ShapeError, ValueError } from '../../common/errors.js';
import { ellipsis, parseIndexString, Slice, type IndexItem, type ParsedIndexItem } from '../../common/index-expr.js';
import type { IndexSpec, NdArray, NestedArray, Operand } from '../../common/ndarray.js';
import { checkIndex, FastArray } from '../array.js';
import { evaluateInto } from '../engine/codegen.js';
import { copy } from '../data-types/convert.js';
import { asarray } from '../creation/creation.js';
import { castNode } from '../engine/expr.js';
import { describe, intFits, writeElement } from '../engine/scalars.js';
import { broadcastShapes, broadcastStrides, isCContiguous, shapeStr, sizeOf } from '../engine/shape.js';
import { sameMemory, slotsPerElement, Storage, type TypedData } from '../engine/storage.js';

type Item =
  | { readonly t: 'int'; readonly v: number }
  | { readonly t: 'slice'; readonly s: Slice }
  | { readonly t: 'new' }
  | { readonly t: 'ell' }
  | { readonly t: 'arr'; readonly a: FastArray }
  | { readonly t: 'mask'; readonly a: FastArray };

const FULL = new Slice(null, null, null);

function toItem(x: unknown): Item {
  if (typeof x === 'number') {
    if (!Number.isInteger(x)) throw new IndexError(`only integers, slices, '...', newaxis (null) and integer or boolean arrays are valid indices, got ${x}`);
    return { t: 'int', v: x };
  }
  if (x === null) return { t: 'new' };
  if (typeof x === 'boolean') return { t: 'mask', a: asarray(x, { dtype: 'bool' }) };
  if (x === ellipsis) return { t: 'ell' };
  if (x instanceof Slice) return { t: 'slice', s: x };
  if (x instanceof FastArray) return arrayItem(x);
  if (Array.isArray(x)) {
    if (x.length > 0 && x.every((v) => typeof v === 'boolean')) return { t: 'mask', a: asarray(x as boolean[], { dtype: 'bool' }) };
    if (x.length === 0) return { t: 'arr', a: asarray([], { dtype: 'int32' }) };
    if (x.some((v) => Array.isArray(v))) return arrayItem(asarray(x as never)); // nested lists: an n-d index array
    for (const v of x) {
      if (typeof v !== 'number' || !Number.isInteger(v)) throw new IndexError(`index arrays must hold integers (or all booleans), got [${x.join(', ')}]`);
    }
    return arrayItem(asarray(x as number[]));
  }
  if (typeof x === 'string') throw new IndexError(`a string index must be the only index (NumPy syntax like '1:, ::-1'); got ${JSON.stringify(x)} among others`);
  if (typeof x === 'bigint') return { t: 'int', v: Number(x) };
  throw new IndexError(`${describe(x)} is not a valid index; use integers, fast.slice(), null (newaxis), '...', or integer/boolean arrays`);
}

function arrayItem(a: FastArray): Item {
  const k = DTYPES[a.dtype].kind;
  if (k === 'bool') return { t: 'mask', a };
  if (k === 'signed' || k === 'unsigned') return { t: 'arr', a };
  throw new IndexError(`arrays used as indices must be of integer (or boolean) type, got ${a.dtype}`);
}

function parseItems(index: readonly unknown[]): Item[] {
  if (index.length === 1 && typeof index[0] === 'string' && index[0] !== ellipsis) {
    return parseIndexString(index[0]).map((p: ParsedIndexItem) => toItem(p));
  }
  return index.map(toItem);
}

/** Python's slice.indices: start, step and length over a dimension of length n. */
export function sliceIndices(s: Slice, n: number): { start: number; step: number; len: number } {
  const step = s.step ?? 1;
  const lower = step > 0 ? 0 : -1;
  const upper = step > 0 ? n : n - 1;
  const clamp = (v: number | null, dflt: number): number => {
    if (v === null) return dflt;
    if (v < 0) {
      v += n;
      return v < lower ? lower : v;
    }
    return v > upper ? upper : v;
  };
  const start = clamp(s.start, step > 0 ? lower : upper);
  const stop = clamp(s.stop, step > 0 ? upper : lower);
  const len = step > 0 ? (stop > start ? Math.ceil((stop - start) / step) : 0) : start > stop ? Math.ceil((start - stop) / -step) : 0;
  return { start, step, len };
}

/** Ellipsis expanded, full slices appended; IndexError for too many indices. */
function expand(items: Item[], ndim: number): Item[] {
  let consumed = 0;
  let ells = 0;
  for (const it of items) {
    if (it.t === 'int' || it.t === 'slice' || it.t === 'arr') consumed++;
    else if (it.t === 'mask') consumed += it.a.ndim;
    else if (it.t === 'ell') ells++;
  }
  if (ells > 1) throw new IndexError("an index can only have a single ellipsis ('...')");
  if (consumed > ndim) throw new IndexError(`too many indices for array: array is ${ndim}-dimensional, but ${consumed} were indexed`);
  const fill: Item[] = Array.from({ length: ndim - consumed }, () => ({ t: 'slice', s: FULL }) as Item);
  const at = items.findIndex((i) => i.t === 'ell');
  return at >= 0 ? [...items.slice(0, at), ...fill, ...items.slice(at + 1)] : [...items, ...fill];
}

interface BasicDim {
  readonly len: number;
  readonly stride: number;
}

/** Resolved index: either a view (basic) or a list of source offsets with the result shape (advanced). */
type Resolved =
  | { readonly kind: 'view'; readonly shape: number[]; readonly strides: number[]; readonly offset: number }
  | { readonly kind: 'gather'; readonly shape: number[]; readonly offsets: Float64Array };

function intValues(a: FastArray): number[] {
  const flat = a.reshape([-1]);
  const out = new Array<number>(flat.size);
  for (let i = 0; i < flat.size; i++) out[i] = Number(flat.get(i));
  return out;
}

function resolve(a: FastArray, rawIndex: readonly unknown[]): Resolved {
  a._force();
  const items = expand(parseItems(rawIndex), a.ndim);
  const advanced = items.some((i) => i.t === 'arr' || i.t === 'mask');
  let off = a._off;
  let dim = 0;
  if (!advanced) {
    const shape: number[] = [];
    const strides: number[] = [];
    for (const it of items) {
      if (it.t === 'int' || it.t === 'slice') {
        off = basicStep(a, dim, it.t === 'int' ? it.v : it.s, off, shape, strides);
        dim++;
      } else if (it.t === 'new') {
        shape.push(1);
        strides.push(0);
      }
    }
    return { kind: 'view', shape, strides, offset: off };
  }
  // advanced: masks become integer arrays (nonzero), integers become 0-d index arrays
  // (dim -1: a 0-d boolean, which indexes no axis and only adds a broadcast dimension of 1 or 0)
  type Entry = { kind: 'basic'; d: BasicDim } | { kind: 'adv'; dim: number; values: number[]; shape: readonly number[] };
  const entries: Entry[] = [];
  for (const it of items) {
    if (it.t === 'int') {
      // checked here: NumPy checks integers even when the broadcast index is empty (a[6, []])
      checkIndex(it.v, a.shape[dim], dim);
      entries.push({ kind: 'adv', dim, values: [it.v], shape: [] });
      dim++;
    } else if (it.t === 'slice') {
      const { start, step, len } = sliceIndices(it.s, a.shape[dim]);
      if (len > 0) off += start * a._es[dim];
      entries.push({ kind: 'basic', d: { len, stride: a._es[dim] * step } });
      dim++;
    } else if (it.t === 'new') {
      entries.push({ kind: 'basic', d: { len: 1, stride: 0 } });
    } else if (it.t === 'arr') {
      entries.push({ kind: 'adv', dim, values: intValues(it.a), shape: it.a.shape });
      dim++;
    } else if (it.t === 'mask') {
      const m = it.a;
      if (m.ndim === 0) {
        // NumPy's True / False index: nonzero of a 0-d boolean, one index array of shape (1,) or (0,)
        const v = m.get() === true;
        entries.push({ kind: 'adv', dim: -1, values: v ? [0] : [], shape: [v ? 1 : 0] });
        continue;
      }
      // NumPy does not check the shape of an empty mask (it selects nothing from any axis)
      for (let k = 0; k < m.ndim && m.size > 0; k++) {
        if (m.shape[k] !== a.shape[dim + k]) {
          throw new IndexError(
            `boolean index did not match indexed array along axis ${dim + k}; size of axis is ${a.shape[dim + k]} but size of corresponding boolean axis is ${m.shape[k]}`,
          );
        }
      }
      const flat = m.reshape([-1]);
      const coords: number[][] = Array.from({ length: m.ndim }, () => []);
      const cs = m.shape;
      for (let i = 0; i < flat.size; i++) {
        if (flat.get(i) === true) {
          let r = i;
          for (let k = m.ndim - 1; k >= 0; k--) {
            coords[k].push(r % cs[k]);
            r = Math.floor(r / cs[k]);
          }
        }
      }
      for (let k = 0; k < m.ndim; k++) entries.push({ kind: 'adv', dim: dim + k, values: coords[k], shape: [coords[k].length] });
      dim += m.ndim;
    }
  }
  const advs = entries.filter((e): e is Extract<Entry, { kind: 'adv' }> => e.kind === 'adv');
  let B: number[];
  try {
    B = broadcastShapes(...advs.map((e) => e.shape));
  } catch {
    throw new IndexError(`shape mismatch: indexing arrays could not be broadcast together with shapes ${advs.map((e) => shapeStr(e.shape)).join(' ')}`);
  }
  const nb = sizeOf(B);
  const advOff = new Float64Array(nb);
  for (const e of advs) {
    if (e.dim < 0) continue;
    const n = a.shape[e.dim];
    const st = broadcastStrides(e.shape, contiguous(e.shape), B);
    const stride = a._es[e.dim];
    // walk B in C order with the broadcast strides of this index array
    const idx = new Array<number>(B.length).fill(0);
    let src = 0;
    for (let b = 0; b < nb; b++) {
      const v = e.values[src];
      const j = v < 0 ? v + n : v;
      if (!Number.isInteger(v) || j < 0 || j >= n) throw new IndexError(`index ${v} is out of bounds for axis ${e.dim} with size ${n}`);
      advOff[b] += j * stride;
      for (let d = B.length - 1; d >= 0; d--) {
        idx[d]++;
        src += st[d];
        if (idx[d] < B[d]) break;
        src -= st[d] * B[d];
        idx[d] = 0;
      }
    }
  }
  // where the broadcast dimensions go: in place when the advanced indices are adjacent, else first
  const pos = entries.map((e, i) => (e.kind === 'adv' ? i : -1)).filter((i) => i >= 0);
  const adjacent = pos[pos.length - 1] - pos[0] === pos.length - 1;
  const basics = entries.filter((e): e is Extract<Entry, { kind: 'basic' }> => e.kind === 'basic').map((e) => e.d);
  const before = adjacent ? entries.slice(0, pos[0]).filter((e) => e.kind === 'basic').length : 0;
  const layout: (BasicDim | 'B')[] = [...basics.slice(0, before), 'B', ...basics.slice(before)];
  const shape: number[] = [];
  for (const l of layout) {
    if (l === 'B') shape.push(...B);
    else shape.push(l.len);
  }
  const total = sizeOf(shape);
  const offsets = new Float64Array(total);
  let w = 0;
  const rec = (k: number, o: number): void => {
    if (k === layout.length) {
      offsets[w++] = o;
      return;
    }
    const l = layout[k];
    if (l === 'B') for (let b = 0; b < nb; b++) rec(k + 1, o + advOff[b]);
    else for (let i = 0; i < l.len; i++) rec(k + 1, o + i * l.stride);
  };
  if (total > 0) rec(0, off);
  return { kind: 'gather', shape, offsets };
}

function contiguous(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

/**
 * The common masked index: one boolean array of exactly `a`'s shape (`a[a > 0.5]`, `z[mask] = 1`).
 * Rows (all dimensions but the last; one row when both are C-contiguous) are walked with plain
 * strided loops: no per-element coordinate lists (resolve()), and for reads and scalar writes no
 * offsets array either. Null for every other index (resolve() handles those, with NumPy's errors).
 */
interface WholeMask {
  readonly md: Uint8Array;
  /** First element offsets of each row, in `a` and in the mask. */
  readonly rowA: readonly number[];
  readonly rowM: readonly number[];
  readonly inner: number;
  /** Strides along a row, in `a` and in the mask. */
  readonly sa: number;
  readonly sm: number;
  /** Number of selected elements (-1 until maskCount computes it: a scalar fill does not need it). */
  count: number;
}

function wholeMaskOf(a: FastArray, index: readonly unknown[]): WholeMask | null {
  if (index.length !== 1) return null;
  const m = index[0];
  if (!(m instanceof FastArray) || m.dtype !== 'bool' || m.ndim === 0 || m.ndim !== a.ndim) return null;
  for (let k = 0; k < m.ndim; k++) if (m.shape[k] !== a.shape[k]) return null;
  a._force();
  m._force();
  const md = m._data as Uint8Array;
  const nd = a.ndim;
  let rowA: number[];
  let rowM: number[];
  let inner: number;
  let sa: number;
  let sm: number;
  if (a.size === 0) return { md, rowA: [], rowM: [], inner: 0, sa: 1, sm: 1, count: 0 };
  if (isCContiguous(a.shape, a._es) && isCContiguous(m.shape, m._es)) {
    rowA = [a._off];
    rowM = [m._off];
    inner = a.size;
    sa = 1;
    sm = 1;
  } else {
    inner = a.shape[nd - 1];
    sa = a._es[nd - 1];
    sm = m._es[nd - 1];
    const outer = a.size / inner;
    rowA = new Array<number>(outer);
    rowM = new Array<number>(outer);
    const idx = new Array<number>(nd).fill(0);
    let oa = a._off;
    let om = m._off;
    for (let r = 0; r < outer; r++) {
      rowA[r] = oa;
      rowM[r] = om;
      for (let d = nd - 2; d >= 0; d--) {
        idx[d]++;
        oa += a._es[d];
        om += m._es[d];
        if (idx[d] < a.shape[d]) break;
        oa -= a._es[d] * a.shape[d];
        om -= m._es[d] * a.shape[d];
        idx[d] = 0;
      }
    }
  }
  return { md, rowA, rowM, inner, sa, sm, count: -1 };
}

/** The number of selected elements (counted once, when needed). */
function maskCount(w: WholeMask): number {
  if (w.count >= 0) return w.count;
  const { md, rowM, inner, sm } = w;
  let count = 0;
  for (let r = 0; r < rowM.length; r++) {
    const mo = rowM[r];
    // (byte + 255) >> 8 is 1 for any non-zero byte, 0 for zero: 1.45 -> 1.05 us per 2,500 random bytes
    // against a compare (plain JS on this machine); the gather and fill loops measured no gain branch-free
    if (sm === 1) for (let j = 0; j < inner; j++) count += (md[mo + j] + 255) >> 8;
    else for (let j = 0; j < inner; j++) count += (md[mo + j * sm] + 255) >> 8;
  }
  return (w.count = count);
}

/** The selected elements' offsets in `a` (for values that are whole arrays). */
function maskOffsets(w: WholeMask): Float64Array {
  const offsets = new Float64Array(maskCount(w));
  let k = 0;
  for (let r = 0; r < w.rowM.length; r++) {
    const mo = w.rowM[r];
    const ao = w.rowA[r];
    for (let j = 0; j < w.inner; j++) if (w.md[mo + j * w.sm] !== 0) offsets[k++] = ao + j * w.sa;
  }
  return offsets;
}

/**
 * The contiguous float64 case of maskGather/maskFill (`a[a > 0.5]` on a C-contiguous array): loops
 * with one element type, which V8 compiles without the checks of the generic loops below.
 */
function gatherF64(src: Float64Array, ao: number, md: Uint8Array, mo: number, n: number, dst: Float64Array): void {
  let k = 0;
  for (let j = 0; j < n; j++) if (md[mo + j] !== 0) dst[k++] = src[ao + j];
}

function fillF64(dst: Float64Array, ao: number, md: Uint8Array, mo: number, n: number, x: number): void {
  for (let j = 0; j < n; j++) if (md[mo + j] !== 0) dst[ao + j] = x;
}

/**
 * Scratch for the contiguous float64 gather of up to GATHER_SCRATCH_MAX elements: gathered there,
 * counted on the way, then copied into the result. One pass over the mask instead of a count pass and
 * a gather pass, and element stores into reused memory rather than a fresh result (2,500 elements,
 * half selected, plain JS: count + gather 2.3 us, gather into a fresh slab piece 2.0-6.8 us; scratch
 * and one copy 1.4 + 0.2 us).
 */
const GATHER_SCRATCH_MAX = 1 << 16;
let gatherScratch = new Float64Array(0);

function gatherF64Counted(src: Float64Array, ao: number, md: Uint8Array, mo: number, n: number): FastArray {
  if (gatherScratch.length < n) gatherScratch = new Float64Array(Math.max(n, 2 * gatherScratch.length));
  const tmp = gatherScratch;
  let k = 0;
  for (let j = 0; j < n; j++) if (md[mo + j] !== 0) tmp[k++] = src[ao + j];
  const st = k === 0 ? Storage.allocate('float64', 0) : Storage.allocateForOverwrite('float64', k);
  (st.data as Float64Array).set(tmp.subarray(0, k));
  return new FastArray('float64', [k], st, 0, null, null);
}

/** `a[mask]`: the selected elements copied in C order into a new 1-d array. */
function maskGather(a: FastArray, w: WholeMask): FastArray {
  const src = a._data!;
  // one contiguous run of float64 elements and of mask bytes
  const flatF64 = w.rowM.length === 1 && w.sa === 1 && w.sm === 1 && src instanceof Float64Array && a.dtype === 'float64';
  if (flatF64 && w.inner <= GATHER_SCRATCH_MAX) return gatherF64Counted(src, w.rowA[0], w.md, w.rowM[0], w.inner);
  // every element is written below
  const count = maskCount(w);
  const st = count === 0 ? Storage.allocate(a.dtype, 0) : Storage.allocateForOverwrite(a.dtype, count);
  const dst = st.data;
  if (flatF64) {
    gatherF64(src, w.rowA[0], w.md, w.rowM[0], w.inner, dst as Float64Array);
    return new FastArray(a.dtype, [count], st, 0, null, null);
  }
  const two = slotsPerElement(a.dtype) === 2;
  let k = 0;
  for (let r = 0; r < w.rowM.length; r++) {
    const mo = w.rowM[r];
    const ao = w.rowA[r];
    for (let j = 0; j < w.inner; j++) {
      if (w.md[mo + j * w.sm] === 0) continue;
      const o = ao + j * w.sa;
      if (two) {
        dst[2 * k] = src[2 * o];
        dst[2 * k + 1] = src[2 * o + 1];
      } else dst[k] = src[o];
      k++;
    }
  }
  return new FastArray(a.dtype, [count], st, 0, null, null);
}

/** `a[mask] = x` for one value already in a's dtype (two slots for complex). */
function maskFill(a: FastArray, w: WholeMask, x: number | bigint, xi: number | bigint): void {
  const dst = a._data!;
  if (w.rowM.length === 1 && w.sa === 1 && w.sm === 1 && dst instanceof Float64Array && a.dtype === 'float64' && typeof x === 'number') {
    fillF64(dst, w.rowA[0], w.md, w.rowM[0], w.inner, x);
    return;
  }
  const two = slotsPerElement(a.dtype) === 2;
  for (let r = 0; r < w.rowM.length; r++) {
    const mo = w.rowM[r];
    const ao = w.rowA[r];
    for (let j = 0; j < w.inner; j++) {
      if (w.md[mo + j * w.sm] === 0) continue;
      const o = ao + j * w.sa;
      if (two) {
        dst[2 * o] = x;
        dst[2 * o + 1] = xi;
      } else dst[o] = x;
    }
  }
}

/**
 * `a[index]` when every item is a slice or an integer and there are at most `a.ndim` of them (the
 * shifted views of a stencil, `Z[1:-1, 0:-2]`): the view, computed as resolve() computes it, without
 * parsing the index into items first. Null for every other index.
 */
function basicView(a: FastArray, index: readonly unknown[]): FastArray | null {
  const n = index.length;
  if (n > a.ndim) return null;
  for (let k = 0; k < n; k++) {
    const x = index[k];
    if (!(x instanceof Slice) && !(typeof x === 'number' && Number.isInteger(x))) return null;
  }
  a._force();
  const shape: number[] = [];
  const strides: number[] = [];
  let off = a._off;
  for (let d = 0; d < a.ndim; d++) off = basicStep(a, d, d < n ? (index[d] as number | Slice) : FULL, off, shape, strides);
  return FastArray._view(a, shape, strides, off);
}

/**
 * One basic index item on dimension `d` of `a`: an integer moves the offset (the dimension goes), a
 * slice appends its length and stride. Returns the new element offset.
 */
function basicStep(a: FastArray, d: number, x: number | Slice, off: number, shape: number[], strides: number[]): number {
  if (typeof x === 'number') return off + checkIndex(x, a.shape[d], d) * a._es[d];
  const { start, step, len } = sliceIndices(x, a.shape[d]);
  shape.push(len);
  strides.push(a._es[d] * step);
  return len > 0 ? off + start * a._es[d] : off;
}

/** Writes the raw slot value `x` at every element of the view (offset, strides, shape) of a one-slot dtype. */
function fillView(data: TypedData, offset: number, strides: readonly number[], shape: readonly number[], x: number | bigint): void {
  const nd = shape.length;
  if (nd === 0) {
    data[offset] = x as never;
    return;
  }
  const fill = data as { fill(v: number | bigint, start: number, end: number): unknown };
  const inner = shape[nd - 1];
  const si = strides[nd - 1];
  const outer = sizeOf(shape) / inner;
  if (outer === 0 || inner === 0) return;
  const idx = new Array<number>(nd).fill(0);
  let p = offset;
  for (let r = 0; r < outer; r++) {
    if (si === 1) fill.fill(x, p, p + inner);
    else for (let j = 0, q = p; j < inner; j++, q += si) data[q] = x as never;
    for (let d = nd - 2; d >= 0; d--) {
      idx[d]++;
      p += strides[d];
      if (idx[d] < shape[d]) break;
      p -= strides[d] * shape[d];
      idx[d] = 0;
    }
  }
}

/** `a[index]`. */
export function getIndex(a: FastArray, index: readonly IndexItem<NdArray>[]): FastArray {
  const view = basicView(a, index);
  if (view !== null) return view;
  const w = wholeMaskOf(a, index);
  if (w !== null) return maskGather(a, w);
  const r = resolve(a, index);
  if (r.kind === 'view') return FastArray._view(a, r.shape, r.strides, r.offset);
  const st = Storage.allocate(a.dtype, r.offsets.length);
  const src = a._data!;
  const dst = st.data;
  const offs = r.offsets;
  if (slotsPerElement(a.dtype) === 2) {
    for (let i = 0; i < offs.length; i++) {
      dst[2 * i] = src[2 * offs[i]];
      dst[2 * i + 1] = src[2 * offs[i] + 1];
    }
  } else {
    for (let i = 0; i < offs.length; i++) dst[i] = src[offs[i]];
  }
  return new FastArray(a.dtype, r.shape, st, 0, null, null);
}

/** The value of `set` as a fast array of `a`'s dtype (scalars are converted with unsafe casting, as NumPy). */
function valueArray(a: FastArray, value: unknown): FastArray {
  if (value instanceof FastArray) return value;
  if (Array.isArray(value)) return asarray(value as never);
  const k = DTYPES[a.dtype].kind;
  if ((k === 'signed' || k === 'unsigned') && (typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value))) && !intFits(value, a.dtype)) {
    throw new ValueError(`integer ${value} is out of bounds for ${a.dtype}`);
  }
  const st = Storage.allocate(a.dtype, 1);
  writeElement(st.data, a.dtype, 0, value);
  return new FastArray(a.dtype, [], st, 0, null, null);
}

function fitValue(v: FastArray, shape: readonly number[]): FastArray {
  // NumPy drops leading length-1 dimensions of the value
  let s = v.shape.slice();
  while (s.length > shape.length && s[0] === 1) s = s.slice(1);
  const b = s.length <= shape.length ? broadcastShapes(s, shape) : null;
  if (b === null || b.length !== shape.length || b.some((d, i) => d !== shape[i])) {
    throw new ShapeError(`could not broadcast input array from shape ${shapeStr(v.shape)} into shape ${shapeStr(shape)}`);
  }
  return s.length === v.ndim ? v : v.reshape(s);
}

/** `a[index] = value`. */
export function setIndex(a: FastArray, index: IndexSpec, value: Operand | NestedArray): void {
  if (!a._writeable) throw new ValueError('assignment destination is read-only');
  const items: readonly unknown[] =
    typeof index === 'string'
      ? [index]
      : Array.isArray(index) && !(index.length > 0 && index.every((v) => typeof v === 'boolean'))
        ? index
        : [index];
  a._force();
  const st = a._st!;
  // the mask first: computing it only reads, and a mask built on `a` itself (z[z > 0.5] = 1) is then no
  // longer a pending reader for which the write would keep a copy of `a`
  const w = wholeMaskOf(a, items);
  st.beforeWrite();
  let v: FastArray;
  let r: Resolved;
  if (w !== null) {
    v = valueArray(a, value);
    // a 0-d value fits any count; the count is only needed to fit a larger value
    if (v.ndim !== 0) v = fitValue(v, [maskCount(w)]);
    if (v.ndim === 0 && v._expr === null && v.dtype === a.dtype) {
      // one value for every selected element (z[mask] = 1): written in place, no temporary
      const src = v._data!;
      const two = slotsPerElement(a.dtype) === 2;
      maskFill(a, w, src[two ? 2 * v._off : v._off], two ? src[2 * v._off + 1] : 0);
      return;
    }
    r = { kind: 'gather', shape: [maskCount(w)], offsets: maskOffsets(w) };
  } else {
    r = resolve(a, items);
    v = fitValue(valueArray(a, value), r.shape);
    if (r.kind === 'view' && v.ndim === 0 && v._expr === null && v.dtype === a.dtype && slotsPerElement(a.dtype) === 1) {
      // one value for a whole view (Z[...] = 0, a[1:-1, 2] = x): filled in place, no kernel
      fillView(a._data!, r.offset, r.strides, r.shape, v._data![v._off]);
      return;
    }
  }
  if (v._expr !== null || sameMemory(v._st!.data, st.data)) {
    // evaluate the value before writing when it reads the destination's memory
    // (a lazy value whose epoch of this storage just ended reads its snapshot, not the destination)
    if (v._expr === null || v._expr.deps.some((e) => e.snapshot === null && sameMemory(e.storage.data, st.data))) v = copy(v);
  }
  const node = castNode(v._node(), a.dtype);
  if (r.kind === 'view') {
    evaluateInto(node, { data: a._data!, offset: r.offset, strides: r.strides, shape: r.shape, dtype: a.dtype });
    return;
  }
  // advanced: evaluate the value at the result shape, then scatter (repeated indices: the last wins)
  const tmp = Storage.allocate(a.dtype, r.offsets.length);
  evaluateInto(node, { data: tmp.data, offset: 0, strides: contiguous(r.shape), shape: r.shape, dtype: a.dtype });
  const dst = a._data!;
  const src = tmp.data;
  const offs = r.offsets;
  if (slotsPerElement(a.dtype) === 2) {
    for (let i = 0; i < offs.length; i++) {
      dst[2 * offs[i]] = src[2 * i];
      dst[2 * offs[i] + 1] = src[2 * i + 1];
    }
  } else {
    for (let i = 0; i < offs.length; i++) dst[offs[i]] = src[i];
  }
}
