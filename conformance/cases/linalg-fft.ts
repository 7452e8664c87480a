/**
 * The linalg and fft extensions and the main namespace's linear algebra. Decompositions whose factors
 * are unique only up to signs are compared through invariants (singular values, |U|, reconstruction
 * residuals), so a correct implementation with other sign choices passes.
 */
import type { DTypeName } from '../../src/common/dtypes.js';
import type { Case } from '../case.js';
import type { Tolerance } from '../compare.js';
import type { InputSpec } from '../inputs.js';
import { call, items } from '../xp.js';
import { kase, one, opts, trial } from './helpers.js';

const LA: Tolerance = { rtol: 1e-9, atol: 1e-9, ulps: 64 };
const LA32: Tolerance = { rtol: 1e-4, atol: 1e-4, ulps: 64 };

const m = (dtype: DTypeName, shape: number[], extra: Partial<InputSpec> = {}): InputSpec => one(dtype, shape, { domain: 'noedge', ...extra });
/** A symmetric positive definite 3x3 matrix (explicit input). */
const SPD = one('float64', [3, 3], { values: [4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2] });
/** A non-symmetric matrix with distinct real eigenvalues. */
const REAL_EIG = one('float64', [3, 3], { values: [2, 1, 0, 0, 3, 1, 0, 0, -1.5] });

function linalgPair(name: string, main: boolean): Case[] {
  const area = main ? 'linear_algebra' : 'linalg';
  const path = main ? name : `linalg.${name}`;
  const py = main ? `np.${name}` : `np.linalg.${name}`;
  switch (name) {
    case 'matmul':
      return [kase(`${area}.matmul`, `${py}(x1, x2)`, (xp, a) => call(xp, path, a.x1, a.x2), [
        trial({ x1: m('float64', [3, 4]), x2: m('float64', [4, 2]) }),
        trial({ x1: m('float32', [2, 3, 4]), x2: m('float32', [4, 3], { view: '::-1' }) }),
        trial({ x1: one('int32', [2, 3], { domain: 'small' }), x2: one('int32', [3], { domain: 'small' }) }),
        trial({ x1: m('complex128', [2, 2]), x2: m('complex128', [2, 2]) }),
      ], { tol: LA })];
    case 'matrix_transpose':
      return [kase(`${area}.matrix_transpose`, `${py}(x)`, (xp, a) => call(xp, path, a.x), [trial({ x: m('float64', [2, 3, 4]) }), trial({ x: one('int8', [3, 2], { view: '::-1' }) })])];
    case 'tensordot':
      return [kase(`${area}.tensordot`, `${py}(x1, x2, axes=axes)`, (xp, a, p) => call(xp, path, a.x1, a.x2, { axes: p.axes }), [
        trial({ x1: m('float64', [2, 3, 4]), x2: m('float64', [3, 4, 5]) }, { axes: 2 }),
        trial({ x1: m('float64', [3, 4]), x2: m('float64', [4, 3]) }, { axes: [[1], [0]] }),
        trial({ x1: one('int32', [2, 3], { domain: 'small' }), x2: one('int32', [3, 2], { domain: 'small' }) }, { axes: 1 }),
      ], { tol: LA })];
    case 'vecdot':
      return [kase(`${area}.vecdot`, `${py}(x1, x2, axis=axis)`, (xp, a, p) => call(xp, path, a.x1, a.x2, { axis: p.axis }), [
        trial({ x1: m('float64', [3, 4]), x2: m('float64', [4]) }, { axis: -1 }),
        trial({ x1: m('complex128', [3]), x2: m('complex128', [3]) }, { axis: -1 }),
        trial({ x1: one('int32', [3, 2], { domain: 'small' }), x2: one('int32', [3, 2], { domain: 'small' }) }, { axis: 0 }),
      ], { tol: LA })];
    default:
      throw new Error(`no linear algebra pair for ${name}`);
  }
}

const la = (name: string, py: string, run: Case['run'], trials: Case['trials'], tol: Tolerance = LA): Case => kase(`linalg.${name}`, py, run, trials, { tol });

export const LINALG_CASES: readonly Case[] = [
  ...['matmul', 'matrix_transpose', 'tensordot', 'vecdot'].flatMap((n) => [...linalgPair(n, true), ...linalgPair(n, false)]),
  la('cholesky', 'np.linalg.cholesky(x, upper=upper)', (xp, a, p) => call(xp, 'linalg.cholesky', a.x, { upper: p.upper }), [trial({ x: SPD }, { upper: false }), trial({ x: SPD }, { upper: true })]),
  la('cross', 'np.linalg.cross(x1, x2, axis=axis)', (xp, a, p) => call(xp, 'linalg.cross', a.x1, a.x2, { axis: p.axis }), [
    trial({ x1: m('float64', [3]), x2: m('float64', [3]) }, { axis: -1 }),
    trial({ x1: m('float64', [4, 3]), x2: m('float64', [3]) }, { axis: -1 }),
    trial({ x1: one('int32', [3, 2], { domain: 'small' }), x2: one('int32', [3, 2], { domain: 'small' }) }, { axis: 0 }),
  ]),
  la('det', 'np.linalg.det(x)', (xp, a) => call(xp, 'linalg.det', a.x), [trial({ x: m('float64', [3, 3]) }), trial({ x: m('float64', [2, 2, 2]) }), trial({ x: m('float32', [4, 4]) })], LA32),
  la('diagonal', 'np.linalg.diagonal(x, offset=offset)', (xp, a, p) => call(xp, 'linalg.diagonal', a.x, { offset: p.offset }), [
    trial({ x: m('float64', [3, 4]) }, { offset: 0 }),
    trial({ x: one('int32', [2, 4, 3]) }, { offset: -1 }),
    trial({ x: one('float32', [4, 4], { view: '::-1' }) }, { offset: 2 }),
  ]),
  la('eigh', '(lambda r: (r.eigenvalues, np.abs(r.eigenvectors)))(np.linalg.eigh(x))', (xp, a) => {
    const [w, v] = items(call(xp, 'linalg.eigh', a.x), ['eigenvalues', 'eigenvectors']);
    return [w, call(xp, 'abs', v)];
  }, [trial({ x: SPD })]),
  la('eigvalsh', 'np.linalg.eigvalsh(x)', (xp, a) => call(xp, 'linalg.eigvalsh', a.x), [trial({ x: SPD })]),
  la('inv', 'np.linalg.inv(x)', (xp, a) => call(xp, 'linalg.inv', a.x), [trial({ x: SPD }), trial({ x: REAL_EIG }), trial({ x: m('float64', [2, 3, 3]) })], { rtol: 1e-7, atol: 1e-7 }),
  la('matrix_norm', 'np.linalg.matrix_norm(x, ord=ord, keepdims=keepdims)', (xp, a, p) => call(xp, 'linalg.matrix_norm', a.x, opts(p, 'ord', 'keepdims')), [
    trial({ x: m('float64', [3, 4]) }, { ord: 'fro', keepdims: false }),
    trial({ x: m('float64', [2, 3, 3]) }, { ord: 1, keepdims: true }),
    trial({ x: m('float64', [3, 3]) }, { ord: 'nuc', keepdims: false }),
    trial({ x: m('float64', [3, 3]) }, { ord: 2, keepdims: false }),
  ]),
  la('matrix_power', 'np.linalg.matrix_power(x, n)', (xp, a, p) => call(xp, 'linalg.matrix_power', a.x, p.n), [
    trial({ x: SPD }, { n: 3 }),
    trial({ x: one('int32', [2, 2], { domain: 'small' }) }, { n: 2 }),
    trial({ x: SPD }, { n: 0 }),
    trial({ x: SPD }, { n: -2 }),
  ], { rtol: 1e-9, atol: 1e-9 }),
  la('matrix_rank', 'np.linalg.matrix_rank(x)', (xp, a) => call(xp, 'linalg.matrix_rank', a.x), [
    trial({ x: SPD }),
    trial({ x: one('float64', [3, 3], { values: [1, 2, 3, 2, 4, 6, 1, 0, 1] }) }),
  ]),
  { ...la('matrix_rank', 'np.linalg.matrix_rank(x)', (xp, a) => call(xp, 'linalg.matrix_rank', a.x), [trial({ x: m('float64', [4, 3]) })]), defaultInt: true },
  la('outer', 'np.linalg.outer(x1, x2)', (xp, a) => call(xp, 'linalg.outer', a.x1, a.x2), [
    trial({ x1: m('float64', [3]), x2: m('float64', [4]) }),
    trial({ x1: one('int8', [3], { domain: 'small' }), x2: one('int8', [2], { domain: 'small' }) }),
  ]),
  la('pinv', 'np.linalg.pinv(x)', (xp, a) => call(xp, 'linalg.pinv', a.x), [trial({ x: m('float64', [3, 2]) }), trial({ x: SPD })], { rtol: 1e-7, atol: 1e-7 }),
  la('qr', '(lambda r: (np.abs(r.Q), np.abs(r.R)))(np.linalg.qr(x, mode=mode))', (xp, a, p) => {
    const [q, r] = items(call(xp, 'linalg.qr', a.x, { mode: p.mode }), ['Q', 'R']);
    return [call(xp, 'abs', q), call(xp, 'abs', r)];
  }, [trial({ x: m('float64', [4, 3]) }, { mode: 'reduced' }), trial({ x: SPD }, { mode: 'complete' })]),
  la('slogdet', 'tuple(np.linalg.slogdet(x))', (xp, a) => items(call(xp, 'linalg.slogdet', a.x), ['sign', 'logabsdet']), [trial({ x: SPD }), trial({ x: REAL_EIG }), trial({ x: m('float64', [2, 3, 3]) })]),
  la('solve', 'np.linalg.solve(x1, x2)', (xp, a) => call(xp, 'linalg.solve', a.x1, a.x2), [
    trial({ x1: SPD, x2: m('float64', [3, 2]) }),
    trial({ x1: REAL_EIG, x2: m('float64', [3, 1]) }),
  ], { rtol: 1e-7, atol: 1e-7 }),
  la('svd', '(lambda r: (np.abs(r.U), r.S, np.abs(r.Vh)))(np.linalg.svd(x, full_matrices=False))', (xp, a) => {
    const [u, s, vh] = items(call(xp, 'linalg.svd', a.x, { full_matrices: false }), ['U', 'S', 'Vh']);
    return [call(xp, 'abs', u), s, call(xp, 'abs', vh)];
  }, [trial({ x: m('float64', [4, 3]) }), trial({ x: SPD })], { rtol: 1e-7, atol: 1e-7 }),
  la('svdvals', 'np.linalg.svdvals(x)', (xp, a) => call(xp, 'linalg.svdvals', a.x), [trial({ x: m('float64', [4, 3]) }), trial({ x: m('float64', [2, 3, 3]) })]),
  la('trace', 'np.linalg.trace(x, offset=offset)', (xp, a, p) => call(xp, 'linalg.trace', a.x, { offset: p.offset }), [
    trial({ x: m('float64', [3, 3]) }, { offset: 0 }),
    trial({ x: m('float64', [2, 3, 4]) }, { offset: 1 }),
  ]),
  { ...la('trace', 'np.linalg.trace(x)', (xp, a) => call(xp, 'linalg.trace', a.x), [trial({ x: one('int32', [3, 3], { domain: 'small' }) })]), defaultInt: true },
  la('vector_norm', 'np.linalg.vector_norm(x, axis=axis, keepdims=keepdims, ord=float(ord))', (xp, a, p) => call(xp, 'linalg.vector_norm', a.x, { ...opts(p, 'axis', 'keepdims'), ord: p.ord === 'inf' ? Infinity : p.ord }), [
    trial({ x: m('float64', [7]) }, { axis: null, keepdims: false, ord: 2 }),
    trial({ x: m('float64', [3, 4]) }, { axis: 1, keepdims: true, ord: 1 }),
    trial({ x: m('float32', [3, 4]) }, { axis: null, keepdims: false, ord: 'inf' }),
    trial({ x: m('float64', [2, 3, 4]) }, { axis: [0, 2], keepdims: false, ord: 3 }),
  ], LA32),
  la('eig', '(lambda r: (np.sort(r.eigenvalues.real), float(np.linalg.norm(x @ r.eigenvectors - r.eigenvectors * r.eigenvalues))))(np.linalg.eig(x))', (xp, a) => {
    const [w, v] = items(call(xp, 'linalg.eig', a.x), ['eigenvalues', 'eigenvectors']);
    const residual = call(xp, 'linalg.matrix_norm', call(xp, 'subtract', call(xp, 'matmul', a.x, v), call(xp, 'multiply', v, w)));
    return [call(xp, 'sort', call(xp, 'real', w)), residual];
  }, [trial({ x: REAL_EIG }), trial({ x: SPD })], { rtol: 1e-7, atol: 1e-7, ulps: 64 }),
  la('eigvals', 'np.sort(np.linalg.eigvals(x).real)', (xp, a) => call(xp, 'sort', call(xp, 'real', call(xp, 'linalg.eigvals', a.x))), [trial({ x: REAL_EIG }), trial({ x: SPD })]),
];

const FT: Tolerance = { rtol: 1e-10, atol: 1e-10, ulps: 16 };
const ft = (name: string, py: string, run: Case['run'], trials: Case['trials']): Case => kase(`fft.${name}`, py, run, trials, { tol: FT });
const c128 = (shape: number[], view?: string) => one('complex128', shape, { domain: 'noedge', view });
const f64 = (shape: number[], view?: string) => one('float64', shape, { domain: 'noedge', view });

export const FFT_CASES: readonly Case[] = [
  ...(['fft', 'ifft'] as const).map((n) =>
    ft(n, `np.fft.${n}(x, n=n, axis=axis, norm=norm)`, (xp, a, p) => call(xp, `fft.${n}`, a.x, opts(p, 'n', 'axis', 'norm')), [
      trial({ x: c128([8]) }, { n: null, axis: -1, norm: 'backward' }),
      trial({ x: c128([3, 5], '::-1') }, { n: 6, axis: 0, norm: 'ortho' }),
      trial({ x: f64([7]) }, { n: 4, axis: -1, norm: 'forward' }),
    ]),
  ),
  ...(['fftn', 'ifftn'] as const).map((n) =>
    ft(n, `np.fft.${n}(x, s=s, axes=axes, norm=norm)`, (xp, a, p) => call(xp, `fft.${n}`, a.x, opts(p, 's', 'axes', 'norm')), [
      trial({ x: c128([4, 6]) }, { s: null, axes: null, norm: 'backward' }),
      trial({ x: c128([2, 3, 4]) }, { s: [4, 4], axes: [1, 2], norm: 'ortho' }),
    ]),
  ),
  ft('rfft', 'np.fft.rfft(x, n=n, axis=axis, norm=norm)', (xp, a, p) => call(xp, 'fft.rfft', a.x, opts(p, 'n', 'axis', 'norm')), [
    trial({ x: f64([8]) }, { n: null, axis: -1, norm: 'backward' }),
    trial({ x: f64([3, 7], '::-1') }, { n: 10, axis: -1, norm: 'ortho' }),
    trial({ x: one('float32', [8], { domain: 'noedge' }) }, { n: null, axis: -1, norm: 'backward' }),
  ]),
  ft('irfft', 'np.fft.irfft(x, n=n, axis=axis, norm=norm)', (xp, a, p) => call(xp, 'fft.irfft', a.x, opts(p, 'n', 'axis', 'norm')), [
    trial({ x: c128([5]) }, { n: null, axis: -1, norm: 'backward' }),
    trial({ x: c128([5]) }, { n: 9, axis: -1, norm: 'forward' }),
  ]),
  ft('rfftn', 'np.fft.rfftn(x, s=s, axes=axes, norm=norm)', (xp, a, p) => call(xp, 'fft.rfftn', a.x, opts(p, 's', 'axes', 'norm')), [trial({ x: f64([4, 6]) }, { s: null, axes: null, norm: 'backward' })]),
  ft('irfftn', 'np.fft.irfftn(x, s=s, axes=axes, norm=norm)', (xp, a, p) => call(xp, 'fft.irfftn', a.x, opts(p, 's', 'axes', 'norm')), [trial({ x: c128([4, 4]) }, { s: [4, 6], axes: null, norm: 'backward' })]),
  ft('hfft', 'np.fft.hfft(x, n=n, norm=norm)', (xp, a, p) => call(xp, 'fft.hfft', a.x, opts(p, 'n', 'norm')), [trial({ x: c128([5]) }, { n: null, norm: 'backward' }), trial({ x: c128([4]) }, { n: 7, norm: 'ortho' })]),
  ft('ihfft', 'np.fft.ihfft(x, n=n, norm=norm)', (xp, a, p) => call(xp, 'fft.ihfft', a.x, opts(p, 'n', 'norm')), [trial({ x: f64([8]) }, { n: null, norm: 'backward' })]),
  ft('fftfreq', 'np.fft.fftfreq(n, d=d)', (xp, _a, p) => call(xp, 'fft.fftfreq', p.n, { d: p.d }), [trial({}, { n: 8, d: 1 }), trial({}, { n: 7, d: 0.1 })]),
  ft('rfftfreq', 'np.fft.rfftfreq(n, d=d)', (xp, _a, p) => call(xp, 'fft.rfftfreq', p.n, { d: p.d }), [trial({}, { n: 8, d: 1 }), trial({}, { n: 7, d: 0.5 })]),
  ft('fftshift', 'np.fft.fftshift(x, axes=axes)', (xp, a, p) => call(xp, 'fft.fftshift', a.x, opts(p, 'axes')), [trial({ x: f64([7]) }, { axes: null }), trial({ x: one('int32', [3, 4]) }, { axes: [1] })]),
  ft('ifftshift', 'np.fft.ifftshift(x, axes=axes)', (xp, a, p) => call(xp, 'fft.ifftshift', a.x, opts(p, 'axes')), [trial({ x: f64([7]) }, { axes: null }), trial({ x: one('int32', [3, 4]) }, { axes: [0] })]),
];
