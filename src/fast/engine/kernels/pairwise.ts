/**
 * Pairwise (cascade) summation with exactly NumPy's order of operations, so that sums, means,
 * variances and standard deviations are bit-identical to `np.add.reduce`, `np.mean`, `np.var`,
 * `np.std` on the same 1-d data.
 *
 * NumPy's algorithm (numpy/_core/src/umath/loops_utils.h.src): below 8 elements a plain
 * left-to-right loop from +0.0; up to the block size of 128 elements, 8 partial accumulators
 * seeded with the first 8 elements and advanced 8 at a time, combined as
 * ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then the remainder added left to right; above 128 the range
 * is split at n/2 rounded down to a multiple of 8 and both halves are summed recursively.
 * The reduction itself starts from the identity +0.0 (`np.sum([-0.0])` is `0.0`), which
 * `numpySum*` reproduces.
 *
 * All offsets, lengths and strides are in ELEMENTS of the typed array (for complex data: in
 * complex elements of an interleaved array, element k at indices 2*k (re) and 2*k+1 (im)).
 * Strides may be negative or zero. float32 accumulates in float32 (every operation rounded with
 * Math.fround), as NumPy's FLOAT_pairwise_sum does.
 */

const PW_BLOCKSIZE = 128;

/**
 * Pairwise sum of `n` float64 values `a[offset + i*stride]`, i = 0..n-1 (NumPy's DOUBLE_pairwise_sum).
 * @param a the data
 * @param offset index of the first element
 * @param n number of elements (>= 0)
 * @param stride distance between consecutive elements, in elements
 */
export function pairwiseSumF64(a: Float64Array, offset: number, n: number, stride: number): number {
  if (stride === 1) return pairwiseSumF64Unit(a, offset, n);
  if (n < 8) {
    let res = 0;
    for (let i = 0, p = offset; i < n; i++, p += stride) res += a[p];
    return res;
  }
  if (n <= PW_BLOCKSIZE) {
    let r0 = a[offset];
    let r1 = a[offset + stride];
    let r2 = a[offset + 2 * stride];
    let r3 = a[offset + 3 * stride];
    let r4 = a[offset + 4 * stride];
    let r5 = a[offset + 5 * stride];
    let r6 = a[offset + 6 * stride];
    let r7 = a[offset + 7 * stride];
    const end = n - (n % 8);
    let i = 8;
    if (stride === 1) {
      for (; i < end; i += 8) {
        const p = offset + i;
        r0 += a[p];
        r1 += a[p + 1];
        r2 += a[p + 2];
        r3 += a[p + 3];
        r4 += a[p + 4];
        r5 += a[p + 5];
        r6 += a[p + 6];
        r7 += a[p + 7];
      }
    } else {
      for (; i < end; i += 8) {
        const p = offset + i * stride;
        r0 += a[p];
        r1 += a[p + stride];
        r2 += a[p + 2 * stride];
        r3 += a[p + 3 * stride];
        r4 += a[p + 4 * stride];
        r5 += a[p + 5 * stride];
        r6 += a[p + 6 * stride];
        r7 += a[p + 7 * stride];
      }
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += a[offset + i * stride];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSumF64(a, offset, n2, stride) + pairwiseSumF64(a, offset + n2 * stride, n - n2, stride);
}

/** {@link pairwiseSumF64} over contiguous data (stride 1): the same tree, no stride arithmetic. */
function pairwiseSumF64Unit(a: Float64Array, offset: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[offset + i];
    return res;
  }
  if (n <= PW_BLOCKSIZE) {
    let r0 = a[offset];
    let r1 = a[offset + 1];
    let r2 = a[offset + 2];
    let r3 = a[offset + 3];
    let r4 = a[offset + 4];
    let r5 = a[offset + 5];
    let r6 = a[offset + 6];
    let r7 = a[offset + 7];
    const end = offset + n - (n % 8);
    let p = offset + 8;
    for (; p < end; p += 8) {
      r0 += a[p];
      r1 += a[p + 1];
      r2 += a[p + 2];
      r3 += a[p + 3];
      r4 += a[p + 4];
      r5 += a[p + 5];
      r6 += a[p + 6];
      r7 += a[p + 7];
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (const stop = offset + n; p < stop; p++) res += a[p];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSumF64Unit(a, offset, n2) + pairwiseSumF64Unit(a, offset + n2, n - n2);
}

/** As {@link pairwiseSumF64} for float32 data, accumulating in float32 (NumPy's FLOAT_pairwise_sum). */
export function pairwiseSumF32(a: Float32Array, offset: number, n: number, stride: number): number {
  const f = Math.fround;
  if (n < 8) {
    let res = 0;
    for (let i = 0, p = offset; i < n; i++, p += stride) res = f(res + a[p]);
    return res;
  }
  if (n <= PW_BLOCKSIZE) {
    let r0 = a[offset];
    let r1 = a[offset + stride];
    let r2 = a[offset + 2 * stride];
    let r3 = a[offset + 3 * stride];
    let r4 = a[offset + 4 * stride];
    let r5 = a[offset + 5 * stride];
    let r6 = a[offset + 6 * stride];
    let r7 = a[offset + 7 * stride];
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const p = offset + i * stride;
      r0 = f(r0 + a[p]);
      r1 = f(r1 + a[p + stride]);
      r2 = f(r2 + a[p + 2 * stride]);
      r3 = f(r3 + a[p + 3 * stride]);
      r4 = f(r4 + a[p + 4 * stride]);
      r5 = f(r5 + a[p + 5 * stride]);
      r6 = f(r6 + a[p + 6 * stride]);
      r7 = f(r7 + a[p + 7 * stride]);
    }
    let res = f(f(f(r0 + r1) + f(r2 + r3)) + f(f(r4 + r5) + f(r6 + r7)));
    for (; i < n; i++) res = f(res + a[offset + i * stride]);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return f(pairwiseSumF32(a, offset, n2, stride) + pairwiseSumF32(a, offset + n2 * stride, n - n2, stride));
}

/**
 * Pairwise sum of `n` interleaved complex values (complex128 when `a` is a Float64Array, complex64
 * when it is a Float32Array, then accumulating in float32), in NumPy's CDOUBLE/CFLOAT_pairwise_sum
 * order: 4 complex accumulators, block of 64 complex elements, split on multiples of 4 elements.
 * Writes the real part to `out[outIndex]` and the imaginary part to `out[outIndex + 1]`.
 * @param offset, n, stride in complex elements
 */
export function pairwiseSumComplex(
  a: Float64Array | Float32Array,
  offset: number,
  n: number,
  stride: number,
  out: Float64Array | Float32Array | number[],
  outIndex = 0,
): void {
  // NumPy works on 2n floats with a float stride of stride/2 per float index; in complex units the
  // float count m = 2n < 8 <=> n < 4, m <= 128 <=> n <= 64, and the split point m/2 - (m/2)%8 floats
  // is (n - n%8)/2 complex elements.
  const f32 = a instanceof Float32Array;
  const re = f32 ? cpwF32(a, 2 * offset, n, 2 * stride) : cpwF64(a, 2 * offset, n, 2 * stride);
  const im = f32 ? cpwF32(a, 2 * offset + 1, n, 2 * stride) : cpwF64(a, 2 * offset + 1, n, 2 * stride);
  out[outIndex] = re;
  out[outIndex + 1] = im;
}

// One component (re or im) of NumPy's complex pairwise sum: p is the float index of the component
// of the first element, s the float distance between consecutive complex elements.
function cpwF64(a: Float64Array, p: number, n: number, s: number): number {
  if (n < 4) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[p + i * s];
    return res;
  }
  if (n <= 64) {
    let r0 = a[p];
    let r1 = a[p + s];
    let r2 = a[p + 2 * s];
    let r3 = a[p + 3 * s];
    const end = n - (n % 4);
    let i = 4;
    for (; i < end; i += 4) {
      const q = p + i * s;
      r0 += a[q];
      r1 += a[q + s];
      r2 += a[q + 2 * s];
      r3 += a[q + 3 * s];
    }
    let res = r0 + r1 + (r2 + r3);
    for (; i < n; i++) res += a[p + i * s];
    return res;
  }
  const n2 = (n - (n % 8)) / 2;
  return cpwF64(a, p, n2, s) + cpwF64(a, p + n2 * s, n - n2, s);
}

function cpwF32(a: Float32Array | Float64Array, p: number, n: number, s: number): number {
  const f = Math.fround;
  if (n < 4) {
    let res = 0;
    for (let i = 0; i < n; i++) res = f(res + a[p + i * s]);
    return res;
  }
  if (n <= 64) {
    let r0 = a[p];
    let r1 = a[p + s];
    let r2 = a[p + 2 * s];
    let r3 = a[p + 3 * s];
    const end = n - (n % 4);
    let i = 4;
    for (; i < end; i += 4) {
      const q = p + i * s;
      r0 = f(r0 + a[q]);
      r1 = f(r1 + a[q + s]);
      r2 = f(r2 + a[q + 2 * s]);
      r3 = f(r3 + a[q + 3 * s]);
    }
    let res = f(f(r0 + r1) + f(r2 + r3));
    for (; i < n; i++) res = f(res + a[p + i * s]);
    return res;
  }
  const n2 = (n - (n % 8)) / 2;
  return f(cpwF32(a, p, n2, s) + cpwF32(a, p + n2 * s, n - n2, s));
}

/** `np.add.reduce` of a 1-d float64 run: +0.0 + pairwise sum (so an all-(-0.0) input gives +0.0). */
export function numpySumF64(a: Float64Array, offset: number, n: number, stride: number): number {
  return 0 + pairwiseSumF64(a, offset, n, stride);
}

/** `np.add.reduce` of a 1-d float32 run, in float32. */
export function numpySumF32(a: Float32Array, offset: number, n: number, stride: number): number {
  return Math.fround(0 + pairwiseSumF32(a, offset, n, stride));
}

/** `np.mean` of a 1-d float64 run: sum / n (NaN for n = 0, as NumPy, which also warns). */
export function numpyMeanF64(a: Float64Array, offset: number, n: number, stride: number): number {
  return numpySumF64(a, offset, n, stride) / n;
}

/** `np.mean` of a 1-d float32 run, result float32 (float32 sum, divided, rounded to float32). */
export function numpyMeanF32(a: Float32Array, offset: number, n: number, stride: number): number {
  return Math.fround(numpySumF32(a, offset, n, stride) / n);
}

/**
 * Pairwise sum of (a[i] - mean)^2 in NumPy's order, without a temporary array: the same tree as
 * {@link pairwiseSumF64} applied to the squared deviations (which is what `np.var` sums).
 */
export function pairwiseSumSquaredDeviationF64(
  a: Float64Array,
  offset: number,
  n: number,
  stride: number,
  mean: number,
): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0, p = offset; i < n; i++, p += stride) {
      const d = a[p] - mean;
      res += d * d;
    }
    return res;
  }
  if (n <= PW_BLOCKSIZE) {
    let d = a[offset] - mean;
    let r0 = d * d;
    d = a[offset + stride] - mean;
    let r1 = d * d;
    d = a[offset + 2 * stride] - mean;
    let r2 = d * d;
    d = a[offset + 3 * stride] - mean;
    let r3 = d * d;
    d = a[offset + 4 * stride] - mean;
    let r4 = d * d;
    d = a[offset + 5 * stride] - mean;
    let r5 = d * d;
    d = a[offset + 6 * stride] - mean;
    let r6 = d * d;
    d = a[offset + 7 * stride] - mean;
    let r7 = d * d;
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const p = offset + i * stride;
      d = a[p] - mean;
      r0 += d * d;
      d = a[p + stride] - mean;
      r1 += d * d;
      d = a[p + 2 * stride] - mean;
      r2 += d * d;
      d = a[p + 3 * stride] - mean;
      r3 += d * d;
      d = a[p + 4 * stride] - mean;
      r4 += d * d;
      d = a[p + 5 * stride] - mean;
      r5 += d * d;
      d = a[p + 6 * stride] - mean;
      r6 += d * d;
      d = a[p + 7 * stride] - mean;
      r7 += d * d;
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) {
      d = a[offset + i * stride] - mean;
      res += d * d;
    }
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return (
    pairwiseSumSquaredDeviationF64(a, offset, n2, stride, mean) +
    pairwiseSumSquaredDeviationF64(a, offset + n2 * stride, n - n2, stride, mean)
  );
}

/** float32 version of {@link pairwiseSumSquaredDeviationF64}: deviations, squares and sums rounded to float32. */
export function pairwiseSumSquaredDeviationF32(
  a: Float32Array,
  offset: number,
  n: number,
  stride: number,
  mean: number,
): number {
  const f = Math.fround;
  if (n < 8) {
    let res = 0;
    for (let i = 0, p = offset; i < n; i++, p += stride) {
      const d = f(a[p] - mean);
      res = f(res + f(d * d));
    }
    return res;
  }
  if (n <= PW_BLOCKSIZE) {
    const r = [0, 0, 0, 0, 0, 0, 0, 0];
    for (let j = 0; j < 8; j++) {
      const d = f(a[offset + j * stride] - mean);
      r[j] = f(d * d);
    }
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const p = offset + i * stride;
      for (let j = 0; j < 8; j++) {
        const d = f(a[p + j * stride] - mean);
        r[j] = f(r[j] + f(d * d));
      }
    }
    let res = f(f(f(r[0] + r[1]) + f(r[2] + r[3])) + f(f(r[4] + r[5]) + f(r[6] + r[7])));
    for (; i < n; i++) {
      const d = f(a[offset + i * stride] - mean);
      res = f(res + f(d * d));
    }
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return f(
    pairwiseSumSquaredDeviationF32(a, offset, n2, stride, mean) +
      pairwiseSumSquaredDeviationF32(a, offset + n2 * stride, n - n2, stride, mean),
  );
}

/**
 * `np.var(x, ddof=correction)` of a 1-d float64 run, bit-identical to NumPy: mean = sum/n, then
 * the pairwise sum of squared deviations divided by max(n - correction, 0) (0 gives inf or NaN,
 * as NumPy, which also warns).
 */
export function numpyVarF64(a: Float64Array, offset: number, n: number, stride: number, correction = 0): number {
  const mean = numpyMeanF64(a, offset, n, stride);
  const ss = 0 + pairwiseSumSquaredDeviationF64(a, offset, n, stride, mean);
  return ss / Math.max(n - correction, 0);
}

/** `np.var` of a 1-d float32 run (result float32), bit-identical to NumPy. */
export function numpyVarF32(a: Float32Array, offset: number, n: number, stride: number, correction = 0): number {
  const mean = numpyMeanF32(a, offset, n, stride);
  const ss = Math.fround(0 + pairwiseSumSquaredDeviationF32(a, offset, n, stride, mean));
  return Math.fround(ss / Math.max(n - correction, 0));
}

/** `np.std` of a 1-d float64 run: sqrt of {@link numpyVarF64}. */
export function numpyStdF64(a: Float64Array, offset: number, n: number, stride: number, correction = 0): number {
  return Math.sqrt(numpyVarF64(a, offset, n, stride, correction));
}

/** `np.std` of a 1-d float32 run (result float32). */
export function numpyStdF32(a: Float32Array, offset: number, n: number, stride: number, correction = 0): number {
  return Math.fround(Math.sqrt(numpyVarF32(a, offset, n, stride, correction)));
}

/**
 * `np.mean` of a 1-d complex run, written to out[outIndex] (re) and out[outIndex + 1] (im):
 * the pairwise complex sum divided by n the way NumPy's complex true_divide does it (Smith's
 * method with a zero imaginary divisor: each part times the reciprocal 1/n, not divided by n).
 * complex64 (Float32Array input) sums in float32; the division runs in complex128 (NumPy divides by
 * an intp count, which promotes) and is rounded once to float32.
 */
export function numpyMeanComplex(
  a: Float64Array | Float32Array,
  offset: number,
  n: number,
  stride: number,
  out: Float64Array | Float32Array | number[],
  outIndex = 0,
): void {
  const f = a instanceof Float32Array ? Math.fround : (v: number): number => v;
  const s = [0, 0];
  pairwiseSumComplex(a, offset, n, stride, s);
  const sr = f(0 + s[0]);
  const si = f(0 + s[1]);
  const scl = 1 / n;
  out[outIndex] = f((sr + si * 0) * scl);
  out[outIndex + 1] = f((si - sr * 0) * scl);
}

/**
 * `np.var(x, ddof=correction)` of a 1-d complex run (a real result), bit-identical to NumPy:
 * the complex mean as {@link numpyMeanComplex}, then the pairwise sum of
 * (re - mean_re)² + (im - mean_im)² (NumPy squares both parts and adds them), divided by
 * max(n - correction, 0). complex64 works in float32 throughout.
 */
export function numpyVarComplex(
  a: Float64Array | Float32Array,
  offset: number,
  n: number,
  stride: number,
  correction = 0,
): number {
  const single = a instanceof Float32Array;
  const f = single ? Math.fround : (v: number): number => v;
  const m = [0, 0];
  numpyMeanComplex(a, offset, n, stride, m);
  const t = single ? new Float32Array(n) : new Float64Array(n);
  for (let i = 0, p = 2 * offset; i < n; i++, p += 2 * stride) {
    const dr = f(a[p] - m[0]);
    const di = f(a[p + 1] - m[1]);
    t[i] = f(dr * dr) + f(di * di);
  }
  const ss = single ? numpySumF32(t as Float32Array, 0, n, 1) : numpySumF64(t as Float64Array, 0, n, 1);
  return f(ss / Math.max(n - correction, 0));
}

/** `np.std` of a 1-d complex run: sqrt of {@link numpyVarComplex} (float32-valued for complex64). */
export function numpyStdComplex(
  a: Float64Array | Float32Array,
  offset: number,
  n: number,
  stride: number,
  correction = 0,
): number {
  const v = numpyVarComplex(a, offset, n, stride, correction);
  return a instanceof Float32Array ? Math.fround(Math.sqrt(v)) : Math.sqrt(v);
}
