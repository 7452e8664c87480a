/**
 * Dense real linear-algebra kernels on small row-major Float64Array matrices (copies, modified in
 * place), following LAPACK's algorithms where the result depends on the algorithm:
 * - LU with partial pivoting (the pivot is the first entry of largest magnitude, as dgetrf/idamax),
 *   the multipliers scaled by the pivot's reciprocal; a complex version (pivot by |re| + |im|);
 * - Cholesky (lower, the lower triangle read, as dpotrf 'L');
 * - Householder QR with dlarfg's reflector convention (beta = -sign(alpha)·‖x‖, so R's diagonal and
 *   Q's signs are LAPACK's, not just some valid factorisation) and Q formed as dorg2r does;
 * - singular values by one-sided Jacobi (Hestenes), accurate to a few ulps relative to the largest;
 * - eigenvalues of symmetric matrices by cyclic Jacobi rotations.
 * The last two are not LAPACK's algorithms, so only their values (unique) are used, never their
 * vectors' signs.
 */

/** LU factorisation in place (a = P·L·U, L unit lower, U upper, both stored in `a`). */
export interface LU {
  /** row interchanged with row i at step i */
  readonly piv: Int32Array;
  /** (-1)^(number of interchanges) */
  readonly swaps: 1 | -1;
  /** true when some U[i, i] is exactly 0 */
  readonly singular: boolean;
}

export function luFactor(a: Float64Array, n: number): LU {
  const piv = new Int32Array(n);
  let swaps: 1 | -1 = 1;
  let singular = false;
  for (let j = 0; j < n; j++) {
    let p = j;
    let best = Math.abs(a[j * n + j]);
    for (let i = j + 1; i < n; i++) {
      const v = Math.abs(a[i * n + j]);
      if (v > best || (best !== best && v === v)) {
        best = v;
        p = i;
      }
    }
    piv[j] = p;
    if (p !== j) {
      swaps = swaps === 1 ? -1 : 1;
      for (let k = 0; k < n; k++) {
        const t = a[j * n + k];
        a[j * n + k] = a[p * n + k];
        a[p * n + k] = t;
      }
    }
    const d = a[j * n + j];
    if (d === 0) {
      singular = true;
      continue;
    }
    const r = 1 / d;
    for (let i = j + 1; i < n; i++) {
      const l = (a[i * n + j] *= r);
      if (l === 0) continue;
      for (let k = j + 1; k < n; k++) a[i * n + k] -= l * a[j * n + k];
    }
  }
  return { piv, swaps, singular };
}

/** sign and log|det| of a square matrix from its LU factors (NumPy's slogdet: sign 0, -inf when singular). */
export function slogdetOf(a: Float64Array, n: number): { sign: number; logabsdet: number } {
  const lu = luFactor(a, n);
  if (lu.singular) return { sign: 0, logabsdet: -Infinity };
  let sign: number = lu.swaps;
  let log = 0;
  for (let i = 0; i < n; i++) {
    const d = a[i * n + i];
    if (d < 0) sign = -sign;
    log += Math.log(Math.abs(d));
  }
  return { sign, logabsdet: log };
}

/**
 * Solve A·X = B for X (A n x n, B n x nrhs, both row-major), overwriting `b` with X. Returns false
 * (b unspecified) when A is singular.
 */
export function luSolve(a: Float64Array, n: number, b: Float64Array, nrhs: number): boolean {
  const lu = luFactor(a, n);
  if (lu.singular) return false;
  for (let i = 0; i < n; i++) {
    const p = lu.piv[i];
    if (p !== i) {
      for (let c = 0; c < nrhs; c++) {
        const t = b[i * nrhs + c];
        b[i * nrhs + c] = b[p * nrhs + c];
        b[p * nrhs + c] = t;
      }
    }
  }
  // forward: L y = Pb (unit diagonal)
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < i; k++) {
      const l = a[i * n + k];
      if (l === 0) continue;
      for (let c = 0; c < nrhs; c++) b[i * nrhs + c] -= l * b[k * nrhs + c];
    }
  }
  // backward: U x = y
  for (let i = n - 1; i >= 0; i--) {
    for (let k = i + 1; k < n; k++) {
      const u = a[i * n + k];
      if (u === 0) continue;
      for (let c = 0; c < nrhs; c++) b[i * nrhs + c] -= u * b[k * nrhs + c];
    }
    const d = a[i * n + i];
    for (let c = 0; c < nrhs; c++) b[i * nrhs + c] /= d;
  }
  return true;
}

/** Lower Cholesky factor L (A = L·Lᵀ) from A's lower triangle, in place (upper part zeroed); false when A is not positive definite. */
export function cholesky(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    a[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = s / ljj;
    }
    for (let k = j + 1; k < n; k++) a[j * n + k] = 0;
  }
  return true;
}

/** ‖x‖₂ of a strided run without overflow or underflow (scaled sum of squares, as dnrm2). */
function nrm2(a: Float64Array, off: number, len: number, stride: number): number {
  let scale = 0;
  let ssq = 1;
  for (let i = 0; i < len; i++) {
    const v = a[off + i * stride];
    if (v !== 0) {
      const av = Math.abs(v);
      if (scale < av) {
        ssq = 1 + ssq * (scale / av) * (scale / av);
        scale = av;
      } else ssq += (av / scale) * (av / scale);
    }
  }
  return scale * Math.sqrt(ssq);
}

/**
 * Householder QR of the m x n matrix `a` in place, as LAPACK dgeqr2: on return R is in the upper
 * triangle, the reflectors' vectors below it, and tau their scalars (k = min(m, n) of them).
 */
export function householderQR(a: Float64Array, m: number, n: number): Float64Array {
  const k = Math.min(m, n);
  const tau = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    // dlarfg on a[i:, i]
    const alpha = a[i * n + i];
    const xnorm = nrm2(a, (i + 1) * n + i, m - i - 1, n);
    if (xnorm === 0) {
      tau[i] = 0;
    } else {
      const h = Math.hypot(alpha, xnorm);
      const beta = alpha >= 0 ? -h : h;
      tau[i] = (beta - alpha) / beta;
      const scal = 1 / (alpha - beta);
      for (let r = i + 1; r < m; r++) a[r * n + i] *= scal;
      a[i * n + i] = beta;
    }
    // apply H(i) = I - tau v vᵀ (v[0] = 1) to a[i:, i+1:] from the left
    if (i < n - 1 && tau[i] !== 0) applyReflector(a, n, m, i, i, i + 1, n, tau[i]);
  }
  return tau;
}

// C = H·C for C = a[r0:m, c0:c1], H = I - t·v·vᵀ with v = (1, a[r0+1:m, vc]).
function applyReflector(a: Float64Array, n: number, m: number, r0: number, vc: number, c0: number, c1: number, t: number): void {
  const saved = a[r0 * n + vc];
  a[r0 * n + vc] = 1;
  for (let c = c0; c < c1; c++) {
    let w = 0;
    for (let r = r0; r < m; r++) w += a[r * n + vc] * a[r * n + c];
    w *= t;
    if (w === 0) continue;
    for (let r = r0; r < m; r++) a[r * n + c] -= w * a[r * n + vc];
  }
  a[r0 * n + vc] = saved;
}

/**
 * The first `cols` columns of Q = H(0)···H(k-1) from householderQR's output (m x n `a`, k = tau.length),
 * as LAPACK dorg2r; returns an m x cols row-major matrix.
 */
export function formQ(a: Float64Array, m: number, n: number, tau: Float64Array, cols: number): Float64Array {
  const k = tau.length;
  // q: m x cols holding the reflector vectors in its first k columns
  const q = new Float64Array(m * cols);
  for (let r = 0; r < m; r++) for (let c = 0; c < Math.min(k, cols); c++) q[r * cols + c] = a[r * n + c];
  for (let j = k; j < cols; j++) {
    for (let r = 0; r < m; r++) q[r * cols + j] = 0;
    q[j * cols + j] = 1;
  }
  for (let i = k - 1; i >= 0; i--) {
    if (i < cols - 1) {
      q[i * cols + i] = 1;
      applyReflector(q, cols, m, i, i, i + 1, cols, tau[i]);
    }
    if (i < m - 1) for (let r = i + 1; r < m; r++) q[r * cols + i] *= -tau[i];
    q[i * cols + i] = 1 - tau[i];
    for (let r = 0; r < i; r++) q[r * cols + i] = 0;
  }
  return q;
}

/**
 * A power of two that brings the largest magnitude of `a` near 1 when it is so large (or small) that
 * sums of squares of its entries would overflow (or underflow); 1 otherwise. Exact: only entries
 * below 2^-1074 of the largest are lost.
 */
export function rangeScale(a: Float64Array): number {
  let mx = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]);
    if (v > mx) mx = v;
  }
  if (mx === 0 || !Number.isFinite(mx) || (mx < 2 ** 480 && mx > 2 ** -480)) return 1;
  return 2 ** -Math.floor(Math.log2(mx));
}

/**
 * Singular value decomposition of the m x n matrix `a` (row-major, not modified) by one-sided
 * Jacobi: A = U·diag(s)·Vᵀ with s descending, U m x p and V n x p (p = min(m, n)). Entries beyond
 * 2^±480 are scaled by a power of two first (and s back), so the sums of squares cannot overflow.
 */
export function jacobiSVD(a: Float64Array, m: number, n: number): { u: Float64Array; s: Float64Array; v: Float64Array; p: number } {
  const tall = m >= n;
  const scale = rangeScale(a);
  // work on W (rows x cols, rows >= cols): A itself or Aᵀ
  const rows = tall ? m : n;
  const cols = tall ? n : m;
  const w = new Float64Array(rows * cols);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) w[tall ? i * cols + j : j * cols + i] = a[i * n + j] * scale;
  const v = new Float64Array(cols * cols);
  for (let i = 0; i < cols; i++) v[i * cols + i] = 1;
  const eps = 2 ** -52;
  for (let sweep = 0; sweep < 80; sweep++) {
    let rotated = false;
    for (let p = 0; p < cols - 1; p++) {
      for (let q = p + 1; q < cols; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let r = 0; r < rows; r++) {
          const x = w[r * cols + p];
          const y = w[r * cols + q];
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= eps * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let r = 0; r < rows; r++) {
          const x = w[r * cols + p];
          const y = w[r * cols + q];
          w[r * cols + p] = c * x - s * y;
          w[r * cols + q] = s * x + c * y;
        }
        for (let r = 0; r < cols; r++) {
          const x = v[r * cols + p];
          const y = v[r * cols + q];
          v[r * cols + p] = c * x - s * y;
          v[r * cols + q] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  const norms = new Float64Array(cols);
  for (let j = 0; j < cols; j++) norms[j] = nrm2(w, j, rows, cols);
  const order = Array.from({ length: cols }, (_, j) => j).sort((x, y) => norms[y] - norms[x] || x - y);
  const p = cols;
  const s = new Float64Array(p);
  const U = new Float64Array(rows * p);
  const V = new Float64Array(cols * p);
  for (let jj = 0; jj < p; jj++) {
    const j = order[jj];
    const sv = norms[j];
    s[jj] = sv / scale;
    for (let r = 0; r < rows; r++) U[r * p + jj] = sv === 0 ? 0 : w[r * cols + j] / sv;
    for (let r = 0; r < cols; r++) V[r * p + jj] = v[r * cols + j];
  }
  // for a wide A we decomposed Aᵀ = U' S V'ᵀ, so A = V' S U'ᵀ
  return tall ? { u: U, s, v: V, p } : { u: V, s, v: U, p };
}

/**
 * Eigenvalues (ascending) of the symmetric n x n matrix whose lower triangle is in `a` (not
 * modified), by cyclic Jacobi (entries beyond 2^±480 scaled by a power of two first, and back).
 */
export function symmetricEigenvalues(a: Float64Array, n: number): Float64Array {
  const w = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      w[i * n + j] = a[i * n + j];
      w[j * n + i] = a[i * n + j];
    }
  }
  const scale = rangeScale(w);
  if (scale !== 1) for (let i = 0; i < n * n; i++) w[i] *= scale;
  for (let sweep = 0; sweep < 100; sweep++) {
    let rotations = 0;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = w[p * n + q];
        if (apq === 0) continue;
        const app = w[p * n + p];
        const aqq = w[q * n + q];
        // negligible against the diagonal (relative criterion of Demmel and Veselic)
        if (Math.abs(apq) <= 2 ** -53 * Math.sqrt(Math.abs(app * aqq))) {
          w[p * n + q] = 0;
          w[q * n + p] = 0;
          continue;
        }
        rotations++;
        const theta = (aqq - app) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = w[k * n + p];
          const akq = w[k * n + q];
          w[k * n + p] = c * akp - s * akq;
          w[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = w[p * n + k];
          const aqk = w[q * n + k];
          w[p * n + k] = c * apk - s * aqk;
          w[q * n + k] = s * apk + c * aqk;
        }
        w[p * n + q] = 0;
        w[q * n + p] = 0;
      }
    }
    if (rotations === 0) break;
  }
  const ev = new Float64Array(n);
  for (let i = 0; i < n; i++) ev[i] = w[i * n + i] / scale;
  return ev.sort();
}

/** A complex matrix as separate row-major real and imaginary parts. */
export interface ComplexMatrix {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

// 1/(br + i·bi) by Smith's method (as NumPy's complex division)
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

/** Complex LU with partial pivoting in place; the pivot maximises |re| + |im| (LAPACK's izamax). */
export function luFactorComplex(a: ComplexMatrix, n: number): LU {
  const { re, im } = a;
  const piv = new Int32Array(n);
  let swaps: 1 | -1 = 1;
  let singular = false;
  for (let j = 0; j < n; j++) {
    let p = j;
    let best = Math.abs(re[j * n + j]) + Math.abs(im[j * n + j]);
    for (let i = j + 1; i < n; i++) {
      const v = Math.abs(re[i * n + j]) + Math.abs(im[i * n + j]);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    piv[j] = p;
    if (p !== j) {
      swaps = swaps === 1 ? -1 : 1;
      for (let k = 0; k < n; k++) {
        let t = re[j * n + k];
        re[j * n + k] = re[p * n + k];
        re[p * n + k] = t;
        t = im[j * n + k];
        im[j * n + k] = im[p * n + k];
        im[p * n + k] = t;
      }
    }
    const dr = re[j * n + j];
    const di = im[j * n + j];
    if (dr === 0 && di === 0) {
      singular = true;
      continue;
    }
    const [rr, ri] = crecip(dr, di);
    for (let i = j + 1; i < n; i++) {
      const xr = re[i * n + j];
      const xi = im[i * n + j];
      const lr = xr * rr - xi * ri;
      const li = xr * ri + xi * rr;
      re[i * n + j] = lr;
      im[i * n + j] = li;
      if (lr === 0 && li === 0) continue;
      for (let k = j + 1; k < n; k++) {
        const ur = re[j * n + k];
        const ui = im[j * n + k];
        re[i * n + k] -= lr * ur - li * ui;
        im[i * n + k] -= lr * ui + li * ur;
      }
    }
  }
  return { piv, swaps, singular };
}

/** sign (complex, modulus 1) and log|det| of a complex matrix, as NumPy's slogdet. */
export function slogdetComplex(a: ComplexMatrix, n: number): { sr: number; si: number; logabsdet: number } {
  const lu = luFactorComplex(a, n);
  if (lu.singular) return { sr: 0, si: 0, logabsdet: -Infinity };
  let sr: number = lu.swaps;
  let si = 0;
  let log = 0;
  for (let i = 0; i < n; i++) {
    const dr = a.re[i * n + i];
    const di = a.im[i * n + i];
    const m = Math.hypot(dr, di);
    const ur = dr / m;
    const ui = di / m;
    const nr = sr * ur - si * ui;
    si = sr * ui + si * ur;
    sr = nr;
    log += Math.log(m);
  }
  return { sr, si, logabsdet: log };
}

/** Solve A·X = B for complex A (n x n) and B (n x nrhs), B overwritten with X; false when A is singular. */
export function luSolveComplex(a: ComplexMatrix, n: number, b: ComplexMatrix, nrhs: number): boolean {
  const lu = luFactorComplex(a, n);
  if (lu.singular) return false;
  const { re, im } = a;
  const br = b.re;
  const bi = b.im;
  for (let i = 0; i < n; i++) {
    const p = lu.piv[i];
    if (p === i) continue;
    for (let c = 0; c < nrhs; c++) {
      let t = br[i * nrhs + c];
      br[i * nrhs + c] = br[p * nrhs + c];
      br[p * nrhs + c] = t;
      t = bi[i * nrhs + c];
      bi[i * nrhs + c] = bi[p * nrhs + c];
      bi[p * nrhs + c] = t;
    }
  }
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < i; k++) {
      const lr = re[i * n + k];
      const li = im[i * n + k];
      if (lr === 0 && li === 0) continue;
      for (let c = 0; c < nrhs; c++) {
        const xr = br[k * nrhs + c];
        const xi = bi[k * nrhs + c];
        br[i * nrhs + c] -= lr * xr - li * xi;
        bi[i * nrhs + c] -= lr * xi + li * xr;
      }
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let k = i + 1; k < n; k++) {
      const ur = re[i * n + k];
      const ui = im[i * n + k];
      if (ur === 0 && ui === 0) continue;
      for (let c = 0; c < nrhs; c++) {
        const xr = br[k * nrhs + c];
        const xi = bi[k * nrhs + c];
        br[i * nrhs + c] -= ur * xr - ui * xi;
        bi[i * nrhs + c] -= ur * xi + ui * xr;
      }
    }
    const [rr, ri] = crecip(re[i * n + i], im[i * n + i]);
    for (let c = 0; c < nrhs; c++) {
      const xr = br[i * nrhs + c];
      const xi = bi[i * nrhs + c];
      br[i * nrhs + c] = xr * rr - xi * ri;
      bi[i * nrhs + c] = xr * ri + xi * rr;
    }
  }
  return true;
}
