/**
 * Element-wise functions, one table row each: the standard's 67 and a few of NumPy's own. Each row says
 * the arity, the dtype category the function accepts, the input domain, and the tolerance in ulps.
 */
import type { Case } from '../case.js';
import type { Domain } from '../inputs.js';
import { fn } from '../xp.js';
import { binaryTrials, CATEGORIES, kase, unaryTrials, type Category } from './helpers.js';

interface Row {
  readonly name: string;
  readonly arity: 1 | 2;
  readonly cat: Category;
  readonly domain?: Domain;
  readonly domain2?: Domain;
  /** Tolerance in ulps (0 = exact). */
  readonly ulps?: number;
  /** Catalog area (default 'elementwise'). */
  readonly area?: string;
  /** Python function when it is not np.<name>. */
  readonly py?: string;
  /** Signed zeros are not part of this corner. */
  readonly anyZero?: boolean;
  /** Tolerance in ulps for complex inputs when it differs (complex arithmetic rounds per part). */
  readonly complexUlps?: number;
}

const T = 4; // transcendental functions: libm and V8 differ by a few ulps at most
const TC = 8; // complex transcendental functions

const ROWS: readonly Row[] = [
  { name: 'abs', arity: 1, cat: 'numeric', ulps: 1 },
  { name: 'acos', arity: 1, cat: 'floating', domain: 'unit', ulps: T },
  { name: 'acosh', arity: 1, cat: 'floating', domain: 'ge1', ulps: T },
  { name: 'add', arity: 2, cat: 'numeric' },
  { name: 'asin', arity: 1, cat: 'floating', domain: 'unit', ulps: T },
  { name: 'asinh', arity: 1, cat: 'floating', ulps: T },
  { name: 'atan', arity: 1, cat: 'floating', ulps: T },
  { name: 'atan2', arity: 2, cat: 'real-floating', ulps: T },
  { name: 'atanh', arity: 1, cat: 'floating', domain: 'unit', ulps: T },
  { name: 'bitwise_and', arity: 2, cat: 'int-bool' },
  { name: 'bitwise_left_shift', arity: 2, cat: 'integer', domain: 'small', domain2: 'shift' },
  { name: 'bitwise_invert', arity: 1, cat: 'int-bool' },
  { name: 'bitwise_or', arity: 2, cat: 'int-bool' },
  { name: 'bitwise_right_shift', arity: 2, cat: 'integer', domain2: 'shift' },
  { name: 'bitwise_xor', arity: 2, cat: 'int-bool' },
  { name: 'ceil', arity: 1, cat: 'real' },
  { name: 'conj', arity: 1, cat: 'numeric' },
  { name: 'copysign', arity: 2, cat: 'real-floating' },
  { name: 'cos', arity: 1, cat: 'floating', ulps: T },
  { name: 'cosh', arity: 1, cat: 'floating', domain: 'small', ulps: T },
  { name: 'divide', arity: 2, cat: 'numeric', ulps: 0, complexUlps: 4 },
  { name: 'equal', arity: 2, cat: 'all' },
  { name: 'exp', arity: 1, cat: 'floating', domain: 'small', ulps: T },
  { name: 'expm1', arity: 1, cat: 'floating', domain: 'small', ulps: T },
  { name: 'floor', arity: 1, cat: 'real' },
  { name: 'floor_divide', arity: 2, cat: 'real' },
  { name: 'greater', arity: 2, cat: 'real' },
  { name: 'greater_equal', arity: 2, cat: 'real' },
  { name: 'hypot', arity: 2, cat: 'real-floating', ulps: 1 },
  { name: 'imag', arity: 1, cat: 'floating' },
  { name: 'isfinite', arity: 1, cat: 'numeric' },
  { name: 'isinf', arity: 1, cat: 'numeric' },
  { name: 'isnan', arity: 1, cat: 'numeric' },
  { name: 'less', arity: 2, cat: 'real' },
  { name: 'less_equal', arity: 2, cat: 'real' },
  { name: 'log', arity: 1, cat: 'floating', domain: 'positive', ulps: T },
  { name: 'log1p', arity: 1, cat: 'floating', domain: 'nonneg', ulps: T },
  { name: 'log2', arity: 1, cat: 'floating', domain: 'positive', ulps: T },
  { name: 'log10', arity: 1, cat: 'floating', domain: 'positive', ulps: T },
  { name: 'logaddexp', arity: 2, cat: 'real-floating', domain: 'small', ulps: T },
  { name: 'logical_and', arity: 2, cat: 'bool' },
  { name: 'logical_not', arity: 1, cat: 'bool' },
  { name: 'logical_or', arity: 2, cat: 'bool' },
  { name: 'logical_xor', arity: 2, cat: 'bool' },
  { name: 'maximum', arity: 2, cat: 'real' },
  { name: 'minimum', arity: 2, cat: 'real' },
  { name: 'multiply', arity: 2, cat: 'numeric', ulps: 0, complexUlps: 2 },
  { name: 'negative', arity: 1, cat: 'numeric' },
  { name: 'nextafter', arity: 2, cat: 'real-floating' },
  { name: 'not_equal', arity: 2, cat: 'all' },
  { name: 'positive', arity: 1, cat: 'numeric' },
  { name: 'pow', arity: 2, cat: 'numeric', domain: 'small', domain2: 'nonneg', ulps: T },
  { name: 'real', arity: 1, cat: 'floating' },
  { name: 'reciprocal', arity: 1, cat: 'floating', ulps: 0, complexUlps: 4 },
  { name: 'remainder', arity: 2, cat: 'real', anyZero: true },
  { name: 'round', arity: 1, cat: 'real' },
  { name: 'sign', arity: 1, cat: 'real' },
  { name: 'signbit', arity: 1, cat: 'real-floating' },
  { name: 'sin', arity: 1, cat: 'floating', ulps: T },
  { name: 'sinh', arity: 1, cat: 'floating', domain: 'small', ulps: T },
  { name: 'square', arity: 1, cat: 'numeric', complexUlps: 2 },
  { name: 'sqrt', arity: 1, cat: 'floating', domain: 'nonneg', ulps: 0 },
  { name: 'subtract', arity: 2, cat: 'numeric' },
  { name: 'tan', arity: 1, cat: 'floating', ulps: T },
  { name: 'tanh', arity: 1, cat: 'floating', ulps: T },
  { name: 'trunc', arity: 1, cat: 'real' },
  // NumPy's own element-wise functions
  { name: 'cbrt', arity: 1, cat: 'real-floating', ulps: T, area: 'numpy' },
  { name: 'exp2', arity: 1, cat: 'real-floating', domain: 'small', ulps: T, area: 'numpy' },
  { name: 'fmod', arity: 2, cat: 'real', area: 'numpy', anyZero: true },
  { name: 'deg2rad', arity: 1, cat: 'real-floating', ulps: 1, area: 'numpy' },
];

function rowCase(r: Row): Case[] {
  const dtypes = CATEGORIES[r.cat];
  const complexUlps = r.ulps === T ? TC : (r.ulps ?? 0) > 0 ? (r.ulps ?? 0) * 2 : 2;
  const hasComplex = dtypes.some((d) => d.startsWith('complex'));
  const ulps = hasComplex && r.ulps !== undefined && r.ulps > 0 ? Math.max(r.ulps, complexUlps) : (r.ulps ?? 0);
  const corner = `${r.area ?? 'elementwise'}.${r.name}`;
  const pyName = r.py ?? `np.${r.name}`;
  const tol = { ulps, signedZeros: !r.anyZero };
  const c =
    r.arity === 1
      ? kase(corner, `${pyName}(x)`, (xp, a) => fn(xp, r.name)(a.x), unaryTrials(dtypes, r.domain ?? 'any'), { tol })
      : kase(corner, `${pyName}(x1, x2)`, (xp, a) => fn(xp, r.name)(a.x1, a.x2), binaryTrials(dtypes, r.domain ?? 'any', r.domain2 ?? r.domain ?? 'any'), { tol });
  if (r.complexUlps === undefined) return [c];
  // complex trials in their own case, with their own tolerance
  const isComplexTrial = (t: Case['trials'][number]) => Object.values(t.inputs).some((i) => i.dtype.startsWith('complex'));
  return [
    { ...c, trials: c.trials.filter((t) => !isComplexTrial(t)) },
    { ...c, trials: c.trials.filter(isComplexTrial), tol: { ...tol, ulps: r.complexUlps } },
  ];
}

export const ELEMENTWISE_CASES: readonly Case[] = [
  ...ROWS.flatMap(rowCase),
  kase(
    'elementwise.clip',
    'np.clip(x, lo, hi)',
    (xp, a, p) => fn(xp, 'clip')(a.x, { min: p.lo, max: p.hi }),
    [
      ...unaryTrials(['float32', 'float64'], 'any', { lo: -0.5, hi: 2.5 }),
      ...unaryTrials(['int8', 'int32', 'uint8', 'int64'], 'small', { lo: 1, hi: 6 }),
    ],
    { tol: { signedZeros: true } },
  ),
  kase(
    'numpy.heaviside',
    'np.heaviside(x1, x2)',
    (xp, a) => fn(xp, 'heaviside')(a.x1, a.x2),
    binaryTrials(['float32', 'float64'], 'any', 'unit'),
  ),
];
