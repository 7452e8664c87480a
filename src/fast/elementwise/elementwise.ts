/**
 * Element-wise functions: every one of the Array API standard's (2024.12), NumPy's names for them
 * (arccos, power, left_shift...) and a few of NumPy's own ufuncs (cbrt, exp2, fmod, heaviside, around,
 * nan_to_num, isclose/allclose, gcd/lcm, ldexp...). Each call builds an expression node (nothing is
 * computed): operands are promoted as NumPy 2 / NEP 50, weak JS scalars become kernel parameters. The
 * per-dtype code of each function is an op-table row (ops-table.ts, elementwise-ops.ts).
 */
import { DTYPES, type DTypeName } from '../../common/dtypes.js';
import { DTypeError, NotSupportedError, ValueError } from '../../common/errors.js';
import type { Complex, NdArray } from '../../common/ndarray.js';
import { FastArray } from '../array.js';
import { castNode, constNode, opNode, type Node } from '../engine/expr.js';
import { opRow } from '../engine/ops-table.js';
import { resultType, type TypeOperand } from '../engine/promotion.js';
import { INT_RANGE, intFits, scalarToDType, weakKindOf, describe } from '../engine/scalars.js';
import { broadcastShapes } from '../engine/shape.js';
import { asarray } from '../creation/creation.js';
import './elementwise-ops.js';
import { all as reduceAll } from '../reduction/reduce.js';
import { checkOptions, intArg } from '../engine/options.js';
import { applyUfunc, type UfuncOptions } from './ufunc-keywords.js';

/** What element-wise functions accept: fast arrays, other NdArrays and nested JS arrays (converted), and scalars. */
export type ArrayLike = FastArray | NdArray | number | bigint | boolean | Complex | readonly unknown[];

type Scalarish = number | bigint | boolean | Complex;

const COMPARISONS = new Set(['equal', 'not_equal', 'less', 'less_equal', 'greater', 'greater_equal']);

function toOperand(x: ArrayLike, fn = 'element-wise operations', position = 0): FastArray | Scalarish {
  if (x instanceof FastArray) return x;
  if (weakKindOf(x) !== null) return x as Scalarish;
  if (Array.isArray(x) || ArrayBuffer.isView(x)) return asarray(x as never);
  if (typeof x === 'object' && x !== null && 'shape' in x && 'dtype' in x) {
    throw new DTypeError('this array belongs to another runtime; convert it with fast.asarray() (ndbridge/bridge) first');
  }
  const which = position > 0 ? ` (operand ${position})` : '';
  throw new DTypeError(`${fn} takes arrays, numbers, bigints, booleans or {re, im}${which}, got ${describe(x)}`);
}

/** Apply the operation `name` from the op table to operands; returns a lazy FastArray. */
export function apply(name: string, inputs: readonly ArrayLike[]): FastArray {
  const row = opRow(name);
  if (inputs.length !== row.arity) {
    throw new DTypeError(`${name} takes ${row.arity} operand(s), got ${inputs.length}: ${inputs.map((x) => describe(x)).join(', ') || 'none'}`);
  }
  const ops = inputs.map((x, i) => toOperand(x, name, i + 1));
  const tys: TypeOperand[] = ops.map((o) => (o instanceof FastArray ? o.dtype : { weak: weakKindOf(o)! }));
  let promoted = resultType(...tys);
  // NumPy 2 compares integer arrays with out-of-range Python integers correctly instead of failing.
  if (COMPARISONS.has(name) && DTYPES[promoted].kind !== 'float' && DTYPES[promoted].kind !== 'complex') {
    for (const o of ops) {
      if ((typeof o === 'number' || typeof o === 'bigint') && !intFits(o, promoted)) promoted = 'float64';
    }
  }
  const { compute, result } = row.types(promoted);
  const args: Node[] = ops.map((o) => (o instanceof FastArray ? castNode(o._node(), compute) : constNode(compute, scalarToDType(o, compute))));
  const shape = broadcastShapes(...args.map((a) => a.shape));
  return FastArray._lazy(opNode(row, compute, result, args, shape));
}

export type { UfuncOptions } from './ufunc-keywords.js';

/**
 * A binary operation on two fast arrays of one dtype and one shape (the common case in loops): the
 * promoted dtype is that dtype (NumPy promotes a dtype with itself to itself) and the shape is
 * theirs, so the node is built without the general path's operand arrays, promotion and broadcast.
 */
function applyBinary(name: string, a: ArrayLike, b: ArrayLike): FastArray {
  if (a instanceof FastArray && b instanceof FastArray && a.dtype === b.dtype && sameShape(a.shape, b.shape)) {
    const row = opRow(name);
    if (row.arity === 2) {
      const { compute, result } = row.types(a.dtype);
      return FastArray._lazy(opNode(row, compute, result, [castNode(a._node(), compute), castNode(b._node(), compute)], a.shape));
    }
  }
  return apply(name, [a, b]);
}

function sameShape(x: readonly number[], y: readonly number[]): boolean {
  if (x.length !== y.length) return false;
  for (let d = 0; d < x.length; d++) if (x[d] !== y[d]) return false;
  return true;
}

const bin = (name: string) => (a: ArrayLike, b: ArrayLike, options?: UfuncOptions): FastArray => {
  if (options === undefined) return applyBinary(name, a, b);
  return applyUfunc(name, [toOperand(a, name, 1), toOperand(b, name, 2)], options, (ops) => applyBinary(name, ops[0]!, ops[1]!));
};
const un = (name: string) => (a: ArrayLike, options?: UfuncOptions): FastArray => {
  if (options === undefined) return apply(name, [a]);
  return applyUfunc(name, [toOperand(a, name, 1)], options, (ops) => apply(name, ops));
};

export const add = bin('add');
export const subtract = bin('subtract');
export const multiply = bin('multiply');
export const divide = bin('divide');
export const floor_divide = bin('floor_divide');
export const remainder = bin('remainder');
export const pow = bin('pow');
export const negative = un('negative');
export const positive = un('positive');
export const abs = un('abs');
export const equal = bin('equal');
export const not_equal = bin('not_equal');
export const less = bin('less');
export const less_equal = bin('less_equal');
export const greater = bin('greater');
export const greater_equal = bin('greater_equal');
export const logical_and = bin('logical_and');
export const logical_or = bin('logical_or');
export const logical_xor = bin('logical_xor');
export const logical_not = un('logical_not');
export const bitwise_and = bin('bitwise_and');
export const bitwise_or = bin('bitwise_or');
export const bitwise_xor = bin('bitwise_xor');
export const bitwise_invert = un('bitwise_invert');

// ---- the standard's other element-wise functions (rows in elementwise-ops.ts) ----------------
export const acos = un('acos');
export const acosh = un('acosh');
export const asin = un('asin');
export const asinh = un('asinh');
export const atan = un('atan');
export const atan2 = bin('atan2');
export const atanh = un('atanh');
export const bitwise_left_shift = bin('bitwise_left_shift');
export const bitwise_right_shift = bin('bitwise_right_shift');
export const ceil = un('ceil');
export const conj = un('conj');
export const copysign = bin('copysign');
export const cos = un('cos');
export const cosh = un('cosh');
export const exp = un('exp');
export const expm1 = un('expm1');
export const floor = un('floor');
export const hypot = bin('hypot');
export const imag = un('imag');
export const isfinite = un('isfinite');
export const isinf = un('isinf');
export const isnan = un('isnan');
export const log = un('log');
export const log1p = un('log1p');
export const log2 = un('log2');
export const log10 = un('log10');
export const logaddexp = bin('logaddexp');
export const maximum = bin('maximum');
export const minimum = bin('minimum');
export const nextafter = bin('nextafter');
export const real = un('real');
export const reciprocal = un('reciprocal');
const roundHalfEven = un('round');
/** Round half to even; `{ decimals }` as NumPy's round (see around). */
export function round(x: ArrayLike, options?: UfuncOptions & { readonly decimals?: number }): FastArray {
  if (options === undefined) return roundHalfEven(x);
  options = checkOptions('round', options);
  return options.decimals === undefined || options.decimals === 0 ? roundHalfEven(x) : around(x, options.decimals);
}
export const sign = un('sign');
export const signbit = un('signbit');
export const sin = un('sin');
export const sinh = un('sinh');
export const square = un('square');
export const sqrt = un('sqrt');
export const tan = un('tan');
export const tanh = un('tanh');
export const trunc = un('trunc');

// ---- NumPy's own element-wise functions -------------------------------------------------------
export const cbrt = un('cbrt');
export const exp2 = un('exp2');
export const fmod = bin('fmod');
export const deg2rad = un('deg2rad');
export const rad2deg = un('rad2deg');
export const radians = deg2rad;
export const degrees = rad2deg;
export const heaviside = bin('heaviside');

type Bound = ArrayLike | null | undefined;
export interface ClipOptions {
  readonly min?: Bound;
  readonly max?: Bound;
}

function isOptions(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v) && !(v instanceof FastArray) &&
    !('re' in v && 'im' in v) && !('shape' in v && 'dtype' in v);
}

function asFast(x: ArrayLike, what: string): FastArray {
  const o = toOperand(x);
  if (o instanceof FastArray) return o;
  throw new DTypeError(`${what} takes an array as its first argument, got ${describe(x)}; wrap scalars with fast.asarray()`);
}

/**
 * `clip(x, min, max)` as the standard (`min`/`max` may be null, scalars or arrays, also given as
 * `{ min, max }`): minimum(maximum(x, min), max), NaN propagating, weak scalars keep x's dtype.
 */
export function clip(x: ArrayLike, min?: Bound | ClipOptions, max?: Bound): FastArray {
  let lo: Bound = min as Bound;
  let hi: Bound = max;
  if (isOptions(min)) {
    if (max !== undefined) throw new ValueError('clip: give min and max either positionally or in one options object, not both');
    ({ min: lo, max: hi } = checkOptions('clip', min as ClipOptions));
  } else if (isOptions(max)) {
    throw new TypeError('fast.clip: give min and max positionally (clip(x, min, max)) or as clip(x, { min, max })');
  }
  let r = asFast(x, 'clip');
  const src = r;
  // NumPy 2: an integer bound beyond the integer dtype's range on its own side clips nothing
  const range = INT_RANGE[r.dtype];
  if (range) {
    const isInt = (v: Bound): v is number | bigint => (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';
    if (isInt(lo) && BigInt(lo) < range[0]) lo = null;
    if (isInt(hi) && BigInt(hi) > range[1]) hi = null;
  }
  if (lo !== null && lo !== undefined) r = maximum(r, lo);
  if (hi !== null && hi !== undefined) r = minimum(r, hi);
  return r === src ? src.copy() : r;
}

export interface AroundOptions {
  readonly decimals?: number;
}

/** NumPy's `around`/`round(x, decimals)`: rint(x * 10^d) / 10^d (d < 0: rint(x / 10^-d) * 10^-d), halves to even. */
export function around(x: ArrayLike, decimals: number | AroundOptions = 0): FastArray {
  if (typeof decimals === 'object' && decimals !== null) {
    for (const k of Object.keys(decimals)) if (k !== 'decimals' && !(k === 'out' && (decimals as { out?: unknown }).out == null)) {
      if (k === 'out') throw new NotSupportedError('around.out');
      throw new TypeError(`fast.around has no option ${JSON.stringify(k)} (valid: decimals)`);
    }
  }
  const d0 = typeof decimals === 'object' && decimals !== null ? (decimals.decimals ?? 0) : decimals;
  const d = typeof d0 === 'bigint' ? intArg('around', 'decimals', d0) : d0;
  if (typeof d !== 'number') throw new TypeError(`fast.around: decimals must be an integer, got ${typeof d}`);
  if (!Number.isInteger(d)) throw new ValueError(`around: decimals must be an integer, got ${String(d)}`);
  const a = asFast(x, 'around');
  const k = DTYPES[a.dtype].kind;
  if (k === 'bool') throw new NotSupportedError('numpy.around', 'NumPy rounds booleans to float16, which fast does not have');
  if (k === 'float' || k === 'complex') return d === 0 ? round(a) : apply('around', [a, d]);
  if (d >= 0) return a.copy();
  throw new NotSupportedError('numpy.around', `rounding integers (${a.dtype}) to negative decimals (${d}) is not implemented in fast`);
}
export const round_ = around;

export interface NanToNumOptions {
  readonly copy?: boolean;
  readonly nan?: number;
  readonly posinf?: number | null;
  readonly neginf?: number | null;
}

/** NumPy's `nan_to_num`: NaN -> nan (0), inf -> posinf (the dtype's max), -inf -> neginf (its lowest); per part for complex. */
export function nan_to_num(x: ArrayLike, options: NanToNumOptions = {}): FastArray {
  options = checkOptions('nan_to_num', options);
  const a = asFast(x, 'nan_to_num');
  const k = DTYPES[a.dtype].kind;
  if (k !== 'float' && k !== 'complex') return a.copy();
  const big = a.dtype === 'float32' || a.dtype === 'complex64' ? 3.4028234663852886e38 : Number.MAX_VALUE;
  let r = apply('nan_to_num_nan', [a, options.nan ?? 0]);
  r = apply('nan_to_num_posinf', [r, options.posinf ?? big]);
  return apply('nan_to_num_neginf', [r, options.neginf ?? -big]);
}

export interface IscloseOptions {
  readonly rtol?: number;
  readonly atol?: number;
  readonly equal_nan?: boolean;
}

/** NumPy's `isclose`: |x - y| <= atol + rtol·|y| (y finite) or x == y; NaNs equal only with equal_nan. */
export function isclose(a: ArrayLike, b: ArrayLike, options: IscloseOptions = {}): FastArray {
  options = checkOptions('isclose', options);
  const { rtol = 1e-5, atol = 1e-8, equal_nan = false } = options;
  const x = toOperand(a);
  let y = toOperand(b);
  if (y instanceof FastArray) {
    const dt = resultType(y.dtype, { weak: 'float' });
    if (dt !== y.dtype) y = y.astype(dt);
  } else if (typeof y === 'number' || typeof y === 'bigint' || typeof y === 'boolean') {
    // NumPy makes y a (weak) float: against float arrays a JS number already is; otherwise use float64
    const xk = x instanceof FastArray ? DTYPES[x.dtype].kind : 'int';
    if (xk !== 'float' && xk !== 'complex') y = asarray(Number(y), { dtype: 'float64' });
  }
  const yy = y as FastArray | Scalarish;
  let r = bitwise_or(bitwise_and(less_equal(abs(subtract(x, yy)), add(atol, multiply(rtol, abs(yy)))), isfinite(yy)), equal(x, yy));
  if (equal_nan) r = bitwise_or(r, bitwise_and(isnan(x), isnan(yy)));
  return r;
}

/** NumPy's `allclose`: every element isclose (a JS boolean). */
export function allclose(a: ArrayLike, b: ArrayLike, options: IscloseOptions = {}): boolean {
  options = checkOptions('allclose', options);
  return reduceAll(isclose(a, b, options)).item() === true;
}

// ---- NumPy's names for the same functions, and a few more of NumPy's ufuncs --------------------
export const arccos = acos;
export const arccosh = acosh;
export const arcsin = asin;
export const arcsinh = asinh;
export const arctan = atan;
export const arctan2 = atan2;
export const arctanh = atanh;
export const left_shift = bitwise_left_shift;
export const right_shift = bitwise_right_shift;
export const invert = bitwise_invert;
export const power = pow;
export const absolute = abs;
export const conjugate = conj;
export const true_divide = divide;
export const mod = remainder;
export const fix = trunc;
export const fabs = un('fabs');
export const rint = un('rint');
export const logaddexp2 = bin('logaddexp2');
export const float_power = bin('float_power');
export const gcd = bin('gcd');
export const fmax = bin('fmax');
export const fmin = bin('fmin');
export const lcm = bin('lcm');

/** NumPy's `ldexp(x, e)` = x·2^e; `e` must be an integer array or number. */
export function ldexp(x: ArrayLike, e: ArrayLike, options?: UfuncOptions): FastArray {
  if (options !== undefined) checkOptions('ldexp', options);
  const eo = toOperand(e);
  const ek = eo instanceof FastArray ? DTYPES[eo.dtype].kind : weakKindOf(eo);
  if (!(ek === 'signed' || ek === 'unsigned' || ek === 'int' || ek === 'bool')) {
    throw new DTypeError(`ldexp takes an integer exponent, got ${eo instanceof FastArray ? `a ${eo.dtype} array` : describe(e)}`);
  }
  const xo = toOperand(x);
  // NumPy computes in x's float type whatever the integer exponent's width
  const xd = xo instanceof FastArray ? xo.dtype : resultType({ weak: weakKindOf(xo)! });
  if (xd === 'bool' || xd === 'int8' || xd === 'uint8') {
    throw new NotSupportedError('numpy.ldexp', `NumPy computes ldexp of ${xd} in float16, which fast does not have; cast to float32 first`);
  }
  if (DTYPES[xd].kind === 'complex') throw new DTypeError(`ldexp does not support dtype ${xd}: it takes real floating-point numbers`);
  const xf: DTypeName = DTYPES[xd].kind === 'float' ? xd : xd === 'int16' || xd === 'uint16' ? 'float32' : 'float64';
  const xa = xo instanceof FastArray ? (xo.dtype === xf ? xo : xo.astype(xf)) : asarray(Number(xo), { dtype: xf });
  const ea = eo instanceof FastArray ? eo.astype(xf) : Number(eo);
  return apply('ldexp', [xa, ea]);
}

/** NumPy's `divmod(x1, x2)`: [floor_divide, remainder]. */
export function divmod(x1: ArrayLike, x2: ArrayLike, options?: UfuncOptions): [FastArray, FastArray] {
  if (options !== undefined) checkOptions('divmod', options);
  return [floor_divide(x1, x2), remainder(x1, x2)];
}

/** NumPy's `modf(x)`: [fractional part, integral part], both with the sign of x. */
export function modf(x: ArrayLike, options?: UfuncOptions): [FastArray, FastArray] {
  if (options !== undefined) checkOptions('modf', options);
  return [apply('modf_frac', [x]), apply('modf_int', [x])];
}

/** NumPy's `angle(z, deg=false)`: atan2(imag, real) (0 or π for real numbers), in degrees with `{ deg: true }`. */
export function angle(z: ArrayLike, options: { readonly deg?: boolean } = {}): FastArray {
  options = checkOptions('angle', options);
  const a = asFast(z, 'angle');
  const r = DTYPES[a.dtype].kind === 'complex' ? atan2(imag(a), real(a)) : atan2(0, a);
  return options.deg ? multiply(r, 180 / Math.PI) : r;
}
