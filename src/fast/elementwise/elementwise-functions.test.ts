/**
 * The standard's element-wise functions beyond arithmetic (and NumPy's extra ones) against NumPy,
 * computed at test time: every dtype each function accepts, on the fixture vectors with their edge
 * values (NaN, ±inf, -0.0, integer min/max), plus views, broadcasting, 0-d and empty arrays.
 * Tolerances per function, in ulps of the result's precision: exact (0) for integers, booleans,
 * rounding, predicates, sqrt, hypot, copysign, nextafter, min/max, shifts; RTOL_T = 4 ulps for
 * transcendental float64/float32 results (glibc/SVML vs V8's fdlibm); RTOL_C = 8 ulps for complex
 * transcendental ones (glibc's algorithms, reproduced in float64; complex64 rounded from them).
 */
import { describe, expect, it } from 'vitest';
import { DTYPE_NAMES, type DTypeName } from '../../common/dtypes.js';
import { DTypeError, NdbridgeError, NotSupportedError } from '../../common/errors.js';
import * as fast from '../index.js';
import { MK_PY, mk } from '../testing/fixtures.js';
import { expectSame, numpyEval } from '../testing/numpy-oracle.js';

// tolerances in ulps of the result's precision (see ulpsToRtol)
const RTOL_T = 4;
const RTOL_C = 8;
const EXACT = 0;
const ulpsToRtol = (ulps: number, d: DTypeName) =>
  ulps * (d === 'float32' || d === 'complex64' || d === 'int16' || d === 'uint16' ? 2 ** -23 : 2 ** -52);

type Fn = (...a: never[]) => fast.FastArray;
const F = fast as unknown as Record<string, Fn>;

// name -> [python function, tolerance for real floats, tolerance for complex]
const UNARY: Record<string, [string, number, number]> = {
  acos: ['np.arccos', RTOL_T, RTOL_C], acosh: ['np.arccosh', RTOL_T, RTOL_C], asin: ['np.arcsin', RTOL_T, RTOL_C],
  asinh: ['np.arcsinh', RTOL_T, RTOL_C], atan: ['np.arctan', RTOL_T, RTOL_C], atanh: ['np.arctanh', RTOL_T, RTOL_C],
  cos: ['np.cos', RTOL_T, RTOL_C], cosh: ['np.cosh', RTOL_T, RTOL_C], exp: ['np.exp', RTOL_T, RTOL_C],
  expm1: ['np.expm1', RTOL_T, RTOL_C], log: ['np.log', RTOL_T, RTOL_C], log1p: ['np.log1p', RTOL_T, RTOL_C],
  log2: ['np.log2', RTOL_T, RTOL_C], log10: ['np.log10', RTOL_T, RTOL_C], sin: ['np.sin', RTOL_T, RTOL_C],
  sinh: ['np.sinh', RTOL_T, RTOL_C], tan: ['np.tan', RTOL_T, RTOL_C], tanh: ['np.tanh', RTOL_T, RTOL_C],
  sqrt: ['np.sqrt', EXACT, EXACT], cbrt: ['np.cbrt', RTOL_T, 0], exp2: ['np.exp2', RTOL_T, RTOL_C],
  deg2rad: ['np.deg2rad', 1, 0], rad2deg: ['np.rad2deg', 1, 0],
  ceil: ['np.ceil', EXACT, 0], floor: ['np.floor', EXACT, 0], trunc: ['np.trunc', EXACT, 0], round: ['np.round', EXACT, EXACT],
  sign: ['np.sign', EXACT, EXACT], square: ['np.square', EXACT, EXACT], reciprocal: ['np.reciprocal', EXACT, 2],
  isnan: ['np.isnan', EXACT, EXACT], isinf: ['np.isinf', EXACT, EXACT], isfinite: ['np.isfinite', EXACT, EXACT],
  signbit: ['np.signbit', EXACT, 0], real: ['np.real', EXACT, EXACT], imag: ['np.imag', EXACT, EXACT], conj: ['np.conj', EXACT, EXACT],
  fabs: ['np.fabs', EXACT, 0], rint: ['np.rint', EXACT, EXACT], arccos: ['np.arccos', RTOL_T, RTOL_C], conjugate: ['np.conjugate', EXACT, EXACT],
};
const BINARY: Record<string, [string, number]> = {
  atan2: ['np.arctan2', RTOL_T], copysign: ['np.copysign', EXACT], hypot: ['np.hypot', EXACT], logaddexp: ['np.logaddexp', RTOL_T],
  nextafter: ['np.nextafter', EXACT], maximum: ['np.maximum', EXACT], minimum: ['np.minimum', EXACT],
  bitwise_left_shift: ['np.left_shift', EXACT], bitwise_right_shift: ['np.right_shift', EXACT], fmod: ['np.fmod', EXACT],
  heaviside: ['np.heaviside', EXACT], logaddexp2: ['np.logaddexp2', RTOL_T], float_power: ['np.float_power', RTOL_T], gcd: ['np.gcd', EXACT],
  lcm: ['np.lcm', EXACT], fmax: ['np.fmax', EXACT], fmin: ['np.fmin', EXACT], arctan2: ['np.arctan2', RTOL_T], left_shift: ['np.left_shift', EXACT], power: ['np.power', RTOL_T],
};

const cases: Record<string, string> = {};
const thunks: Record<string, () => fast.FastArray> = {};
const tol: Record<string, number> = {};
/** A case; `ulps` counts in the precision of `d` (the dtype the result is computed in). */
const add = (key: string, py: string, js: () => fast.FastArray, ulps: number, d: DTypeName = 'float64') => {
  cases[key] = py;
  thunks[key] = js;
  tol[key] = ulpsToRtol(ulps, d);
};
const isC = (d: DTypeName) => d.startsWith('complex');

for (const d of DTYPE_NAMES) {
  for (const [name, [py, rt, rc]] of Object.entries(UNARY)) {
    add(`${name}/${d}`, `${py}(mk("${d}"))`, () => F[name](mk(d) as never), isC(d) ? rc : rt, d);
  }
  for (const [name, [py, rt]] of Object.entries(BINARY)) {
    // shift counts: the second operand's values include negatives and counts >= the bit width
    add(`${name}/${d}`, `${py}(mk("${d}"), mk("${d}", 3))`, () => F[name](mk(d) as never, mk(d, 3) as never), rt, d);
  }
}
// views, broadcasting, 0-d, empty, weak scalars
add('sin/view', 'np.sin(mk("float64")[::-2])', () => fast.sin(mk('float64').at('::-2')), RTOL_T);
add('exp/2d-T', 'np.exp(mk("complex128").reshape(2, 4).T)', () => fast.exp(mk('complex128').reshape([2, 4]).T), RTOL_C, 'complex128');
add('maximum/bcast', 'np.maximum(mk("float32").reshape(2, 4)[:, :1], mk("float32", 1)[::-2])', () => fast.maximum(mk('float32').reshape([2, 4]).at(':, :1'), mk('float32', 1).at('::-2')), EXACT);
add('hypot/0d', 'np.hypot(np.float64(3), mk("float64"))', () => fast.hypot(fast.asarray(3), mk('float64')), EXACT);
add('sqrt/empty', 'np.sqrt(np.zeros((0, 3)))', () => fast.sqrt(fast.zeros([0, 3])), EXACT);
add('shift/scalar', 'np.left_shift(mk("int16"), 3)', () => fast.bitwise_left_shift(mk('int16'), 3), EXACT);
add('copysign/weak', 'np.copysign(mk("float32"), -1.0)', () => fast.copysign(mk('float32'), -1.5), EXACT, 'float32');
add('clip/float', 'np.clip(mk("float64"), -0.5, 2.5)', () => fast.clip(mk('float64'), -0.5, 2.5), EXACT);
add('clip/opts', 'np.clip(mk("int8"), 1, 6)', () => fast.clip(mk('int8'), { min: 1, max: 6 }), EXACT);
add('clip/min-only', 'np.clip(mk("uint16"), 7, None)', () => fast.clip(mk('uint16'), 7), EXACT);
add('clip/int-out-of-range', 'np.clip(mk("int8"), -1000, 1000)', () => fast.clip(mk('int8'), -1000, 1000), EXACT);
add('clip/uint-neg-min', 'np.clip(mk("uint8"), -5, 100)', () => fast.clip(mk('uint8'), -5, 100), EXACT);
add('clip/int64-big', 'np.clip(mk("int64"), -2**70, 3)', () => fast.clip(mk('int64'), -(2n ** 70n), 3), EXACT);
add('clip/hi-below-range', 'np.clip(mk("int8"), -300, -200)', () => fast.clip(mk('int8'), -300, -200), EXACT);
add('clip/arrays', 'np.clip(mk("float32"), mk("float32", 2), mk("float32", 5))', () => fast.clip(mk('float32'), mk('float32', 2), mk('float32', 5)), EXACT);
for (const dec of [0, 1, 2, -1]) {
  add(`around/${dec}`, `np.around(np.array([0.5, 1.5, 2.5, -0.5, 1.25, 2.675, -3.14159, 1234.5678, np.nan, -np.inf]), ${dec})`,
    () => fast.around(fast.asarray([0.5, 1.5, 2.5, -0.5, 1.25, 2.675, -3.14159, 1234.5678, NaN, -Infinity]), { decimals: dec }), EXACT);
}
add('around/f32', 'np.around(mk("float32"), 1)', () => fast.around(mk('float32'), 1), EXACT);
add('around/c128', 'np.around(mk("complex128"), 1)', () => fast.around(mk('complex128'), 1), EXACT);
add('around/int', 'np.around(mk("int32"), 2)', () => fast.around(mk('int32'), 2), EXACT);
for (const d of ['float32', 'float64', 'complex64', 'int16'] as const) {
  add(`nan_to_num/${d}`, `np.nan_to_num(mk("${d}"))`, () => fast.nan_to_num(mk(d)), EXACT);
}
add('nan_to_num/opts', 'np.nan_to_num(mk("float64"), nan=-1.0, posinf=7.5, neginf=-7.5)', () => fast.nan_to_num(mk('float64'), { nan: -1, posinf: 7.5, neginf: -7.5 }), EXACT);
add('isclose/basic', 'np.isclose(np.array([1, 2, np.nan, np.inf, 0, 1e-9]), np.array([1.00001, 2.1, np.nan, np.inf, 1e-9, 0]))',
  () => fast.isclose(fast.asarray([1, 2, NaN, Infinity, 0, 1e-9]), fast.asarray([1.00001, 2.1, NaN, Infinity, 1e-9, 0])), EXACT);
add('isclose/equal_nan', 'np.isclose(mk("float32"), mk("float32", 0) + 1e-6, equal_nan=True)', () => fast.isclose(mk('float32'), mk('float32').add(1e-6), { equal_nan: true }), EXACT);
add('isclose/int-scalar', 'np.isclose(mk("int8"), 3)', () => fast.isclose(mk('int8'), 3), EXACT);

add('lshift/method', 'mk("int64") << mk("int64", 3)', () => mk('int64').lshift(mk('int64', 3)), EXACT);
add('rshift/method', 'mk("uint32") >> mk("uint32", 5)', () => mk('uint32').rshift(mk('uint32', 5)), EXACT);
add('rshift/method-scalar', 'mk("int8") >> 2', () => mk('int8').rshift(2), EXACT);

// complex functions on a grid of edge values (both parts from GRID: zeros, ±1, NaN, ±inf, huge, tiny)
const GRID = ['nan', 'inf', '-inf', '0.0', '-0.0', '1.0', '-1.0', '0.5', '-3.0', '1e-20', '1e300', '-1.7976931348623157e308', '0.999999', '1e10'];
const GRID_PY = `np.array([complex(float(a), float(b)) for a in ${JSON.stringify(GRID)} for b in ${JSON.stringify(GRID)}], dtype=DT)`;
const gridJs = (d: DTypeName) =>
  fast.asarray(GRID.flatMap((a) => GRID.map((b) => ({ re: Number(a.replace('inf', 'Infinity')), im: Number(b.replace('inf', 'Infinity')) }))), { dtype: d });
for (const d of ['complex64', 'complex128'] as const) {
  for (const name of ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'exp', 'log', 'sqrt', 'sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh', 'log2', 'log10', 'sign', 'expm1', 'log1p', 'exp2', 'reciprocal', 'square']) {
    const [py, , rc] = UNARY[name];
    add(`grid/${name}/${d}`, `${py}(${GRID_PY.replace('DT', `"${d}"`)})`, () => F[name](gridJs(d) as never), rc, d);
  }
  // binary: the grid against itself reversed (every pair of edge values meets once)
  for (const [name, py, ulps] of [['multiply', 'np.multiply', 2], ['divide', 'np.divide', 4], ['pow', 'np.power', RTOL_C]] as const) {
    const g = GRID_PY.replace('DT', `"${d}"`);
    add(`grid/${name}/${d}`, `${py}(${g}, ${g}[::-1])`, () => F[name](gridJs(d) as never, gridJs(d).at('::-1') as never), ulps, d);
  }
}

for (const d of ['float32', 'float64', 'int16', 'int32'] as const) {
  add(`ldexp/${d}`, `np.ldexp(mk("${d}"), np.array([0, 1, -1, 3, 1000, -1100, 2, -2], dtype=np.int32))`,
    () => fast.ldexp(mk(d), fast.asarray([0, 1, -1, 3, 1000, -1100, 2, -2], { dtype: 'int32' })), EXACT, d);
  add(`divmod/${d}`, `np.divmod(mk("${d}"), mk("${d}", 2))[1]`, () => fast.divmod(mk(d), mk(d, 2))[1], EXACT, d);
}
for (const d of ['float32', 'float64'] as const) {
  add(`modf-frac/${d}`, `np.modf(mk("${d}"))[0]`, () => fast.modf(mk(d))[0], EXACT, d);
  add(`modf-int/${d}`, `np.modf(mk("${d}") * 1.75)[1]`, () => fast.modf(mk(d).mul(1.75))[1], EXACT, d);
}
add('method/clip', 'mk("float32").clip(-1, 2)', () => mk('float32').clip(-1, 2), EXACT);
add('method/round', 'mk("float64").round(1)', () => mk('float64').round(1), EXACT);
add('method/conj', 'mk("complex64").conj()', () => mk('complex64').conjugate(), EXACT);
for (const d of ['complex64', 'complex128', 'float32', 'float64', 'int32'] as const) {
  add(`angle/${d}`, `np.angle(mk("${d}"))`, () => fast.angle(mk(d)), 1, d);
}
add('angle/deg', 'np.angle(mk("complex128"), deg=True)', () => fast.angle(mk('complex128'), { deg: true }), 1);
add('ldexp/subnormal', 'np.ldexp(np.array([1e300, 5e-324, 1.5]), np.array([-1100, 1074, 1023]))',
  () => fast.ldexp(fast.asarray([1e300, 5e-324, 1.5]), fast.asarray([-1100, 1074, 1023])), EXACT);

// transcendental functions on 1500 pseudo-random values spanning 1e-4 .. 1e6 (both signs): within 4 ulps
const RAND: number[] = [];
for (let i = 0, seed = 4242; i < 1500; i++) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  const u = seed / 2147483648;
  seed = (seed * 1103515245 + 12345) % 2147483648;
  RAND.push((u * 2 - 1) * 10 ** Math.floor((seed / 2147483648) * 10 - 4));
}
for (const d of ['float32', 'float64'] as const) {
  for (const name of ['sin', 'cos', 'tan', 'exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'sinh', 'cosh', 'tanh', 'asin', 'acos', 'atan', 'asinh', 'acosh', 'atanh', 'sqrt', 'cbrt', 'exp2']) {
    add(`random/${name}/${d}`, `${UNARY[name][0]}(np.array(${JSON.stringify(RAND)}, dtype="${d}"))`, () => F[name](fast.asarray(RAND, { dtype: d }) as never), RTOL_T, d);
  }
}

const expected = numpyEval(cases, `${MK_PY}\nimport warnings\nwarnings.simplefilter("ignore")\nnp.seterr(all="ignore")`);

describe('element-wise functions match NumPy on every dtype (edge values included)', () => {
  for (const key of Object.keys(cases)) {
    it(key, () => {
      const exp = expected[key];
      let got: fast.FastArray;
      try {
        got = thunks[key]();
        got.toArray();
      } catch (e) {
        if ('error' in exp) {
          expect(e, `${key}: NumPy raised ${exp.error}`).toBeInstanceOf(NdbridgeError);
          return;
        }
        // fast declines only where NumPy's result is float16 or the complex function is not implemented
        expect(e, `${key}: ${String(e)}`).toBeInstanceOf(NotSupportedError);
        const npd = 'dtype' in exp ? exp.dtype : '';
        expect(npd === 'float16' || npd.startsWith('complex') || key.startsWith('round/bool'), `${key}: fast declined, NumPy gave ${npd}`).toBe(true);
        return;
      }
      expectSame(got, exp, key, { rtol: tol[key] });
    });
  }
});

describe('element-wise functions: errors and scalars', () => {
  it('rejects what NumPy rejects with typed errors naming the dtype', () => {
    expect(() => fast.bitwise_left_shift(mk('float64'), 1)).toThrow(DTypeError);
    expect(() => fast.bitwise_left_shift(mk('float64'), 1)).toThrow(/float64/);
    expect(() => fast.signbit(mk('complex64'))).toThrow(DTypeError);
    expect(() => fast.sign(mk('bool'))).toThrow(DTypeError);
    expect(() => fast.atan2(mk('complex128'), mk('complex128'))).toThrow(/complex128/);
    expect(() => fast.sin(mk('int8'))).toThrow(NotSupportedError);
    expect(() => fast.apply('sin', [mk('float64'), mk('float64')])).toThrow(/takes 1 operand/);
    expect(() => fast.clip(mk('float64'), { min: 1 }, 3)).toThrow(/either positionally/);
    expect(() => (fast.hypot as (a: unknown, b?: unknown) => unknown)(mk('float64'))).toThrow(/hypot takes .*operand 2.*undefined/);
    expect(() => fast.maximum(mk('float64'), 'x' as never)).toThrow(/maximum takes .*the string "x"/);
    expect(() => fast.around(mk('float64'), 1.5)).toThrow(/integer/);
  });

  it('allclose returns a JS boolean as NumPy', () => {
    expect(fast.allclose(mk('float64'), mk('float64'))).toBe(false); // NaN
    expect(fast.allclose(mk('float64'), mk('float64'), { equal_nan: true })).toBe(true);
    expect(fast.allclose([1, 2, 3], [1, 2, 3.000001])).toBe(true);
  });

  it('__array_namespace__ returns the fast namespace', () => {
    expect(mk('float64').__array_namespace__()).toBe(fast);
    expect(mk('int8').__array_namespace__({ api_version: '2024.12' })).toBe(fast);
    expect(() => mk('int8').__array_namespace__({ api_version: '1999.01' })).toThrow(/api_version/);
  });

  it('fuses: a chain of new functions is one kernel over one leaf', () => {
    const a = fast.linspace(0, 1, 5);
    expect(fast.explain(fast.sqrt(fast.add(fast.square(fast.sin(a)), fast.square(fast.cos(a))))).leaves).toBe(1);
  });
});
