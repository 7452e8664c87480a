/**
 * Reductions (sum, prod, min, max, mean, all, any) over axes, fused with the expression they
 * reduce: `sum(a.mul(b))` runs one pass over a and b. Float sums use NumPy's pairwise summation
 * along the innermost reduced run.
 */
import { DTYPES, type DTypeName } from '../common/dtypes.js';
import { ValueError } from '../common/errors.js';
import { HELPERS } from './helpers.js';
import type { ReduceOptions } from '../common/ndarray.js';
import { FastArray } from './array.js';
import { reduceInto, type ReduceKind } from './codegen.js';
import { checkDType } from './promotion.js';
import { INT_RANGE } from './scalars.js';
import { contiguousStrides, normalizeAxes, sizeOf } from './shape.js';
import { Storage } from './storage.js';
import { checkOptions } from './options.js';

const NAMES: Record<ReduceKind, string> = { sum: 'add', prod: 'multiply', min: 'minimum', max: 'maximum', all: 'logical_and', any: 'logical_or' };

/** NumPy's accumulator dtype for sum/prod: small signed ints and bool -> int64, small unsigned -> uint64. */
function sumDType(d: DTypeName): DTypeName {
  const k = DTYPES[d].kind;
  if (k === 'bool' || k === 'signed') return 'int64';
  if (k === 'unsigned') return 'uint64';
  return d;
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

function reduceCore(a: FastArray, kind: ReduceKind, accDtype: DTypeName, options: ReduceOptions): { out: FastArray; count: number } {
  const axes = normalizeAxes(options.axis, a.ndim);
  const keepShape = a.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const outShape = options.keepdims ? keepShape : a.shape.filter((_, i) => !axes.includes(i));
  let count = 1;
  for (const ax of axes) count *= a.shape[ax];
  const outSize = sizeOf(outShape);
  if (count === 0 && outSize > 0 && (kind === 'min' || kind === 'max')) {
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
  const cs = contiguousStrides(keepShape);
  const accStrides = a.shape.map((_, i) => (axes.includes(i) ? 0 : cs[i]));
  if (outSize > 0 && count > 0) {
    reduceInto(a._node(), kind, { data: st.data, offset: 0, strides: accStrides, shape: a.shape, dtype: accDtype });
  }
  return { out: new FastArray(accDtype, outShape, st, 0, null, null), count };
}

export function sum(a: FastArray, options: ReduceOptions = {}): FastArray {
  options = checkOptions('sum', options);
  const d = options.dtype !== undefined ? checkDType(options.dtype) : sumDType(a.dtype);
  return reduceCore(a, 'sum', d, options).out;
}
export function prod(a: FastArray, options: ReduceOptions = {}): FastArray {
  options = checkOptions('prod', options);
  const d = options.dtype !== undefined ? checkDType(options.dtype) : sumDType(a.dtype);
  return reduceCore(a, 'prod', d, options).out;
}
export function min(a: FastArray, options: ReduceOptions = {}): FastArray {
  options = checkOptions('min', options);
  return reduceCore(a, 'min', options.dtype !== undefined ? checkDType(options.dtype) : a.dtype, options).out;
}
export function max(a: FastArray, options: ReduceOptions = {}): FastArray {
  options = checkOptions('max', options);
  return reduceCore(a, 'max', options.dtype !== undefined ? checkDType(options.dtype) : a.dtype, options).out;
}
export function all(a: FastArray, options: ReduceOptions = {}): FastArray {
  options = checkOptions('all', options);
  return reduceCore(a, 'all', 'bool', options).out;
}
export function any(a: FastArray, options: ReduceOptions = {}): FastArray {
  options = checkOptions('any', options);
  return reduceCore(a, 'any', 'bool', options).out;
}

/** Arithmetic mean: float64 for bool and integers, the input's float/complex dtype otherwise. */
export function mean(a: FastArray, options: ReduceOptions = {}): FastArray {
  options = checkOptions('mean', options);
  const k = DTYPES[a.dtype].kind;
  const d = options.dtype !== undefined ? checkDType(options.dtype) : k === 'float' || k === 'complex' ? a.dtype : 'float64';
  const { out, count } = reduceCore(a, 'sum', d, options);
  const data = out._data!;
  const n = out.size * (DTYPES[d].kind === 'complex' ? 2 : 1);
  const f32 = d === 'float32' || d === 'complex64';
  if (DTYPES[d].kind === 'complex') {
    // NumPy divides by the count as a complex number (Smith's method): NaN parts spread to both
    const f = data as Float64Array;
    for (let i = 0; i < n; i += 2) {
      const q = f32 ? HELPERS.cdiv32(f[i], f[i + 1], count, 0) : HELPERS.cdiv(f[i], f[i + 1], count, 0);
      f[i] = q.re;
      f[i + 1] = q.im;
    }
  } else if (DTYPES[d].kind === 'float') {
    const f = data as Float64Array;
    for (let i = 0; i < n; i++) f[i] = f32 ? Math.fround(f[i] / count) : f[i] / count;
  } else {
    // integer dtype requested: NumPy divides in that dtype (truncating)
    for (let i = 0; i < n; i++) {
      const v = data[i];
      data[i] = typeof v === 'bigint' ? v / BigInt(count || 1) : Math.trunc((v as number) / count);
    }
  }
  return out;
}
