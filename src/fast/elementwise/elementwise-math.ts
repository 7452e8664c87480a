/**
 * Complex elementary functions for the element-wise engine, following glibc's algorithms (what
 * NumPy calls on Linux: cexp, clog, csqrt, csin, ccos, csinh, ccosh, ctan, ctanh) with C99 Annex G's
 * special values (infinite and NaN parts, signed zeros), plus NumPy's own complex helpers (nc_expm1,
 * nc_log1p, nc_exp2, log2/log10 as scaled clog, sign, reciprocal). Everything is computed in float64;
 * complex64 callers round the parts to float32 once (the `*32` wrappers), which is within a few
 * float32 ulps of glibc's float routines. complex64 sqrt is the exception: it repeats csqrtf's float32
 * steps so that it is bit-identical to NumPy.
 *
 * Results are written to a shared two-slot scratch (`OUT`) and read back by the generated code:
 * no allocation per element.
 */
import { copysign, hypot, hypotF32, signbit } from '../engine/kernels/scalar-math.js';

/** The result of the last complex call: [re, im]. */
export const OUT = new Float64Array(2);

const DBL_MAX = Number.MAX_VALUE;
const DBL_MIN = 2.2250738585072014e-308;
const EPS = Number.EPSILON;
const LN2 = Math.LN2;
/** (DBL_MAX_EXP - 1) * ln 2: above it exp overflows. */
const T_EXP = Math.trunc(1023 * LN2);
const T_TAN = Math.trunc((1023 * LN2) / 2);

const isFinite = Number.isFinite;
const isNaN = (x: number) => x !== x;

function put(re: number, im: number): void {
  OUT[0] = re;
  OUT[1] = im;
}

function sincos(x: number): [number, number] {
  if (Math.abs(x) > DBL_MIN) return [Math.sin(x), Math.cos(x)];
  return [x, 1];
}

/** exp(x + iy). */
export function cexp(x: number, y: number): void {
  if (x - x === 0 && y - y === 0 && x <= T_EXP) {
    // the common case: finite, no overflow scaling
    const ev = Math.exp(x);
    if (Math.abs(y) > DBL_MIN) put(ev * Math.cos(y), ev * Math.sin(y));
    else put(ev, ev * y);
    return;
  }
  if (isFinite(x)) {
    if (isFinite(y)) {
      let [s, c] = sincos(y);
      if (x > T_EXP) {
        const et = Math.exp(T_EXP);
        x -= T_EXP;
        s *= et;
        c *= et;
        if (x > T_EXP) {
          x -= T_EXP;
          s *= et;
          c *= et;
        }
      }
      if (x > T_EXP) put(DBL_MAX * c, DBL_MAX * s);
      else {
        const ev = Math.exp(x);
        put(ev * c, ev * s);
      }
    } else put(NaN, NaN);
  } else if (x === Infinity || x === -Infinity) {
    if (isFinite(y)) {
      const v = x < 0 ? 0 : Infinity;
      if (y === 0) put(v, y);
      else {
        const [s, c] = sincos(y);
        put(copysign(v, c), copysign(v, s));
      }
    } else if (x > 0) put(Infinity, NaN);
    else put(0, copysign(0, y));
  } else put(NaN, y === 0 ? y : NaN);
}

// Dekker's exact product: a*b = p + e.
const SPLIT = 134217729;
function mulErr(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** x² + y² - 1 with little cancellation error (glibc's __x2y2m1), for 0.5 <= x < 1. */
function x2y2m1(x: number, y: number): number {
  const x2 = x * x;
  const y2 = y * y;
  const terms = [x2, mulErr(x, x, x2), y2, mulErr(y, y, y2), -1];
  terms.sort((a, b) => Math.abs(a) - Math.abs(b));
  // compensated sum (smallest first)
  let s = 0;
  let c = 0;
  for (const t of terms) {
    const u = s + t;
    c += Math.abs(s) >= Math.abs(t) ? s - u + t : t - u + s;
    s = u;
  }
  return s + c;
}

/** log(x + iy), principal branch. */
export function clog(x: number, y: number): void {
  if (x === 0 && y === 0) {
    put(-1 / Math.abs(x), signbit(x) ? copysign(Math.PI, y) : copysign(0, y));
    return;
  }
  if (!isNaN(x) && !isNaN(y)) {
    let ax = Math.abs(x);
    let ay = Math.abs(y);
    let scale = 0;
    if (ax < ay) {
      const t = ax;
      ax = ay;
      ay = t;
    }
    if (ax === Infinity) {
      put(Infinity, Math.atan2(y, x));
      return;
    }
    if (ax > DBL_MAX / 2) {
      scale = -1;
      ax /= 2;
      ay = ay >= DBL_MIN * 2 ? ay / 2 : 0;
    } else if (ax < DBL_MIN && ay < DBL_MIN) {
      scale = 53;
      ax *= 2 ** 53;
      ay *= 2 ** 53;
    }
    let re: number;
    if (ax === 1 && scale === 0) re = Math.log1p(ay * ay) / 2;
    else if (ax > 1 && ax < 2 && ay < 1 && scale === 0) {
      let d2m1 = (ax - 1) * (ax + 1);
      if (ay >= EPS) d2m1 += ay * ay;
      re = Math.log1p(d2m1) / 2;
    } else if (ax < 1 && ax >= 0.5 && ay < EPS / 2 && scale === 0) {
      re = Math.log1p((ax - 1) * (ax + 1)) / 2;
    } else if (ax < 1 && ax >= 0.5 && scale === 0 && ax * ax + ay * ay >= 0.5) {
      re = Math.log1p(x2y2m1(ax, ay)) / 2;
    } else {
      re = Math.log(hypot(ax, ay)) - scale * LN2;
    }
    put(re, Math.atan2(y, x));
    return;
  }
  put(x === Infinity || x === -Infinity || y === Infinity || y === -Infinity ? Infinity : NaN, NaN);
}

/** sqrt(x + iy), principal branch (glibc's csqrt). */
export function csqrt(x: number, y: number): void {
  if (!isFinite(x) || !isFinite(y)) {
    if (y === Infinity || y === -Infinity) put(Infinity, y);
    else if (x === -Infinity) put(isNaN(y) ? NaN : 0, copysign(Infinity, y));
    else if (x === Infinity) put(x, isNaN(y) ? NaN : copysign(0, y));
    else put(NaN, NaN);
    return;
  }
  if (y === 0) {
    if (x < 0) put(0, copysign(Math.sqrt(-x), y));
    else put(Math.abs(Math.sqrt(x)), copysign(0, y));
    return;
  }
  if (x === 0) {
    const ay = Math.abs(y);
    const r = ay >= 2 * DBL_MIN ? Math.sqrt(0.5 * ay) : 0.5 * Math.sqrt(2 * ay);
    put(r, copysign(r, y));
    return;
  }
  let scale = 0;
  if (Math.abs(x) > DBL_MAX / 4) {
    scale = 1;
    x /= 4;
    y /= 4;
  } else if (Math.abs(y) > DBL_MAX / 4) {
    scale = 1;
    x = Math.abs(x) >= 4 * DBL_MIN ? x / 4 : 0;
    y /= 4;
  } else if (Math.abs(x) < 2 * DBL_MIN && Math.abs(y) < 2 * DBL_MIN) {
    scale = -27;
    x *= 2 ** 54;
    y *= 2 ** 54;
  }
  const d = hypot(x, y);
  let r: number;
  let s: number;
  if (x > 0) {
    r = Math.sqrt(0.5 * (d + x));
    if (scale === 1 && Math.abs(y) < 1) {
      s = y / r;
      r *= 2;
      scale = 0;
    } else s = 0.5 * (y / r);
  } else {
    s = Math.sqrt(0.5 * (d - x));
    if (scale === 1 && Math.abs(y) < 1) {
      r = Math.abs(y / s);
      s *= 2;
      scale = 0;
    } else r = Math.abs(0.5 * (y / s));
  }
  if (scale !== 0) {
    r *= 2 ** scale;
    s *= 2 ** scale;
  }
  put(r, copysign(s, y));
}

const FLT_MAX = 3.4028234663852886e38;
const FLT_MIN = 1.1754943508222875e-38;

/** csqrtf: glibc's csqrt steps, every operation rounded to float32 (bit-identical to NumPy's complex64 sqrt). */
export function csqrt32(x: number, y: number): void {
  const f = Math.fround;
  x = f(x);
  y = f(y);
  if (!isFinite(x) || !isFinite(y) || y === 0 || x === 0) {
    csqrt(x, y);
    put(f(OUT[0]), f(OUT[1]));
    return;
  }
  let scale = 0;
  if (Math.abs(x) > FLT_MAX / 4) {
    scale = 1;
    x = f(x / 4);
    y = f(y / 4);
  } else if (Math.abs(y) > FLT_MAX / 4) {
    scale = 1;
    x = Math.abs(x) >= 4 * FLT_MIN ? f(x / 4) : 0;
    y = f(y / 4);
  } else if (Math.abs(x) < 2 * FLT_MIN && Math.abs(y) < 2 * FLT_MIN) {
    scale = -13;
    x = f(x * 2 ** 26);
    y = f(y * 2 ** 26);
  }
  const d = hypotF32(x, y);
  let r: number;
  let s: number;
  if (x > 0) {
    r = f(Math.sqrt(f(0.5 * f(d + x))));
    if (scale === 1 && Math.abs(y) < 1) {
      s = f(y / r);
      r = f(r * 2);
      scale = 0;
    } else s = f(0.5 * f(y / r));
  } else {
    s = f(Math.sqrt(f(0.5 * f(d - x))));
    if (scale === 1 && Math.abs(y) < 1) {
      r = Math.abs(f(y / s));
      s = f(s * 2);
      scale = 0;
    } else r = Math.abs(f(0.5 * f(y / s)));
  }
  if (scale !== 0) {
    r = f(r * 2 ** scale);
    s = f(s * 2 ** scale);
  }
  put(r, copysign(s, y));
}

/** cosh(x + iy) (glibc's ccosh). */
export function ccosh(x: number, y: number): void {
  if (isFinite(x)) {
    if (isFinite(y)) {
      let [s, c] = sincos(y);
      if (Math.abs(x) > T_EXP) {
        const et = Math.exp(T_EXP);
        let rx = Math.abs(x);
        if (signbit(x)) s = -s;
        rx -= T_EXP;
        s *= et / 2;
        c *= et / 2;
        if (rx > T_EXP) {
          rx -= T_EXP;
          s *= et;
          c *= et;
        }
        if (rx > T_EXP) put(DBL_MAX * c, DBL_MAX * s);
        else {
          const ev = Math.exp(rx);
          put(ev * c, ev * s);
        }
      } else put(Math.cosh(x) * c, Math.sinh(x) * s);
    } else put(y - y, x === 0 ? 0 : NaN);
  } else if (x === Infinity || x === -Infinity) {
    if (isFinite(y) && y !== 0) {
      const [s, c] = sincos(y);
      put(copysign(Infinity, c), copysign(Infinity, s) * copysign(1, x));
    } else if (y === 0) put(Infinity, y * copysign(1, x));
    else put(Infinity, y - y);
  } else put(NaN, y === 0 ? y : NaN);
}

/** sinh(x + iy) (glibc's csinh). */
export function csinh(x: number, y: number): void {
  const negate = signbit(x);
  const ox = x;
  x = Math.abs(x);
  if (isFinite(x)) {
    if (isFinite(y)) {
      let [s, c] = sincos(y);
      if (negate) c = -c;
      if (x > T_EXP) {
        const et = Math.exp(T_EXP);
        let rx = x - T_EXP;
        s *= et / 2;
        c *= et / 2;
        if (rx > T_EXP) {
          rx -= T_EXP;
          s *= et;
          c *= et;
        }
        if (rx > T_EXP) put(DBL_MAX * c, DBL_MAX * s);
        else {
          const ev = Math.exp(rx);
          put(ev * c, ev * s);
        }
      } else put(Math.sinh(x) * c, Math.cosh(x) * s);
    } else if (x === 0) put(copysign(0, negate ? -1 : 1), y - y);
    else put(NaN, NaN);
  } else if (x === Infinity) {
    if (isFinite(y) && y !== 0) {
      const [s, c] = sincos(y);
      const re = copysign(Infinity, c);
      put(negate ? -re : re, copysign(Infinity, s));
    } else if (y === 0) put(negate ? -Infinity : Infinity, y);
    else put(Infinity, y - y);
  } else put(ox, y === 0 ? y : NaN);
}

/** sin(x + iy) (glibc's csin). */
export function csin(x: number, y: number): void {
  const negate = signbit(x);
  const ox = x;
  x = Math.abs(x);
  if (isFinite(y)) {
    if (isFinite(x)) {
      let [s, c] = sincos(x);
      if (negate) s = -s;
      if (Math.abs(y) > T_EXP) {
        const et = Math.exp(T_EXP);
        let iy = Math.abs(y);
        if (signbit(y)) c = -c;
        iy -= T_EXP;
        s *= et / 2;
        c *= et / 2;
        if (iy > T_EXP) {
          iy -= T_EXP;
          s *= et;
          c *= et;
        }
        if (iy > T_EXP) put(DBL_MAX * s, DBL_MAX * c);
        else {
          const ev = Math.exp(iy);
          put(ev * s, ev * c);
        }
      } else put(Math.cosh(y) * s, Math.sinh(y) * c);
    } else if (y === 0) put(ox - ox, y);
    else put(NaN, NaN);
  } else if (y === Infinity || y === -Infinity) {
    if (x === 0) put(negate ? -0 : 0, y);
    else if (isFinite(x)) {
      const [s, c] = sincos(x);
      const re = copysign(Infinity, s);
      const im = copysign(Infinity, c);
      put(negate ? -re : re, y < 0 ? -im : im);
    } else put(ox - ox, Infinity);
  } else put(x === 0 ? (negate ? -0 : 0) : NaN, NaN);
}

/** cos(x + iy) = cosh(-y + ix) (glibc's ccos). */
export function ccos(x: number, y: number): void {
  ccosh(-y, x);
}

/** tan(x + iy) (glibc's ctan). */
export function ctan(x: number, y: number): void {
  if (!isFinite(x) || !isFinite(y)) {
    if (y === Infinity || y === -Infinity) {
      let re: number;
      if (isFinite(x) && Math.abs(x) > 1) {
        const [s, c] = sincos(x);
        re = copysign(0, s * c);
      } else re = copysign(0, x);
      put(re, copysign(1, y));
    } else if (x === 0) put(x, y);
    else put(NaN, y === 0 ? y : NaN);
    return;
  }
  const [s, c] = sincos(x);
  if (Math.abs(y) > T_TAN) {
    const e2t = Math.exp(2 * T_TAN);
    let re = 4 * s * c;
    const iy = Math.abs(y) - T_TAN;
    re /= e2t;
    if (iy > T_TAN) re /= e2t;
    else re /= Math.exp(2 * iy);
    put(re, copysign(1, y));
    return;
  }
  let sh: number;
  let ch: number;
  if (Math.abs(y) > DBL_MIN) {
    sh = Math.sinh(y);
    ch = Math.cosh(y);
  } else {
    sh = y;
    ch = 1;
  }
  const den = Math.abs(sh) > Math.abs(c) * EPS ? c * c + sh * sh : c * c;
  put((s * c) / den, (sh * ch) / den);
}

/** tanh(x + iy) (glibc's ctanh). */
export function ctanh(x: number, y: number): void {
  if (!isFinite(x) || !isFinite(y)) {
    if (x === Infinity || x === -Infinity) {
      let im: number;
      if (isFinite(y) && Math.abs(y) > 1) {
        const [s, c] = sincos(y);
        im = copysign(0, s * c);
      } else im = copysign(0, y);
      put(copysign(1, x), im);
    } else if (y === 0) put(x, y);
    else put(x === 0 ? x : NaN, NaN);
    return;
  }
  const [s, c] = sincos(y);
  if (Math.abs(x) > T_TAN) {
    const e2t = Math.exp(2 * T_TAN);
    let im = 4 * s * c;
    const rx = Math.abs(x) - T_TAN;
    im /= e2t;
    if (rx > T_TAN) im /= e2t;
    else im /= Math.exp(2 * rx);
    put(copysign(1, x), im);
    return;
  }
  let sh: number;
  let ch: number;
  if (Math.abs(x) > DBL_MIN) {
    sh = Math.sinh(x);
    ch = Math.cosh(x);
  } else {
    sh = x;
    ch = 1;
  }
  const den = Math.abs(sh) > Math.abs(c) * EPS ? sh * sh + c * c : c * c;
  put((sh * ch) / den, (s * c) / den);
}

/** NumPy's nc_expm1: (expm1(x) cos y - 2 sin²(y/2)) + i exp(x) sin y. */
export function cexpm1(x: number, y: number): void {
  const a = Math.sin(y / 2);
  put(Math.expm1(x) * Math.cos(y) - 2 * a * a, Math.exp(x) * Math.sin(y));
}

/** NumPy's nc_log1p: log|1 + z| + i arg(1 + z). */
export function clog1p(x: number, y: number): void {
  const l = hypot(x + 1, y);
  put(Math.log(l), Math.atan2(y, x + 1));
}

/** NumPy's nc_log2 / nc_log10: clog scaled by log2(e) / log10(e). */
export function clog2(x: number, y: number): void {
  clog(x, y);
  put(OUT[0] * Math.LOG2E, OUT[1] * Math.LOG2E);
}
export function clog10(x: number, y: number): void {
  clog(x, y);
  put(OUT[0] * Math.LOG10E, OUT[1] * Math.LOG10E);
}

/** NumPy's nc_exp2: cexp(z ln 2). */
export function cexp2(x: number, y: number): void {
  cexp(x * LN2, y * LN2);
}

/** NumPy 2's complex sign: z / |z| (0 for 0, NaN+NaNj for NaN parts; infinite parts as NumPy). */
export function csign(x: number, y: number): void {
  const ab = hypot(x, y);
  if (isNaN(ab)) put(NaN, NaN);
  else if (ab === Infinity) {
    if (x === Infinity || x === -Infinity) {
      if (y === Infinity || y === -Infinity) put(NaN, NaN);
      else put(x > 0 ? 1 : -1, 0);
    } else put(0, y > 0 ? 1 : -1);
  } else if (ab === 0) put(0, 0);
  else put(x / ab, y / ab);
}

/** NumPy's complex reciprocal (Smith's method on 1 / z). */
export function creciprocal(x: number, y: number): void {
  if (Math.abs(y) <= Math.abs(x)) {
    const r = y / x;
    const d = x + y * r;
    put(1 / d, -r / d);
  } else {
    const r = x / y;
    const d = x * r + y;
    put(r / d, -1 / d);
  }
}

/** The same in float32 steps (complex64). */
export function creciprocal32(x: number, y: number): void {
  const f = Math.fround;
  if (Math.abs(y) <= Math.abs(x)) {
    const r = f(y / x);
    const d = f(x + f(y * r));
    put(f(1 / d), f(-r / d));
  } else {
    const r = f(x / y);
    const d = f(f(x * r) + y);
    put(f(r / d), f(-1 / d));
  }
}

/** Complex functions by name (the float64 versions). */
export const COMPLEX_FNS = {
  exp: cexp,
  log: clog,
  sqrt: csqrt,
  sin: csin,
  cos: ccos,
  tan: ctan,
  sinh: csinh,
  cosh: ccosh,
  tanh: ctanh,
  expm1: cexpm1,
  log1p: clog1p,
  log2: clog2,
  log10: clog10,
  exp2: cexp2,
  sign: csign,
  reciprocal: creciprocal,
  asin: casin,
  acos: cacos,
  atan: catan,
  asinh: casinh,
  acosh: cacosh,
  atanh: catanh,
} as const;

export type ComplexFnName = keyof typeof COMPLEX_FNS;

/**
 * fma(a, b, c) = a·b + c rounded once (emulated: Dekker's exact product, a compensated sum; an
 * overflowing product of finite operands is scaled). NumPy's complex multiply and square loops are
 * compiled with FMA: re = fma(ar, br, -(ai·bi)), im = fma(ar, bi, ai·br), which decides infinities
 * (inf - inf is NaN without it, -inf with it).
 */
export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  // fast path: finite operands of moderate size (Dekker's split needs |a|, |b| < 2^996)
  if (p - p === 0 && c - c === 0 && p !== 0 && Math.abs(a) < 2 ** 900 && Math.abs(b) < 2 ** 900) {
    let t = SPLIT * a;
    const ah = t - (t - a);
    const al = a - ah;
    t = SPLIT * b;
    const bh = t - (t - b);
    const bl = b - bh;
    const e = ah * bh - p + ah * bl + al * bh + al * bl;
    const s = p + c;
    const bb = s - p;
    return s + (p - (s - bb) + (c - bb) + e);
  }
  return fmaSlow(a, b, c, p);
}

function fmaSlow(a: number, b: number, c: number, p: number): number {
  if (!isFinite(a) || !isFinite(b)) return p + c; // an infinite or NaN product
  if (!isFinite(c)) return c; // the exact product of finite numbers is finite, even where a·b overflows
  if (!isFinite(p)) return fma(a * 2 ** -600, b, c * 2 ** -600) * 2 ** 600;
  if (p === 0) return p + c;
  // Dekker's split overflows above ~2^996: scale the big operand (exact) and the sum with it
  if (Math.abs(a) >= 2 ** 900) return fma(a * 2 ** -600, b, c * 2 ** -600) * 2 ** 600;
  return fma(a, b * 2 ** -600, c * 2 ** -600) * 2 ** 600;
}

/**
 * libm's cpow(a, b) = cexp(b · clog(a)) as glibc computes it: the glibc-style clog (accurate near
 * |a| = 1, where log(hypot) loses the small real part), the plain complex product, cexp. With `f32`
 * every step is rounded to float32 (cpowf). NumPy's nc_pow only calls it for exponents that are not
 * small integers (see ew_cpow in elementwise-ops.ts).
 */
export function cpowLibm(ar: number, ai: number, br: number, bi: number, f32: boolean): void {
  const f = f32 ? Math.fround : (v: number) => v;
  if (f32) clog32(ar, ai);
  else clog(ar, ai);
  const lr = f(OUT[0]);
  const li = f(OUT[1]);
  mulc3(br, bi, lr, li, f);
  if (f32) cexp32(OUT[0], OUT[1]);
  else cexp(OUT[0], OUT[1]);
}

const isInf = (v: number) => v === Infinity || v === -Infinity;
const box = (v: number) => copysign(isInf(v) ? 1 : 0, v);
const unNaN = (v: number) => (isNaN(v) ? copysign(0, v) : v);

/**
 * C's complex product (a+ib)(c+id) as compiled code does it (__muldc3 / __mulsc3): the plain formula,
 * and when both parts come out NaN, C99 Annex G's recovery of infinities. `f` rounds to the precision.
 */
export function mulc3(a: number, b: number, c: number, d: number, f: (v: number) => number): void {
  const ac = f(a * c);
  const bd = f(b * d);
  const ad = f(a * d);
  const bc = f(b * c);
  let x = f(ac - bd);
  let y = f(ad + bc);
  if (isNaN(x) && isNaN(y)) {
    let recalc = false;
    if (isInf(a) || isInf(b)) {
      a = box(a);
      b = box(b);
      c = unNaN(c);
      d = unNaN(d);
      recalc = true;
    }
    if (isInf(c) || isInf(d)) {
      c = box(c);
      d = box(d);
      a = unNaN(a);
      b = unNaN(b);
      recalc = true;
    }
    if (!recalc && (isInf(ac) || isInf(bd) || isInf(ad) || isInf(bc))) {
      a = unNaN(a);
      b = unNaN(b);
      c = unNaN(c);
      d = unNaN(d);
      recalc = true;
    }
    if (recalc) {
      x = Infinity * f(f(a * c) - f(b * d));
      y = Infinity * f(f(a * d) + f(b * c));
    }
  }
  put(x, y);
}

/**
 * cexpf: for finite parts below the overflow threshold glibc works in float32 (expf, sincosf, float
 * products: two roundings per part, which this repeats); elsewhere the float64 cexp rounded once.
 */
export function cexp32(x: number, y: number): void {
  const f = Math.fround;
  x = f(x);
  y = f(y);
  if (isFinite(x) && isFinite(y) && x <= 88) {
    const s = Math.abs(y) > FLT_MIN ? f(Math.sin(y)) : y;
    const c = Math.abs(y) > FLT_MIN ? f(Math.cos(y)) : 1;
    const ev = f(Math.exp(x));
    put(f(ev * c), f(ev * s));
    return;
  }
  cexp(x, y);
  put(f(OUT[0]), f(OUT[1]));
}

const FLT_EPS = 2 ** -23;

/**
 * clogf: glibc's clog steps in float32 (hypotf then logf for the general case, which loses the
 * precision the float64 version keeps; log1pf near |z| = 1), so that complex64 log and pow agree
 * with NumPy to the bit in most cases.
 */
export function clog32(x: number, y: number): void {
  const f = Math.fround;
  x = f(x);
  y = f(y);
  if (x === 0 && y === 0 || isNaN(x) || isNaN(y) || !isFinite(x) || !isFinite(y)) {
    clog(x, y);
    put(f(OUT[0]), f(OUT[1]));
    return;
  }
  let ax = Math.abs(x);
  let ay = Math.abs(y);
  if (ax < ay) {
    const t = ax;
    ax = ay;
    ay = t;
  }
  let scale = 0;
  if (ax > FLT_MAX / 2) {
    scale = -1;
    ax = f(ax / 2);
    ay = ay >= FLT_MIN * 2 ? f(ay / 2) : 0;
  } else if (ax < FLT_MIN && ay < FLT_MIN) {
    scale = 24;
    ax = f(ax * 2 ** 24);
    ay = f(ay * 2 ** 24);
  }
  let re: number;
  if (ax === 1 && scale === 0) re = f(f(Math.log1p(f(ay * ay))) / 2);
  else if (ax > 1 && ax < 2 && ay < 1 && scale === 0) {
    let d2m1 = f(f(ax - 1) * f(ax + 1));
    if (ay >= FLT_EPS) d2m1 = f(d2m1 + f(ay * ay));
    re = f(f(Math.log1p(d2m1)) / 2);
  } else if (ax < 1 && ax >= 0.5 && ay < FLT_EPS / 2 && scale === 0) {
    re = f(f(Math.log1p(f(f(ax - 1) * f(ax + 1)))) / 2);
  } else if (ax < 1 && ax >= 0.5 && scale === 0 && f(f(ax * ax) + f(ay * ay)) >= 0.5) {
    re = f(f(Math.log1p(f(x2y2m1(ax, ay)))) / 2);
  } else {
    re = f(f(Math.log(hypotF32(ax, ay))) - f(scale * f(LN2)));
  }
  put(re, f(Math.atan2(y, x)));
}

// ---- inverse trigonometric and hyperbolic functions ----------------------------------------------
// Finite arguments: Kahan's formulas ("Branch cuts for complex elementary functions", 1987) built on
// csqrt, which keep the branch cuts' signed zeros; |z| > 2^28 and |z| < 2^-28 use the asymptotic
// forms (exact to double precision there); infinities and NaNs follow C99 Annex G as glibc does.

const BIG = 2 ** 28;
const SMALL = 2 ** -28;
const HALF_PI = Math.PI / 2;
const QUARTER_PI = Math.PI / 4;

/** Kahan's casin for finite z with moderate |z|: [re, im]. */
function casinKahan(x: number, y: number): [number, number] {
  csqrt(1 - x, -y);
  const ar = OUT[0];
  const ai = OUT[1];
  csqrt(1 + x, y);
  const br = OUT[0];
  const bi = OUT[1];
  return [Math.atan2(x, ar * br - ai * bi), Math.asinh(ar * bi - ai * br)];
}

/** asinh(x + iy). */
export function casinh(x: number, y: number): void {
  if (!isFinite(x) || !isFinite(y)) {
    if (isNaN(x)) {
      if (y === 0) put(NaN, y);
      else if (y === Infinity || y === -Infinity) put(Infinity, NaN);
      else put(NaN, NaN);
    } else if (x === Infinity || x === -Infinity) {
      if (isNaN(y)) put(x, NaN);
      else if (y === Infinity || y === -Infinity) put(x, copysign(QUARTER_PI, y));
      else put(x, copysign(0, y));
    } else if (y === Infinity || y === -Infinity) put(copysign(Infinity, x), copysign(HALF_PI, y));
    else put(NaN, NaN);
    return;
  }
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  if (ax > BIG || ay > BIG) {
    // asinh(z) = log(2z) + O(1/z²), odd
    const neg = signbit(x);
    clog(neg ? -x : x, neg ? -y : y);
    const re = OUT[0] + LN2;
    const im = OUT[1];
    put(neg ? -re : re, neg ? -im : im);
    return;
  }
  if (ax < SMALL && ay < SMALL) {
    put(x, y);
    return;
  }
  const [xi, eta] = casinKahan(-y, x);
  put(eta, -xi);
}

/** asin(x + iy) = -i asinh(iy - x... ) : -i·asinh(i·z). */
export function casin(x: number, y: number): void {
  casinh(-y, x);
  put(OUT[1], -OUT[0]);
}

/** acos(x + iy). */
export function cacos(x: number, y: number): void {
  if (!isFinite(x) || !isFinite(y) || (x === 0 && y === 0)) {
    casin(x, y);
    let re = HALF_PI - OUT[0];
    if (re === 0) re = 0;
    put(re, -OUT[1]);
    return;
  }
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  if (ax > BIG || ay > BIG) {
    clog(x, y);
    put(Math.atan2(ay, x), -copysign(OUT[0] + LN2, y));
    return;
  }
  csqrt(1 - x, -y);
  const ar = OUT[0];
  const ai = OUT[1];
  csqrt(1 + x, y);
  const br = OUT[0];
  const bi = OUT[1];
  put(2 * Math.atan2(ar, br), Math.asinh(br * ai - bi * ar));
}

/** acosh(x + iy). */
export function cacosh(x: number, y: number): void {
  if (!isFinite(x) || !isFinite(y) || (x === 0 && y === 0)) {
    // acosh(z) = ±i acos(z), the sign making the real part non-negative
    cacos(x, y);
    const re = OUT[0];
    const im = OUT[1];
    if (isNaN(im) && isNaN(re)) put(NaN, NaN);
    else if (isNaN(im)) put(Math.abs(im), re === 0 && !isNaN(x) ? NaN : re);
    else if (signbit(im)) put(-im, re);
    else put(im, -re);
    if (isNaN(x) && y === Infinity) put(Infinity, NaN);
    return;
  }
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  if (ax > BIG || ay > BIG) {
    clog(x, y);
    put(OUT[0] + LN2, OUT[1]);
    return;
  }
  csqrt(x - 1, y);
  const ar = OUT[0];
  const ai = OUT[1];
  csqrt(x + 1, y);
  const br = OUT[0];
  const bi = OUT[1];
  put(Math.asinh(ar * br + ai * bi), 2 * Math.atan2(ai, br));
}

/** atanh(x + iy). */
export function catanh(x: number, y: number): void {
  if (!isFinite(x) || !isFinite(y)) {
    if (isNaN(x)) {
      if (y === Infinity || y === -Infinity) put(copysign(0, x), copysign(HALF_PI, y));
      else put(NaN, NaN);
    } else if (x === Infinity || x === -Infinity) {
      put(copysign(0, x), isNaN(y) ? NaN : copysign(HALF_PI, y));
    } else if (y === Infinity || y === -Infinity) put(copysign(0, x), copysign(HALF_PI, y));
    else put(x === 0 ? x : NaN, NaN);
    return;
  }
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  if (ax > 1e150 || ay > 1e150) {
    // 1/|z| is below double precision of π/2 here (and y² would overflow below)
    const sx = x * 2 ** -600; // scaled so that |z| cannot overflow (Re = x / |z|² may be subnormal)
    const h = hypot(sx, ay * 2 ** -600);
    put((sx / h / h) * 2 ** -600, copysign(HALF_PI, y));
    return;
  }
  if (ax < SMALL && ay < SMALL) {
    put(x, y);
    return;
  }
  if (ax === 1 && ay < SMALL) {
    // (1 - |x|)² + y² = y² may underflow: Re = log(2/|y|)/2 directly; atanh(±1 + i0) = ±inf + i0
    if (ay === 0) put(copysign(Infinity, x), copysign(0, y));
    else put(copysign((LN2 - Math.log(ay)) / 2, x), Math.atan2(2 * y, -(ay * ay)) / 2);
    return;
  }
  const omx = 1 - ax;
  const re = Math.log1p((4 * ax) / (omx * omx + ay * ay)) / 4;
  const im = Math.atan2(2 * y, (1 - x) * (1 + x) - ay * ay) / 2;
  put(copysign(re, x), im);
}

/** atan(x + iy) = -i atanh(i z). */
export function catan(x: number, y: number): void {
  catanh(-y, x);
  put(OUT[1], -OUT[0]);
}
