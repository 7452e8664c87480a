/**
 * Complex discrete Fourier transforms of any length on interleaved (re, im) Float64Arrays: an
 * iterative radix-2 transform for powers of two, recursive mixed-radix decimation in time over the
 * prime factors of other n (4, 2, 3, 5, ... each with an O(p²) butterfly), and Bluestein's chirp-z algorithm (a power-of-two convolution) for lengths with
 * a prime factor above 61. Twiddle factors are computed with the angle reduced to [0, π/4] (exact
 * integer arithmetic on k/n), so each is within an ulp or so, like pocketfft's. Results agree with
 * NumPy's pocketfft to a few ulps times log n of the largest magnitude.
 */

const BLUESTEIN_ABOVE = 61;

/** cos and sin of 2π·k/n, with k reduced modulo n and the angle to the first octant before rounding. */
export function sincos2pi(k: number, n: number): [number, number] {
  k %= n;
  if (k < 0) k += n;
  const q = Math.floor((4 * k) / n);
  const r = 4 * k - q * n; // 0 <= r < n: angle = π/2·(q + r/n)
  let c: number;
  let s: number;
  if (2 * r <= n) {
    const t = (Math.PI / 2) * (r / n);
    c = Math.cos(t);
    s = Math.sin(t);
  } else {
    const t = (Math.PI / 2) * ((n - r) / n);
    c = Math.sin(t);
    s = Math.cos(t);
  }
  switch (q) {
    case 0:
      return [c, s];
    case 1:
      return [-s, c];
    case 2:
      return [-c, -s];
    default:
      return [s, -c];
  }
}

function smallestFactor(n: number): number {
  if (n % 4 === 0) return 4;
  if (n % 2 === 0) return 2;
  for (let p = 3; p * p <= n; p += 2) if (n % p === 0) return p;
  return n;
}

function largestPrimeFactor(n: number): number {
  let big = 1;
  let m = n;
  for (let p = 2; p * p <= m; p++) {
    while (m % p === 0) {
      big = p;
      m /= p;
    }
  }
  return m > 1 ? Math.max(big, m) : big;
}

/** exp(-2πi·j/N) for j < N (re, im interleaved). */
function rootsOf(N: number): Float64Array {
  const w = new Float64Array(2 * N);
  for (let j = 0; j < N; j++) {
    const [c, s] = sincos2pi(j, N);
    w[2 * j] = c;
    w[2 * j + 1] = -s;
  }
  return w;
}

const ROOTS = new Map<number, Float64Array>();
function roots(N: number): Float64Array {
  let w = ROOTS.get(N);
  if (w === undefined) {
    w = rootsOf(N);
    if (ROOTS.size > 64) ROOTS.clear();
    ROOTS.set(N, w);
  }
  return w;
}

// out[k] = Σ_j x[off + j·stride] W_n^{jk} for k < n; w are the N-th roots with n | N.
function rec(x: Float64Array, off: number, stride: number, n: number, out: Float64Array, oOff: number, w: Float64Array, N: number): void {
  if (n === 1) {
    out[2 * oOff] = x[2 * off];
    out[2 * oOff + 1] = x[2 * off + 1];
    return;
  }
  const p = smallestFactor(n);
  const m = n / p;
  // sub-transforms of x[r], x[r + p], ... written to out[oOff + r·m ...]
  for (let r = 0; r < p; r++) rec(x, off + r * stride, stride * p, m, out, oOff + r * m, w, N);
  const step = N / n; // W_n^e = w[e·step]
  const t = new Float64Array(2 * p);
  for (let k = 0; k < m; k++) {
    // t[r] = W_n^{rk} · Sub_r[k]
    for (let r = 0; r < p; r++) {
      const i = 2 * (oOff + r * m + k);
      const re = out[i];
      const im = out[i + 1];
      if (r === 0 || k === 0) {
        t[2 * r] = re;
        t[2 * r + 1] = im;
      } else {
        const e = ((r * k) % n) * step;
        const wr = w[2 * e];
        const wi = w[2 * e + 1];
        t[2 * r] = re * wr - im * wi;
        t[2 * r + 1] = re * wi + im * wr;
      }
    }
    // X[k + q·m] = Σ_r t[r] W_p^{rq}
    if (p === 2) {
      const i0 = 2 * (oOff + k);
      const i1 = 2 * (oOff + m + k);
      out[i0] = t[0] + t[2];
      out[i0 + 1] = t[1] + t[3];
      out[i1] = t[0] - t[2];
      out[i1 + 1] = t[1] - t[3];
    } else if (p === 4) {
      const a0r = t[0] + t[4], a0i = t[1] + t[5];
      const a1r = t[0] - t[4], a1i = t[1] - t[5];
      const b0r = t[2] + t[6], b0i = t[3] + t[7];
      const b1r = t[2] - t[6], b1i = t[3] - t[7];
      // W_4 = -i
      out[2 * (oOff + k)] = a0r + b0r;
      out[2 * (oOff + k) + 1] = a0i + b0i;
      out[2 * (oOff + m + k)] = a1r + b1i;
      out[2 * (oOff + m + k) + 1] = a1i - b1r;
      out[2 * (oOff + 2 * m + k)] = a0r - b0r;
      out[2 * (oOff + 2 * m + k) + 1] = a0i - b0i;
      out[2 * (oOff + 3 * m + k)] = a1r - b1i;
      out[2 * (oOff + 3 * m + k) + 1] = a1i + b1r;
    } else {
      const sp = N / p;
      for (let q = 0; q < p; q++) {
        let sr = t[0];
        let si = t[1];
        for (let r = 1; r < p; r++) {
          const e = ((r * q) % p) * sp;
          const wr = w[2 * e];
          const wi = w[2 * e + 1];
          sr += t[2 * r] * wr - t[2 * r + 1] * wi;
          si += t[2 * r] * wi + t[2 * r + 1] * wr;
        }
        out[2 * (oOff + q * m + k)] = sr;
        out[2 * (oOff + q * m + k) + 1] = si;
      }
    }
  }
}

/** Unnormalised forward DFT X_k = Σ x_j e^{-2πi jk/n} of n complex values (interleaved); returns a new array. */
export function dftForward(x: Float64Array, n: number): Float64Array {
  const out = new Float64Array(2 * n);
  if (n === 0) return out;
  if ((n & (n - 1)) === 0) {
    out.set(x.subarray(0, 2 * n));
    radix2(out, n, roots(n));
    return out;
  }
  if (n > BLUESTEIN_ABOVE && largestPrimeFactor(n) > BLUESTEIN_ABOVE) return bluestein(x, n);
  rec(x, 0, 1, n, out, 0, roots(n), n);
  return out;
}

// In-place iterative radix-2 decimation in time for n a power of two: bit-reversal permutation,
// then log2(n) butterfly stages with the twiddles W_len^j = w[j·n/len].
function radix2(a: Float64Array, n: number, w: Float64Array): void {
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let t = a[2 * i];
      a[2 * i] = a[2 * j];
      a[2 * j] = t;
      t = a[2 * i + 1];
      a[2 * i + 1] = a[2 * j + 1];
      a[2 * j + 1] = t;
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    const step = n / len;
    for (let start = 0; start < n; start += len) {
      for (let j = 0; j < half; j++) {
        const p = 2 * (start + j);
        const q = p + 2 * half;
        const xr = a[q];
        const xi = a[q + 1];
        let tr = xr;
        let ti = xi;
        if (j !== 0) {
          const wr = w[2 * j * step];
          const wi = w[2 * j * step + 1];
          tr = xr * wr - xi * wi;
          ti = xr * wi + xi * wr;
        }
        const ur = a[p];
        const ui = a[p + 1];
        a[p] = ur + tr;
        a[p + 1] = ui + ti;
        a[q] = ur - tr;
        a[q + 1] = ui - ti;
      }
    }
  }
}

/** Unnormalised backward DFT (e^{+2πi jk/n}) via conjugation of the forward one. */
export function dftBackward(x: Float64Array, n: number): Float64Array {
  const c = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    c[2 * i] = x[2 * i];
    c[2 * i + 1] = -x[2 * i + 1];
  }
  const y = dftForward(c, n);
  for (let i = 0; i < n; i++) y[2 * i + 1] = -y[2 * i + 1];
  return y;
}

// Bluestein: X_k = conj(b_k) Σ_j (x_j conj(b_j)) b_{k-j}, b_j = e^{iπ j²/n}, as a cyclic convolution of length M >= 2n-1 (a power of two).
function bluestein(x: Float64Array, n: number): Float64Array {
  let M = 1;
  while (M < 2 * n - 1) M *= 2;
  const b = new Float64Array(2 * n);
  for (let j = 0; j < n; j++) {
    const [c, s] = sincos2pi((j * j) % (2 * n), 2 * n);
    b[2 * j] = c;
    b[2 * j + 1] = s;
  }
  const A = new Float64Array(2 * M);
  for (let j = 0; j < n; j++) {
    const xr = x[2 * j];
    const xi = x[2 * j + 1];
    const br = b[2 * j];
    const bi = -b[2 * j + 1];
    A[2 * j] = xr * br - xi * bi;
    A[2 * j + 1] = xr * bi + xi * br;
  }
  const B = new Float64Array(2 * M);
  B[0] = b[0];
  B[1] = b[1];
  for (let j = 1; j < n; j++) {
    B[2 * j] = B[2 * (M - j)] = b[2 * j];
    B[2 * j + 1] = B[2 * (M - j) + 1] = b[2 * j + 1];
  }
  const FA = dftForward(A, M);
  const FB = dftForward(B, M);
  for (let i = 0; i < M; i++) {
    const ar = FA[2 * i];
    const ai = FA[2 * i + 1];
    const br = FB[2 * i];
    const bi = FB[2 * i + 1];
    FA[2 * i] = ar * br - ai * bi;
    FA[2 * i + 1] = ar * bi + ai * br;
  }
  const conv = dftBackward(FA, M);
  const out = new Float64Array(2 * n);
  const inv = 1 / M;
  for (let k = 0; k < n; k++) {
    const cr = conv[2 * k] * inv;
    const ci = conv[2 * k + 1] * inv;
    const br = b[2 * k];
    const bi = -b[2 * k + 1];
    out[2 * k] = cr * br - ci * bi;
    out[2 * k + 1] = cr * bi + ci * br;
  }
  return out;
}
