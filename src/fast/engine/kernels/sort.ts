/**
 * Sorting kernels over one strided run of a typed array (offset, n, stride in ELEMENTS; complex:
 * complex elements of an interleaved array): stable `argsort`, `sortValues` and `searchsorted`.
 *
 * Order, as NumPy: NaN sorts after every number (+inf included); -0.0 and 0.0 compare equal, so a
 * stable sort keeps them in input order; complex numbers are ordered lexicographically (real, then
 * imaginary) with NaNs after everything in NumPy's four groups R+Rj < R+nanj < nan+Rj < nan+nanj.
 * Stable: equal elements keep their input order.
 *
 * `descending` (Array API standard; NumPy 2.4's `np.sort` has no such argument) follows
 * array-api-compat's definition for NumPy, `flip(argsort(flip(x)))` with the indices mapped back:
 * the exact reverse of the ascending order for unequal elements (so NaNs come FIRST), while equal
 * elements still keep their input order.
 */
import type { DTypeName } from '../../../common/dtypes.js';
import { DTypeError, ValueError } from '../../../common/errors.js';
import { type KernelArray, type NumberArray, isBigIntArray } from './types.js';

const RUN = 24;

/**
 * Stable sort of (key, index) pairs by key with `<` (no NaNs in keys), in place in `k`/`ix`
 * (length n). Insertion-sorted runs merged bottom-up.
 */
function stableSortPairs(k: Float64Array, ix: Int32Array, n: number): void {
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const kv = k[i];
      const iv = ix[i];
      let j = i - 1;
      while (j >= lo && k[j] > kv) {
        k[j + 1] = k[j];
        ix[j + 1] = ix[j];
        j--;
      }
      k[j + 1] = kv;
      ix[j + 1] = iv;
    }
  }
  if (n <= RUN) return;
  let sk = k;
  let si = ix;
  let dk: Float64Array = new Float64Array(n);
  let di: Int32Array = new Int32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      if (mid >= hi || sk[mid - 1] <= sk[mid]) {
        dk.set(sk.subarray(lo, hi), lo);
        di.set(si.subarray(lo, hi), lo);
        continue;
      }
      let i = lo;
      let j = mid;
      let o = lo;
      while (i < mid && j < hi) {
        if (sk[j] < sk[i]) {
          dk[o] = sk[j];
          di[o++] = si[j++];
        } else {
          dk[o] = sk[i];
          di[o++] = si[i++];
        }
      }
      while (i < mid) {
        dk[o] = sk[i];
        di[o++] = si[i++];
      }
      while (j < hi) {
        dk[o] = sk[j];
        di[o++] = si[j++];
      }
    }
    const tk = sk;
    sk = dk;
    dk = tk;
    const ti = si;
    si = di;
    di = ti;
  }
  if (sk !== k) {
    k.set(sk);
    ix.set(si);
  }
}

/**
 * NumPy's complex order as a three-way comparison of (ar + ai·j) and (br + bi·j): groups
 * R+Rj < R+nanj < nan+Rj < nan+nanj, lexicographic on the non-NaN parts within a group.
 */
export function compareComplex(ar: number, ai: number, br: number, bi: number): number {
  const ga = (ar !== ar ? 2 : 0) + (ai !== ai ? 1 : 0);
  const gb = (br !== br ? 2 : 0) + (bi !== bi ? 1 : 0);
  if (ga !== gb) return ga < gb ? -1 : 1;
  if (ga === 0 || ga === 1) {
    if (ar < br) return -1;
    if (ar > br) return 1;
  }
  if (ga === 0 || ga === 2) {
    if (ai < bi) return -1;
    if (ai > bi) return 1;
  }
  return 0;
}

/** NumPy's real order as a three-way comparison: NaN after everything, -0.0 == 0.0. */
export function compareReal(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  return a !== a ? (b !== b ? 0 : 1) : -1;
}

/**
 * Stable argsort of x[offset + i*stride], i < n: the positions i (0..n-1) in sorted order.
 * @param dtype fast dtype of `x` (tells bool from uint8 and complex from float storage)
 * @param descending reverse order for unequal elements (NaNs first), ties in input order
 */
export function argsort(
  dtype: DTypeName,
  x: KernelArray,
  offset: number,
  n: number,
  stride: number,
  descending = false,
): Int32Array {
  checkRun(x, offset, n, stride, dtype);
  if (dtype === 'complex64' || dtype === 'complex128') {
    const xf = x as Float32Array | Float64Array;
    const s = descending ? -1 : 1;
    return comparatorArgsort(n, (i, j) => {
      const p = 2 * (offset + i * stride);
      const q = 2 * (offset + j * stride);
      return s * compareComplex(xf[p], xf[p + 1], xf[q], xf[q + 1]);
    });
  }
  if (isBigIntArray(x)) {
    const keys = safeNumberKeys(x, offset, n, stride);
    if (keys) return numberArgsort(keys, 0, n, 1, descending);
    return comparatorArgsort(n, (i, j) => {
      const a = x[offset + i * stride];
      const b = x[offset + j * stride];
      const c = a < b ? -1 : a > b ? 1 : 0;
      return descending ? -c : c;
    });
  }
  return numberArgsort(x, offset, n, stride, descending);
}

// int64/uint64 values all within ±2^53 convert to float64 exactly, so they can take the fast path.
function safeNumberKeys(x: BigInt64Array | BigUint64Array, offset: number, n: number, stride: number): Float64Array | undefined {
  const keys = new Float64Array(n);
  const lim = 2n ** 53n;
  for (let i = 0, p = offset; i < n; i++, p += stride) {
    const v = x[p];
    if (v > lim || v < -lim) return undefined;
    keys[i] = Number(v);
  }
  return keys;
}

function comparatorArgsort(n: number, cmp: (i: number, j: number) => number): Int32Array {
  const idx: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort(cmp); // Array.prototype.sort is stable (ES2019), ties keep index order
  return Int32Array.from(idx);
}

function numberArgsort(x: NumberArray, offset: number, n: number, stride: number, descending: boolean): Int32Array {
  const keys = new Float64Array(n);
  const idx = new Int32Array(n);
  const nans: number[] = [];
  let m = 0;
  for (let i = 0, p = offset; i < n; i++, p += stride) {
    const v = x[p];
    if (v !== v) {
      nans.push(i);
    } else {
      keys[m] = descending ? -v : v;
      idx[m++] = i;
    }
  }
  stableSortPairs(keys, idx, m);
  if (nans.length === 0) return idx;
  const out = new Int32Array(n);
  if (descending) {
    out.set(nans, 0);
    out.set(idx.subarray(0, m), nans.length);
  } else {
    out.set(idx.subarray(0, m), 0);
    out.set(nans, m);
  }
  return out;
}

/**
 * Sorted copy of x[offset + i*stride], i < n, written to out[outOffset + i*outStride] (same
 * storage type as x). Stable: -0.0 and 0.0 keep their input order, as a stable NumPy sort does.
 */
export function sortValues(
  dtype: DTypeName,
  x: KernelArray,
  offset: number,
  n: number,
  stride: number,
  descending: boolean,
  out: KernelArray,
  outOffset: number,
  outStride: number,
): void {
  checkRun(x, offset, n, stride, dtype);
  if (out.constructor !== x.constructor) {
    throw new DTypeError(`sortValues: output storage ${out.constructor.name} differs from input ${x.constructor.name}`);
  }
  if (dtype === 'complex64' || dtype === 'complex128') {
    const order = argsort(dtype, x, offset, n, stride, descending);
    const xf = x as Float64Array;
    const of = out as Float64Array;
    for (let i = 0; i < n; i++) {
      const p = 2 * (offset + order[i] * stride);
      const q = 2 * (outOffset + i * outStride);
      of[q] = xf[p];
      of[q + 1] = xf[p + 1];
    }
    return;
  }
  const Ctor = x.constructor as new (len: number) => KernelArray;
  const tmp = new Ctor(n);
  for (let i = 0; i < n; i++) tmp[i] = x[offset + i * stride];
  (tmp as Float64Array).sort(); // typed-array sort: numeric, NaN last, -0 before +0
  if (descending) tmp.reverse();
  if (tmp instanceof Float64Array || tmp instanceof Float32Array) restoreZeroOrder(tmp, x as Float64Array, offset, n, stride);
  for (let i = 0; i < n; i++) out[outOffset + i * outStride] = tmp[i];
}

// The typed-array sort puts -0.0 before 0.0; a stable sort that treats them as equal keeps input
// order instead: rewrite the run of zeros with the zeros of the input in their original order.
function restoreZeroOrder(
  sorted: Float64Array | Float32Array,
  x: Float64Array | Float32Array,
  offset: number,
  n: number,
  stride: number,
): void {
  let z = sorted.indexOf(0);
  if (z < 0) return;
  for (let i = 0, p = offset; i < n; i++, p += stride) {
    const v = x[p];
    if (v === 0) sorted[z++] = v;
  }
}

/** Where `sorter` gives the order of `a` (as from argsort): element i is a[sorter[offset + i*stride]]. */
export interface Sorter {
  readonly data: ArrayLike<number> | BigInt64Array;
  readonly offset: number;
  readonly stride: number;
}

/**
 * `np.searchsorted` (positions as Int32Array; NumPy returns intp): for each value
 * v[vOffset + j*vStride], j < vN, the insertion position into
 * the sorted run a (aN elements) that keeps it sorted: `left` = first i with !(a[i] < v), `right`
 * = first i with v < a[i], in the NaN-aware order above. With `sorter`, a is read through it.
 * @throws ValueError for a sorter index outside 0..aN-1 (as NumPy)
 */
export function searchsorted(
  dtype: DTypeName,
  a: KernelArray,
  aOffset: number,
  aN: number,
  aStride: number,
  v: KernelArray,
  vOffset: number,
  vN: number,
  vStride: number,
  side: 'left' | 'right' = 'left',
  sorter?: Sorter,
): Int32Array {
  if (side !== 'left' && side !== 'right') {
    throw new ValueError(`searchsorted side must be 'left' or 'right', got ${JSON.stringify(side)}`);
  }
  if (a.constructor !== v.constructor) {
    throw new DTypeError(
      `searchsorted: the sorted array (${a.constructor.name}) and the values (${v.constructor.name}) must share a dtype; promote first`,
    );
  }
  let pos: (i: number) => number = (i) => aOffset + i * aStride;
  if (sorter) {
    const perm = new Int32Array(aN);
    for (let i = 0; i < aN; i++) {
      const s = Number(sorter.data[sorter.offset + i * sorter.stride]);
      if (!(s >= 0 && s < aN)) throw new ValueError(`searchsorted: sorter index ${s} out of range for an array of ${aN} elements`);
      perm[i] = s;
    }
    pos = (i) => aOffset + perm[i] * aStride;
  }
  const out = new Int32Array(vN);
  const right = side === 'right';
  if (!sorter && !isBigIntArray(a) && dtype !== 'complex64' && dtype !== 'complex128') {
    searchNumbers(a, aOffset, aN, aStride, v as NumberArray, vOffset, vN, vStride, right, out);
    return out;
  }
  let lt: (i: number, vp: number) => boolean; // a-element i  <  value at vp   (left)
  let gt: (vp: number, i: number) => boolean; // value at vp  <  a-element i   (right)
  if (dtype === 'complex64' || dtype === 'complex128') {
    const af = a as Float64Array;
    const vf = v as Float64Array;
    lt = (i, vp) => compareComplex(af[2 * pos(i)], af[2 * pos(i) + 1], vf[2 * vp], vf[2 * vp + 1]) < 0;
    gt = (vp, i) => compareComplex(vf[2 * vp], vf[2 * vp + 1], af[2 * pos(i)], af[2 * pos(i) + 1]) < 0;
  } else if (isBigIntArray(a)) {
    const vb = v as BigInt64Array;
    lt = (i, vp) => a[pos(i)] < vb[vp];
    gt = (vp, i) => vb[vp] < a[pos(i)];
  } else {
    const vn = v as NumberArray;
    lt = (i, vp) => {
      const x = a[pos(i)];
      const y = vn[vp];
      return x < y || (y !== y && x === x);
    };
    gt = (vp, i) => {
      const x = vn[vp];
      const y = a[pos(i)];
      return x < y || (y !== y && x === x);
    };
  }
  for (let j = 0; j < vN; j++) {
    const vp = vOffset + j * vStride;
    let lo = 0;
    let hi = aN;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const goRight = right ? !gt(vp, mid) : lt(mid, vp);
      if (goRight) lo = mid + 1;
      else hi = mid;
    }
    out[j] = lo;
  }
  return out;
}

// The common case without closures: real numbers, no sorter. NaN-aware order as above.
function searchNumbers(
  a: NumberArray,
  aOffset: number,
  aN: number,
  aStride: number,
  v: NumberArray,
  vOffset: number,
  vN: number,
  vStride: number,
  right: boolean,
  out: Int32Array,
): void {
  for (let j = 0; j < vN; j++) {
    const y = v[vOffset + j * vStride];
    const yNaN = y !== y;
    let lo = 0;
    let hi = aN;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const x = a[aOffset + mid * aStride];
      // left: go right while a[mid] < y; right: go right while !(y < a[mid])
      const goRight = right ? !(y < x || (x !== x && !yNaN)) : x < y || (yNaN && x === x);
      if (goRight) lo = mid + 1;
      else hi = mid;
    }
    out[j] = lo;
  }
}

function checkRun(x: KernelArray, offset: number, n: number, stride: number, dtype: DTypeName): void {
  const width = dtype === 'complex64' || dtype === 'complex128' ? 2 : 1;
  const last = offset + (n - 1) * stride;
  if (n > 0 && (offset < 0 || last < 0 || width * Math.max(offset, last) + width > x.length)) {
    throw new ValueError(
      `sort kernel: run offset ${offset}, length ${n}, stride ${stride} leaves the ${dtype} storage of ${x.length / width} elements`,
    );
  }
}
