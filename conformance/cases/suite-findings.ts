/**
 * Corners the official Array API test suite (data-apis/array-api-tests, 2024.12) finds failing where
 * NumPy passes (issue 11, item 7), and nd's promise that a result does not depend on its route (item 5):
 * named-tuple fields and NumPy scalars as 0-d arrays. Written from the list, not copied from the
 * suite's tests.
 */
import type { NdArray } from '../../src/common/ndarray.js';
import type { Case } from '../case.js';
import type { InputSpec } from '../inputs.js';
import { dtypeName } from '../values.js';
import { attr, call, items, type Namespace } from '../xp.js';
import { kase, one, trial } from './helpers.js';
import { NotSupportedError } from '../../src/common/errors.js';

/** Corners of behaviours nd adds over NumPy: plain compat, which hands back what NumPy returns, refuses them by name. */
function ndOnly(runtime: string, corner: string, why: string): void {
  // plain Python runtimes (compat, namespaces such as dask.array); fast and nd have these behaviours
  if (runtime !== 'fast' && runtime !== 'nd') throw new NotSupportedError(corner, why);
}

const LOOSE = { rtol: 1e-9, atol: 1e-9 };
const HERMITIAN = one('complex128', [2, 2], { values: [{ re: 4, im: 0 }, { re: 1, im: 1 }, { re: 1, im: -1 }, { re: 3, im: 0 }] });
const cplx = (shape: number[]): InputSpec => one('complex128', shape, { domain: 'noedge' });
const NEAR_SINGULAR_STACK = one('float64', [2, 3, 3], { values: [1, 0, 0, 0, 1, 0, 0, 0, 1e-3, 1, 0, 0, 0, 1, 0, 0, 0, 1e-3] });
const SPD = one('float64', [3, 3], { values: [4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2] });

/** ndim and dtype of a result as NumPy reports them; a JS number has neither. */
function ndimDtype(r: unknown): unknown[] {
  if (typeof r === 'object' && r !== null && typeof (r as { ndim?: unknown }).ndim === 'number') return [(r as NdArray).ndim, dtypeName((r as NdArray).dtype)];
  return [`a JS ${typeof r}, not an array`, 'none'];
}

const abs = (x: unknown) => (x as NdArray).abs();

export const SUITE_FINDING_CASES: readonly Case[] = [
  kase('indexing.bool-scalar', '[x[t], x[f]]', (_xp, a) => [a.x.at(a.t), a.x.at(a.f)], [
    trial({ x: one('float64', [2, 3]), t: one('bool', [], { values: [true] }), f: one('bool', [], { values: [false] }) }),
  ]),
  kase('indexing.zero-d-with-bool-scalar', '[x[t], x[f]]', (_xp, a) => [a.x.at(a.t), a.x.at(a.f)], [
    trial({ x: one('float64', [], { values: [2.5] }), t: one('bool', [], { values: [true] }), f: one('bool', [], { values: [false] }) }),
  ]),
  kase('linalg.complex-input.cholesky', 'np.linalg.cholesky(x)', (xp, a) => call(xp, 'linalg.cholesky', a.x), [trial({ x: HERMITIAN })], { tol: LOOSE }),
  kase('linalg.complex-input.qr', '(lambda r: [np.abs(r.R), r.Q @ r.R])(np.linalg.qr(x))', (xp, a) => {
    const [q, r] = items(call(xp, 'linalg.qr', a.x), ['Q', 'R']) as NdArray[];
    return [r.abs(), call(xp, 'matmul', q, r)];
  }, [trial({ x: cplx([3, 2]) })], { tol: LOOSE }),
  kase('linalg.complex-input.svdvals', 'np.linalg.svdvals(x)', (xp, a) => call(xp, 'linalg.svdvals', a.x), [trial({ x: cplx([3, 2]) })], { tol: LOOSE }),
  kase('linalg.complex-input.pinv', 'np.linalg.pinv(x)', (xp, a) => call(xp, 'linalg.pinv', a.x), [trial({ x: cplx([3, 2]) })], { tol: LOOSE }),
  kase('linalg.complex-input.matrix_rank', 'np.linalg.matrix_rank(x)', (xp, a) => call(xp, 'linalg.matrix_rank', a.x), [trial({ x: cplx([3, 2]) })], { defaultInt: true }),
  kase('linalg.complex-input.eigvalsh', 'np.linalg.eigvalsh(x)', (xp, a) => call(xp, 'linalg.eigvalsh', a.x), [trial({ x: HERMITIAN })], { tol: LOOSE }),
  kase('linalg.complex-input.matrix_norm', "[np.linalg.matrix_norm(x, ord=2), np.linalg.matrix_norm(x, ord=-2), np.linalg.matrix_norm(x, ord='nuc')]", (xp, a) =>
    [2, -2, 'nuc'].map((ord) => call(xp, 'linalg.matrix_norm', a.x, { ord })), [trial({ x: cplx([3, 3]) })], { tol: LOOSE }),
  kase('linalg.rtol-array.pinv', 'np.linalg.pinv(x, rtol=r)', (xp, a) => call(xp, 'linalg.pinv', a.x, { rtol: a.r }), [trial({ x: NEAR_SINGULAR_STACK, r: one('float64', [2], { values: [0.01, 1e-10] }) })], { tol: LOOSE }),
  kase('linalg.rtol-array.matrix_rank', 'np.linalg.matrix_rank(x, rtol=r)', (xp, a) => call(xp, 'linalg.matrix_rank', a.x, { rtol: a.r }), [trial({ x: NEAR_SINGULAR_STACK, r: one('float64', [2], { values: [0.01, 1e-10] }) })], { defaultInt: true }),
  kase('manipulation.expand_dims-out-of-range', 'np.expand_dims(x, axis=ax)', (xp, a, p) => call(xp, 'expand_dims', a.x, { axis: p.ax }), [
    trial({ x: one('float64', [2]) }, { ax: 3 }),
    trial({ x: one('float64', [2, 2]) }, { ax: -4 }),
  ], { expectError: true }),
  kase('creation.asarray-nested-0d', 'np.asarray([[np.asarray(1.5), np.asarray(2.0)], [np.asarray(-1.0), np.asarray(0.5)]])', (xp) => {
    const z = (v: number) => call(xp, 'asarray', v);
    return call(xp, 'asarray', [[z(1.5), z(2)], [z(-1), z(0.5)]]);
  }, [trial({})]),
  kase('creation.bigint-arguments', '[np.eye(3, k=1), np.full(2, 7.5), np.arange(5), np.eye(1, k=2**53)]', (xp) => [
    call(xp, 'eye', 3, { k: 1n }),
    call(xp, 'full', 2n, 7.5),
    call(xp, 'arange', 5n),
    call(xp, 'eye', 1, { k: 2n ** 53n }),
  ], [trial({})], { defaultInt: true }),
  kase(
    'bridge.nd.named-tuple-fields',
    '(lambda s, q, e: [np.abs(s.U), s.S, np.abs(s.Vh), np.abs(q.R), e.eigenvalues])(np.linalg.svd(x, full_matrices=False), np.linalg.qr(x), np.linalg.eigh(h))',
    (xp: Namespace, a, _p, ctx) => {
      ndOnly(ctx.runtime, 'bridge.nd.named-tuple-fields', "plain compat hands back NumPy's named tuples as tuples; nd adds their fields");
      const s = call(xp, 'linalg.svd', a.x, { full_matrices: false });
      const q = call(xp, 'linalg.qr', a.x);
      const e = call(xp, 'linalg.eigh', a.h);
      return [abs(attr(s, 'U')), attr(s, 'S'), abs(attr(s, 'Vh')), abs(attr(q, 'R')), attr(e, 'eigenvalues')];
    },
    [trial({ x: one('float64', [4, 3], { domain: 'noedge' }), h: SPD })],
    { tol: LOOSE },
  ),
  kase(
    'bridge.nd.scalar-as-0d',
    '[[np.ndim(r), str(np.asarray(r).dtype)] for r in (np.nanmedian(x), np.trapezoid(x), np.linalg.cond(s))]',
    (xp, a, _p, ctx) => {
      ndOnly(ctx.runtime, 'bridge.nd.scalar-as-0d', "plain compat hands back NumPy's scalars as JS numbers; nd returns 0-d arrays");
      return [call(xp, 'nanmedian', a.x), call(xp, 'trapezoid', a.x), call(xp, 'linalg.cond', a.s)].map(ndimDtype);
    },
    [trial({ x: one('float64', [7], { domain: 'noedge' }), s: SPD })],
  ),
];
