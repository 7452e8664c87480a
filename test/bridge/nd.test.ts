/**
 * `nd`: fast where fast supports the call, NumPy otherwise, fast arrays out either way; large BLAS/LAPACK
 * work on float and complex arrays goes to NumPy (the BLAS/LAPACK rule), small work stays on fast.
 */
import { afterEach, expect, it } from 'vitest';
import { ValueError } from '../../src/common/errors.js';
import * as compat from '../../src/compat/index.js';
import { FastArray } from '../../src/fast/array.js';
import * as fast from '../../src/fast/index.js';
import { toNumpy } from '../../src/bridge/asarray.js';
import { liveImports } from '../../src/bridge/lifetime.js';
import { configureDispatch, dispatchCounts, lastDispatch, nd, onDispatch, type NdObject } from '../../src/bridge/nd.js';
import { clearResultPool, poolStats } from '../../src/bridge/result-pool.js';
import { describeCompat } from '../compat/support.js';

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Collect garbage and let finalizers run (they need turns of the event loop). */
async function settle(): Promise<void> {
  for (let k = 0; k < 3; k++) {
    gc();
    await new Promise((r) => setTimeout(r, 0));
  }
}

/** A deterministic float matrix with a dominant diagonal (well conditioned), as fast arrays. */
function matrix(n: number, m = n, dtype: 'float64' | 'float32' | 'complex128' = 'float64', seed = 1): FastArray {
  const a = fast.sin(fast.arange(n * m).astype('float64').mul(seed * 0.37)).reshape([n, m]);
  const d = n === m ? a.add(fast.eye(n).mul(n)) : a;
  return (dtype === 'complex128' ? d.add(d.mul(fast.asarray({ re: 0, im: 0.5 }))) : d.astype(dtype)).copy();
}

/** Largest |a - b| relative to the largest |b|. */
function relErr(a: FastArray, b: FastArray): number {
  const diff = fast.max(fast.abs(a.sub(b))).get() as number;
  const scale = fast.max(fast.abs(b)).get() as number;
  return diff / Math.max(scale, 1e-300);
}

function close(a: FastArray, expected: unknown, tol = 1e-12): void {
  const got = a.toArray();
  const flatGot = (Array.isArray(got) ? got.flat(Infinity) : [got]) as unknown[];
  const isPairList = Array.isArray(expected) && Array.isArray(expected[0]) && typeof got === 'object' && Array.isArray(got) && typeof got[0] === 'object' && got[0] !== null && !Array.isArray(got[0]);
  const flatExp = (isPairList ? expected : Array.isArray(expected) ? expected.flat(Infinity) : [expected]) as unknown[];
  expect(flatGot.length).toBe(flatExp.length);
  flatGot.forEach((g, i) => {
    const e = flatExp[i];
    if (typeof g === 'object' && g !== null) {
      // complex: expected values come as [re, im] pairs
      const [re, im] = (Array.isArray(e) ? e : [e, 0]) as number[];
      expect((g as { re: number }).re).toBeCloseTo(re, 10);
      expect((g as { im: number }).im).toBeCloseTo(im, 10);
    } else expect(Math.abs((g as number) - (e as number))).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(e as number)));
  });
}

describeCompat('nd dispatch', () => {
  it('runs element-wise work on fast', () => {
    const a = fast.arange(6).astype('float64');
    const r = nd.add(a, 1) as FastArray;
    expect(r).toBeInstanceOf(FastArray);
    expect(lastDispatch()).toEqual({ name: 'add', runtime: 'fast' });
    expect(r.toArray()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('routes linalg.svd to NumPy and returns fast arrays', () => {
    const a = fast.asarray([[3, 1, 2], [0, 4, 1], [2, 2, 5]]).astype('float64');
    const [u, s, vt] = nd.linalg.svd(a) as FastArray[];
    expect(lastDispatch()?.runtime).toBe('numpy');
    expect(lastDispatch()?.name).toBe('linalg.svd');
    expect(lastDispatch()?.reason).toMatch(/fast (has no|does not support) linalg\.svd/);
    for (const x of [u, s, vt]) expect(x).toBeInstanceOf(FastArray);
    const expected = compat.evaluate('[x.tolist() for x in np.linalg.svd(np.array([[3,1,2],[0,4,1],[2,2,5]], dtype=float))]') as unknown[];
    close(u, expected[0]);
    close(s, expected[1]);
    close(vt, expected[2]);
  });

  it('fft, convolve and random generators work and return fast arrays', () => {
    const x = fast.linspace(0, 1, 8);
    const spec = nd.fft.rfft(x, { n: 8 }) as FastArray;
    expect(spec.dtype).toBe('complex128');
    close(spec, compat.evaluate('[[z.real, z.imag] for z in np.fft.rfft(np.linspace(0, 1, 8), n=8).tolist()]'));
    const c = nd.convolve(fast.asarray([1, 2, 3]).astype('float64'), fast.asarray([0, 1, 0.5])) as FastArray;
    close(c, compat.evaluate('np.convolve([1., 2., 3.], [0, 1, 0.5]).tolist()'));
    const rng = nd.random.default_rng(0);
    const r = rng.normal({ size: [3, 3] }) as FastArray;
    expect(r).toBeInstanceOf(FastArray);
    expect(r.shape).toEqual([3, 3]);
    close(r, compat.evaluate('np.random.default_rng(0).normal(size=(3, 3)).tolist()'), 0);
  });

  it('accepts NumPy arrays and typed arrays as inputs', () => {
    const x = compat.evaluate('np.arange(4.0)') as compat.CompatArray;
    expect((nd.multiply(x, 2) as FastArray).toArray()).toEqual([0, 2, 4, 6]);
    // np.unwrap is NumPy-only (not in the standard, not in fast): the TypedArray crosses to NumPy
    const u = nd.unwrap(new Float64Array([0, 3, 6.5, 0.2])) as FastArray;
    expect(u).toBeInstanceOf(FastArray);
    expect(u.toArray()).toEqual(compat.evaluate('np.unwrap(np.array([0, 3, 6.5, 0.2])).tolist()'));
    expect(lastDispatch()?.runtime).toBe('numpy');
  });

  it('makes dispatch observable', () => {
    const seen: string[] = [];
    const off = onDispatch((r) => seen.push(`${r.name}:${r.runtime}`));
    dispatchCounts(true);
    nd.subtract(fast.ones([2]), 1);
    nd.linalg.svd(fast.eye(2));
    off();
    nd.subtract(fast.ones([2]), 1);
    expect(seen).toEqual(['subtract:fast', 'linalg.svd:numpy']);
    expect(dispatchCounts()).toEqual({ fast: 2, numpy: 1 });
  });
});

describeCompat('nd with NumPy functions that want real arrays', () => {
  it('passes fast arrays as ndarrays (result_type, take_along_axis, lists of arrays)', () => {
    const a = fast.asarray([[3, 1], [2, 4]]).astype('float64');
    const idx = nd.argsort(a, { axis: 1 }) as FastArray;
    const taken = nd.take_along_axis(a, idx, { axis: 1 }) as FastArray;
    expect(taken.toArray()).toEqual([[1, 3], [2, 4]]);
    expect(nd.result_type(fast.ones([2], { dtype: 'int8' }), fast.ones([2], { dtype: 'uint8' }))).toBeDefined();
    const stacked = nd.vstack([fast.ones([2]), fast.zeros([2])]) as FastArray;
    expect(stacked.toArray()).toEqual([[1, 1], [0, 0]]);
  });

  it('reads NumPy constants fast does not define as numbers', () => {
    expect(nd.euler_gamma).toBeCloseTo(0.5772156649015329, 15);
  });
});

describeCompat('nd BLAS/LAPACK rule: large float work on NumPy, small on fast', () => {
  afterEach(() => {
    configureDispatch({ blas: true, thresholds: { blas: 4096, lapack: 32768 } });
  });

  it('keeps a small matmul on fast, saying why', () => {
    const a = matrix(4);
    const r = nd.matmul(a, a) as FastArray;
    expect(lastDispatch()).toEqual({
      name: 'matmul',
      runtime: 'fast',
      reason: 'matmul of (4, 4) @ (4, 4) float64, 64 multiply-adds, below the BLAS threshold 4096: the FFI round trip would cost more than it saves',
    });
    expect(relErr(r, fast.matmul(a, a))).toBe(0);
  });

  it('sends a large matmul to NumPy without copying and returns a fast array', () => {
    const a = matrix(64);
    const b = matrix(64, 64, 'float64', 2);
    const r = nd.matmul(a, b) as FastArray;
    expect(r).toBeInstanceOf(FastArray);
    expect(lastDispatch()).toEqual({ name: 'matmul', runtime: 'numpy', reason: 'BLAS: matmul of (64, 64) @ (64, 64) float64, 2.6e+5 multiply-adds >= 4096' });
    expect(r.dtype).toBe('float64');
    expect(r.shape).toEqual([64, 64]);
    expect(relErr(r, fast.matmul(a, b))).toBeLessThan(1e-13);
  });

  it('the threshold sits at 16x16x16 multiply-adds, whatever the float dtype', () => {
    for (const dtype of ['float64', 'float32', 'complex128'] as const) {
      nd.matmul(matrix(15, 15, dtype), matrix(15, 15, dtype));
      expect(lastDispatch()?.runtime, dtype).toBe('fast');
      const r = nd.matmul(matrix(16, 16, dtype), matrix(16, 16, dtype)) as FastArray;
      expect(lastDispatch()?.runtime, dtype).toBe('numpy');
      expect(r.dtype).toBe(dtype);
      expect(relErr(r, fast.matmul(matrix(16, 16, dtype), matrix(16, 16, dtype)))).toBeLessThan(dtype === 'float32' ? 1e-5 : 1e-13);
    }
  });

  it('integer and boolean products stay on fast (NumPy has no BLAS for them)', () => {
    const a = fast.ones([64, 64], { dtype: 'int32' });
    expect((nd.matmul(a, a) as FastArray).dtype).toBe('int32');
    expect(lastDispatch()).toEqual({ name: 'matmul', runtime: 'fast' });
  });

  it('scalar results come back as 0-d fast arrays, as fast returns them', () => {
    const v = fast.linspace(0, 1, 5000);
    const d = nd.dot(v, v) as FastArray;
    expect(lastDispatch()?.runtime).toBe('numpy');
    expect(d).toBeInstanceOf(FastArray);
    expect(d.ndim).toBe(0);
    expect(d.dtype).toBe('float64');
    expect(relErr(d, fast.dot(v, v))).toBeLessThan(1e-13);
    const vd = nd.vecdot(fast.ones([3, 2000]), fast.ones([2000])) as FastArray;
    expect(lastDispatch()?.reason).toMatch(/^BLAS: vecdot of \(3, 2000\) \. \(2000,\) float64, 6000 multiply-adds >= 4096$/);
    expect(vd.toArray()).toEqual([2000, 2000, 2000]);
    const det = nd.linalg.det(matrix(40)) as FastArray;
    expect(det.ndim).toBe(0);
    expect(lastDispatch()).toMatchObject({ name: 'linalg.det', runtime: 'numpy' });
  });

  it('tensordot, inner, vdot and the linalg names follow the rule with their arguments', () => {
    const a = matrix(20, 30);
    const b = matrix(30, 40);
    const c = matrix(80, 60);
    const cases: [string, () => unknown, () => FastArray][] = [
      ['tensordot', () => nd.tensordot(a, b, 1), () => fast.tensordot(a, b, 1)],
      ['linalg.tensordot', () => nd.linalg.tensordot(a, b, { axes: 1 }), () => fast.tensordot(a, b, 1)],
      ['inner', () => nd.inner(a, b.T), () => fast.inner(a, b.T)],
      ['vdot', () => nd.vdot(c, c), () => fast.vdot(c, c)],
      ['linalg.matmul', () => nd.linalg.matmul(a, b), () => fast.matmul(a, b)],
      ['linalg.vecdot', () => nd.linalg.vecdot(c, c, { axis: 0 }), () => fast.vecdot(c, c, { axis: 0 })],
    ];
    for (const [name, viaNd, viaFast] of cases) {
      const r = viaNd() as FastArray;
      expect(lastDispatch(), name).toMatchObject({ name, runtime: 'numpy' });
      expect(lastDispatch()?.reason, name).toMatch(/^BLAS: /);
      const e = viaFast();
      expect(r.shape, name).toEqual(e.shape);
      expect(relErr(r, e), name).toBeLessThan(1e-13);
    }
  });

  it('LAPACK: solve, inv and det from 32x32 on go to NumPy; below, fast', () => {
    const small = matrix(31);
    nd.linalg.inv(small);
    expect(lastDispatch()).toMatchObject({ name: 'linalg.inv', runtime: 'fast' });
    expect(lastDispatch()?.reason).toMatch(/below the LAPACK threshold 32768/);
    const a = matrix(48);
    const b = matrix(48, 3, 'float64', 3);
    for (const [name, viaNd, viaFast] of [
      ['linalg.solve', () => nd.linalg.solve(a, b), () => fast.linalg.solve(a, b)],
      ['linalg.inv', () => nd.linalg.inv(a), () => fast.linalg.inv(a)],
      ['linalg.det', () => nd.linalg.det(a), () => fast.linalg.det(a)],
    ] as [string, () => unknown, () => FastArray][]) {
      const r = viaNd() as FastArray;
      expect(lastDispatch(), name).toMatchObject({ name, runtime: 'numpy' });
      expect(lastDispatch()?.reason, name).toMatch(/^LAPACK: .* >= 32768$/);
      expect(relErr(r, viaFast()), name).toBeLessThan(1e-12);
    }
  });

  it('LAPACK on matrices of 10000+ elements runs on NumPy under either engine (OpenBLAS parallel LU)', () => {
    const a = matrix(100);
    const r = nd.linalg.det(a) as FastArray;
    expect(relErr(r, fast.linalg.det(a))).toBeLessThan(1e-10);
    expect(lastDispatch()).toMatchObject({ name: 'linalg.det', runtime: 'numpy' });
  });

  it("when NumPy raises, the call runs on fast and throws fast's typed error", () => {
    const singular = fast.zeros([40, 40]);
    expect(() => nd.linalg.inv(singular)).toThrow(ValueError);
    expect(() => nd.linalg.inv(singular)).toThrow(/Singular matrix/);
  });

  it('configureDispatch turns the rule off and moves the thresholds; it returns the previous setting', () => {
    const a = matrix(64);
    const previous = configureDispatch({ blas: false });
    expect(previous.blas).toBe(true);
    nd.matmul(a, a);
    expect(lastDispatch()).toEqual({ name: 'matmul', runtime: 'fast' });
    configureDispatch({ blas: true, thresholds: { blas: 1 } });
    nd.matmul(matrix(2), matrix(2));
    expect(lastDispatch()).toMatchObject({ name: 'matmul', runtime: 'numpy' });
    configureDispatch({ thresholds: { blas: 1e12 } });
    nd.matmul(a, a);
    expect(lastDispatch()?.runtime).toBe('fast');
  });

  it('observable through onDispatch and dispatchCounts', () => {
    const seen: string[] = [];
    const off = onDispatch((r) => seen.push(`${r.name}:${r.runtime}:${r.reason?.split(' ')[0] ?? '-'}`));
    dispatchCounts(true);
    nd.matmul(matrix(4), matrix(4));
    nd.matmul(matrix(32), matrix(32));
    nd.add(matrix(4), 1);
    off();
    expect(seen).toEqual(['matmul:fast:matmul', 'matmul:numpy:BLAS:', 'add:fast:-']);
    expect(dispatchCounts()).toEqual({ fast: 2, numpy: 1 });
  });
});

describeCompat('nd matmul results reuse NumPy memory only when nothing sees it', () => {
  it('live results keep their values while later products reuse pooled arrays', async () => {
    clearResultPool();
    const a = matrix(128);
    const b = matrix(128, 128, 'float64', 2);
    const expected = fast.matmul(a, b);
    const kept = nd.matmul(a, b) as FastArray;
    const keptView = kept.at('3:9, ::-1');
    for (let i = 0; i < 40; i++) (nd.matmul(a, fast.eye(128)) as FastArray).get(0, 0);
    for (let k = 0; k < 10 && poolStats().arrays === 0; k++) await settle();
    expect(poolStats().arrays).toBeGreaterThan(0);
    for (let i = 0; i < 40; i++) {
      const r = nd.matmul(a, fast.eye(128).mul(2)) as FastArray;
      expect(r.get(5, 7)).toBeCloseTo((a.get(5, 7) as number) * 2, 12);
    }
    expect(relErr(kept, expected)).toBeLessThan(1e-13);
    expect(relErr(keptView, expected.at('3:9, ::-1'))).toBeLessThan(1e-13);
  });

  it('dispose() returns the array to the pool, unless NumPy still sees the memory', () => {
    clearResultPool();
    const a = matrix(128);
    const r = nd.matmul(a, a) as FastArray;
    r.dispose();
    expect(poolStats().arrays).toBe(1);
    const s = nd.matmul(a, fast.eye(128)) as FastArray;
    expect(poolStats().arrays).toBe(0);
    const y = toNumpy(s);
    s.dispose();
    expect(poolStats().arrays).toBe(0);
    for (let i = 0; i < 5; i++) nd.matmul(a, a);
    expect(compat.evaluate('float(y[5, 7])', { y })).toBeCloseTo(a.get(5, 7) as number, 12);
  });

  it('holds one Python resource per result, released by garbage collection', async () => {
    clearResultPool();
    await settle();
    const before = liveImports();
    for (let i = 0; i < 20; i++) nd.matmul(matrix(64), matrix(64));
    expect(liveImports() - before).toBe(20);
    // Finalizers run in later turns; earlier tests' views may be released meanwhile too.
    for (let k = 0; k < 10 && liveImports() > before; k++) await settle();
    expect(liveImports()).toBeLessThanOrEqual(before);
    clearResultPool();
  });
});
