/** astype, copy and tolist for fast arrays. */
import type { DTypeName, DTypeSpelling } from '../../common/dtypes.js';
import { DTypeError } from '../../common/errors.js';
import type { AstypeOptions, NestedArray, NestedList, Scalar } from '../../common/ndarray.js';
import { FastArray } from '../array.js';
import { castNode } from '../engine/expr.js';
import { canCast, checkDType } from '../engine/promotion.js';
import { readElement } from '../engine/scalars.js';
import { checkAttached } from '../engine/detached.js';
import { checkOptions } from '../engine/options.js';
import { copyOrder, type Order } from '../manipulation/views.js';

/** A new array with `a`'s values (computed now): C-contiguous, or in `order` ('C', 'F', 'A', 'K' as NumPy's np.copy). */
export function copy(a: FastArray, options?: { readonly order?: Order }): FastArray {
  if (options !== undefined) return copyOrder(a, checkOptions('copy', options).order);
  const r = FastArray._lazy(a._node());
  r._force();
  return r;
}

/** `a.astype(dtype)`: a lazy cast (copy: false returns `a` itself when the dtype already matches). */
export function astype(a: FastArray, dtype: DTypeSpelling, options: AstypeOptions = {}): FastArray {
  options = checkOptions('astype', options);
  const d = checkDType(dtype);
  const casting = options.casting ?? 'unsafe';
  if (!canCast(a.dtype, d, casting)) {
    throw new DTypeError(`cannot cast array from dtype ${a.dtype} to ${d} according to the rule '${casting}'`);
  }
  if (d === a.dtype) return options.copy === false ? a : copy(a);
  return FastArray._lazy(castNode(a._node(), d));
}

/** NumPy `tolist()`: nested JS arrays (a bare scalar for 0-d arrays). */
export function toArray(a: FastArray): NestedArray {
  a._force();
  const data = a._data!;
  checkAttached(a, data);
  const shape = a.shape;
  const es = a._es;
  const dt = a.dtype;
  const rec = (d: number, k: number): NestedArray => {
    if (d === shape.length) return readElement(data, dt, k) as Scalar;
    const out: NestedArray[] = new Array<NestedArray>(shape[d]);
    for (let i = 0; i < shape[d]; i++) out[i] = rec(d + 1, k + i * es[d]);
    return out as NestedList;
  };
  return rec(0, a._off);
}
