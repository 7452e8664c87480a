/** NumPy's trapezoid: the integral along one axis by the trapezoidal rule. */
import { Slice } from '../../common/index-expr.js';
import { ValueError } from '../../common/errors.js';
import type { FastArray } from '../array.js';
import { checkOptions } from '../engine/options.js';
import { normalizeAxis } from '../engine/shape.js';
import { apply } from '../elementwise/elementwise.js';
import { toFast, type ArrayInput } from '../linalg/support.js';
import { diff } from '../manipulation/manipulation.js';
import { reshape } from '../manipulation/views.js';
import { sum } from '../reduction/reduce.js';

export interface TrapezoidOptions {
  /** Sample points along the axis (1-d of the axis' length, or y's shape); default: spacing `dx`. */
  x?: ArrayInput | null;
  /** Spacing of the samples when `x` is not given (default 1.0). */
  dx?: number;
  /** The axis to integrate along (default -1). */
  axis?: number;
}

/**
 * NumPy trapezoid(y, x=None, dx=1.0, axis=-1): sum(d * (y[1:] + y[:-1]) / 2) along `axis`, with
 * d = diff(x) (or dx), computed in NumPy's order so the dtypes and the rounding are NumPy's.
 */
export function trapezoid(yIn: ArrayInput, options?: TrapezoidOptions): FastArray {
  const o = checkOptions('trapezoid', options) ?? {};
  const y = toFast(yIn);
  if (y.ndim === 0) throw new ValueError('trapezoid needs y with at least one dimension');
  const axis = normalizeAxis(o.axis ?? -1, y.ndim);
  let d: FastArray | number;
  if (o.x === undefined || o.x === null) d = o.dx ?? 1.0;
  else {
    const x = toFast(o.x);
    if (x.ndim === 1) {
      const dx = diff(x);
      const shape = y.shape.map((_, i) => (i === axis ? dx.shape[0] : 1));
      d = reshape(dx, shape);
    } else d = diff(x, { axis });
  }
  const upper = y.shape.map((_, i) => (i === axis ? new Slice(1, null, null) : new Slice(null, null, null)));
  const lower = y.shape.map((_, i) => (i === axis ? new Slice(null, -1, null) : new Slice(null, null, null)));
  const r = sum(apply('divide', [apply('multiply', [d, apply('add', [y.at(...upper), y.at(...lower)])]), 2.0]), { axis });
  r._force();
  return r;
}
