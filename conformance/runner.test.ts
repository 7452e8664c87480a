/**
 * End to end: a few corners through the real runner, the real oracle (NumPy in a python3 subprocess) and
 * the real fast runtime, plus adapters that wrap fast to misbehave in known ways, so each outcome
 * (pass, fail with a diff, unsupported, error) is produced by the machinery that produces it in a report.
 */
import { describe, expect, it } from 'vitest';
import { NotSupportedError } from '../src/common/errors.js';
import type { NdArray } from '../src/common/ndarray.js';
import { subprocessOracle } from './oracle/oracle.js';
import { runConformance, selectCorners } from './runner.js';
import { fastRuntime } from './runtimes/fast.js';
import type { RuntimeAdapter } from './runtimes/types.js';
import { call, type Namespace } from './xp.js';
import type { Case } from './case.js';
import { loadCatalog } from '../spec/catalog.js';

/** fast's namespace with some members replaced. */
function wrapped(name: string, patch: (xp: Namespace) => Record<string, unknown>): RuntimeAdapter {
  return {
    name,
    async load() {
      const rt = await fastRuntime.load();
      return { ...rt, xp: { ...rt.xp, ...patch(rt.xp) } };
    },
  };
}

const oracle = subprocessOracle();
const CORNERS = ['elementwise.add', 'elementwise.negative', 'indexing.out-of-bounds', 'repr.float64', 'linalg.svd'];

describe('the runner, end to end', () => {
  it('classifies pass, fail, unsupported and error per corner and runtime', async () => {
    const fastAdd = async () => ((await fastRuntime.load()).xp.add as (a: unknown, b: unknown) => NdArray);
    const add = await fastAdd();
    const adapters: RuntimeAdapter[] = [
      // adds one to every result: a wrong answer
      wrapped('off-by-one', () => ({ add: (a: NdArray, b: NdArray) => add(a, b).add(1) })),
      // refuses with NotSupportedError
      wrapped('refuses', () => ({
        add: () => {
          throw new NotSupportedError('elementwise.add', 'test adapter');
        },
      })),
      // crashes with a plain TypeError
      wrapped('crashes', () => ({
        negative: () => {
          throw new TypeError('boom');
        },
      })),
    ];
    const report = await runConformance({ seed: 3, runtimes: ['fast', 'off-by-one', 'refuses', 'crashes', 'nope'], corners: CORNERS, oracle, adapters });
    const r = (id: string, rt: string) => report.corners.find((c) => c.id === id)!.results[rt];

    expect(report.runtimes.fast.available).toBe(true);
    expect(report.runtimes.nope).toMatchObject({ available: false });
    expect(r('elementwise.add', 'nope')).toMatchObject({ status: 'error' });
    expect(r('elementwise.add', 'nope').detail).toMatch(/no runtime named 'nope'/);

    const wrong = r('elementwise.add', 'off-by-one');
    expect(wrong.status).toBe('fail');
    // the smallest failing input is reported with a diff
    expect(wrong.detail).toMatch(/value at \[.*\]: expected .*, got .*; inputs x1=/);
    expect(r('elementwise.add', 'refuses')).toMatchObject({ status: 'unsupported' });
    expect(r('elementwise.add', 'refuses').detail).toMatch(/NotSupportedError: elementwise.add is not supported/);
    expect(r('elementwise.negative', 'crashes')).toMatchObject({ status: 'error' });
    expect(r('elementwise.negative', 'crashes').detail).toMatch(/TypeError: boom/);
    // NumPy raises IndexError: a runtime passes by throwing a typed error
    expect(r('indexing.out-of-bounds', 'fast').status).toBe('pass');
    // every status of a real runtime is one of the five
    for (const c of report.corners) expect(['pass', 'fail', 'unsupported', 'error', 'skip']).toContain(c.results.fast.status);
  });

  it('selects corners by area and by id prefix', () => {
    const all = loadCatalog().corners;
    expect(selectCorners(all, ['fft']).every((c) => c.area === 'fft')).toBe(true);
    expect(selectCorners(all, undefined, ['linalg.*']).map((c) => c.id)).toContain('linalg.svd');
    expect(selectCorners(all, undefined, ['linalg.svd']).map((c) => c.id)).toEqual(['linalg.svd']);
  });

  it('marks a corner NumPy itself rejects as skip, and checks expected errors', async () => {
    const x = { dtype: 'float64' as const, shape: [3] };
    const cases: Case[] = [
      // NumPy raises on every trial: skip, whatever the runtime does
      { corner: 'elementwise.add', py: 'np.add(x, x, no_such_keyword=1)', run: (xp, a) => call(xp, 'add', a.x, a.x), trials: [{ inputs: { x } }] },
      // NumPy raises and the case expects it: the runtime must throw a typed error, not return
      { corner: 'indexing.out-of-bounds', py: 'x[5]', run: (_xp, a) => a.x.at(0), trials: [{ inputs: { x } }], expectError: true },
    ];
    const report = await runConformance({ seed: 1, runtimes: ['fast'], corners: ['elementwise.add', 'indexing.out-of-bounds'], oracle, cases });
    const add = report.corners.find((c) => c.id === 'elementwise.add')!.results.fast;
    expect(add.status).toBe('skip');
    expect(add.detail).toMatch(/NumPy raised TypeError/);
    const oob = report.corners.find((c) => c.id === 'indexing.out-of-bounds')!.results.fast;
    expect(oob.status).toBe('fail');
    expect(oob.detail).toMatch(/NumPy raises IndexError .* the runtime returned/);
  });

  it('classifies parameter corners: a refusal is unsupported even where NumPy raises, an ignored parameter fails, TypeError matches TypeError', async () => {
    const x = { dtype: 'float64' as const, shape: [2, 3] };
    const refuse = () => {
      throw new NotSupportedError('statistical.sum.where', 'test');
    };
    const cases: Case[] = [
      // NumPy raises TypeError (unknown keyword): NotSupportedError is unsupported, JS TypeError passes, a result fails
      { corner: 'nd.unknown-keyword', py: 'np.sum(x, axsi=0)', run: (_xp, _a, _p, ctx) => (ctx.runtime === 'refuses' ? refuse() : ctx.runtime === 'binds' ? (() => { throw new TypeError("sum() got an unexpected keyword argument 'axsi'"); })() : call(_xp, 'sum', _a.x)), trials: [{ inputs: { x } }], expectError: true },
    ];
    const adapters: RuntimeAdapter[] = [wrapped('refuses', () => ({})), wrapped('binds', () => ({})), wrapped('ignores', () => ({}))];
    const report = await runConformance({ seed: 1, runtimes: ['refuses', 'binds', 'ignores'], corners: ['nd.unknown-keyword'], oracle, cases, adapters });
    const r = report.corners[0].results;
    expect(report.corners[0].kind).toBe('parameter');
    expect(r.refuses.status).toBe('unsupported');
    expect(r.binds.status).toBe('pass');
    expect(r.ignores.status).toBe('fail');
  });

  it('fails a parameter corner on a runtime that ignores the parameter (fast.sum ignoring where)', async () => {
    const sum = (await fastRuntime.load()).xp.sum as (a: unknown, o?: Record<string, unknown>) => unknown;
    const ignoring = wrapped('ignores-where', () => ({ sum: (a: unknown, o: Record<string, unknown> = {}) => sum(a, { ...o, where: undefined, initial: undefined }) }));
    const report = await runConformance({ seed: 1, runtimes: ['ignores-where'], corners: ['statistical.sum.where', 'statistical.sum.initial'], oracle, adapters: [ignoring] });
    for (const c of report.corners) expect(c.results['ignores-where'].status, c.id).toBe('fail');
  });
});
