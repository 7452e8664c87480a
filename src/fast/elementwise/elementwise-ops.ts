/**
 * Op-table rows for the Array API's element-wise functions beyond arithmetic (and NumPy's extra
 * ones): transcendental functions, rounding, sign, predicates, min/max, shifts, real/imag/conj and
 * friends. Each row gives NumPy's result dtypes (`np.sin(int16)` is float32, `np.sin(int32)` is
 * float64; inputs NumPy turns into float16 — bool, int8, uint8 — throw NotSupportedError, fast has no
 * float16) and the JavaScript generated per dtype. Scalar helpers the generated code calls are added
 * to the kernels' helper object under `ew_*` names when this module loads.
 */
import { DTYPES, type DTypeName } from '../../common/dtypes.js';
import { DTypeError, NotSupportedError } from '../../common/errors.js';
import * as CM from './elementwise-math.js';
import { HELPERS } from '../engine/helpers.js';
import * as SM from '../engine/kernels/scalar-math.js';
import { cmulFma, defineOp, reprOf, wrap, type OpRow, type OpTypes } from '../engine/ops-table.js';

const EW = {
  ew_OUT: CM.OUT,
  ew_fma: CM.fma,
  ew_signbit: SM.signbit,
  ew_copysign: SM.copysign,
  ew_nextafter: SM.nextafter,
  ew_nextafterF32: SM.nextafterF32,
  ew_hypot: SM.hypot,
  ew_hypotF32: SM.hypotF32,
  ew_logaddexp: SM.logaddexp,
  ew_logaddexpF32: SM.logaddexpF32,
  ew_logaddexp2: SM.logaddexp2,
  ew_logaddexp2F32: SM.logaddexp2F32,
  ew_ldexp: (x: number, e: number): number => {
    // two steps so that 2^e itself cannot overflow or underflow where x·2^e does not
    if (e > 2000) e = 2000;
    else if (e < -2200) e = -2200;
    const h = Math.trunc(e / 2);
    return x * 2 ** h * 2 ** (e - h);
  },
  ew_gcd: (a: number, b: number): number => {
    a = Math.abs(a);
    b = Math.abs(b);
    while (b !== 0) [a, b] = [b, a % b];
    return a;
  },
  ew_gcdb: (a: bigint, b: bigint): bigint => {
    a = a < 0n ? -a : a;
    b = b < 0n ? -b : b;
    while (b !== 0n) [a, b] = [b, a % b];
    return a;
  },
  ew_rint: SM.rint,
  ew_round: SM.roundHalfEven,
  ew_roundF32: SM.roundHalfEvenF32,
  ew_f2int: SM.castFloatToInt,
  ew_f2big: SM.castFloatToBigInt,
  ew_csqrt32: CM.csqrt32,
  ew_cexp32: CM.cexp32,
  ew_clog32: CM.clog32,
  // NumPy's nc_exp2 for complex64: z·ln2 in float32 (NPY_LOGE2f), then cexpf
  ew_cexp2_32: (x: number, y: number): void => {
    const l = Math.fround(Math.LN2);
    CM.cexp32(Math.fround(x * l), Math.fround(y * l));
  },
  ew_clog2_32: (x: number, y: number): void => {
    CM.clog32(x, y);
    CM.OUT[0] = Math.fround(CM.OUT[0] * Math.fround(Math.LOG2E));
    CM.OUT[1] = Math.fround(CM.OUT[1] * Math.fround(Math.LOG2E));
  },
  ew_clog10_32: (x: number, y: number): void => {
    CM.clog32(x, y);
    CM.OUT[0] = Math.fround(CM.OUT[0] * Math.fround(Math.LOG10E));
    CM.OUT[1] = Math.fround(CM.OUT[1] * Math.fround(Math.LOG10E));
  },
  ew_creciprocal32: CM.creciprocal32,
  ew_csign32: (x: number, y: number): void => {
    CM.csign(Math.fround(x), Math.fround(y));
    // NumPy divides in float32 by hypotf(x, y)
    const ab = SM.hypotF32(x, y);
    if (Number.isFinite(ab) && ab !== 0) {
      CM.OUT[0] = Math.fround(Math.fround(x) / ab);
      CM.OUT[1] = Math.fround(Math.fround(y) / ab);
    }
  },
  // NumPy's nc_pow: zero and small-integer exponents as the engine's cpow (repeated multiplication),
  // the rest through libm's cpow
  ew_cpow: (ar: number, ai: number, br: number, bi: number, f32: boolean): void => {
    if (ar === 0 && ai === 0 && !(br === 0 && bi === 0)) {
      // NumPy 2: 0 ** b is 0 when Re(b) > 0, else NaN+NaNj
      CM.OUT[0] = br > 0 ? 0 : NaN;
      CM.OUT[1] = br > 0 ? 0 : NaN;
    } else if ((bi === 0 && Number.isInteger(br) && br > -100 && br < 100) || (br === 0 && bi === 0)) {
      const r = f32 ? HELPERS.cpow32(ar, ai, br, bi) : HELPERS.cpow(ar, ai, br, bi);
      CM.OUT[0] = r.re;
      CM.OUT[1] = r.im;
    } else CM.cpowLibm(ar, ai, br, bi, f32);
  },
  ...Object.fromEntries(Object.entries(CM.COMPLEX_FNS).map(([k, f]) => [`ew_c${k}`, f])),
};
Object.assign(HELPERS, EW);

const kind = (d: DTypeName) => DTYPES[d].kind;
const isInt = (d: DTypeName) => kind(d) === 'signed' || kind(d) === 'unsigned';
const isFloat = (d: DTypeName) => kind(d) === 'float';
const isComplex = (d: DTypeName) => kind(d) === 'complex';

/** The catalog corner of an operation: Array API functions under `elementwise.`, NumPy's own under `numpy.`. */
const NUMPY_ONLY = new Set(['cbrt', 'exp2', 'fmod', 'deg2rad', 'rad2deg', 'heaviside', 'around', 'nan_to_num', 'fabs', 'rint', 'logaddexp2', 'ldexp', 'gcd', 'lcm', 'float_power', 'modf_frac', 'modf_int']);
export const cornerOf = (op: string) => `${NUMPY_ONLY.has(op) ? 'numpy' : 'elementwise'}.${op}`;

function reject(op: string, d: DTypeName, why: string): never {
  throw new DTypeError(`${op} does not support dtype ${d}: ${why}`);
}

/**
 * The float dtype NumPy computes `op` in for an input of dtype `d`: floats and (when `complexOk`)
 * complex stay, 16-bit integers give float32, wider integers float64; bool/int8/uint8 would be float16.
 */
function floatTypes(op: string, complexOk: boolean): (d: DTypeName) => OpTypes {
  return (d) => {
    let f: DTypeName;
    if (isFloat(d)) f = d;
    else if (isComplex(d)) {
      if (!complexOk) reject(op, d, 'it is defined for real floating-point numbers only (NumPy has no complex loop either)');
      f = d;
    } else if (d === 'int16' || d === 'uint16') f = 'float32';
    else if (isInt(d) && d !== 'int8' && d !== 'uint8') f = 'float64';
    else {
      throw new NotSupportedError(
        cornerOf(op),
        `NumPy computes ${op} of ${d} in float16, which fast does not have; cast to float32 first (x.astype('float32'))`,
      );
    }
    return { compute: f, result: f };
  };
}

const f32 = (d: DTypeName, e: string) => (d === 'float32' || d === 'complex64' ? `Math.fround(${e})` : e);

/** Statement calling a complex helper that leaves its result in H.ew_OUT. */
function cplxCall(d: DTypeName, o: string, fn: string, args: string): string {
  return `H.${fn}(${args}); const ${o}r = ${f32(d, 'H.ew_OUT[0]')}, ${o}i = ${f32(d, 'H.ew_OUT[1]')};`;
}

/** complex64 versions that repeat glibc's float32 steps (the others are float64 rounded once). */
const F32_VARIANT: Partial<Record<CM.ComplexFnName, string>> = { exp: 'ew_cexp32', exp2: 'ew_cexp2_32', log: 'ew_clog32', log2: 'ew_clog2_32', log10: 'ew_clog10_32' };

/** A unary float function: `js(a)` for real floats, a complex helper (or a NotSupported corner) for complex. */
function floatUnary(name: string, js: (a: string) => string, complex: CM.ComplexFnName | 'unsupported' | null): void {
  const types = floatTypes(name, complex !== null);
  defineOp({
    name,
    arity: 1,
    types:
      complex === 'unsupported'
        ? (d) => {
            if (isComplex(d)) {
              throw new NotSupportedError(cornerOf(name), `${name} of complex numbers (${d}) is not implemented in fast; NumPy (nd) has it`);
            }
            return types(d);
          }
        : types,
    emit: (d, o, a) => {
      if (isFloat(d)) return `const ${o} = ${f32(d, js(a))};`;
      if (isComplex(d) && complex !== null && complex !== 'unsupported') {
        return cplxCall(d, o, d === 'complex64' && F32_VARIANT[complex] ? F32_VARIANT[complex] : `ew_c${complex}`, `${a}r, ${a}i`);
      }
      return null;
    },
  });
}

floatUnary('acos', (a) => `Math.acos(${a})`, 'acos');
floatUnary('acosh', (a) => `Math.acosh(${a})`, 'acosh');
floatUnary('asin', (a) => `Math.asin(${a})`, 'asin');
floatUnary('asinh', (a) => `Math.asinh(${a})`, 'asinh');
floatUnary('atan', (a) => `Math.atan(${a})`, 'atan');
floatUnary('atanh', (a) => `Math.atanh(${a})`, 'atanh');
floatUnary('cos', (a) => `Math.cos(${a})`, 'cos');
floatUnary('cosh', (a) => `Math.cosh(${a})`, 'cosh');
floatUnary('exp', (a) => `Math.exp(${a})`, 'exp');
floatUnary('expm1', (a) => `Math.expm1(${a})`, 'expm1');
floatUnary('log', (a) => `Math.log(${a})`, 'log');
floatUnary('log1p', (a) => `Math.log1p(${a})`, 'log1p');
floatUnary('log2', (a) => `Math.log2(${a})`, 'log2');
floatUnary('log10', (a) => `Math.log10(${a})`, 'log10');
floatUnary('sin', (a) => `Math.sin(${a})`, 'sin');
floatUnary('sinh', (a) => `Math.sinh(${a})`, 'sinh');
floatUnary('tan', (a) => `Math.tan(${a})`, 'tan');
floatUnary('tanh', (a) => `Math.tanh(${a})`, 'tanh');
floatUnary('cbrt', (a) => `Math.cbrt(${a})`, null);
floatUnary('exp2', (a) => `Math.pow(2, ${a})`, 'exp2');
floatUnary('deg2rad', (a) => `${a} * ${Math.PI / 180}`, null);
floatUnary('rad2deg', (a) => `${a} * ${180 / Math.PI}`, null);
floatUnary('fabs', (a) => `Math.abs(${a})`, null);

// rint: float result (NumPy's rint of integers is a float function), halves to even, per part for complex
defineOp({
  name: 'rint',
  arity: 1,
  types: floatTypes('rint', true),
  emit: (d, o, a) => (isComplex(d) ? `const ${o}r = H.ew_rint(${a}r), ${o}i = H.ew_rint(${a}i);` : `const ${o} = H.ew_rint(${a});`),
});

// modf as two rows: the fractional part (sign of x, ±0 for infinities) and the integral part
defineOp({
  name: 'modf_frac',
  arity: 1,
  types: floatTypes('modf', false),
  emit: (d, o, a) => `const ${o} = ${a} === Infinity || ${a} === -Infinity ? (${a} > 0 ? 0 : -0) : H.ew_copysign(${f32(d, `${a} - Math.trunc(${a})`)}, ${a});`,
});
defineOp({ name: 'modf_int', arity: 1, types: floatTypes('modf', false), emit: (_d, o, a) => `const ${o} = Math.trunc(${a});` });

// sqrt: complex64 repeats csqrtf's float32 steps (exact), complex128 glibc's csqrt
defineOp({
  name: 'sqrt',
  arity: 1,
  types: floatTypes('sqrt', true),
  emit: (d, o, a) => {
    if (isFloat(d)) return `const ${o} = ${f32(d, `Math.sqrt(${a})`)};`;
    return cplxCall(d, o, d === 'complex64' ? 'ew_csqrt32' : 'ew_csqrt', `${a}r, ${a}i`);
  },
});

/** A binary float function of real floats (NumPy has no complex loop): 64- and 32-bit forms. */
function floatBinary(name: string, js64: (a: string, b: string) => string, js32: (a: string, b: string) => string): void {
  defineOp({
    name,
    arity: 2,
    types: floatTypes(name, false),
    emit: (d, o, a, b) => (d === 'float64' ? `const ${o} = ${js64(a, b)};` : d === 'float32' ? `const ${o} = ${js32(a, b)};` : null),
  });
}
floatBinary('atan2', (a, b) => `Math.atan2(${a}, ${b})`, (a, b) => `Math.fround(Math.atan2(${a}, ${b}))`);
floatBinary('copysign', (a, b) => `H.ew_copysign(${a}, ${b})`, (a, b) => `Math.fround(H.ew_copysign(${a}, ${b}))`);
floatBinary('hypot', (a, b) => `H.ew_hypot(${a}, ${b})`, (a, b) => `H.ew_hypotF32(${a}, ${b})`);
floatBinary('logaddexp', (a, b) => `H.ew_logaddexp(${a}, ${b})`, (a, b) => `H.ew_logaddexpF32(${a}, ${b})`);
floatBinary('logaddexp2', (a, b) => `H.ew_logaddexp2(${a}, ${b})`, (a, b) => `H.ew_logaddexp2F32(${a}, ${b})`);
// ldexp's exponent arrives converted to the float compute dtype (elementwise.ts checks that it is an integer array/number)
floatBinary('ldexp', (a, b) => `H.ew_ldexp(${a}, ${b})`, (a, b) => `Math.fround(H.ew_ldexp(${a}, ${b}))`);
floatBinary('nextafter', (a, b) => `H.ew_nextafter(${a}, ${b})`, (a, b) => `H.ew_nextafterF32(${a}, ${b})`);
// NumPy's npy_heaviside: NaN stays NaN, 0 gives x2, negative 0, positive 1
floatBinary(
  'heaviside',
  (a, b) => `(${a} < 0 ? 0 : ${a} > 0 ? 1 : ${a} === 0 ? ${b} : ${a})`,
  (a, b) => `(${a} < 0 ? 0 : ${a} > 0 ? 1 : ${a} === 0 ? ${b} : ${a})`,
);

/** Same dtype in and out; bool computed as `boolAs` ('error' rejects it); complex rejected unless `complexOk`. */
function sameTypes(op: string, boolAs: DTypeName | 'error', complexOk: boolean, why = ''): (d: DTypeName) => OpTypes {
  return (d) => {
    if (isComplex(d) && !complexOk) reject(op, d, why || 'it is defined for real numbers only');
    if (d === 'bool') {
      if (boolAs === 'error') reject(op, d, `NumPy has no ${op} for booleans; use astype first`);
      return { compute: boolAs, result: boolAs };
    }
    return { compute: d, result: d };
  };
}

// rounding: integers and bool are returned unchanged (NumPy 2 keeps their dtype)
function rounding(name: string, js: (a: string) => string): void {
  defineOp({
    name,
    arity: 1,
    types: sameTypes(name, 'bool', false, 'NumPy does not round complex numbers with this function'),
    emit: (d, o, a) => `const ${o} = ${isFloat(d) ? f32(d, js(a)) : a};`,
  });
}
rounding('ceil', (a) => `Math.ceil(${a})`);
rounding('floor', (a) => `Math.floor(${a})`);
rounding('trunc', (a) => `Math.trunc(${a})`);
defineOp({
  name: 'round',
  arity: 1,
  types: (d) => {
    if (d === 'bool') throw new NotSupportedError('elementwise.round', 'NumPy rounds booleans to float16, which fast does not have');
    return { compute: d, result: d };
  },
  emit: (d, o, a) => {
    if (isComplex(d)) return `const ${o}r = H.ew_rint(${a}r), ${o}i = H.ew_rint(${a}i);`;
    return `const ${o} = ${isFloat(d) ? `H.ew_rint(${a})` : a};`;
  },
});
// np.around(x, decimals) with decimals as the second (weak integer) operand; float/complex only (see elementwise.ts)
defineOp({
  name: 'around',
  arity: 2,
  types: (d) => {
    if (!isFloat(d) && !isComplex(d)) reject('around', d, 'internal row for floating-point arrays');
    return { compute: d, result: d };
  },
  emit: (d, o, a, b) => {
    const fn = d === 'float32' || d === 'complex64' ? 'H.ew_roundF32' : 'H.ew_round';
    if (isComplex(d)) return `const ${o}r = ${fn}(${a}r, ${b}r), ${o}i = ${fn}(${a}i, ${b}r);`;
    return `const ${o} = ${fn}(${a}, ${b});`;
  },
});

defineOp({
  name: 'sign',
  arity: 1,
  types: sameTypes('sign', 'error', true),
  emit: (d, o, a) => {
    const r = reprOf(d);
    if (r === 'cplx') return cplxCall(d, o, d === 'complex64' ? 'ew_csign32' : 'ew_csign', `${a}r, ${a}i`);
    if (r === 'big') return `const ${o} = ${a} > 0n ? 1n : ${a} < 0n ? -1n : 0n;`;
    if (isFloat(d)) return `const ${o} = ${a} > 0 ? 1 : ${a} < 0 ? -1 : ${a} === 0 ? 0 : ${a};`;
    return `const ${o} = ${a} > 0 ? 1 : ${a} < 0 ? -1 : 0;`;
  },
});

defineOp({
  name: 'square',
  arity: 1,
  types: sameTypes('square', 'int8', true),
  emit: (d, o, a) => {
    const r = reprOf(d);
    if (r === 'cplx') return cmulFma(d, o, `${a}r`, `${a}i`, `${a}r`, `${a}i`);
    if (r === 'big') return `const ${o} = ${wrap(d, `${a} * ${a}`)};`;
    if (d === 'int32') return `const ${o} = Math.imul(${a}, ${a});`;
    if (d === 'uint32') return `const ${o} = Math.imul(${a}, ${a}) >>> 0;`;
    return `const ${o} = ${wrap(d, `${a} * ${a}`)};`;
  },
});

// reciprocal: integers as NumPy (1.0 / x converted back with x86's float->int conversion: 1/0 -> INT_MIN wrapped)
defineOp({
  name: 'reciprocal',
  arity: 1,
  types: sameTypes('reciprocal', 'int8', true),
  emit: (d, o, a) => {
    const r = reprOf(d);
    if (r === 'cplx') return cplxCall(d, o, d === 'complex64' ? 'ew_creciprocal32' : 'ew_creciprocal', `${a}r, ${a}i`);
    if (r === 'big') return `const ${o} = H.ew_f2big(1 / Number(${a}), '${d}');`;
    if (isFloat(d)) return `const ${o} = ${f32(d, `1 / ${a}`)};`;
    return `const ${o} = H.ew_f2int(1 / ${a}, '${d}');`;
  },
});

function predicate(name: string, real: (a: string) => string, cplx: (a: string) => string, ints: '0' | '1'): void {
  defineOp({
    name,
    arity: 1,
    types: (d) => ({ compute: d, result: 'bool' }),
    emit: (d, o, a) => {
      if (isComplex(d)) return `const ${o} = (${cplx(a)}) ? 1 : 0;`;
      if (isFloat(d)) return `const ${o} = (${real(a)}) ? 1 : 0;`;
      return `const ${o} = ${ints};`;
    },
  });
}
predicate('isnan', (a) => `${a} !== ${a}`, (a) => `${a}r !== ${a}r || ${a}i !== ${a}i`, '0');
predicate('isinf', (a) => `${a} === Infinity || ${a} === -Infinity`, (a) => `${a}r === Infinity || ${a}r === -Infinity || ${a}i === Infinity || ${a}i === -Infinity`, '0');
predicate('isfinite', (a) => `${a} - ${a} === 0`, (a) => `${a}r - ${a}r === 0 && ${a}i - ${a}i === 0`, '1');

defineOp({
  name: 'signbit',
  arity: 1,
  types: (d) => {
    if (isComplex(d)) reject('signbit', d, 'complex numbers have no sign bit (NumPy has no complex loop)');
    return { compute: d, result: 'bool' };
  },
  emit: (d, o, a) => {
    if (isFloat(d)) return `const ${o} = H.ew_signbit(${a}) ? 1 : 0;`;
    if (reprOf(d) === 'big') return `const ${o} = ${a} < 0n ? 1 : 0;`;
    return `const ${o} = ${a} < 0 ? 1 : 0;`;
  },
});

const partType = (d: DTypeName): DTypeName => (d === 'complex64' ? 'float32' : d === 'complex128' ? 'float64' : d);
for (const [name, part] of [['real', 'r'], ['imag', 'i']] as const) {
  defineOp({
    name,
    arity: 1,
    types: (d) => ({ compute: d, result: partType(d) }),
    emit: (d, o, a) => {
      if (isComplex(d)) return `const ${o} = ${a}${part};`;
      if (part === 'r') return `const ${o} = ${a};`;
      return `const ${o} = ${reprOf(d) === 'big' ? '0n' : '0'};`;
    },
  });
}
defineOp({
  name: 'conj',
  arity: 1,
  types: sameTypes('conj', 'int8', true),
  emit: (d, o, a) => (isComplex(d) ? `const ${o}r = ${a}r, ${o}i = -${a}i;` : `const ${o} = ${a};`),
});

// maximum/minimum: NaN propagates; equal values give the second operand (NumPy's SIMD loops: max(-0.0, 0.0) is 0.0)
for (const [name, cmp] of [['maximum', '>'], ['minimum', '<']] as const) {
  defineOp({
    name,
    arity: 2,
    types: (d) => ({ compute: d, result: d }),
    emit: (d, o, a, b) => {
      const r = reprOf(d);
      if (r === 'cplx') {
        const nan = (x: string) => `(${x}r !== ${x}r || ${x}i !== ${x}i)`;
        const lex = `(${a}r ${cmp} ${b}r || (${a}r === ${b}r && ${a}i ${cmp}= ${b}i))`;
        return `const ${o}$ = ${nan(a)} ? true : ${nan(b)} ? false : ${lex}; const ${o}r = ${o}$ ? ${a}r : ${b}r, ${o}i = ${o}$ ? ${a}i : ${b}i;`;
      }
      if (isFloat(d)) return `const ${o} = (${a} ${cmp} ${b} || ${a} !== ${a}) ? ${a} : ${b};`;
      return `const ${o} = ${a} ${cmp} ${b} ? ${a} : ${b};`;
    },
  });
}

// fmax/fmin: NaN ignored unless both are NaN; equal values give the first operand (NumPy's signed-zero
// choice varies with its loop and is not reproduced)
for (const [name, cmp] of [['fmax', '>'], ['fmin', '<']] as const) {
  defineOp({
    name,
    arity: 2,
    types: (d) => ({ compute: d, result: d }),
    emit: (d, o, a, b) => {
      const r = reprOf(d);
      if (r === 'cplx') {
        const nan = (x: string) => `(${x}r !== ${x}r || ${x}i !== ${x}i)`;
        const lex = `(${a}r ${cmp} ${b}r || (${a}r === ${b}r && ${a}i ${cmp}= ${b}i))`;
        return `const ${o}$ = ${nan(b)} ? true : ${nan(a)} ? false : ${lex}; const ${o}r = ${o}$ ? ${a}r : ${b}r, ${o}i = ${o}$ ? ${a}i : ${b}i;`;
      }
      if (isFloat(d)) return `const ${o} = (${a} ${cmp}= ${b} || ${b} !== ${b}) ? ${a} : ${b};`;
      return `const ${o} = ${a} ${cmp} ${b} ? ${a} : ${b};`;
    },
  });
}

// shifts: counts < 0 or >= the bit width give 0 (left) or the sign fill (right), as NumPy
function shiftTypes(op: string): (d: DTypeName) => OpTypes {
  return (d) => {
    if (d === 'bool') return { compute: 'int8', result: 'int8' };
    if (!isInt(d)) reject(op, d, 'shifts take integer arrays only');
    return { compute: d, result: d };
  };
}
defineOp({
  name: 'bitwise_left_shift',
  arity: 2,
  types: shiftTypes('bitwise_left_shift'),
  emit: (d, o, a, b) => {
    const bits = DTYPES[d].itemsize * 8;
    if (reprOf(d) === 'big') return `const ${o} = (${b} < 0n || ${b} >= 64n) ? 0n : ${wrap(d, `${a} << ${b}`)};`;
    return `const ${o} = (${b} < 0 || ${b} >= ${bits}) ? 0 : ${wrap(d, `${a} << ${b}`)};`;
  },
});
defineOp({
  name: 'bitwise_right_shift',
  arity: 2,
  types: shiftTypes('bitwise_right_shift'),
  emit: (d, o, a, b) => {
    const bits = DTYPES[d].itemsize * 8;
    const signed = kind(d) === 'signed';
    if (reprOf(d) === 'big') {
      return `const ${o} = (${b} < 0n || ${b} >= 64n) ? ${signed ? `(${a} < 0n ? -1n : 0n)` : '0n'} : ${a} >> ${b};`;
    }
    return `const ${o} = (${b} < 0 || ${b} >= ${bits}) ? ${signed ? `(${a} < 0 ? -1 : 0)` : '0'} : ${a} ${d === 'uint32' ? '>>>' : '>>'} ${b};`;
  },
});

// fmod: C's truncated remainder; integer division by zero gives 0
defineOp({
  name: 'fmod',
  arity: 2,
  types: sameTypes('fmod', 'int8', false, 'NumPy has no complex fmod'),
  emit: (d, o, a, b) => {
    const r = reprOf(d);
    if (r === 'big') return `const ${o} = ${b} === 0n ? 0n : ${a} % ${b};`;
    if (isFloat(d)) return `const ${o} = ${a} % ${b};`;
    return `const ${o} = ${b} === 0 ? 0 : ${wrap(d, `${a} % ${b}`)};`;
  },
});

// float_power: float64 (complex128 for complex operands) whatever the inputs, C pow / NumPy's nc_pow
defineOp({
  name: 'float_power',
  arity: 2,
  types: (d) => (isComplex(d) ? { compute: 'complex128', result: 'complex128' } : { compute: 'float64', result: 'float64' }),
  emit: (d, o, a, b) =>
    isComplex(d)
      ? `H.ew_cpow(${a}r, ${a}i, ${b}r, ${b}i, false); const ${o}r = H.ew_OUT[0], ${o}i = H.ew_OUT[1];`
      : `const ${o} = H.powf(${a}, ${b});`,
});

// gcd / lcm of integers (NumPy: non-negative results, wrapped to the dtype; lcm(0, x) = 0)
function intTypes(op: string): (d: DTypeName) => OpTypes {
  return (d) => {
    if (!isInt(d)) reject(op, d, 'it takes integer arrays only (NumPy has no loop for booleans or floats)');
    return { compute: d, result: d };
  };
}
defineOp({
  name: 'gcd',
  arity: 2,
  types: intTypes('gcd'),
  emit: (d, o, a, b) => (reprOf(d) === 'big' ? `const ${o} = ${wrap(d, `H.ew_gcdb(${a}, ${b})`)};` : `const ${o} = ${wrap(d, `H.ew_gcd(${a}, ${b})`)};`),
});
defineOp({
  name: 'lcm',
  arity: 2,
  types: intTypes('lcm'),
  emit: (d, o, a, b) => {
    if (reprOf(d) === 'big') {
      return `const ${o}$ = H.ew_gcdb(${a}, ${b}), ${o} = ${o}$ === 0n ? 0n : ${wrap(d, `(${a} < 0n ? -${a} : ${a}) / ${o}$ * (${b} < 0n ? -${b} : ${b})`)};`;
    }
    const mul = d === 'int32' || d === 'uint32' ? (x: string, y: string) => `Math.imul(${x}, ${y})` : (x: string, y: string) => `${x} * ${y}`;
    return `const ${o}$ = H.ew_gcd(${a}, ${b}), ${o} = ${o}$ === 0 ? 0 : ${wrap(d, mul(`(Math.abs(${a}) / ${o}$)`, `Math.abs(${b})`))};`;
  },
});

// nan_to_num in three steps, each replacing one kind of value with the second operand
for (const [name, test] of [
  ['nan_to_num_nan', (x: string) => `${x} !== ${x}`],
  ['nan_to_num_posinf', (x: string) => `${x} === Infinity`],
  ['nan_to_num_neginf', (x: string) => `${x} === -Infinity`],
] as const) {
  defineOp({
    name,
    arity: 2,
    types: (d) => {
      if (!isFloat(d) && !isComplex(d)) reject(name, d, 'internal row for floating-point arrays');
      return { compute: d, result: d };
    },
    emit: (d, o, a, b) =>
      isComplex(d)
        ? `const ${o}r = ${test(`${a}r`)} ? ${b}r : ${a}r, ${o}i = ${test(`${a}i`)} ? ${b}r : ${a}i;`
        : `const ${o} = ${test(a)} ? ${b} : ${a};`,
  });
}

export type { OpRow };
