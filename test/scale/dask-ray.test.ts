/**
 * Beyond one machine (issue 17): compat.namespace('dask.array', { scheduler: 'ray' }) on a local Ray
 * instance, fast arrays in and out, NumPy (the embedded one, on the same data) as the oracle.
 *
 * Needs the scale extras (`npm run setup:scale`, then NDBRIDGE_PYTHON=.venv-scale/bin/python; `npm run
 * test:scale` does both). Without them these tests skip loudly, and the one that checks the refusal runs
 * instead; NDBRIDGE_REQUIRE_SCALE=1 (test:scale, CI) makes a missing extra a failure.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asarray, toNumpy } from '../../src/bridge/index.js';
import { CompatUnavailableError, CopyRequiredError } from '../../src/common/errors.js';
import * as compat from '../../src/compat/index.js';
import * as fast from '../../src/fast/index.js';
import { COMPAT_PROBLEM } from '../compat/support.js';

const root = join(import.meta.dirname, '..', '..');

function scaleProblem(): string | null {
  if (COMPAT_PROBLEM) return COMPAT_PROBLEM;
  try {
    compat.import('dask.array');
    compat.import('ray');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message.split('\n')[0]! : String(err);
  }
}

const SCALE_PROBLEM = scaleProblem();
if (SCALE_PROBLEM !== null) {
  if (process.env.NDBRIDGE_REQUIRE_SCALE === '1') throw new Error(`scale tests are required (NDBRIDGE_REQUIRE_SCALE=1) but: ${SCALE_PROBLEM}`);
  console.warn(`\n*** SKIPPING scale tests (Dask on Ray): ${SCALE_PROBLEM}\n*** Run npm run test:scale (it needs npm run setup:scale first).\n`);
}

describe.skipIf(COMPAT_PROBLEM !== null || SCALE_PROBLEM === null)('without the scale extras', () => {
  it('compat.namespace refuses with a CompatUnavailableError naming the module and the set-up', () => {
    let err: unknown;
    try {
      compat.namespace('dask.array', { scheduler: 'ray' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CompatUnavailableError);
    expect((err as Error).message).toMatch(/'dask\.array'|'dask'/);
    expect((err as Error).message).toContain('npm run setup:scale');
  });
});

describe.skipIf(COMPAT_PROBLEM !== null)('compat.namespace: arguments', () => {
  it('refuses unknown options, bad names and Ray options without Ray, naming them', () => {
    expect(() => compat.namespace('numpy', { schedular: 'ray' } as never)).toThrow(/schedular/);
    expect(() => compat.namespace('not a module')).toThrow(TypeError);
    expect(() => compat.namespace('numpy', { scheduler: 'ray' })).toThrow(/namespaces of Dask arrays/);
    expect(() => compat.namespace('dask.array', { address: 'ray://h:10001' })).toThrow(/scheduler: 'ray'/);
    expect(() => compat.namespace('numpy', { scheduler: 'gpu' as never })).toThrow(/scheduler/);
  });

  it('numpy as a namespace: NumPy arrays as CompatArrays, the same values as compat.numpy()', () => {
    const xp = compat.namespace('numpy');
    const a = xp.asarray([[1, 2], [3, 4]], { dtype: 'float64' });
    expect(a).toBeInstanceOf(compat.CompatArray);
    expect(xp.sum(a, { axis: 0 }).toArray()).toEqual([4, 6]);
    expect(xp.__name__).toBe('numpy');
  });
});

describe.skipIf(SCALE_PROBLEM !== null)('Dask on a local Ray cluster', () => {
  afterAll(() => compat.shutdownRay());

  it('a chunked computation larger than one chunk equals NumPy, fast arrays in and out', () => {
    const da = compat.namespace('dask.array', { scheduler: 'ray', numCpus: 2 });
    expect(da.ray?.local).toBe(true);
    expect(da.ray?.resources.CPU).toBe(2);
    const np = compat.numpy();
    // 600x400 float64 values that are not all alike, in 16 chunks of 150x100
    const f = fast.sin(fast.arange(0, 240_000, 1, { dtype: 'float64' }).mul(0.001)).reshape([600, 400]);
    const x = da.asarray(f, { chunks: [150, 100] });
    expect(x.shape).toEqual([600, 400]);
    expect(String(x)).toMatch(/^dask\.array</);
    expect(compat.evaluate('x.numblocks', { x })).toEqual([4, 4]);
    const y = x.mul(2).add(1).sum({ axis: 0 }); // lazy: a Dask graph
    expect(String(y)).toMatch(/^dask\.array</);
    const got = asarray(y); // computed on Ray, back as a fast array
    expect(got).toBeInstanceOf(fast.FastArray);
    const ref = np.sum(np.add(np.multiply(toNumpy(f), 2), 1), { axis: 0 });
    expect(np.allclose(toNumpy(got), ref, { rtol: 1e-12, atol: 0 })).toBe(true);
    const m = x.mean();
    expect(Number(m.get())).toBeCloseTo(Number(np.mean(toNumpy(f))), 12);
    const g = da.matmul(x.T, x);
    expect(np.allclose(toNumpy(asarray(g)), np.matmul(np.transpose(toNumpy(f)), toNumpy(f)), { rtol: 1e-10 })).toBe(true);
  });

  it('the chunks ran in Ray worker processes, not in this one', () => {
    const da = compat.namespace('dask.array', { scheduler: 'ray', numCpus: 2 });
    const x = da.ones([400, 400], { chunks: [100, 100] });
    const pids = compat.evaluate("x.map_blocks(lambda b: __import__('numpy').full(b.shape, __import__('os').getpid()), dtype='int64')", { x });
    const values = new Set((asarray(pids as never).toArray() as bigint[][]).flat());
    expect(values.size).toBeGreaterThanOrEqual(1);
    for (const pid of values) expect(Number(pid)).not.toBe(process.pid);
  });

  it('fast memory goes in without a copy: a write before compute is seen', () => {
    const da = compat.namespace('dask.array', { scheduler: 'ray', numCpus: 2 });
    const f = fast.zeros([4, 6]);
    const x = da.asarray(f, { chunks: [2, 3] });
    f.set([1, 4], 42);
    expect(x.get(1, 4)).toBe(42);
    expect(x.sum().get()).toBe(42);
  });

  it('a second namespace shares the cluster; different Ray settings are refused', () => {
    const a = compat.namespace('dask.array', { scheduler: 'ray', numCpus: 2 });
    const b = compat.namespace('dask.array', { scheduler: 'ray', numCpus: 2 });
    expect(b.ray).toBe(a.ray);
    expect(() => compat.namespace('dask.array', { scheduler: 'ray', numCpus: 1 })).toThrow(/already running/);
  });

  it('a local Ray instance is shut down when the process exits', () => {
    const script = `
      const compat = await import(${JSON.stringify(join(root, 'dist/src/compat/index.js'))});
      compat.namespace('dask.array', { scheduler: 'ray', numCpus: 1 });
      const gcs = compat.evaluate("__import__('ray').get_runtime_context().gcs_address");
      console.log('GCS ' + gcs);
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: process.env, timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const gcs = /GCS (\S+)/.exec(r.stdout)?.[1];
    expect(gcs).toBeDefined();
    // no process of that Ray session (GCS server, raylet, workers name the GCS address) outlives Node
    const ps = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).stdout;
    const left = ps.split('\n').filter((l) => l.includes(gcs!) && !l.includes('ps -eo'));
    expect(left).toEqual([]);
  }, 150_000);
});

describe.skipIf(SCALE_PROBLEM !== null)('Dask arrays as NdArrays (threads scheduler)', () => {
  it('__array_namespace__ is the Dask namespace; methods stay lazy; values equal NumPy', () => {
    const da = compat.namespace('dask.array', { scheduler: 'synchronous' });
    const np = compat.numpy();
    const x = da.asarray([[1.5, -2], [3, 4.25]], { chunks: 1 });
    expect(x.__array_namespace__()).toBe(da);
    const y = x.abs().pow(2).sub(1);
    expect(String(y)).toMatch(/^dask\.array</);
    const ref = np.subtract(np.power(np.abs(np.asarray([[1.5, -2], [3, 4.25]])), 2), 1);
    expect(y.toArray()).toEqual(ref.toArray());
    expect(x.get(1, 1)).toBe(4.25);
    expect(x.T.toArray()).toEqual([[1.5, 3], [-2, 4.25]]);
    expect(x.sum({ axis: 1 }).toArray()).toEqual([-0.5, 7.25]);
    expect(x.__array_interface__.shape).toEqual([2, 2]);
  });

  it('array_api_compat.dask.array: the standard names over Dask, fast arrays in as views and back', () => {
    const xp = compat.namespace('array_api_compat.dask.array', { scheduler: 'synchronous' });
    const f = fast.arange(0, 12, 1, { dtype: 'float64' }).reshape([3, 4]);
    const x = xp.asarray(f, { chunks: [2, 2] });
    const t = xp.permute_dims(x, [1, 0]);
    expect(String(t)).toMatch(/^dask\.array</);
    expect(asarray(t).toArray()).toEqual(fast.permute_dims(f, [1, 0]).toArray());
    expect(asarray(xp.concat([x, x], { axis: 0 })).shape).toEqual([6, 4]);
    f.set([0, 0], 100);
    expect(x.get(0, 0)).toBe(100);
  });

  it('asarray of a fast array honours copy and dtype as NumPy does; the bridge refuses copy: false for a lazy array', () => {
    const da = compat.namespace('dask.array', { scheduler: 'synchronous' });
    const f = fast.asarray([1.5, 2.5, 3.5, 4.5]);
    const view = da.asarray(f);
    const copied = da.asarray(f, { copy: true });
    const cast = da.asarray(f, { dtype: 'float32' });
    f.set([0], 10);
    expect(view.get(0)).toBe(10); // a view: the write is seen
    expect(copied.get(0)).toBe(1.5); // copy: true copied
    expect(cast.dtype).toBe('float32');
    expect(cast.get(0)).toBe(1.5); // a dtype change copies
    expect(() => da.asarray(f, { dtype: 'float32', copy: false })).toThrow(/Unable to avoid a copy/);
    expect(() => asarray(view, { copy: false })).toThrow(CopyRequiredError);
    expect(asarray(view, { copy: true }).toArray()).toEqual([10, 2.5, 3.5, 4.5]);
  });

  it('__array_namespace__(api_version): refused for a module that declares no version, checked against one that does (a shared array type belongs to the namespace opened last)', () => {
    const da = compat.namespace('dask.array', { scheduler: 'synchronous' });
    const x = da.asarray([1, 2]);
    expect(() => x.__array_namespace__({ api_version: '2024.12' })).toThrow(/declares no __array_api_version__/);
    expect(() => x.__array_namespace__({ api_version: '2024.13' })).toThrow(/unknown api_version/);
    const xp = compat.namespace('array_api_compat.dask.array', { scheduler: 'synchronous' });
    const y = xp.asarray([1, 2]);
    const declared = compat.evaluate("__import__('array_api_compat.dask.array', fromlist=['x']).__array_api_version__") as string;
    expect(y.__array_namespace__({ api_version: declared })).toBe(xp);
    expect(y.__array_namespace__({ api_version: '2021.12' })).toBe(xp);
    expect(x.__array_namespace__()).toBe(xp); // the same Dask type: now array_api_compat's
  });
});

