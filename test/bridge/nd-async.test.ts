/**
 * Issue 15: `nd.<path>.async(...)` routes as the sync call does (fast computes synchronously, NumPy runs off
 * the main thread) and always returns a Promise; results equal the sync call's and NumPy's (python3 subprocess).
 */
import { expect, it } from 'vitest';
import { fast } from '../../src/index.js';
import { lastDispatch, nd } from '../../src/bridge/nd.js';
import type { FastArray } from '../../src/fast/array.js';
import { describeCompat, python } from '../compat/support.js';

type AsyncNd = ((...a: unknown[]) => Promise<unknown>) & { with(o: { signal?: AbortSignal }): (...a: unknown[]) => Promise<unknown> };
const asyncOf = (f: unknown): AsyncNd => (f as { async: AsyncNd }).async;

describeCompat('nd .async (issue 15)', () => {
  it('fast route: a Promise of the same result, recorded as fast', async () => {
    const a = fast.arange(12).reshape([3, 4]);
    const p = asyncOf(nd.sum)(a, 0);
    expect(p).toBeInstanceOf(Promise);
    const r = (await p) as FastArray;
    expect(lastDispatch()?.runtime).toBe('fast');
    expect(r.toArray()).toEqual((nd.sum(a, 0) as FastArray).toArray());
    expect(r.toArray()).toEqual(python<number[]>('import numpy as np, json; print(json.dumps(np.arange(12).reshape(3, 4).sum(0).tolist()))').map(BigInt));
  });

  it('NumPy route: linalg.svd off the main thread, fast arrays back with the named fields, equal to NumPy', async () => {
    const m = fast.asarray([[3, 1, 2], [1, 4, 0], [2, 0, 5], [1, 1, 1]], { dtype: 'float64' });
    const r = (await asyncOf(nd.linalg.svd)(m, false)) as FastArray[] & { S: FastArray };
    expect(lastDispatch()).toMatchObject({ name: 'linalg.svd', runtime: 'numpy' });
    expect(r[1]).toBe(r.S);
    const want = python<number[]>('import numpy as np, json; print(json.dumps(np.linalg.svd(np.array([[3,1,2],[1,4,0],[2,0,5],[1,1,1]], dtype=float), False)[1].tolist()))');
    (r.S.toArray() as number[]).forEach((v, i) => expect(v).toBeCloseTo(want[i], 12));
    const sync = nd.linalg.svd(m, false) as unknown as FastArray[];
    expect(r[0].shape).toEqual(sync[0].shape);
  });

  it('wrapped Python objects and methods have .async; keyword objects stay NumPy keywords', async () => {
    const rng = nd.random.default_rng(7);
    const r = (await asyncOf((rng as unknown as { normal: unknown }).normal)({ size: [4] })) as FastArray;
    const want = python<number[]>('import numpy as np, json; print(json.dumps(np.random.default_rng(7).normal(size=[4]).tolist()))');
    (r.toArray() as number[]).forEach((v, i) => expect(v).toBeCloseTo(want[i], 12));
  });

  it('errors reject (never throw synchronously): binding TypeError, fast errors, AbortError', async () => {
    const a = fast.arange(4);
    let thrown: unknown;
    let p: Promise<unknown> | undefined;
    try {
      p = asyncOf(nd.sum)(a, { nokeyword: 1 });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeUndefined();
    await expect(p).rejects.toThrow(TypeError);
    await expect(asyncOf(nd.linalg.inv)(fast.zeros([2, 2]))).rejects.toThrow();
    await expect(asyncOf(nd.linalg.svd).with({ signal: AbortSignal.abort() })(fast.eye(3))).rejects.toMatchObject({ name: 'AbortError' });
    expect(() => asyncOf(nd.sum).with({ sygnal: 1 } as never)).toThrow(/sygnal/);
  });
});
