/** Shapes, strides (in elements) and axes: small helpers shared by the fast runtime. */
import { ShapeError, ValueError } from '../../common/errors.js';

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  return n;
}

/** C-order strides in elements. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

/** True when `strides` (elements) are C-contiguous for `shape` (dims of length 1 and empty arrays don't matter). */
export function isCContiguous(shape: readonly number[], strides: readonly number[]): boolean {
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const n = shape[i];
    if (n === 0) return true;
    if (n !== 1 && strides[i] !== acc) return false;
    acc *= n;
  }
  return true;
}

/** Validate a shape given by the user: non-negative safe integers. */
export function checkShape(shape: unknown, what = 'shape'): number[] {
  const arr = typeof shape === 'number' ? [shape] : shape;
  if (!Array.isArray(arr)) throw new ShapeError(`${what} must be an array of non-negative integers, got ${String(shape)}`);
  const out: number[] = [];
  for (const d of arr as unknown[]) {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) {
      throw new ShapeError(`${what} must contain non-negative integers, got [${(arr as unknown[]).join(', ')}]`);
    }
    out.push(d);
  }
  checkDims(out);
  return out;
}

/** NumPy's limit on dimensions. */
export const MAX_DIMS = 64;

/** More than 64 dimensions, or a size beyond 2**53 elements: ValueError, as NumPy ("array is too big"). */
export function checkDims(shape: readonly number[]): void {
  if (shape.length > MAX_DIMS) {
    throw new ValueError(`maximum supported dimension for an ndarray is currently ${MAX_DIMS}, found ${shape.length}`);
  }
  let n = 1;
  for (const d of shape) n *= d;
  if (n > Number.MAX_SAFE_INTEGER) {
    throw new ValueError(`array is too big: the shape (${shape.join(', ')}) has ${n} elements, more than 2**53 (Number.MAX_SAFE_INTEGER)`);
  }
}

/** NumPy broadcasting of shapes; ShapeError naming all shapes when they do not broadcast. */
export function broadcastShapes(...shapes: ReadonlyArray<readonly number[]>): number[] {
  let nd = 0;
  for (const s of shapes) if (s.length > nd) nd = s.length;
  const out = new Array<number>(nd).fill(1);
  for (const s of shapes) {
    const off = nd - s.length;
    for (let i = 0; i < s.length; i++) {
      const d = s[i];
      const o = out[off + i];
      if (d === o || d === 1) continue;
      if (o === 1) out[off + i] = d;
      else {
        throw new ShapeError(
          `shapes ${shapes.map((x) => `(${x.join(', ')}${x.length === 1 ? ',' : ''})`).join(', ')} cannot be broadcast together`,
        );
      }
    }
  }
  return out;
}

/** Element strides of an array of `shape`/`strides` broadcast to `target` (0 on broadcast dims). */
export function broadcastStrides(shape: readonly number[], strides: readonly number[], target: readonly number[]): number[] {
  const nd = target.length;
  const off = nd - shape.length;
  const out = new Array<number>(nd).fill(0);
  for (let i = 0; i < shape.length; i++) out[off + i] = shape[i] === 1 && target[off + i] !== 1 ? 0 : strides[i];
  return out;
}

/** A normalised axis in [0, ndim); ValueError (NumPy's AxisError) when out of range. */
export function normalizeAxis(axis: number, ndim: number, what = 'axis'): number {
  if (!Number.isInteger(axis)) throw new ValueError(`${what} must be an integer, got ${String(axis)}`);
  const a = axis < 0 ? axis + ndim : axis;
  if (a < 0 || a >= ndim) throw new ValueError(`${what} ${axis} is out of bounds for array of dimension ${ndim}`);
  return a;
}

/** Axes of a reduction: null/undefined -> all; a number or list, normalised, without repeats. */
export function normalizeAxes(axis: number | readonly number[] | null | undefined, ndim: number): number[] {
  if (axis === null || axis === undefined) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : axis;
  const out: number[] = [];
  for (const a of list) {
    const n = normalizeAxis(a, ndim);
    if (out.includes(n)) throw new ValueError(`duplicate value in 'axis': ${JSON.stringify(axis)}`);
    out.push(n);
  }
  return out;
}

export function shapeStr(shape: readonly number[]): string {
  return `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
}
