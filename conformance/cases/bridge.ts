/**
 * The bridge's corners. For a runtime column R, "numpy-to-fast" means R.asarray(a NumPy array made in the
 * embedded interpreter) and "fast-to-numpy" means np.asarray(an R array) evaluated in the embedded NumPy,
 * so for compat both are identities and for fast (and nd) they cross the bridge. Every case requires the
 * bridge (src/bridge): until it is built the runner reports them as errors saying so.
 */
import { createRequire } from 'node:module';
import { DTYPE_NAMES, type DTypeName } from '../../src/common/dtypes.js';
import type { NdArray } from '../../src/common/ndarray.js';
import type { Case, CaseContext, CaseRun } from '../case.js';
import type { InputSpec } from '../inputs.js';
import { call, method, type Namespace } from '../xp.js';
import { one, trial } from './helpers.js';

function py(ctx: CaseContext, expr: string, vars?: Record<string, unknown>): unknown {
  if (!ctx.pyEval) throw new Error('compat is unavailable: bridge cases need the embedded NumPy');
  return ctx.pyEval(expr, vars);
}

function numpySide(ctx: CaseContext, name = 'x'): unknown {
  if (!ctx.numpyInput) throw new Error('compat is unavailable: bridge cases need the embedded NumPy');
  return ctx.numpyInput(name);
}

const bridge = (corner: string, pyExpr: string, run: CaseRun, inputs: readonly InputSpec[], extra: Partial<Case> = {}): Case => ({
  corner,
  py: pyExpr,
  run,
  trials: inputs.map((x) => trial({ x })),
  requires: ['bridge'],
  ...extra,
});

/** A layout: how the source is shaped on the NumPy side (Python over x) and on the runtime side. */
interface Layout {
  readonly name: string;
  readonly input: InputSpec;
  readonly py: string;
  readonly ts: (xp: Namespace, x: NdArray) => unknown;
}

const LAYOUTS: readonly Layout[] = [
  { name: 'contiguous-2d', input: one('float64', [3, 4]), py: 'x', ts: (_xp, x) => x },
  { name: 'negative-strides', input: one('float64', [3, 4], { view: '::-1, ::-1' }), py: 'x', ts: (_xp, x) => x },
  { name: 'non-contiguous', input: one('int32', [9, 4], { view: '::2, 1::2' }), py: 'x', ts: (_xp, x) => x },
  { name: 'transposed', input: one('float32', [3, 4]), py: 'x.T', ts: (_xp, x) => x.T },
  { name: 'offset-view', input: one('float64', [5, 4], { view: '2:, 1:' }), py: 'x', ts: (_xp, x) => x },
  { name: 'zero-d', input: one('float64', []), py: 'x', ts: (_xp, x) => x },
  { name: 'empty', input: one('float64', [0, 3]), py: 'x', ts: (_xp, x) => x },
  { name: 'broadcast', input: one('int16', [4]), py: 'np.broadcast_to(x, (3, 4))', ts: (xp, x) => call(xp, 'broadcast_to', x, [3, 4]) },
];

const toRuntime: CaseRun = (_xp, _a, _p, ctx) => ctx.importArray(numpySide(ctx));
const toNumpy: CaseRun = (_xp, a, _p, ctx) => py(ctx, 'np.asarray(v)', { v: a.x });

const req = createRequire(import.meta.url);

export const BRIDGE_CASES: readonly Case[] = [
  ...DTYPE_NAMES.flatMap((d: DTypeName) => [
    bridge(`bridge.numpy-to-fast.${d}`, 'x', toRuntime, [one(d, [2, 3]), one(d, [7])]),
    bridge(`bridge.fast-to-numpy.${d}`, 'x', toNumpy, [one(d, [2, 3]), one(d, [7])]),
  ]),
  ...LAYOUTS.flatMap((l) => [
    bridge(`bridge.numpy-to-fast.${l.name}`, l.py, (_xp, _a, _p, ctx) => ctx.importArray(py(ctx, l.py, { x: numpySide(ctx) })), [l.input]),
    bridge(`bridge.fast-to-numpy.${l.name}`, l.py, (xp, a, _p, ctx) => py(ctx, 'np.asarray(v)', { v: l.ts(xp, a.x) }), [l.input]),
  ]),
  bridge('bridge.numpy-to-fast.big-endian', 'x', (_xp, _a, _p, ctx) => ctx.importArray(py(ctx, "v.astype(v.dtype.newbyteorder('>'))", { v: numpySide(ctx) })), [one('float64', [5]), one('int32', [2, 2])]),
  bridge('bridge.numpy-to-fast.readonly', 'x', (_xp, _a, _p, ctx) => ctx.importArray(py(ctx, '(lambda y: (y.setflags(write=False), y)[1])(v.copy())', { v: numpySide(ctx) })), [one('float64', [4])]),
  bridge('bridge.zero-copy.numpy-to-fast', '(lambda y: (y.__setitem__(0, 42), y)[1])(x)', (xp, _a, _p, ctx) => {
    const src = numpySide(ctx);
    const view = ctx.importArray(src);
    py(ctx, 'v.__setitem__(0, 42)', { v: src });
    return view;
  }, [one('float64', [5]), one('int16', [3])]),
  bridge('bridge.zero-copy.fast-to-numpy', '(lambda y: (y.__setitem__(0, 42), y)[1])(x.copy())', (_xp, a, _p, ctx) => {
    const x = a.x.copy();
    const seen = py(ctx, 'np.asarray(v)', { v: x });
    x.set('0', 42);
    return py(ctx, 'v.copy()', { v: seen });
  }, [one('float64', [5]), one('uint8', [3])]),
  bridge('bridge.copy-false.impossible', "np.asarray(x, dtype='float32', copy=False)", (_xp, _a, _p, ctx) => ctx.importArray(numpySide(ctx), { dtype: 'float32', copy: false }), [one('float64', [4])], { expectError: true }),
  bridge('bridge.lifetime.fast-keeps-numpy-alive', 'x', (xp, _a, _p, ctx) => {
    const src = numpySide(ctx);
    const owned = py(ctx, 'v.copy()', { v: src });
    const view = ctx.importArray(owned);
    method(owned, 'dispose');
    (globalThis as { gc?: () => void }).gc?.();
    py(ctx, '[np.ones(4096) for _ in range(64)] and None');
    return view;
  }, [one('float64', [64])]),
  bridge('bridge.lifetime.numpy-keeps-fast-alive', 'x', (_xp, a, _p, ctx) => {
    let x: NdArray | undefined = a.x.copy();
    const seen = py(ctx, 'np.asarray(v)', { v: x });
    x = undefined;
    (globalThis as { gc?: () => void }).gc?.();
    const churn: ArrayBuffer[] = [];
    for (let i = 0; i < 64; i++) churn.push(new ArrayBuffer(1 << 16));
    return py(ctx, 'v.copy()', { v: seen });
  }, [one('float64', [64])]),
  bridge('bridge.lifetime.dispose', 'True', (xp, _a, _p, ctx) => {
    const view = ctx.importArray(numpySide(ctx)) as NdArray;
    view.dispose();
    view.dispose();
    return true;
  }, [one('float64', [4])]),
  bridge('bridge.dlpack.fast-from-numpy', 'x', (xp, _a, _p, ctx) => call(xp, 'from_dlpack', numpySide(ctx)), [one('float64', [2, 3]), one('int8', [5])]),
  bridge('bridge.dlpack.numpy-from-fast', 'x', (_xp, a, _p, ctx) => py(ctx, 'np.from_dlpack(v)', { v: a.x }), [one('float64', [2, 3]), one('uint16', [5], { view: '::-1' })]),
  bridge('bridge.array-interface.fast', "(list(x.__array_interface__['shape']), x.__array_interface__['typestr'], x.__array_interface__['version'])", (_xp, a) => {
    const ai = a.x.__array_interface__;
    return [ai.shape, ai.typestr, ai.version];
  }, [one('float64', [2, 3]), one('bool', [4]), one('complex64', [3])]),
  bridge('bridge.asarray.typed-array', 'x', (_xp, a, _p, ctx) => {
    const flat = (a.x.toArray() as unknown[]).map((v) => v);
    const typed = a.x.dtype === 'int64' ? BigInt64Array.from(flat as bigint[]) : Float32Array.from(flat as number[]);
    return ctx.importArray(typed);
  }, [one('float32', [5]), one('int64', [4])]),
  bridge('bridge.asarray.scijs-ndarray', 'x.reshape(2, 3)', (_xp, a, _p, ctx) => {
    const ndarray = req('ndarray') as (data: Float64Array, shape: number[]) => unknown;
    return ctx.importArray(ndarray(Float64Array.from(a.x.toArray() as number[]), [2, 3]));
  }, [one('float64', [6])]),
  bridge('bridge.asarray.stdlib-ndarray', 'x.reshape(2, 3)', (_xp, a, _p, ctx) => {
    const Ctor = req('@stdlib/ndarray/ctor') as new (dtype: string, buf: Float64Array, shape: number[], strides: number[], offset: number, order: string) => unknown;
    return ctx.importArray(new Ctor('float64', Float64Array.from(a.x.toArray() as number[]), [2, 3], [3, 1], 0, 'row-major'));
  }, [one('float64', [6])]),
  bridge('bridge.nd.dispatch-to-numpy', 'np.linalg.svdvals(x)', (_xp, a, _p, ctx) => {
    if (!ctx.bridge) throw new Error('bridge not built');
    if (ctx.bridge.nd === undefined) throw new Error('src/bridge does not export the nd namespace yet');
    return call(ctx.bridge.nd as Namespace, 'linalg.svdvals', a.x);
  }, [one('float64', [4, 3], { domain: 'noedge' })], { tol: { rtol: 1e-9, atol: 1e-9 } }),
];
