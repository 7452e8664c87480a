/**
 * Scalar functions that JavaScript lacks or gets subtly different from NumPy, for generated
 * element-wise code to call. Each one reproduces NumPy 2's result for float64 (the `F32` variants
 * for float32, rounding every step with Math.fround as NumPy's float loops do), including NaN,
 * ±inf, ±0.0 and subnormal inputs. Functions that NumPy computes with libm's exp/log1p/exp2
 * (logaddexp, logaddexp2) can differ from it in the last place because V8's Math library is not
 * glibc's; everything else is bit-exact (see scalar-math.test.ts).
 */
import { LITTLE_ENDIAN } from '../../../common/dtypes.js';

const f64 = new Float64Array(1);
const w64 = new Uint32Array(f64.buffer);
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = LITTLE_ENDIAN ? 0 : 1;
const f32 = new Float32Array(1);
// x86-64's default NaN (sign bit set), what C's fmod(x, 0) and 0/0 produce in NumPy's loops.
const DEFAULT_NAN = new Float64Array(new Uint32Array(LITTLE_ENDIAN ? [0, 0xfff80000] : [0xfff80000, 0]).buffer);
const w32 = new Uint32Array(f32.buffer);

/**
 * The sign bit of x (true for -0.0 and for NaNs with the sign bit set, as `np.signbit`). A NaN's
 * sign survives only while the value stays a raw double (a typed-array element or a local): V8
 * canonicalizes NaNs stored in plain JS arrays. To read the sign of NaNs reliably from storage use
 * {@link signbitAt}.
 */
export function signbit(x: number): boolean {
  f64[0] = x;
  return w64[HI] >>> 31 === 1;
}

/** `np.signbit` of a float64 (Float64Array) or float32 (Float32Array) element, read from its bits. */
export function signbitAt(data: Float64Array | Float32Array, index: number): boolean {
  if (data instanceof Float32Array) {
    return new Uint32Array(data.buffer, data.byteOffset + 4 * index, 1)[0] >>> 31 === 1;
  }
  return new Uint32Array(data.buffer, data.byteOffset + 8 * index, 2)[HI] >>> 31 === 1;
}

/** `np.copysign(x, y)`: |x| with the sign bit of y (y may be -0.0 or a signed NaN). */
export function copysign(x: number, y: number): number {
  const s = signbit(y);
  f64[0] = x;
  w64[HI] = s ? w64[HI] | 0x80000000 : w64[HI] & 0x7fffffff;
  return f64[0];
}

/** `np.nextafter(x, y)` for float64: the next representable value after x towards y. */
export function nextafter(x: number, y: number): number {
  if (x !== x || y !== y) return x + y; // NaN
  if (x === y) return y; // also nextafter(0.0, -0.0) = -0.0
  if (x === 0) return y > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE;
  f64[0] = x;
  if (x < y === x > 0) {
    // away from zero: magnitude + 1 ulp
    w64[LO] = (w64[LO] + 1) >>> 0;
    if (w64[LO] === 0) w64[HI] = (w64[HI] + 1) >>> 0;
  } else {
    if (w64[LO] === 0) w64[HI] = (w64[HI] - 1) >>> 0;
    w64[LO] = (w64[LO] - 1) >>> 0;
  }
  return f64[0];
}

/** `np.nextafter` for float32 arguments (rounded to float32 first); the result is a float32 value. */
export function nextafterF32(x: number, y: number): number {
  x = Math.fround(x);
  y = Math.fround(y);
  if (x !== x || y !== y) return x + y;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 2 ** -149 : -(2 ** -149);
  f32[0] = x;
  w32[0] = x < y === x > 0 ? w32[0] + 1 : w32[0] - 1;
  return f32[0];
}

// Dekker's exact product without FMA: a*b = p + e exactly (no overflow assumed).
const SPLIT = 134217729; // 2^27 + 1
function productError(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return al * bl - (p - ah * bh - al * bh - ah * bl);
}

/**
 * `np.hypot(x, y)`: sqrt(x² + y²) without overflow or underflow, correctly rounded in practice
 * (like glibc's): the operands are scaled by a power of two, the square root is corrected once
 * with the exactly computed residual (Borges' method, products split à la Dekker). hypot(±inf, NaN)
 * is inf, as C99.
 */
export function hypot(x: number, y: number): number {
  let a = Math.abs(x);
  let b = Math.abs(y);
  if (a === Infinity || b === Infinity) return Infinity;
  if (a !== a || b !== b) return x !== x ? x : y; // the (first) NaN operand, sign kept, as glibc
  if (a < b) {
    const t = a;
    a = b;
    b = t;
  }
  if (b === 0) return a;
  // Scale exactly by a power of two so that a², b² and the error terms of a² stay normal.
  let scale = 1;
  if (a > 2 ** 400) {
    scale = 2 ** 600;
    a *= 2 ** -600;
    b *= 2 ** -600;
  } else if (a < 2 ** -400) {
    scale = 2 ** -600;
    a *= 2 ** 600;
    b *= 2 ** 600;
  }
  const a2 = a * a;
  const b2 = b * b;
  let h = Math.sqrt(a2 + b2);
  // residual r = a² + b² - h², computed nearly exactly
  const a2e = productError(a, a, a2);
  const b2e = productError(b, b, b2);
  const h2 = h * h;
  const h2e = productError(h, h, h2);
  const r = a2 - h2 + b2 + (a2e + b2e - h2e);
  h += r / (2 * h);
  return h * scale;
}

/** `np.hypot` for float32: the float64 hypot of float32 values rounded once (what hypotf returns). */
export function hypotF32(x: number, y: number): number {
  return Math.fround(hypot(Math.fround(x), Math.fround(y)));
}

/**
 * `np.abs` of a complex128 value: NumPy 2's SIMD loop computes L·sqrt(fma(r, r, 1)) with
 * L = max(|re|, |im|), r = min/L (NOT hypot: they differ in the last place for ~40% of inputs);
 * inf if either part is infinite, else NaN if either is NaN, 0 for 0. The fused 1 + r² is emulated
 * exactly with Dekker's product.
 */
export function cabs(re: number, im: number): number {
  const a = Math.abs(re);
  const b = Math.abs(im);
  if (a === Infinity || b === Infinity) return Infinity;
  if (a !== a || b !== b) return NaN;
  const L = a > b ? a : b;
  if (L === 0) return 0;
  const r = (a > b ? b : a) / L;
  const p = r * r;
  const e = productError(r, r, p);
  const sum = 1 + p;
  const t = 1 - sum + p; // exact error of 1 + p (|p| <= 1)
  return L * Math.sqrt(sum + (t + e));
}

/** `np.abs` of a complex64 value: the same steps in float32 (fma(r, r, 1) rounded once to float32). */
export function cabsF32(re: number, im: number): number {
  const f = Math.fround;
  const a = Math.abs(f(re));
  const b = Math.abs(f(im));
  if (a === Infinity || b === Infinity) return Infinity;
  if (a !== a || b !== b) return NaN;
  const L = a > b ? a : b;
  if (L === 0) return 0;
  const r = f((a > b ? b : a) / L);
  const p = r * r; // exact in float64 (24-bit operands)
  const sum = 1 + p;
  const t = 1 - sum + p;
  return f(L * f(Math.sqrt(f(sum + t))));
}

const LN2 = Math.LN2;
const LOG2E = Math.LOG2E;

/** `np.logaddexp(x, y)` = log(exp(x) + exp(y)), NumPy's npy_logaddexp formula. */
export function logaddexp(x: number, y: number): number {
  if (x === y) return x + LN2; // infinities of one sign
  const d = x - y;
  if (d > 0) return x + Math.log1p(Math.exp(-d));
  if (d <= 0) return y + Math.log1p(Math.exp(d));
  return d; // NaN
}

/** `np.logaddexp2(x, y)` = log2(2^x + 2^y), NumPy's npy_logaddexp2 formula. */
export function logaddexp2(x: number, y: number): number {
  if (x === y) return x + 1;
  const d = x - y;
  if (d > 0) return x + LOG2E * Math.log1p(2 ** -d);
  if (d <= 0) return y + LOG2E * Math.log1p(2 ** d);
  return d;
}

/** float32 `np.logaddexp` (computed in float64, rounded once). */
export function logaddexpF32(x: number, y: number): number {
  return Math.fround(logaddexp(Math.fround(x), Math.fround(y)));
}

/** float32 `np.logaddexp2` (computed in float64, rounded once). */
export function logaddexp2F32(x: number, y: number): number {
  return Math.fround(logaddexp2(Math.fround(x), Math.fround(y)));
}

function copysignZero(y: number): number {
  return y < 0 || Object.is(y, -0) || (y !== y && signbit(y)) ? -0 : 0;
}

/**
 * NumPy's npy_divmod for float64: [floor quotient, remainder with the divisor's sign]. b = 0 gives
 * [a/b, fmod(a, 0) = NaN]; a zero remainder takes the sign of b; a zero quotient the sign of a/b;
 * the quotient is snapped to the nearest integer (so floor_divide(-1, inf) = -1 and
 * remainder(-1, inf) = inf, as NumPy).
 */
export function divmod(a: number, b: number): [number, number] {
  let mod = a % b; // C fmod
  if (b === 0) return [a / b, mod];
  let div = (a - mod) / b;
  if (mod !== 0) {
    // (NaN counts as nonzero here, as in C)
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  } else {
    mod = copysignZero(b);
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    floordiv = copysignZero(a / b);
  }
  return [floordiv, mod];
}

/** `np.floor_divide` for float64 (NumPy's npy_floor_divide). */
export function floorDivide(a: number, b: number): number {
  if (b === 0) return a / b;
  return divmod(a, b)[0];
}

/** `np.remainder` (`%`) for float64, Python's sign rule (NumPy's npy_remainder). */
export function remainder(a: number, b: number): number {
  if (b === 0) return a !== a ? a : DEFAULT_NAN[0];
  return divmod(a, b)[1];
}

/** NumPy's npy_divmodf: float32 divmod, every step rounded to float32. */
export function divmodF32(a: number, b: number): [number, number] {
  const f = Math.fround;
  a = f(a);
  b = f(b);
  let mod = a % b; // exact, representable in float32
  if (b === 0) return [f(a / b), mod];
  let div = f(f(a - mod) / b);
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod = f(mod + b);
      div = f(div - 1);
    }
  } else {
    mod = copysignZero(b);
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (f(div - floordiv) > 0.5) floordiv = f(floordiv + 1);
  } else {
    floordiv = copysignZero(f(a / b));
  }
  return [floordiv, mod];
}

/** `np.floor_divide` for float32. */
export function floorDivideF32(a: number, b: number): number {
  if (Math.fround(b) === 0) return Math.fround(Math.fround(a) / Math.fround(b));
  return divmodF32(a, b)[0];
}

/** `np.remainder` for float32. */
export function remainderF32(a: number, b: number): number {
  if (Math.fround(b) === 0) return a !== a ? Math.fround(a) : DEFAULT_NAN[0];
  return divmodF32(a, b)[1];
}

/**
 * `np.floor_divide` for integers held as JS numbers (int8..uint32): Python's floor rule, division
 * by zero gives 0 (NumPy warns). The result is the mathematical value: storing it into the
 * dtype's typed array wraps it as NumPy does (int32 -2^31 // -1 -> -2^31).
 */
export function floorDivideInt(a: number, b: number): number {
  if (b === 0) return 0;
  return Math.floor(a / b); // exact for 32-bit operands
}

/** `np.remainder` for integers as JS numbers: sign of the divisor, 0 for b = 0 and for INT_MIN % -1. */
export function remainderInt(a: number, b: number): number {
  if (b === 0) return 0;
  let r = a % b;
  if (r !== 0 && r < 0 !== b < 0) r += b;
  return r + 0; // no -0 for integers
}

/** `np.floor_divide` for int64/uint64 as BigInt, wrapped to 64 bits (INT64_MIN // -1 = INT64_MIN). */
export function floorDivideBigInt(a: bigint, b: bigint, signed = true): bigint {
  if (b === 0n) return 0n;
  let q = a / b;
  if (a % b !== 0n && a < 0n !== b < 0n) q -= 1n;
  return signed ? BigInt.asIntN(64, q) : BigInt.asUintN(64, q);
}

/** `np.remainder` for int64/uint64 as BigInt: sign of the divisor, 0 for b = 0. */
export function remainderBigInt(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  let r = a % b;
  if (r !== 0n && r < 0n !== b < 0n) r += b;
  return r;
}

/** Wrap a BigInt to int64 (two's complement), as NumPy's int64 arithmetic does. */
export function wrapInt64(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

/** Wrap a BigInt to uint64 (modulo 2^64). */
export function wrapUint64(v: bigint): bigint {
  return BigInt.asUintN(64, v);
}

/** `np.rint`: round half to even, keeping the sign of zero (rint(-0.4) = -0.0). */
export function rint(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < 4503599627370496)) return x; // |x| >= 2^52: already integral (or inf, NaN)
  // adding and removing 2^52 rounds |x| to an integer in the FPU's round-half-even mode
  const r = ax + 4503599627370496 - 4503599627370496;
  return x < 0 ? -r : x === 0 ? x : r;
}

// NumPy's power_of_ten (multiarray/calculation.c): a table to 1e8, then repeated multiplication.
function powerOfTen(n: number): number {
  const table = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];
  if (n < 9) return table[n];
  let r = 1e9;
  while (n-- > 9) r *= 10;
  return r;
}

/**
 * `np.round(x, decimals)` for float64: decimals >= 0 computes rint(x * 10^d) / 10^d, decimals < 0
 * computes rint(x / 10^-d) * 10^-d, with NumPy's 10^d, halves to even.
 */
export function roundHalfEven(x: number, decimals = 0): number {
  if (decimals === 0) return rint(x);
  if (decimals > 0) {
    const p = powerOfTen(decimals);
    return rint(x * p) / p;
  }
  const p = powerOfTen(-decimals);
  return rint(x / p) * p;
}

/** `np.round(x, decimals)` for float32: the same steps in float32 (10^d rounded to float32 first). */
export function roundHalfEvenF32(x: number, decimals = 0): number {
  const f = Math.fround;
  x = f(x);
  if (decimals === 0) return rint(x);
  const p = f(powerOfTen(Math.abs(decimals)));
  return decimals > 0 ? f(rint(f(x * p)) / p) : f(rint(f(x / p)) * p);
}

// x86-64 cvttsd2si with a 32-bit destination: truncation, NaN/out of range -> INT32_MIN.
function cvt32(x: number): number {
  const t = Math.trunc(x);
  return t >= -2147483648 && t <= 2147483647 ? t + 0 : -2147483648; // + 0: no -0 for integers
}

// The same with a 64-bit destination, as BigInt: NaN/out of range -> INT64_MIN.
function cvt64(x: number): bigint {
  const t = Math.trunc(x);
  return t >= -(2 ** 63) && t < 2 ** 63 ? BigInt(t) : -(2n ** 63n);
}

/** Integer dtypes stored in JS-number typed arrays. */
export type SmallIntDType = 'bool' | 'int8' | 'int16' | 'int32' | 'uint8' | 'uint16' | 'uint32';

/**
 * A float cast to an integer dtype exactly as NumPy 2 does on x86-64 (`astype`, unsafe casting):
 * int8/int16/uint8/uint16/int32 take the low bits of a 32-bit truncating conversion (NaN, inf and
 * out-of-range give INT32_MIN, hence 0 for the narrow types); uint32 converts values >= 2^31 as
 * (x - 2^31) xor 2^31; bool is x != 0 (NaN -> true). The returned number is already wrapped to the
 * dtype's range. (NumPy on other CPUs, e.g. ARM, saturates instead.)
 */
export function castFloatToInt(x: number, dtype: SmallIntDType): number {
  switch (dtype) {
    case 'bool':
      return x !== 0 ? 1 : 0;
    case 'int8':
      return (cvt32(x) << 24) >> 24;
    case 'int16':
      return (cvt32(x) << 16) >> 16;
    case 'int32':
      return cvt32(x);
    case 'uint8':
      return cvt32(x) & 0xff;
    case 'uint16':
      return cvt32(x) & 0xffff;
    case 'uint32':
      return x >= 2 ** 31 ? ((cvt32(x - 2 ** 31) ^ 0x80000000) >>> 0) : cvt32(x) >>> 0;
  }
}

/**
 * A float cast to int64/uint64 as NumPy 2 on x86-64: int64 is a truncating conversion with NaN,
 * inf and out of range giving INT64_MIN; uint64 converts values >= 2^63 as (x - 2^63) xor 2^63 and
 * the rest as int64 reinterpreted unsigned (-1.0 -> 2^64-1, NaN -> 2^63).
 */
export function castFloatToBigInt(x: number, dtype: 'int64' | 'uint64'): bigint {
  if (dtype === 'int64') return cvt64(x);
  if (x >= 2 ** 63) return BigInt.asUintN(64, cvt64(x - 2 ** 63) ^ -(2n ** 63n));
  return BigInt.asUintN(64, cvt64(x));
}
