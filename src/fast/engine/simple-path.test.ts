/**
 * The simple path of evaluateInto (codegen.ts): a small graph over whole C-contiguous arrays of one
 * shape and JS scalars finds its kernel by a short structural key. Every
 * operand pattern the key tells apart (two arrays, one array twice, scalar on either side, views
 * at a non-zero offset) is computed for several dtypes and operations, each twice (the second run
 * takes the cached kernel) and in an interleaved order, so a key shared by two different kernels
 * would give a wrong value. Values against NumPy.
 */
import { describe, expect, it } from 'vitest';
import * as fast from '../index.js';
import { expectSame, numpyEval } from '../testing/numpy-oracle.js';

const DTYPES = ['float64', 'float32', 'int32', 'uint8', 'int64', 'bool'] as const;
const OPS: Record<string, { js: (x: fast.FastArray | number, y: fast.FastArray | number) => fast.FastArray; py: string; bool: boolean }> = {
  add: { js: (x, y) => fast.add(x, y), py: 'np.add', bool: true },
  subtract: { js: (x, y) => fast.subtract(x, y), py: 'np.subtract', bool: false },
  multiply: { js: (x, y) => fast.multiply(x, y), py: 'np.multiply', bool: true },
  divide: { js: (x, y) => fast.divide(x, y), py: 'np.divide', bool: false },
  less: { js: (x, y) => fast.less(x, y), py: 'np.less', bool: true },
  maximum: { js: (x, y) => fast.maximum(x, y), py: 'np.maximum', bool: true },
};
/** Operand patterns: a, b are 2x3 arrays at offset 0; v, w are 2x3 views at offset 1 and 2 of bigger arrays. */
const PATTERNS: Record<string, [string, string]> = {
  ab: ['a', 'b'],
  aa: ['a', 'a'],
  a3: ['a', '3'],
  '3a': ['3', 'a'],
  vb: ['v', 'b'],
  bv: ['b', 'v'],
  vv: ['v', 'v'],
  vw: ['v', 'w'],
};

function operands(dtype: string): Record<string, fast.FastArray | number> {
  const base = (k: number) => fast.asarray([5, 1, 7, 0, 2, 9, 4, 3, 8].map((x) => (x * k) % 11), { dtype: dtype as 'float64' });
  return {
    a: base(1).at(fast.slice(0, 6)).reshape([2, 3]),
    b: base(3).at(fast.slice(0, 6)).reshape([2, 3]),
    v: base(5).at(fast.slice(1, 7)).reshape([2, 3]),
    w: base(7).at(fast.slice(2, 8)).reshape([2, 3]),
    '3': 3,
  };
}

const pyOperands = `
def ops(dt):
    base = lambda k: (np.array([5, 1, 7, 0, 2, 9, 4, 3, 8]) * k % 11).astype(dt)
    return {"a": base(1)[0:6].reshape(2, 3), "b": base(3)[0:6].reshape(2, 3), "v": base(5)[1:7].reshape(2, 3), "w": base(7)[2:8].reshape(2, 3), "3": 3}
O = {dt: ops(dt) for dt in ${JSON.stringify(DTYPES)}}
`;

const cases: Record<string, string> = {};
const thunks: Record<string, () => fast.FastArray> = {};
for (const dt of DTYPES) {
  const o = operands(dt);
  for (const [name, op] of Object.entries(OPS)) {
    if (dt === 'bool' && !op.bool) continue;
    for (const [pn, [x, y]] of Object.entries(PATTERNS)) {
      // bool with a JS integer promotes to fast's default integer (int32, not NumPy's int64: promotion.ts)
      if (dt === 'bool' && (x === '3' || y === '3')) continue;
      const key = `${dt} ${name} ${pn}`;
      cases[key] = `${op.py}(O["${dt}"]["${x}"], O["${dt}"]["${y}"])`;
      thunks[key] = () => op.js(o[x], o[y]);
    }
  }
}
// graphs of several operations: chains, a shared intermediate, casts (int32 with float64), scalars inside
const CHAINS: Record<string, { js: (o: Record<string, fast.FastArray>) => fast.FastArray; py: string }> = {
  chain3: { js: ({ a, b }) => a.add(b).mul(a).sub(b), py: '(A + B) * A - B' },
  chain3v: { js: ({ v, b }) => v.add(b).mul(v).sub(b), py: '(V + B) * V - B' },
  shared: { js: ({ a, b }) => { const t = a.add(b); return t.mul(t).sub(t); }, py: '(A + B) * (A + B) - (A + B)' },
  scalars: { js: ({ a, b }) => a.mul(2).add(b).sub(0.5), py: 'A * 2 + B - 0.5' },
  scalarsFirst: { js: ({ a }) => fast.subtract(3, a).mul(a), py: '(3 - A) * A' },
  cast: { js: ({ a, i }) => a.add(i).mul(i), py: '(A + I) * I' },
  castFirst: { js: ({ a, i }) => i.mul(a).sub(a), py: 'I * A - A' },
  compare: { js: ({ a, b }) => fast.logical_and(a.lt(b), b.gt(1)), py: 'np.logical_and(A < B, B > 1)' },
};
const chainOps = (): Record<string, fast.FastArray> => {
  const base = (k: number) => fast.asarray([5, 1, 7, 0, 2, 9, 4, 3, 8].map((x) => (x * k) % 11), { dtype: 'float64' });
  return {
    a: base(1).at(fast.slice(0, 6)).reshape([2, 3]),
    b: base(3).at(fast.slice(0, 6)).reshape([2, 3]),
    v: base(5).at(fast.slice(1, 7)).reshape([2, 3]),
    i: base(7).astype('int32').at(fast.slice(2, 8)).reshape([2, 3]),
  };
};
const chainSetup = `
base = lambda k: (np.array([5, 1, 7, 0, 2, 9, 4, 3, 8], dtype=np.float64) * k % 11)
A, B, V, I = base(1)[0:6].reshape(2, 3), base(3)[0:6].reshape(2, 3), base(5)[1:7].reshape(2, 3), base(7).astype(np.int32)[2:8].reshape(2, 3)
`;
for (const [name, c] of Object.entries(CHAINS)) cases[`chain ${name}`] = c.py;
const expected = numpyEval(cases, pyOperands + chainSetup);

describe('single operations on whole contiguous operands (the simple path)', () => {
  it('every operand pattern, dtype and operation matches NumPy, on the first and the cached run, interleaved', () => {
    const keys = Object.keys(thunks);
    // first runs in order, then the cached runs in reverse (patterns of one op row alternate)
    for (const k of keys) expectSame(thunks[k](), expected[k], k);
    for (const k of keys.slice().reverse()) expectSame(thunks[k](), expected[k], `${k} (cached)`);
  });

  it('graphs of several operations (chains, shared nodes, casts, scalars) match NumPy, first and cached run', () => {
    const o = chainOps();
    const keys = Object.keys(CHAINS);
    for (const k of keys) expectSame(CHAINS[k].js(o), expected[`chain ${k}`], k);
    for (const k of keys.slice().reverse()) expectSame(CHAINS[k].js(o), expected[`chain ${k}`], `${k} (cached)`);
  });

  it('a result read after a write into memory it reads keeps the values it was built from', () => {
    const a = fast.asarray([1, 2, 3, 4]);
    const b = fast.asarray([10, 20, 30, 40]);
    fast.add(a, b).get(0); // compile and cache the kernel
    const r = fast.add(a, b);
    a.set(0, 100);
    expect(Array.from(r.toTypedArray() as Float64Array)).toEqual([11, 22, 33, 44]);
    expect(Array.from(fast.add(a, b).toTypedArray() as Float64Array)).toEqual([110, 22, 33, 44]);
  });
});
