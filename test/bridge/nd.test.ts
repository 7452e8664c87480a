/**
 * `nd`: fast where fast supports the call, NumPy otherwise, fast arrays out either way.
 */
import { expect, it } from 'vitest';
import * as compat from '../../src/compat/index.js';
import { FastArray } from '../../src/fast/array.js';
import * as fast from '../../src/fast/index.js';
import { dispatchCounts, lastDispatch, nd, onDispatch, type NdObject } from '../../src/bridge/nd.js';
import { describeCompat } from '../compat/support.js';

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
    const rng = nd.random.default_rng(0) as NdObject;
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
