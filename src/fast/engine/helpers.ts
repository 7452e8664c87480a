/**
 * Scalar helpers called from generated kernels (as `H.name`): NumPy's floor division and remainder
 * sign rules, integer division by zero giving 0, integer powers, complex division, float->int64.
 * Small monomorphic functions, so V8 inlines them into the generated loops.
 */
import { ValueError } from '../../common/errors.js';
import { pairwiseSumComplex, pairwiseSumF32, pairwiseSumF64 } from './kernels/pairwise.js';

/** Integer floor division of JS-number integers (exact for |a|, |b| < 2^53); b = 0 gives 0, as NumPy. */
function fdivi(a: number, b: number): number {
  if (b === 0) return 0;
  return Math.floor(a / b);
}

function fdivb(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** NumPy's npy_floor_divide for floats (via fmod, as C does). */
function fdivf(a: number, b: number): number {
  if (b === 0) return a / b;
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) {
    const q = a / b;
    return q < 0 || Object.is(q, -0) ? -0 : 0;
  }
  let fl = Math.floor(div);
  if (div - fl > 0.5) fl += 1;
  return fl;
}

function modi(a: number, b: number): number {
  if (b === 0) return 0;
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

function modb(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
}

/** NumPy's npy_remainder for floats: the sign of the divisor; b = 0 gives NaN. */
function modf(a: number, b: number): number {
  if (b === 0) return NaN;
  let mod = a % b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b;
  } else {
    mod = b < 0 ? -0 : 0;
  }
  return mod;
}

/** C pow: pow(1, y) = 1 and pow(-1, ±inf) = 1 (JS gives NaN for those). */
function powf(a: number, b: number): number {
  if (a === 1 || b === 0) return 1;
  if (a === -1 && (b === Infinity || b === -Infinity)) return 1;
  return Math.pow(a, b);
}

function negExp(): never {
  throw new ValueError('Integers to negative integer powers are not allowed.');
}

type Wrap = (x: number) => number;
function makePowi(w: Wrap, mul: (a: number, b: number) => number): (a: number, b: number) => number {
  return (a, b) => {
    if (b < 0) negExp();
    let r = 1;
    let x = w(a);
    let e = b;
    while (e > 0) {
      if (e & 1) r = w(mul(r, x));
      x = w(mul(x, x));
      e = Math.floor(e / 2);
    }
    return r;
  };
}
const plainMul = (a: number, b: number) => a * b;

function powb(a: bigint, b: bigint): bigint {
  if (b < 0n) negExp();
  let r = 1n;
  let x = a;
  let e = b;
  while (e > 0n) {
    if (e & 1n) r = BigInt.asIntN(128, r * x);
    x = BigInt.asIntN(128, x * x);
    e >>= 1n;
  }
  return r;
}

interface C {
  re: number;
  im: number;
}

/** Complex division (Smith's method, as NumPy). */
function cdiv(ar: number, ai: number, br: number, bi: number): C {
  const abr = Math.abs(br);
  const abi = Math.abs(bi);
  if (abr >= abi) {
    if (abr === 0 && abi === 0) return { re: ar / abr, im: ai / abi };
    const rat = bi / br;
    const scl = 1.0 / (br + bi * rat);
    return { re: (ar + ai * rat) * scl, im: (ai - ar * rat) * scl };
  }
  const rat = br / bi;
  const scl = 1.0 / (bi + br * rat);
  return { re: (ar * rat + ai) * scl, im: (ai * rat - ar) * scl };
}

/** Smith's method with every operation rounded to float32 (complex64 division, as NumPy's CFLOAT loop). */
function cdiv32(ar: number, ai: number, br: number, bi: number): C {
  const f = Math.fround;
  const abr = Math.abs(br);
  const abi = Math.abs(bi);
  if (abr >= abi) {
    if (abr === 0 && abi === 0) return { re: f(ar / abr), im: f(ai / abi) };
    const rat = f(bi / br);
    const scl = f(1.0 / f(br + f(bi * rat)));
    return { re: f(f(ar + f(ai * rat)) * scl), im: f(f(ai - f(ar * rat)) * scl) };
  }
  const rat = f(br / bi);
  const scl = f(1.0 / f(bi + f(br * rat)));
  return { re: f(f(f(ar * rat) + ai) * scl), im: f(f(f(ai * rat) - ar) * scl) };
}

/** NumPy's nc_pow: small integer real exponents by repeated multiplication, else exp(b log a). */
function cpowWith(ar: number, ai: number, br: number, bi: number, f: (x: number) => number, div: typeof cdiv): C {
  if (br === 0 && bi === 0) return { re: 1, im: 0 };
  if (ar === 0 && ai === 0) {
    if (br > 0 && bi === 0) return { re: 0, im: 0 };
    return { re: NaN, im: NaN };
  }
  if (bi === 0 && Number.isInteger(br) && br > -100 && br < 100) {
    const mul = (xr: number, xi: number, yr: number, yi: number): C => ({ re: f(f(xr * yr) - f(xi * yi)), im: f(f(xr * yi) + f(xi * yr)) });
    const n = br;
    if (n === 1) return { re: ar, im: ai };
    if (n === 2) return mul(ar, ai, ar, ai);
    if (n === 3) {
      const sq = mul(ar, ai, ar, ai);
      return mul(ar, ai, sq.re, sq.im);
    }
    let m = Math.abs(n);
    let acc: C = { re: 1, im: 0 };
    let p: C = { re: ar, im: ai };
    let mask = 1;
    for (;;) {
      if (m & mask) acc = mul(acc.re, acc.im, p.re, p.im);
      mask <<= 1;
      if (m < mask) break;
      p = mul(p.re, p.im, p.re, p.im);
    }
    return n < 0 ? div(1, 0, acc.re, acc.im) : acc;
  }
  // cpow = cexp(b * clog(a)), each step in the dtype's precision (glibc cpowf works in float32)
  const logr = f(Math.log(f(Math.hypot(ar, ai))));
  const th = f(Math.atan2(ai, ar));
  const wr = f(f(logr * br) - f(th * bi));
  const wi = f(f(logr * bi) + f(th * br));
  return cexp(wr, wi, f);
}

/** C99 cexp with Annex G's special values (infinite and NaN parts), in the precision `f` rounds to. */
function cexp(x: number, y: number, f: (v: number) => number): C {
  if (x === -Infinity) {
    if (!Number.isFinite(y)) return { re: 0, im: 0 };
    return { re: 0 * Math.cos(y), im: 0 * Math.sin(y) };
  }
  if (x === Infinity) {
    if (y === 0) return { re: Infinity, im: y };
    if (!Number.isFinite(y)) return { re: Infinity, im: NaN };
  }
  if (Number.isNaN(x)) return { re: NaN, im: y === 0 ? y : NaN };
  if (!Number.isFinite(y)) return { re: NaN, im: NaN };
  const m = f(Math.exp(x));
  return { re: f(m * f(Math.cos(y))), im: f(m * f(Math.sin(y))) };
}

const ident = (x: number) => x;
function cpow(ar: number, ai: number, br: number, bi: number): C {
  return cpowWith(ar, ai, br, bi, ident, cdiv);
}
function cpow32(ar: number, ai: number, br: number, bi: number): C {
  return cpowWith(ar, ai, br, bi, Math.fround, cdiv32);
}

const I64_MIN = -(2n ** 63n);

/** float -> int64 as C on x86 does for out-of-range values (NaN, inf -> INT64_MIN), else truncation. */
function f2i64(x: number): bigint {
  if (!Number.isFinite(x) || x >= 9223372036854775808 || x < -9223372036854775808) return I64_MIN;
  return BigInt(Math.trunc(x));
}
function f2u64(x: number): bigint {
  if (!Number.isFinite(x)) return 2n ** 63n;
  return BigInt.asUintN(64, BigInt(Math.trunc(x) % 18446744073709551616));
}

export const HELPERS = {
  fdivi,
  fdivb,
  fdivf,
  modi,
  modb,
  modf,
  powf,
  powb,
  powi_int8: makePowi((x) => (x << 24) >> 24, plainMul),
  powi_int16: makePowi((x) => (x << 16) >> 16, plainMul),
  powi_int32: makePowi((x) => x | 0, Math.imul),
  powi_uint8: makePowi((x) => x & 255, plainMul),
  powi_uint16: makePowi((x) => x & 65535, plainMul),
  powi_uint32: makePowi((x) => x >>> 0, (a, b) => Math.imul(a, b) >>> 0),
  powi_bool: makePowi((x) => (x !== 0 ? 1 : 0), plainMul),
  cdiv,
  cdiv32,
  cpow,
  cpow32,
  f2i64,
  f2u64,
  pw64: pairwiseSumF64,
  pw32: pairwiseSumF32,
  pwc: pairwiseSumComplex,
};

export type Helpers = typeof HELPERS;
