/**
 * NumPy's convolve and correlate of 1-d arrays (modes 'full', 'same', 'valid'), with NumPy's
 * argument swap when the second operand is longer, promotion, integer wrapping, and conjugation of
 * the second operand in correlate (not in convolve).
 */
import { ShapeError, ValueError } from '../../common/errors.js';
import type { FastArray } from '../array.js';
import { matmul as matmulKernel } from '../engine/kernels/matmul.js';
import { promoteTypes } from '../engine/promotion.js';
import { shapeStr } from '../engine/shape.js';
import { flip } from '../manipulation/views.js';
import { conjOf } from '../linalg/products.js';
import { fresh, materialize, toFast, type ArrayInput } from '../linalg/support.js';
import { checkOptions } from '../engine/options.js';

export type CorrelateMode = 'full' | 'same' | 'valid';

function vectors(x1: ArrayInput, x2: ArrayInput, name: string): [FastArray, FastArray] {
  const a = toFast(x1);
  const v = toFast(x2);
  const a1 = a.ndim === 0 ? a.reshape([1]) : a;
  const v1 = v.ndim === 0 ? v.reshape([1]) : v;
  if (a1.ndim !== 1 || v1.ndim !== 1) throw new ShapeError(`${name} takes 1-d arrays, got shapes ${shapeStr(a.shape)} and ${shapeStr(v.shape)}`);
  if (a1.size === 0) throw new ValueError(`${name}: the first array is empty`);
  if (v1.size === 0) throw new ValueError(`${name}: the second array is empty`);
  return [a1, v1];
}

// NumPy's _pyarray_correlate: out[i] = Σ_j a[i - nLeft + j]·v[j] over the overlap, a at least as long as v.
function correlateCore(a0: FastArray, v0: FastArray, mode: CorrelateMode): FastArray {
  if (mode !== 'full' && mode !== 'same' && mode !== 'valid') throw new ValueError(`mode must be 'valid', 'same' or 'full', got ${JSON.stringify(mode)}`);
  const dtype = promoteTypes(a0.dtype, v0.dtype);
  const swapped = a0.size < v0.size;
  const a = materialize(swapped ? v0 : a0, dtype);
  const v = materialize(swapped ? a0 : v0, dtype);
  const n1 = a.size;
  const n2 = v.size;
  const nLeft = mode === 'valid' ? 0 : mode === 'same' ? Math.floor(n2 / 2) : n2 - 1;
  const len = mode === 'valid' ? n1 - n2 + 1 : mode === 'same' ? n1 : n1 + n2 - 1;
  const out = fresh(dtype, [len]);
  const as = a._es[0];
  const vs = v._es[0];
  for (let i = 0; i < len; i++) {
    const start = i - nLeft; // index into a of v[0]
    const j0 = Math.max(0, -start);
    const j1 = Math.min(n2, n1 - start);
    matmulKernel(
      dtype,
      1,
      1,
      Math.max(0, j1 - j0),
      { data: a._data!, offset: a._off + (start + j0) * as, rowStride: 0, colStride: as },
      { data: v._data!, offset: v._off + j0 * vs, rowStride: vs, colStride: 0 },
      out._data!,
      i,
    );
  }
  return swapped ? materialize(flip(out).copy()) : out;
}

/** NumPy's `correlate(a, v, { mode = 'valid' })`: c[k] = Σ_n a[n + k]·conj(v[n]). */
export function correlate(x1: ArrayInput, x2: ArrayInput, options: { readonly mode?: CorrelateMode } = {}): FastArray {
  options = checkOptions('correlate', options);
  const [a, v] = vectors(x1, x2, 'correlate');
  // as NumPy's correlate2: v conjugated; a shorter a is swapped with v and the result reversed
  return correlateCore(a, conjOf(v), options.mode ?? 'valid');
}

/** NumPy's `convolve(a, v, { mode = 'full' })`: the longer operand correlated with the reversed shorter one. */
export function convolve(x1: ArrayInput, x2: ArrayInput, options: { readonly mode?: CorrelateMode } = {}): FastArray {
  options = checkOptions('convolve', options);
  let [a, v] = vectors(x1, x2, 'convolve');
  if (v.size > a.size) [a, v] = [v, a];
  return correlateCore(a, flip(v), options.mode ?? 'full');
}
