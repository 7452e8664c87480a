/**
 * How user code reads with ndbridge's types: compiled (never run) by test/types/types.test.ts under
 * `strict` and `noUncheckedIndexedAccess`, with no casts. Each `@ts-expect-error` line must stay an error
 * (an unused one fails the compile): misspelt functions, keywords and dtypes are rejected.
 */
// Relative imports (what 'ndbridge' resolves to) so the project's own tsc checks this file too.
import { compat, fast, nd } from '../../src/index.js';
import type { CompatArray } from '../../src/compat/index.js';

// ---- nd: NumPy's API, results are FastArrays ---------------------------------------------------------
const a: fast.FastArray = nd.asarray([[1, 5, 3], [4, 2, 6]]);
const s0: fast.FastArray = nd.sum(a, 0);
const s1: fast.FastArray = nd.sum(a, { axis: 1, keepdims: true });
const total: fast.FastArray = nd.sum(a); // a NumPy scalar comes back as a 0-d array
const m: fast.FastArray = nd.mean(a, { where: nd.greater(a, 2) });
const z: fast.FastArray = nd.zeros([2, 3], 'float32');
const z2: fast.FastArray = nd.zeros(3, { dtype: 'f8' });
const l: fast.FastArray = nd.linspace(0, 1, 5, false);
const r: fast.FastArray = nd.round(l, 2);
const i: fast.FastArray = nd.interp([0.5, 1.5], [0, 1, 2], [0, 10, 20]);
const p: fast.FastArray = nd.polyfit([0, 1, 2], [1, 3, 5], 1);
const { U, S, Vh } = nd.linalg.svd(fast.eye(3));
const [u0, s2, vh0] = nd.linalg.svd(fast.eye(3));
const sv: fast.FastArray = nd.linalg.svd(fast.eye(3), { compute_uv: false });
const { eigenvalues, eigenvectors } = nd.linalg.eigh(fast.eye(2));
const spec: fast.FastArray = nd.fft.rfft(l, { n: 8 });
const rng = nd.random.default_rng(0);
const draws: fast.FastArray = rng.random(3);
const normal: fast.FastArray = rng.normal({ size: [3, 3] });
const one: number = rng.random(); // a Python float is a JS number
const added: fast.FastArray = nd.add(a, 1);
const pi: number = nd.pi;
// @ts-expect-error: numpy has no `lnalg`
nd.lnalg.svd(a);
// @ts-expect-error: a misspelt function
nd.linalg.svdd(a);
// @ts-expect-error: a misspelt keyword
nd.sum(a, { axsi: 0 });
// @ts-expect-error: no such dtype
nd.zeros(3, 'float33');
// @ts-expect-error: svd takes an array first
nd.linalg.svd('x', 42);

// ---- compat: the real NumPy, JS scalars ------------------------------------------------------------
const np = compat.numpy();
const x: CompatArray = np.linspace(0, 1, 5);
const rounded: CompatArray = np.round(np.fft.rfft(x, { n: 4 }), 3);
const interp: CompatArray = np.interp([0.5], [0, 1], [0, 10]);
const fit: CompatArray = np.polyfit([0, 1, 2], [1, 3, 5], 1);
const [cu, cs, cvh] = np.linalg.svd(np.eye(3));
const onlyS: CompatArray = np.linalg.svd(np.eye(3), { compute_uv: false });
const sum: number | bigint | boolean | { re: number; im: number } = np.sum(x);
const f32: CompatArray = np.zeros([2], { dtype: 'float32' });
const half: CompatArray = np.zeros([2], { dtype: 'float16' }); // compat runs every NumPy dtype
const byType: CompatArray = np.zeros([2], { dtype: np.int32 });
const crng = np.random.default_rng(1);
const cdraws: CompatArray = crng.integers(0, 10, { size: 4 });
const sq: CompatArray = np.sqrt(x);
const sqScalar: number | bigint | boolean | { re: number; im: number } = np.sqrt(4);
const reduced = np.add.reduce(x);
const coef: CompatArray = np.polynomial.polynomial.polyfit([0, 1, 2], [1, 3, 5], 1);
const pval: CompatArray = np.polynomial.polynomial.polyval([0, 1], coef);
// @ts-expect-error: no such dtype
np.zeros([2], { dtype: 'float33' });
// @ts-expect-error: a misspelt keyword
np.linspace(0, 1, { nun: 5 });
// @ts-expect-error: a misspelt function is `unknown` on the proxy, so it cannot be called
np.rond(x);

// ---- fast: dtype spellings -------------------------------------------------------------------------
const fz: fast.FastArray = fast.zeros([2, 2], { dtype: 'float64' });
const cast: fast.FastArray = fz.astype('int32');
// @ts-expect-error: no such dtype
fast.zeros([2], { dtype: 'float33' });

export const used = [s0, s1, total, m, z, z2, r, i, p, U, S, Vh, u0, s2, vh0, sv, eigenvalues, eigenvectors, spec, draws, normal, one, added, pi,
  rounded, interp, fit, cu, cs, cvh, onlyS, sum, f32, half, byType, cdraws, sq, sqScalar, reduced, cast, coef, pval];
