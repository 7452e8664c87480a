/**
 * det, slogdet, inv, solve, cholesky, qr, matrix_power, svdvals, matrix_rank, pinv, eigvalsh,
 * lstsq and cond against NumPy (LAPACK) at test time. Tolerances: float64 1e-12 relative to the
 * largest entry of the expected result (different but backward-stable algorithms; the test matrices
 * have condition numbers below 1e3), float32 inputs 1e-5 (fast computes in float64, LAPACK in
 * float32). QR is compared element by element, signs included: fast uses LAPACK's reflector
 * convention. Integer matrix powers are exact.
 */
import { describe, expect, it } from 'vitest';
import type { DTypeName } from '../../common/dtypes.js';
import { DTypeError, NotSupportedError, ShapeError, ValueError } from '../../common/errors.js';
import type { FastArray } from '../array.js';
import { asarray, eye } from '../creation/creation.js';
import { numpyEval } from '../testing/numpy-oracle.js';
import { cholesky, cond, det, eigvalsh, inv, lstsq, matrix_power, matrix_rank, pinv, qr, slogdet, solve, svdvals } from './decompositions.js';
import { matmul } from './products.js';
import { build, expectNear, py, type Spec } from './testing.js';

const s = (dtype: DTypeName, shape: number[], seed: number, view?: string): Spec => ({ dtype, shape, seed, view });
/** A well-conditioned (diagonally dominant) stack of n x n matrices: random + n·I. */
const wellPy = (spec: Spec): string => `(${py(spec)} + ${spec.shape[spec.shape.length - 1]} * np.eye(${spec.shape[spec.shape.length - 1]}, dtype='${spec.dtype}'))`;
const well = (spec: Spec): FastArray => {
  const n = spec.shape[spec.shape.length - 1];
  const a = build(spec);
  return a.add(eyeLike(n, spec.dtype).mul(n)).astype(spec.dtype);
};
const eyeLike = (n: number, dtype: DTypeName): FastArray => eye(n, { dtype });
interface Row {
  label: string;
  run: () => FastArray;
  py: string;
  rtol: number;
  dtype?: string;
}

function table(): Row[] {
  const rows: Row[] = [];
  const add = (label: string, run: () => FastArray, expr: string, rtol = 1e-12, dtype?: string): void => {
    rows.push({ label, run, py: expr, rtol, dtype });
  };
  const A = s('float64', [4, 4], 1);
  const SING = `np.array([[1., 2, 3], [2, 4, 6], [1, 0, 1]])`;
  add('det float64', () => det(build(A)), `np.linalg.det(${py(A)})`);
  add('det well-conditioned stack', () => det(well(s('float64', [2, 3, 3], 2))), `np.linalg.det(${wellPy(s('float64', [2, 3, 3], 2))})`);
  add('det float32', () => det(build(s('float32', [4, 4], 3))), `np.linalg.det(${py(s('float32', [4, 4], 3))})`, 1e-5);
  add('det int32 -> float64', () => det(build(s('int32', [3, 3], 4))), `np.linalg.det(${py(s('int32', [3, 3], 4))})`);
  add('det reversed view', () => det(build(s('float64', [6, 3], 5, '::-2, ::-1'))), `np.linalg.det(${py(s('float64', [6, 3], 5, '::-2, ::-1'))})`);
  add('det singular', () => det([[1, 2, 3], [2, 4, 6], [1, 0, 1]]), `np.linalg.det(${SING})`, 0);
  add('det 0x0', () => det(build(s('float64', [0, 0], 6))), `np.linalg.det(np.zeros((0, 0)))`, 0);
  add('slogdet sign', () => slogdet(build(s('float64', [2, 3, 3], 7)))[0], `np.linalg.slogdet(${py(s('float64', [2, 3, 3], 7))})[0]`, 0);
  add('slogdet logabsdet', () => slogdet(build(s('float64', [2, 3, 3], 7))).logabsdet, `np.linalg.slogdet(${py(s('float64', [2, 3, 3], 7))})[1]`);
  add('slogdet singular', () => slogdet([[1, 2, 3], [2, 4, 6], [1, 0, 1]]).logabsdet, `np.linalg.slogdet(${SING})[1]`, 0);
  add('inv', () => inv(well(s('float64', [2, 4, 4], 8))), `np.linalg.inv(${wellPy(s('float64', [2, 4, 4], 8))})`);
  add('inv float32', () => inv(well(s('float32', [3, 3], 9))), `np.linalg.inv(${wellPy(s('float32', [3, 3], 9))})`, 1e-5);
  add('solve matrix rhs', () => solve(well(s('float64', [4, 4], 10)), build(s('float64', [4, 2], 11))), `np.linalg.solve(${wellPy(s('float64', [4, 4], 10))}, ${py(s('float64', [4, 2], 11))})`);
  add('solve vector rhs', () => solve(well(s('float64', [4, 4], 10)), build(s('float64', [4], 12))), `np.linalg.solve(${wellPy(s('float64', [4, 4], 10))}, ${py(s('float64', [4], 12))})`);
  add('solve broadcast batch', () => solve(well(s('float64', [2, 1, 3, 3], 13)), build(s('float64', [4, 3, 2], 14))), `np.linalg.solve(${wellPy(s('float64', [2, 1, 3, 3], 13))}, ${py(s('float64', [4, 3, 2], 14))})`);
  const P = s('float64', [4, 4], 15);
  const pd = (): FastArray => {
    const a = build(P);
    return matmulT(a).add(eyeLike(4, 'float64').mul(4)).astype('float64');
  };
  const pdPy = `(lambda a: a @ a.T + 4 * np.eye(4))(${py(P)})`;
  add('cholesky lower', () => cholesky(pd()), `np.linalg.cholesky(${pdPy})`);
  add('cholesky upper', () => cholesky(pd(), { upper: true }), `np.linalg.cholesky(${pdPy}, upper=True)`);
  add('cholesky reads the lower triangle', () => cholesky(pd().add(triuNoise())), `np.linalg.cholesky(${pdPy} + np.triu(np.full((4, 4), 0.5), 1))`);
  for (const [label, shape, view] of [['tall', [5, 3], undefined], ['wide', [3, 5], undefined], ['square view', [4, 4], '::-1'], ['batch', [2, 4, 3], undefined]] as const) {
    const Q = s('float64', [...shape], 16, view);
    add(`qr reduced Q ${label}`, () => (qr(build(Q)) as { Q: FastArray }).Q, `np.linalg.qr(${py(Q)}).Q`);
    add(`qr reduced R ${label}`, () => (qr(build(Q)) as { R: FastArray }).R, `np.linalg.qr(${py(Q)}).R`);
    add(`qr complete Q ${label}`, () => (qr(build(Q), { mode: 'complete' }) as { Q: FastArray }).Q, `np.linalg.qr(${py(Q)}, mode='complete').Q`);
    add(`qr r ${label}`, () => qr(build(Q), { mode: 'r' }) as FastArray, `np.linalg.qr(${py(Q)}, mode='r')`);
  }
  const M = s('int32', [3, 3], 17);
  for (const n of [0, 1, 2, 3, 5, 6]) add(`matrix_power int32 n=${n}`, () => matrix_power(build(M), n), `np.linalg.matrix_power(${py(M)}, ${n})`, 0);
  add('matrix_power float64 n=-3', () => matrix_power(well(s('float64', [3, 3], 18)), -3), `np.linalg.matrix_power(${wellPy(s('float64', [3, 3], 18))}, -3)`);
  add('matrix_power stack n=7', () => matrix_power(build(s('float64', [2, 3, 3], 19)), 7), `np.linalg.matrix_power(${py(s('float64', [2, 3, 3], 19))}, 7)`);
  for (const [label, shape] of [['tall', [6, 4]], ['wide', [3, 5]], ['batch', [2, 3, 3]], ['empty', [0, 3]]] as const) {
    const S = s('float64', [...shape], 20);
    add(`svdvals ${label}`, () => svdvals(build(S)), `np.linalg.svdvals(${py(S)})`);
    add(`pinv ${label}`, () => pinv(build(S)), `np.linalg.pinv(${py(S)})`, 1e-11);
  }
  add('svdvals float32', () => svdvals(build(s('float32', [4, 3], 21))), `np.linalg.svdvals(${py(s('float32', [4, 3], 21))})`, 1e-5);
  add('pinv rank deficient', () => pinv([[1, 2, 3], [2, 4, 6], [1, 0, 1]]), `np.linalg.pinv(${SING})`, 1e-11);
  add('matrix_rank', () => matrix_rank([[1, 2, 3], [2, 4, 6], [1, 0, 1]]), `np.linalg.matrix_rank(${SING})`, 0);
  add('matrix_rank stack', () => matrix_rank(build(s('float64', [3, 4, 2], 22))), `np.linalg.matrix_rank(${py(s('float64', [3, 4, 2], 22))})`, 0);
  add('matrix_rank 1-d', () => matrix_rank([0, 0, 1]), `np.linalg.matrix_rank(np.array([0, 0, 1]))`, 0);
  add('eigvalsh', () => eigvalsh(pd()), `np.linalg.eigvalsh(${pdPy})`);
  add('eigvalsh stack, indefinite', () => eigvalsh(build(s('float64', [2, 5, 5], 23))), `np.linalg.eigvalsh(${py(s('float64', [2, 5, 5], 23))})`);
  add('eigvalsh UPLO=U', () => eigvalsh(build(s('float64', [4, 4], 24)), { UPLO: 'U' }), `np.linalg.eigvalsh(${py(s('float64', [4, 4], 24))}, UPLO='U')`);
  add('lstsq x', () => lstsq(build(s('float64', [6, 3], 25)), build(s('float64', [6], 26))).x, `np.linalg.lstsq(${py(s('float64', [6, 3], 25))}, ${py(s('float64', [6], 26))}, rcond=None)[0]`, 1e-11);
  add('lstsq residuals', () => lstsq(build(s('float64', [6, 3], 25)), build(s('float64', [6, 2], 27)))[1], `np.linalg.lstsq(${py(s('float64', [6, 3], 25))}, ${py(s('float64', [6, 2], 27))}, rcond=None)[1]`, 1e-11);
  add('lstsq s', () => lstsq(build(s('float64', [6, 3], 25)), build(s('float64', [6], 26))).s, `np.linalg.lstsq(${py(s('float64', [6, 3], 25))}, ${py(s('float64', [6], 26))}, rcond=None)[3]`);
  add('lstsq rank deficient', () => lstsq([[1, 2, 3], [2, 4, 6], [1, 0, 1]], [1, 2, 3]).x, `np.linalg.lstsq(${SING}, np.array([1., 2, 3]), rcond=None)[0]`, 1e-11);
  const CA = s('complex128', [2, 3, 3], 40);
  add('det complex128 stack', () => det(build(CA)), `np.linalg.det(${py(CA)})`);
  add('det complex64', () => det(build(s('complex64', [3, 3], 41))), `np.linalg.det(${py(s('complex64', [3, 3], 41))})`, 1e-5);
  add('slogdet complex sign', () => slogdet(build(CA)).sign, `np.linalg.slogdet(${py(CA)})[0]`);
  add('slogdet complex logabsdet', () => slogdet(build(CA)).logabsdet, `np.linalg.slogdet(${py(CA)})[1]`);
  add('inv complex', () => inv(well(s('complex128', [3, 3], 42))), `np.linalg.inv(${wellPy(s('complex128', [3, 3], 42))})`);
  add('solve complex', () => solve(well(s('complex128', [3, 3], 43)), build(s('complex128', [3, 2], 44))), `np.linalg.solve(${wellPy(s('complex128', [3, 3], 43))}, ${py(s('complex128', [3, 2], 44))})`);
  add('solve real matrix, complex rhs, batch', () => solve(well(s('float64', [2, 3, 3], 45)), build(s('complex128', [3], 46))), `np.linalg.solve(${wellPy(s('float64', [2, 3, 3], 45))}, ${py(s('complex128', [3], 46))})`);
  add('solve complex matrix, real rhs view', () => solve(well(s('complex128', [3, 3], 47)), build(s('float64', [6, 2], 48, '::2'))), `np.linalg.solve(${wellPy(s('complex128', [3, 3], 47))}, ${py(s('float64', [6, 2], 48, '::2'))})`);
  add('cond', () => cond(pd()), `np.linalg.cond(${pdPy})`, 1e-11);
  complexRows(add);
  arrayTolRows(add);
  return rows;
}

type Add = (label: string, run: () => FastArray, expr: string, rtol?: number, dtype?: string) => void;

/**
 * Complex input: cholesky, qr (element by element: LAPACK's phases), svdvals, pinv, matrix_rank,
 * eigvalsh, cond, for complex128 (1e-12 of the largest entry) and complex64 (1e-5).
 */
function complexRows(add: Add): void {
  for (const [dtype, tol] of [['complex128', 1e-12], ['complex64', 1e-5]] as const) {
    const H = s(dtype, [2, 4, 4], 50);
    // Hermitian positive definite: A·Aᴴ + 4·I
    const hpd = (): FastArray => matmul(build(H), build(H).mT.conj()).add(eye(4, { dtype }).mul(4)).astype(dtype);
    const hpdPy = `(lambda a: (a @ a.conj().swapaxes(-1, -2) + 4 * np.eye(4)).astype('${dtype}'))(${py(H)})`;
    add(`cholesky ${dtype}`, () => cholesky(hpd()), `np.linalg.cholesky(${hpdPy})`, tol);
    add(`cholesky ${dtype} upper`, () => cholesky(hpd(), { upper: true }), `np.linalg.cholesky(${hpdPy}, upper=True)`, tol);
    // the other triangle and the diagonal's imaginary part are not read
    const noise = `np.triu(np.full((4, 4), 0.5 - 0.25j), 1).astype('${dtype}')`;
    const noiseF = (): FastArray => asarray([0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (j > i ? { re: 0.5, im: -0.25 } : { re: 0, im: 0 }))), { dtype });
    add(`cholesky ${dtype} reads the lower triangle`, () => cholesky(hpd().add(noiseF())), `np.linalg.cholesky(${hpdPy} + ${noise})`, tol);
    add(`cholesky ${dtype} upper reads the upper triangle`, () => cholesky(hpd().add(noiseF().mT), { upper: true }), `np.linalg.cholesky(${hpdPy} + ${noise}.T, upper=True)`, tol);
    for (const [label, shape, view] of [['tall', [5, 3], undefined], ['wide', [3, 5], undefined], ['square view', [4, 4], '::-1, ::2'], ['batch', [2, 4, 3], undefined]] as const) {
      const Q = s(dtype, [...shape], 51, view);
      add(`qr ${dtype} reduced Q ${label}`, () => (qr(build(Q)) as { Q: FastArray }).Q, `np.linalg.qr(${py(Q)}).Q`, tol);
      add(`qr ${dtype} reduced R ${label}`, () => (qr(build(Q)) as { R: FastArray }).R, `np.linalg.qr(${py(Q)}).R`, tol);
      add(`qr ${dtype} complete Q ${label}`, () => (qr(build(Q), { mode: 'complete' }) as { Q: FastArray }).Q, `np.linalg.qr(${py(Q)}, mode='complete').Q`, tol);
      add(`qr ${dtype} r ${label}`, () => qr(build(Q), { mode: 'r' }) as FastArray, `np.linalg.qr(${py(Q)}, mode='r')`, tol);
    }
    for (const [label, shape] of [['tall', [6, 4]], ['wide', [3, 5]], ['batch', [2, 3, 3]], ['empty', [0, 3]]] as const) {
      const S = s(dtype, [...shape], 52);
      add(`svdvals ${dtype} ${label}`, () => svdvals(build(S)), `np.linalg.svdvals(${py(S)})`, tol);
      add(`pinv ${dtype} ${label}`, () => pinv(build(S)), `np.linalg.pinv(${py(S)})`, tol * 10);
    }
    // rank 2 of 3: the third row is 1j·row 0 + row 1
    const RD = `(lambda a: np.concatenate([a, (1j * a[0] + a[1])[None]]).astype('${dtype}'))(${py(s(dtype, [2, 3], 53))})`;
    const rd = (): FastArray => {
      const a = build(s(dtype, [2, 3], 53));
      return asarray([a.at(0), a.at(1), a.at(0).mul({ re: 0, im: 1 }).add(a.at(1))].map((r) => r.toArray()) as never, { dtype });
    };
    add(`pinv ${dtype} rank deficient`, () => pinv(rd()), `np.linalg.pinv(${RD})`, tol * 10);
    add(`matrix_rank ${dtype} rank deficient`, () => matrix_rank(rd()), `np.linalg.matrix_rank(${RD})`, 0);
    add(`matrix_rank ${dtype} stack`, () => matrix_rank(build(s(dtype, [3, 4, 2], 54))), `np.linalg.matrix_rank(${py(s(dtype, [3, 4, 2], 54))})`, 0);
    const E = s(dtype, [2, 5, 5], 55);
    add(`eigvalsh ${dtype} (indefinite, the upper triangle and diagonal imaginary parts ignored)`, () => eigvalsh(build(E)), `np.linalg.eigvalsh(${py(E)})`, tol);
    add(`eigvalsh ${dtype} UPLO=U`, () => eigvalsh(build(E), { UPLO: 'U' }), `np.linalg.eigvalsh(${py(E)}, UPLO='U')`, tol);
    add(`eigvalsh ${dtype} positive definite`, () => eigvalsh(hpd()), `np.linalg.eigvalsh(${hpdPy})`, tol);
    add(`cond ${dtype}`, () => cond(hpd()), `np.linalg.cond(${hpdPy})`, tol * 10);
  }
}

/** pinv and matrix_rank with an array rtol (or tol): one per matrix, broadcast with the batch shape. */
function arrayTolRows(add: Add): void {
  // singular values of these matrices are spread: a per-matrix rtol changes the counts
  const A = s('float64', [3, 4, 4], 60);
  const graded = (): FastArray => build(A).mul(asarray([1, 1e-3, 1e-6, 1e-9]));
  const gradedPy = `(${py(A)} * np.array([1, 1e-3, 1e-6, 1e-9]))`;
  const rt = [1e-2, 1e-5, 1e-8];
  add('matrix_rank array rtol per matrix', () => matrix_rank(graded(), { rtol: asarray(rt) }), `np.linalg.matrix_rank(${gradedPy}, rtol=np.array(${JSON.stringify(rt)}))`, 0);
  add('matrix_rank array rtol broadcast (2, 1) with batch (3,)', () => matrix_rank(graded(), { rtol: asarray([[1e-2], [1e-7]]) }), `np.linalg.matrix_rank(${gradedPy}, rtol=np.array([[1e-2], [1e-7]]))`, 0);
  add('matrix_rank array tol', () => matrix_rank(graded(), { tol: asarray([1e-1, 1e-4, 1e-12]) }), `np.linalg.matrix_rank(${gradedPy}, tol=np.array([1e-1, 1e-4, 1e-12]))`, 0);
  add('matrix_rank 0-d array rtol', () => matrix_rank(graded(), { rtol: asarray(1e-4) }), `np.linalg.matrix_rank(${gradedPy}, rtol=np.array(1e-4))`, 0);
  add('pinv array rtol per matrix', () => pinv(graded(), { rtol: asarray(rt) }), `np.linalg.pinv(${gradedPy}, rtol=np.array(${JSON.stringify(rt)}))`, 1e-9);
  add('pinv array rtol (3, 1, 1)-batch broadcast', () => pinv(build(s('float64', [3, 2, 4, 4], 61)).mul(asarray([1, 1e-3, 1e-6, 1e-9])), { rtol: asarray([[1e-2], [1e-5], [1e-8]]) }), `np.linalg.pinv(${py(s('float64', [3, 2, 4, 4], 61))} * np.array([1, 1e-3, 1e-6, 1e-9]), rtol=np.array([[1e-2], [1e-5], [1e-8]]))`, 1e-9);
  add('pinv rtol=None (max(m, n)·eps)', () => pinv(graded(), { rtol: null }), `np.linalg.pinv(${gradedPy}, rtol=None)`, 1e-9);
}

const matmulT = (a: FastArray): FastArray => matmul(a, a.mT);
/** 0.5 above the diagonal of a 4 x 4 matrix (cholesky must ignore it) */
const triuNoise = (): FastArray => asarray([0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (j > i ? 0.5 : 0))));

describe('decompositions against NumPy', () => {
  const rows = table();
  const expected = numpyEval(Object.fromEntries(rows.map((r) => [r.label, r.py])));
  for (const r of rows) {
    it(r.label, () => {
      const exp = expected[r.label];
      let scale = 1;
      if (exp && 'data' in exp && r.rtol > 0) {
        scale = Math.max(1, ...exp.data.flat().map((v) => Math.abs(Number(v))).filter(Number.isFinite));
      }
      expectNear(r.run(), exp, r.label, { rtol: r.rtol, atol: r.rtol * scale, dtype: r.dtype });
    });
  }
});

describe('decompositions: bad input and unsupported corners', () => {
  it('singular and indefinite matrices raise ValueError (NumPy: LinAlgError)', () => {
    expect(() => inv([[1, 2], [2, 4]])).toThrow(/Singular matrix/);
    expect(() => solve([[1, 2], [2, 4]], [1, 1])).toThrow(ValueError);
    expect(() => cholesky([[1, 2], [2, 1]])).toThrow(/not positive definite/);
  });
  it('non-square and low-dimensional input', () => {
    expect(() => det(build(s('float64', [2, 3], 1)))).toThrow(/square/);
    expect(() => inv([1, 2])).toThrow(ValueError);
    expect(() => solve(build(s('float64', [3, 3], 1)), build(s('float64', [4], 2)))).toThrow(ShapeError);
  });
  it('complex right-hand sides of lstsq and qr mode raw are NotSupported, naming the corner', () => {
    expect(() => lstsq(build(s('complex128', [3, 2], 1)), [1, 2, 3])).toThrow(NotSupportedError);
    expect(() => qr(build(s('float64', [2, 2], 1)), { mode: 'raw' })).toThrow(NotSupportedError);
  });
  it('complex matrices that are not positive definite, or hold NaN', () => {
    expect(() => cholesky(asarray([[{ re: 1, im: 0 }, { re: 0, im: 2 }], [{ re: 0, im: -2 }, { re: 1, im: 0 }]]))).toThrow(/not positive definite/);
    expect(() => svdvals(asarray([[{ re: 1, im: NaN }]]))).toThrow(/infs or NaNs/);
  });
  it('array tolerances: both set, or not broadcastable to the batch', () => {
    const a = build(s('float64', [3, 2, 2], 1));
    expect(() => matrix_rank(a, { rtol: 1e-3, tol: 1e-3 })).toThrow(ValueError);
    expect(() => pinv(a, { rtol: 1e-3, rcond: 1e-3 })).toThrow(ValueError);
    expect(() => matrix_rank(a, { rtol: asarray([1, 2]) })).toThrow(ShapeError);
    expect(() => pinv(a, { rtol: asarray([[1], [2]]) })).toThrow(ValueError);
    expect(() => pinv(a, { rtol: asarray([1, 2]) })).toThrow(ShapeError);
  });
  it('integer matrices to negative powers', () => {
    expect(() => matrix_power(build(s('int32', [2, 2], 1)), -1)).toThrow(DTypeError);
  });
});

describe('decompositions of matrices near overflow and underflow', () => {
  // sums of squares of these entries overflow (or underflow) in float64: the kernels scale first
  const cases = {
    big: [[1e300, 3e299], [-2e299, 5e298]],
    tiny: [[1e-300, 3e-310], [-2e-305, 5e-301]],
    huge3: [[5e307, -3e307, 2], [3, 1e307, -4e307], [0, 1e200, 2e307]],
  };
  const fns = ['svdvals', 'eigvalsh', 'pinv'] as const;
  const exprs: Record<string, string> = {};
  for (const [k, v] of Object.entries(cases)) for (const f of fns) exprs[`${f} ${k}`] = `np.linalg.${f}(np.array(${JSON.stringify(v)}, dtype=np.float64))`;
  const expected = numpyEval(exprs);
  for (const [k, v] of Object.entries(cases)) {
    for (const f of fns) {
      it(`${f} ${k}`, () => {
        const a = asarray(v, { dtype: 'float64' });
        const got = { svdvals, eigvalsh, pinv }[f](a);
        const exp = expected[`${f} ${k}`];
        if (!('data' in exp)) throw new Error(`NumPy raised ${JSON.stringify(exp)}`);
        // relative to the largest expected magnitude (tiny values must not pass by an absolute tolerance)
        const scale = Math.max(...exp.data.map((x) => Math.abs(Number(x))));
        expectNear(got, exp, `${f} ${k}`, { rtol: 1e-12, atol: 1e-12 * scale });
        expect(scale).toBeGreaterThan(0);
      });
    }
  }
});
