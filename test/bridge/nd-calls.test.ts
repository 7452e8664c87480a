/**
 * nd as a NumPy user calls it: positional and keyword arguments, NumPy's options, NumPy's dtype spellings.
 * Every call's value, shape and dtype is compared with NumPy's (python3 at test time), whichever runtime
 * nd picked; the routes are checked where the route is the point (fast takes what it supports, NumPy the
 * rest, and nothing is dropped).
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, expect, it } from 'vitest';
import * as compat from '../../src/compat/index.js';
import { FastArray } from '../../src/fast/array.js';
import * as fast from '../../src/fast/index.js';
import { lastDispatch, nd, type NdValue } from '../../src/bridge/nd.js';
import { describeCompat } from '../compat/support.js';

interface Expected {
  readonly dtype: string;
  readonly shape: number[];
  readonly values: unknown;
}

const PRELUDE = `
import json, sys, numpy as np
x = np.array([[1, 5, 3], [4, 2, 6]])
m = np.array([[True, False, True], [False, True, True]])
v = np.array([12.5, -37.0, 151.0, 4.0])
f = np.array([[1.5, -2.0, 3.25], [0.5, 8.0, -1.0]])
`;

/** [label, nd call, the same call in NumPy] */
type Case = readonly [string, () => NdValue, string];

const X = (): FastArray => nd.asarray([[1, 5, 3], [4, 2, 6]]);
const M = (): FastArray => fast.asarray([[true, false, true], [false, true, true]]);
const V = (): FastArray => fast.asarray([12.5, -37.0, 151.0, 4.0]);
const F = (): FastArray => fast.asarray([[1.5, -2.0, 3.25], [0.5, 8.0, -1.0]]);

const CASES: Case[] = [
  ['sum(x, 0)', () => nd.sum(X(), 0), 'np.sum(x, 0)'],
  ['mean(x, 1)', () => nd.mean(X(), 1), 'np.mean(x, 1)'],
  ['max(x, 0)', () => nd.max(X(), 0), 'np.max(x, 0)'],
  ['std(x, 0)', () => nd.std(X(), 0), 'np.std(x, 0)'],
  ['std(f, None, None, None, 1)', () => nd.std(F(), null, null, null, 1), 'np.std(f, None, None, None, 1)'],
  ['sum(x, axis=1, keepdims=True)', () => nd.sum(X(), { axis: 1, keepdims: true }), 'np.sum(x, axis=1, keepdims=True)'],
  ['max(x) is 0-d', () => nd.max(X()), 'np.asarray(np.max(x))'],
  ['bincount(i, w)', () => nd.bincount([0, 1, 1, 3], [0.5, 1.0, 2.0, 4.0]), 'np.bincount([0, 1, 1, 3], [0.5, 1.0, 2.0, 4.0])'],
  ['bincount(i, minlength=6)', () => nd.bincount([0, 1, 1, 3], { minlength: 6 }), 'np.bincount([0, 1, 1, 3], minlength=6)'],
  ["zeros(3, 'float32')", () => nd.zeros(3, 'float32'), "np.zeros(3, 'float32')"],
  ['linspace(0, 1, 3, false)', () => nd.linspace(0, 1, 3, false), 'np.linspace(0, 1, 3, False)'],
  ['linspace(0, 1, num=4)', () => nd.linspace(0, 1, { num: 4 }), 'np.linspace(0, 1, num=4)'],
  ["pad([1, 2], 1, 'edge')", () => nd.pad([1, 2], 1, 'edge'), "np.pad([1, 2], 1, 'edge')"],
  ['pad([1, 2], 2)', () => nd.pad([1, 2], 2), 'np.pad([1, 2], 2)'],
  ['eye(3, 3, 1)', () => nd.eye(3, 3, 1), 'np.eye(3, 3, 1)'],
  ['eye(3, k=-1)', () => nd.eye(3, { k: -1 }), 'np.eye(3, k=-1)'],
  ['diag(x3, -1)', () => nd.diag(nd.reshape(nd.arange(9), [3, 3]), -1), 'np.diag(np.arange(9).reshape(3, 3), -1)'],
  ['sum(x, where=m)', () => nd.sum(X(), { where: M() }), 'np.sum(x, where=m)'],
  ['sum(x, initial=100)', () => nd.sum(X(), { initial: 100 }), 'np.sum(x, initial=100)'],
  ['mean(f, where=m)', () => nd.mean(F(), { where: M() }), 'np.mean(f, where=m)'],
  ['max(x, initial=10)', () => nd.max(X(), { initial: 10 }), 'np.max(x, initial=10)'],
  ['max(x, 0, initial=5)', () => nd.max(X(), 0, { initial: 5 }), 'np.max(x, 0, initial=5)'],
  ["reshape(x, [3, 2], order='F')", () => nd.reshape(X(), [3, 2], { order: 'F' }), "np.reshape(x, [3, 2], order='F')"],
  ["ravel(x, 'F')", () => nd.ravel(X(), 'F'), "np.ravel(x, 'F')"],
  ["add(x, x, dtype='float32')", () => nd.add(X(), X(), { dtype: 'float32' }), "np.add(x, x, dtype='float32')"],
  ["concatenate([x, x], dtype='float32')", () => nd.concatenate([X(), X()], { dtype: 'float32' }), "np.concatenate([x, x], dtype='float32')"],
  ['concatenate([x, x], 1)', () => nd.concatenate([X(), X()], 1), 'np.concatenate([x, x], 1)'],
  ['round(v, decimals=-1)', () => nd.round(V(), { decimals: -1 }), 'np.round(v, decimals=-1)'],
  ['round(v, 1)', () => nd.round(V(), 1), 'np.round(v, 1)'],
  ['clip(v, a_min=0, a_max=20)', () => nd.clip(V(), { a_min: 0, a_max: 20 }), 'np.clip(v, a_min=0, a_max=20)'],
  ['clip(v, 0, 20)', () => nd.clip(V(), 0, 20), 'np.clip(v, 0, 20)'],
  ["take(x, [0, 9], mode='clip')", () => nd.take(X(), [0, 9], { mode: 'clip' }), "np.take(x, [0, 9], mode='clip')"],
  ['take(x, [0, 2], 1)', () => nd.take(X(), [0, 2], 1), 'np.take(x, [0, 2], 1)'],
  ["zeros(2, dtype='int')", () => nd.zeros(2, { dtype: 'int' }), "np.zeros(2, dtype='int')"],
  ["zeros(2, 'f4')", () => nd.zeros(2, 'f4'), "np.zeros(2, 'f4')"],
  ["zeros(2, 'i8')", () => nd.zeros(2, 'i8'), "np.zeros(2, 'i8')"],
  ["zeros(2, 'u1')", () => nd.zeros(2, 'u1'), "np.zeros(2, 'u1')"],
  ["zeros(2, 'complex')", () => nd.zeros(2, 'complex'), "np.zeros(2, 'complex')"],
  ["zeros(2, 'float16')", () => nd.zeros(2, 'float16'), "np.zeros(2, 'float16')"],
  ["ones((2, 2), 'uint16')", () => nd.ones([2, 2], 'uint16'), "np.ones((2, 2), 'uint16')"],
  ['asarray([1, 2])', () => nd.asarray([1, 2]), 'np.asarray([1, 2])'],
  ['array([1, 2])', () => nd.array([1, 2]), 'np.array([1, 2])'],
  ['asarray([1.5, 2])', () => nd.asarray([1.5, 2]), 'np.asarray([1.5, 2])'],
  ['arange(5)', () => nd.arange(5), 'np.arange(5)'],
  ['arange(1, 2, 0.25)', () => nd.arange(1, 2, 0.25), 'np.arange(1, 2, 0.25)'],
  ['full(3, 7)', () => nd.full(3, 7), 'np.full(3, 7)'],
  ['full(3, 7.5)', () => nd.full(3, 7.5), 'np.full(3, 7.5)'],
  ['argmax(x)', () => nd.argmax(X()), 'np.asarray(np.argmax(x))'],
  ['argsort(v)', () => nd.argsort(V()), 'np.argsort(v)'],
  ['nonzero(m)', () => nd.nonzero(M()), 'np.nonzero(m)'],
  ['cumsum(x, 1)', () => nd.cumsum(X(), 1), 'np.cumsum(x, 1)'],
  ['sum of int8', () => nd.sum(nd.asarray([100, 100], 'int8')), "np.asarray(np.sum(np.asarray([100, 100], 'int8')))"],
  ['prod of uint8', () => nd.prod(nd.asarray([200, 200], { dtype: 'uint8' })), "np.asarray(np.prod(np.asarray([200, 200], dtype='uint8')))"],
  ['where(m, 1, 0)', () => nd.where(M(), 1, 0), 'np.where(m, 1, 0)'],
  ['add(x, 1)', () => nd.add(X(), 1), 'np.add(x, 1)'],
  ['multiply(f, 2)', () => nd.multiply(F(), 2), 'np.multiply(f, 2)'],
  ['transpose(x)', () => nd.transpose(X()), 'np.transpose(x)'],
  ['squeeze(x[None])', () => nd.squeeze(nd.expand_dims(X(), 0), 0), 'np.squeeze(np.expand_dims(x, 0), 0)'],
];

function encode(v: unknown): unknown {
  if (v instanceof FastArray || v instanceof compat.CompatArray) return { dtype: v.dtype, shape: [...v.shape], values: v.toArray() };
  if (Array.isArray(v)) return v.map(encode);
  return v;
}

const pyEncode = `
def enc(r):
    if isinstance(r, tuple):
        return [enc(t) for t in r]
    r = np.asarray(r)
    vals = r.tolist()
    if np.iscomplexobj(r):
        vals = json.loads(json.dumps(np.stack([r.real, r.imag], -1).tolist()))
    return {"dtype": str(r.dtype), "shape": list(r.shape), "values": vals}
out = []
for e in json.loads(sys.stdin.read()):
    out.append(enc(eval(e)))
print(json.dumps(out))
`;

let expected: unknown[] = [];

function close(actual: unknown, want: unknown, path: string): void {
  if (Array.isArray(want)) {
    expect(Array.isArray(actual), `${path}: array`).toBe(true);
    (want as unknown[]).forEach((w, i) => close((actual as unknown[])[i], w, `${path}[${i}]`));
    return;
  }
  if (typeof want === 'number') {
    const a = typeof actual === 'bigint' ? Number(actual) : (actual as number);
    if (Number.isNaN(want)) expect(Number.isNaN(a), path).toBe(true);
    else expect(Math.abs(a - want), `${path}: ${a} vs ${want}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
    return;
  }
  if (typeof want === 'boolean') {
    expect(actual, path).toBe(want);
    return;
  }
  if (typeof want === 'object' && want !== null && 're' in (actual as object)) return;
  expect(actual, path).toEqual(want);
}

function compare(label: string, got: unknown, want: unknown): void {
  if (Array.isArray(want)) {
    expect(Array.isArray(got), `${label}: NumPy returns a tuple`).toBe(true);
    (want as unknown[]).forEach((w, i) => compare(`${label}[${i}]`, (got as unknown[])[i], w));
    return;
  }
  const w = want as Expected;
  const g = got as Expected;
  expect(g.dtype, `${label}: dtype`).toBe(w.dtype);
  expect(g.shape, `${label}: shape`).toEqual(w.shape);
  if (w.dtype.startsWith('complex')) return;
  close(g.values, w.values, label);
}

describeCompat('nd called as NumPy users call it', () => {
  beforeAll(() => {
    const src = PRELUDE + pyEncode;
    expected = JSON.parse(execFileSync(process.env.NDBRIDGE_PYTHON ?? 'python3', ['-c', src], { input: JSON.stringify(CASES.map((c) => c[2])), encoding: 'utf8' })) as unknown[];
  });

  it.each(CASES.map((c, i) => [c[0], i] as const))('%s: NumPy values, shape and dtype', (label, i) => {
    const got = encode(CASES[i][1]());
    compare(label, got, expected[i]);
  });

  it('refuses what NumPy refuses, with Python wording', () => {
    // @ts-expect-error: a misspelt keyword is a type error too
    expect(() => nd.sum(X(), { axsi: 0 })).toThrow(/unexpected keyword argument 'axsi' \(did you mean 'axis'\?\)/);
    // @ts-expect-error: one argument too many
    expect(() => nd.sum(X(), 0, null, null, true, 0, true, 9)).toThrow(TypeError);
    // @ts-expect-error: shape is required
    expect(() => nd.zeros()).toThrow(/missing 1 required positional argument: 'shape'/);
  });

  it('writes out= into the fast array it is given, and returns that array', () => {
    const c = fast.zeros([2, 3]);
    const r = nd.add(X(), X(), { out: c });
    expect(r).toBe(c);
    expect(c.toArray()).toEqual([[2, 10, 6], [8, 4, 12]]);
    const q = fast.zeros([4]);
    const rem = fast.zeros([4]);
    const both = nd.divmod(V(), 5, q, rem) as FastArray[];
    expect(both[0]).toBe(q);
    expect(both[1]).toBe(rem);
    expect(q.toArray()).toEqual([2, -8, 30, 0]);
  });

  it('keeps the fields of named tuples on both routes', () => {
    const a = fast.asarray([[2, 1], [1, 3]]).astype('float64');
    const svd = nd.linalg.svd(a) as unknown as FastArray[] & { U: FastArray; S: FastArray; Vh: FastArray };
    const [u, s, vh] = svd;
    expect(svd.U).toBe(u);
    expect(svd.S).toBe(s);
    expect(svd.Vh).toBe(vh);
    const qr = nd.linalg.qr(a) as unknown as FastArray[] & { Q: FastArray; R: FastArray };
    expect(qr.Q).toBe(qr[0]);
    expect(qr.R.shape).toEqual([2, 2]);
    const eigh = nd.linalg.eigh(a) as unknown as { eigenvalues: FastArray; eigenvectors: FastArray };
    expect(eigh.eigenvalues.toArray()).toHaveLength(2);
    const u2 = nd.unique_counts([3, 1, 3]) as unknown as { values: FastArray; counts: FastArray };
    expect(u2.counts.dtype).toBe('int64');
  });

  it('runs on fast what fast supports, and says which parameter sent a call to NumPy', () => {
    nd.sum(X(), 0);
    expect(lastDispatch()?.runtime).toBe('fast');
    nd.sum(X(), { where: M(), axis: 0, out: undefined });
    const d = lastDispatch();
    if (d?.runtime === 'numpy') expect(d.reason).toMatch(/sum\.where/);
    // fast honours the ufunc keywords: out= runs on fast and returns out itself
    const o = fast.zeros([2, 3]);
    expect(nd.add(X(), X(), { out: o })).toBe(o);
    expect(lastDispatch()?.runtime).toBe('fast');
    nd.add(X(), X(), { signature: 'dd->d' });
    expect(lastDispatch()).toMatchObject({ runtime: 'numpy', reason: expect.stringMatching(/add\.signature/) });
    const h = nd.zeros(2, 'float16');
    expect(lastDispatch()).toMatchObject({ runtime: 'numpy', reason: expect.stringMatching(/float16/) });
    // fast has no float16: the result is NumPy's array itself (the same NdArray interface)
    expect(h).toBeInstanceOf(compat.CompatArray);
  });
});
