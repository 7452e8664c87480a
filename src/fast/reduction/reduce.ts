/**
 * Reductions (sum, prod, min, max, mean, all, any) over axes, fused with the expression they
 * reduce: `sum(a.mul(b))` runs one pass over a and b. Float sums use NumPy's pairwise summation
 * along the innermost reduced run.
 */
import { DTYPES, type DTypeName } from '../../common/dtypes.js';
import { ValueError } from '../../common/errors.js';
import { HELPERS } from '../engine/helpers.js';
import type { ReduceOptions } from '../../common/ndarray.js';
import { FastArray } from '../array.js';
import { reduceInto, type ReduceKind } from '../engine/codegen.js';
import { checkDType } from '../engine/promotion.js';
import { INT_RANGE } from '../engine/scalars.js';
import { contiguousStrides, normalizeAxes, sizeOf } from '../engine/shape.js';
import { Storage } from '../engine/storage.js';
import { add, maximum, minimum, multiply } from '../elementwise/elementwise.js';
import { asarray } from '../creation/creation.js';
import { where as whereOf } from '../searching/searching.js';
import { broadcast_to } from '../manipulation/views.js';
import { checkOptions } from '../engine/options.js';

const NAMES: Record<ReduceKind, string> = { sum: 'add', prod: 'multiply', min: 'minimum', max: 'maximum', all: 'logical_and', any: 'logical_or' };

/**
 * The accumulator dtype of sum/prod (the Array API standard's rule, with fast's declared default
 * integer, int32, from __array_namespace_info__): bool and signed integers narrower than int32 ->
 * int32, unsigned narrower than 32 bits -> uint32; int32/int64/uint32/uint64 and floats keep their dtype.
 * (NumPy itself widens to int64/uint64; pass `{ dtype: 'int64' }` for that.)
 */
export function sumDType(d: DTypeName): DTypeName {
  const k = DTYPES[d].kind;
  if (k === 'bool' || d === 'int8' || d === 'int16') return 'int32';
  if (d === 'uint8' || d === 'uint16') return 'uint32';
  return d;
}

/** fast's reduction options: NumPy's `where` (a boolean mask broadcast against the input) and `initial` besides axis/keepdims/dtype. */
export interface FastReduceOptions extends ReduceOptions {
  /** Only elements where the mask is true take part (NumPy's where=). */
  where?: FastArray | boolean | readonly unknown[];
  /** The starting value of each reduction (NumPy's initial=): sum/prod/min/max. */
  initial?: number | bigint | boolean;
}

function identity(kind: ReduceKind, d: DTypeName): number | bigint {
  const big = d === 'int64' || d === 'uint64';
  const k = DTYPES[d].kind;
  switch (kind) {
    case 'sum':
    case 'any':
      return big ? 0n : 0;
    case 'prod':
    case 'all':
      return big ? 1n : 1;
    case 'min': {
      if (k === 'float' || k === 'complex') return Infinity;
      if (k === 'bool') return 1;
      const hi = INT_RANGE[d]![1];
      return big ? hi : Number(hi);
    }
    case 'max': {
      if (k === 'float' || k === 'complex') return -Infinity;
      if (k === 'bool') return 0;
      const lo = INT_RANGE[d]![0];
      return big ? lo : Number(lo);
    }
  }
}

function reduceCore(a: FastArray, kind: ReduceKind, accDtype: DTypeName, options: ReduceOptions, hasInitial = false): { out: FastArray; count: number } {
  const whole = options.axis === undefined || options.axis === null;
  let keepShape: number[], outShape: number[], accStrides: number[], count: number;
  if (whole) {
    // every axis (a.sum(), the common case): no axis bookkeeping
    keepShape = new Array<number>(a.ndim).fill(1);
    outShape = options.keepdims ? keepShape : [];
    accStrides = new Array<number>(a.ndim).fill(0);
    count = a.size;
  } else {
    const axes = normalizeAxes(options.axis, a.ndim);
    keepShape = a.shape.map((d, i) => (axes.includes(i) ? 1 : d));
    outShape = options.keepdims ? keepShape : a.shape.filter((_, i) => !axes.includes(i));
    count = 1;
    for (const ax of axes) count *= a.shape[ax];
    const cs = contiguousStrides(keepShape);
    accStrides = a.shape.map((_, i) => (axes.includes(i) ? 0 : cs[i]));
  }
  const outSize = whole ? 1 : sizeOf(outShape);
  if (count === 0 && outSize > 0 && !hasInitial && (kind === 'min' || kind === 'max')) {
    throw new ValueError(`zero-size array to reduction operation ${NAMES[kind]} which has no identity`);
  }
  const st = Storage.allocate(accDtype, outSize);
  const init = identity(kind, accDtype);
  if (DTYPES[accDtype].kind === 'complex') {
    // min/max start from (+inf, +inf) / (-inf, -inf), which every value (or NaN) replaces
    const im = kind === 'min' || kind === 'max' ? (init as number) : 0;
    for (let i = 0; i < outSize; i++) {
      st.data[2 * i] = init as number;
      st.data[2 * i + 1] = im;
    }
  } else if (init !== 0 && init !== 0n) (st.data as Float64Array).fill(init as number);
  if (outSize > 0 && count > 0) {
    reduceInto(a._node(), kind, { data: st.data, offset: 0, strides: accStrides, shape: a.shape, dtype: accDtype });
  }
  return { out: new FastArray(accDtype, outShape, st, 0, null, null), count };
}

const NO_OPTIONS: FastReduceOptions = Object.freeze({});

/** The value masked-out elements take (the reduction's identity in `a`'s dtype). */
function maskFill(kind: ReduceKind, d: DTypeName): number | bigint | boolean {
  if (d === 'bool') return kind === 'prod' || kind === 'all' || kind === 'min';
  return identity(kind, d);
}

/** `a` with the elements outside `where` replaced by the reduction's identity (NumPy's where=). */
function masked(a: FastArray, kind: ReduceKind, where: unknown, fn: string): FastArray {
  const m = where instanceof FastArray ? where : asarray(where as never);
  if (m.dtype !== 'bool') throw new TypeError(`fast.${fn}: where must be a boolean array (or true/false), got dtype ${m.dtype}`);
  return whereOf(m, a, maskFill(kind, a.dtype)) as FastArray;
}

/** Reduce `a` with NumPy's where= and initial= applied. */
function reduceWith(a: FastArray, kind: ReduceKind, acc: DTypeName, options: FastReduceOptions, fn: string): FastArray {
  const { where, initial } = options;
  const hasWhere = where !== undefined && where !== true;
  if (initial !== undefined && typeof initial !== 'number' && typeof initial !== 'bigint' && typeof initial !== 'boolean') {
    throw new TypeError(`fast.${fn}: initial must be a number, bigint or boolean, got ${typeof initial}`);
  }
  if (hasWhere && initial === undefined && (kind === 'min' || kind === 'max')) {
    throw new ValueError(`reduction operation '${NAMES[kind]}' does not have an identity, so to use a where mask one has to specify 'initial'`);
  }
  const src = hasWhere ? masked(a, kind, where, fn) : a;
  let out = reduceCore(src, kind, acc, options, initial !== undefined).out;
  if (initial !== undefined) {
    const v = typeof initial === 'boolean' ? Number(initial) : initial;
    out = kind === 'sum' ? add(out, v) : kind === 'prod' ? multiply(out, v) : kind === 'min' ? minimum(out, v) : maximum(out, v);
    if (out.dtype !== acc) out = out.astype(acc);
    out._force();
  }
  return out;
}

export function sum(a: FastArray, options?: FastReduceOptions): FastArray {
  const o = options === undefined ? NO_OPTIONS : checkOptions('sum', options);
  const d = o.dtype !== undefined ? checkDType(o.dtype) : sumDType(a.dtype);
  if (o.where === undefined && o.initial === undefined) return reduceCore(a, 'sum', d, o).out;
  return reduceWith(a, 'sum', d, o, 'sum');
}
export function prod(a: FastArray, options?: FastReduceOptions): FastArray {
  const o = options === undefined ? NO_OPTIONS : checkOptions('prod', options);
  const d = o.dtype !== undefined ? checkDType(o.dtype) : sumDType(a.dtype);
  return reduceWith(a, 'prod', d, o, 'prod');
}
export function min(a: FastArray, options?: FastReduceOptions): FastArray {
  const o = options === undefined ? NO_OPTIONS : checkOptions('min', options);
  return reduceWith(a, 'min', o.dtype !== undefined ? checkDType(o.dtype) : a.dtype, o, 'min');
}
export function max(a: FastArray, options?: FastReduceOptions): FastArray {
  const o = options === undefined ? NO_OPTIONS : checkOptions('max', options);
  return reduceWith(a, 'max', o.dtype !== undefined ? checkDType(o.dtype) : a.dtype, o, 'max');
}
export function all(a: FastArray, options?: FastReduceOptions): FastArray {
  const o = options === undefined ? NO_OPTIONS : checkOptions('all', options);
  return reduceWith(a, 'all', 'bool', o, 'all');
}
export function any(a: FastArray, options?: FastReduceOptions): FastArray {
  const o = options === undefined ? NO_OPTIONS : checkOptions('any', options);
  return reduceWith(a, 'any', 'bool', o, 'any');
}

/** Arithmetic mean: float64 for bool and integers, the input's float/complex dtype otherwise. */
export function mean(a: FastArray, options?: FastReduceOptions): FastArray {
  const o = options === undefined ? NO_OPTIONS : checkOptions('mean', options);
  const k = DTYPES[a.dtype].kind;
  const d = o.dtype !== undefined ? checkDType(o.dtype) : k === 'float' || k === 'complex' ? a.dtype : 'float64';
  let out: FastArray;
  let counts: ArrayLike<number> | null = null;
  let count = 0;
  if (o.where !== undefined && o.where !== true) {
    // NumPy: sum over the selected elements / how many were selected, per output element
    const m = o.where instanceof FastArray ? o.where : asarray(o.where as never);
    out = reduceWith(a, 'sum', d, o, 'mean');
    const c = reduceCore(broadcast_to(m, a.shape), 'sum', 'float64', { axis: o.axis, keepdims: o.keepdims }).out;
    counts = c._data as Float64Array;
  } else ({ out, count } = reduceCore(a, 'sum', d, o));
  const data = out._data!;
  const countAt = counts === null ? () => count : (i: number) => counts[i];
  const n = out.size * (DTYPES[d].kind === 'complex' ? 2 : 1);
  const f32 = d === 'float32' || d === 'complex64';
  if (DTYPES[d].kind === 'complex') {
    // NumPy divides by the count as a complex number (Smith's method): NaN parts spread to both
    const f = data as Float64Array;
    for (let i = 0; i < n; i += 2) {
      const count = countAt(i / 2);
      const q = f32 ? HELPERS.cdiv32(f[i], f[i + 1], count, 0) : HELPERS.cdiv(f[i], f[i + 1], count, 0);
      f[i] = q.re;
      f[i + 1] = q.im;
    }
  } else if (DTYPES[d].kind === 'float') {
    const f = data as Float64Array;
    for (let i = 0; i < n; i++) f[i] = f32 ? Math.fround(f[i] / countAt(i)) : f[i] / countAt(i);
  } else {
    // integer dtype requested: NumPy divides in that dtype (truncating)
    for (let i = 0; i < n; i++) {
      const v = data[i];
      const count = countAt(i);
      data[i] = typeof v === 'bigint' ? v / BigInt(count || 1) : Math.trunc((v as number) / count);
    }
  }
  return out;
}
