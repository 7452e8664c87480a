/**
 * Dense complex linear-algebra kernels on small row-major matrices held as separate real and
 * imaginary Float64Arrays (copies, modified in place), following LAPACK where the result depends on
 * the algorithm:
 * - Cholesky (lower, from the lower triangle, the diagonal's real part only, as zpotf2 'L');
 * - Householder QR with zlarfg's reflector convention (beta = -sign(Re alpha)·|(alpha, x)|, real, so
 *   R's diagonal is real and Q's phases are LAPACK's) and Q formed as zung2r does;
 * - the real embedding [[Re, -Im], [Im, Re]] of a complex matrix: a ring homomorphism that maps the
 *   conjugate transpose to the transpose, so each singular value and (for Hermitian matrices) each
 *   eigenvalue of A appears twice in it, and pinv(embedding(A)) = embedding(pinv(A)). The real
 *   Jacobi kernels (dense.ts) then give complex singular values, eigenvalues and pseudo-inverses.
 */
import type { ComplexMatrix } from './dense.js';

/** The 2m x 2n real matrix [[Re A, -Im A], [Im A, Re A]] of the m x n complex A. */
export function realEmbedding(a: ComplexMatrix, m: number, n: number): Float64Array {
  const w = 2 * n;
  const out = new Float64Array(4 * m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const re = a.re[i * n + j];
      const im = a.im[i * n + j];
      out[i * w + j] = re;
      out[i * w + n + j] = -im;
      out[(m + i) * w + j] = im;
      out[(m + i) * w + n + j] = re;
    }
  }
  return out;
}

/** The complex m x n matrix whose real embedding is the 2m x 2n `e` (read from its left blocks). */
export function fromRealEmbedding(e: Float64Array, m: number, n: number): ComplexMatrix {
  const re = new Float64Array(m * n);
  const im = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      re[i * n + j] = e[i * 2 * n + j];
      im[i * n + j] = e[(m + i) * 2 * n + j];
    }
  }
  return { re, im };
}

/**
 * The Hermitian n x n matrix defined by one triangle of `a` (lower, or upper when `upper`), the
 * diagonal's imaginary part ignored, as LAPACK's zheevd and zpotrf read it.
 */
export function hermitianFromTriangle(a: ComplexMatrix, n: number, upper: boolean): ComplexMatrix {
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const src = upper ? j * n + i : i * n + j;
      const r = a.re[src];
      // the stored element is A[i, j] (lower) or A[j, i] = conj(H[i, j]) (upper)
      const m = i === j ? 0 : upper ? -a.im[src] : a.im[src];
      re[i * n + j] = r;
      im[i * n + j] = m;
      re[j * n + i] = r;
      im[j * n + i] = -m;
    }
  }
  return { re, im };
}

/** The conjugate transpose of the rows x cols `a`. */
export function conjTransposed(a: ComplexMatrix, rows: number, cols: number): ComplexMatrix {
  const re = new Float64Array(rows * cols);
  const im = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      re[j * rows + i] = a.re[i * cols + j];
      im[j * rows + i] = -a.im[i * cols + j];
    }
  }
  return { re, im };
}

/**
 * Lower Cholesky factor L (A = L·Lᴴ) from A's lower triangle, in place (upper part zeroed), as
 * zpotf2 'L'; false when A is not positive definite.
 */
export function choleskyComplex(a: ComplexMatrix, n: number): boolean {
  const { re, im } = a;
  for (let j = 0; j < n; j++) {
    let d = re[j * n + j];
    for (let k = 0; k < j; k++) d -= re[j * n + k] * re[j * n + k] + im[j * n + k] * im[j * n + k];
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    re[j * n + j] = ljj;
    im[j * n + j] = 0;
    for (let i = j + 1; i < n; i++) {
      // A[i, j] - Σ L[i, k]·conj(L[j, k])
      let sr = re[i * n + j];
      let si = im[i * n + j];
      for (let k = 0; k < j; k++) {
        const xr = re[i * n + k];
        const xi = im[i * n + k];
        const yr = re[j * n + k];
        const yi = -im[j * n + k];
        sr -= xr * yr - xi * yi;
        si -= xr * yi + xi * yr;
      }
      re[i * n + j] = sr / ljj;
      im[i * n + j] = si / ljj;
    }
    for (let k = j + 1; k < n; k++) {
      re[j * n + k] = 0;
      im[j * n + k] = 0;
    }
  }
  return true;
}

/** ‖x‖₂ of a strided complex run without overflow or underflow (scaled sum of squares, as dznrm2). */
function znrm2(a: ComplexMatrix, off: number, len: number, stride: number): number {
  let scale = 0;
  let ssq = 1;
  for (let i = 0; i < len; i++) {
    for (const v of [a.re[off + i * stride], a.im[off + i * stride]]) {
      if (v === 0) continue;
      const av = Math.abs(v);
      if (scale < av) {
        ssq = 1 + ssq * (scale / av) * (scale / av);
        scale = av;
      } else ssq += (av / scale) * (av / scale);
    }
  }
  return scale * Math.sqrt(ssq);
}

// 1/(br + i·bi) by Smith's method (as LAPACK's zladiv for a unit numerator)
function crecip(br: number, bi: number): [number, number] {
  if (Math.abs(br) >= Math.abs(bi)) {
    const rat = bi / br;
    const scl = 1 / (br + bi * rat);
    return [scl, -rat * scl];
  }
  const rat = br / bi;
  const scl = 1 / (bi + br * rat);
  return [rat * scl, -scl];
}

/** Complex Householder reflector scalars: tau as [re, im] pairs, k = min(m, n) of them. */
export interface ComplexTau {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

/**
 * Householder QR of the complex m x n `a` in place, as LAPACK zgeqr2: R in the upper triangle (real
 * diagonal), the reflectors' vectors below it, tau their scalars (H(i) = I - tau·v·vᴴ).
 */
export function householderQRComplex(a: ComplexMatrix, m: number, n: number): ComplexTau {
  const k = Math.min(m, n);
  const tau = { re: new Float64Array(k), im: new Float64Array(k) };
  const { re, im } = a;
  for (let i = 0; i < k; i++) {
    // zlarfg on a[i:, i]
    const ar = re[i * n + i];
    const ai = im[i * n + i];
    const xnorm = znrm2(a, (i + 1) * n + i, m - i - 1, n);
    if (xnorm === 0 && ai === 0) {
      tau.re[i] = 0;
      tau.im[i] = 0;
    } else {
      const h = Math.hypot(ar, ai, xnorm);
      const beta = ar >= 0 ? -h : h;
      tau.re[i] = (beta - ar) / beta;
      tau.im[i] = -ai / beta;
      const [sr, si] = crecip(ar - beta, ai);
      for (let r = i + 1; r < m; r++) {
        const xr = re[r * n + i];
        const xi = im[r * n + i];
        re[r * n + i] = xr * sr - xi * si;
        im[r * n + i] = xr * si + xi * sr;
      }
      re[i * n + i] = beta;
      im[i * n + i] = 0;
    }
    // apply H(i)ᴴ = I - conj(tau)·v·vᴴ to a[i:, i+1:] from the left
    if (i < n - 1 && (tau.re[i] !== 0 || tau.im[i] !== 0)) applyReflectorComplex(a, n, m, i, i, i + 1, n, tau.re[i], -tau.im[i]);
  }
  return tau;
}

// C = (I - t·v·vᴴ)·C for C = a[r0:m, c0:c1], v = (1, a[r0+1:m, vc]).
function applyReflectorComplex(a: ComplexMatrix, n: number, m: number, r0: number, vc: number, c0: number, c1: number, tr: number, ti: number): void {
  const { re, im } = a;
  const savedR = re[r0 * n + vc];
  const savedI = im[r0 * n + vc];
  re[r0 * n + vc] = 1;
  im[r0 * n + vc] = 0;
  for (let c = c0; c < c1; c++) {
    // w = vᴴ·C[:, c]
    let wr = 0;
    let wi = 0;
    for (let r = r0; r < m; r++) {
      const vr = re[r * n + vc];
      const vi = -im[r * n + vc];
      const xr = re[r * n + c];
      const xi = im[r * n + c];
      wr += vr * xr - vi * xi;
      wi += vr * xi + vi * xr;
    }
    // w *= t
    const pr = wr * tr - wi * ti;
    const pi = wr * ti + wi * tr;
    if (pr === 0 && pi === 0) continue;
    for (let r = r0; r < m; r++) {
      const vr = re[r * n + vc];
      const vi = im[r * n + vc];
      re[r * n + c] -= vr * pr - vi * pi;
      im[r * n + c] -= vr * pi + vi * pr;
    }
  }
  re[r0 * n + vc] = savedR;
  im[r0 * n + vc] = savedI;
}

/**
 * The first `cols` columns of Q = H(0)···H(k-1) from householderQRComplex's output (m x n `a`), as
 * LAPACK zung2r; returns an m x cols matrix.
 */
export function formQComplex(a: ComplexMatrix, m: number, n: number, tau: ComplexTau, cols: number): ComplexMatrix {
  const k = tau.re.length;
  const q = { re: new Float64Array(m * cols), im: new Float64Array(m * cols) };
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < Math.min(k, cols); c++) {
      q.re[r * cols + c] = a.re[r * n + c];
      q.im[r * cols + c] = a.im[r * n + c];
    }
  }
  for (let j = k; j < cols; j++) {
    for (let r = 0; r < m; r++) {
      q.re[r * cols + j] = 0;
      q.im[r * cols + j] = 0;
    }
    q.re[j * cols + j] = 1;
  }
  for (let i = k - 1; i >= 0; i--) {
    const tr = tau.re[i];
    const ti = tau.im[i];
    if (i < cols - 1) {
      q.re[i * cols + i] = 1;
      q.im[i * cols + i] = 0;
      applyReflectorComplex(q, cols, m, i, i, i + 1, cols, tr, ti);
    }
    for (let r = i + 1; r < m; r++) {
      const xr = q.re[r * cols + i];
      const xi = q.im[r * cols + i];
      q.re[r * cols + i] = -(xr * tr - xi * ti);
      q.im[r * cols + i] = -(xr * ti + xi * tr);
    }
    q.re[i * cols + i] = 1 - tr;
    q.im[i * cols + i] = -ti;
    for (let r = 0; r < i; r++) {
      q.re[r * cols + i] = 0;
      q.im[r * cols + i] = 0;
    }
  }
  return q;
}
