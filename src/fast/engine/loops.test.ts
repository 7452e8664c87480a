/**
 * Randomised check of the loop planner (dimension ordering, merging, broadcasting, negative and
 * zero strides) and of fused reductions over such operands, against NumPy.
 */
import { describe, it } from 'vitest';
import * as fast from '../index.js';
import { expectSame, numpyEval } from '../testing/numpy-oracle.js';

/** Small deterministic PRNG (mulberry32) so the cases are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Operand {
  py: string;
  js: () => fast.FastArray;
}

/** An operand of `shape` made by slicing/transposing a bigger base array (or plain). */
function operand(r: () => number, shape: number[], id: number): Operand {
  const nd = shape.length;
  const kind = Math.floor(r() * 3);
  const base = shape.reduce((x, y) => x * y, 1);
  if (kind === 0 || nd === 0) {
    return { py: `(np.arange(${base}, dtype=np.float64).reshape(${JSON.stringify(shape)}) * ${id + 1}.5)`, js: () => fast.arange(base).astype('float64').reshape(shape).mul(id + 1.5).copy() };
  }
  if (kind === 1) {
    // transpose of the reversed shape
    const rev = shape.slice().reverse();
    return {
      py: `(np.arange(${base}, dtype=np.float64).reshape(${JSON.stringify(rev)}).T - ${id})`,
      js: () => fast.arange(base).astype('float64').sub(id).copy().reshape(rev).T,
    };
  }
  // every other element of a twice-as-long first axis, reversed
  const big = [shape[0] * 2, ...shape.slice(1)];
  const bn = big.reduce((x, y) => x * y, 1);
  return {
    py: `(np.arange(${bn}, dtype=np.float64).reshape(${JSON.stringify(big)})[::-2] / ${id + 2})`,
    js: () => fast.arange(bn).astype('float64').reshape(big).div(id + 2).copy().at('::-2'),
  };
}

const r = rng(20260522);
const cases: Record<string, string> = {};
const thunks: Record<string, () => fast.FastArray> = {};
for (let c = 0; c < 40; c++) {
  const nd = 1 + Math.floor(r() * 4);
  const shape = Array.from({ length: nd }, () => 1 + Math.floor(r() * 4));
  // the second operand broadcasts: some dims set to 1, maybe fewer dims
  const drop = Math.floor(r() * nd);
  const bshape = shape.slice(drop).map((d) => (r() < 0.4 ? 1 : d));
  const x = operand(r, shape, 0);
  const y = operand(r, bshape, 1);
  const expr = (a: string, b: string) => `${a} * 2 + ${b} - ${a} / 3`;
  cases[`ew${c}`] = expr(x.py, y.py);
  thunks[`ew${c}`] = () => x.js().mul(2).add(y.js()).sub(x.js().div(3));
  const axis = Math.floor(r() * nd);
  cases[`red${c}`] = `np.sum(${expr(x.py, y.py)}, axis=${axis - nd})`;
  thunks[`red${c}`] = () => fast.sum(x.js().mul(2).add(y.js()).sub(x.js().div(3)), { axis: axis - nd });
  cases[`max${c}`] = `np.max(${x.py} - ${y.py}, axis=${axis}, keepdims=True)`;
  thunks[`max${c}`] = () => x.js().sub(y.js()).max({ axis, keepdims: true });
  cases[`set${c}`] = `(lambda t: (t.__setitem__(Ellipsis, ${y.py}), t)[1])(${x.py}.copy().T.copy().T)`;
  thunks[`set${c}`] = () => {
    const t = x.js().T.copy().T;
    t.set('...', y.js());
    return t;
  };
}

const expected = numpyEval(cases);

describe('loop planner: random shapes, strides and broadcasting against NumPy', () => {
  for (const key of Object.keys(cases)) {
    it(key, () => expectSame(thunks[key](), expected[key], key, { rtol: key.startsWith('red') ? 1e-12 : 0 }));
  }
});

describe('flat loops (unrolled) at every length and offset', () => {
  it('element-wise results match NumPy for lengths 0..13, offsets 0 and 1, and every storage class', () => {
    const cases: { dtype: string; py: string; js: (x: fast.FastArray, y: fast.FastArray) => fast.FastArray }[] = [
      { dtype: 'float64', py: 'x * y + x - 2.5', js: (x, y) => x.mul(y).add(x).sub(2.5) },
      { dtype: 'complex128', py: 'x * y - x', js: (x, y) => x.mul(y).sub(x) },
      { dtype: 'int8', py: 'x * y + x', js: (x, y) => x.mul(y).add(x) },
      { dtype: 'bool', py: 'x ^ y', js: (x, y) => x.xor(y) },
    ];
    const exprs: Record<string, string> = {};
    const results: Record<string, fast.FastArray> = {};
    for (const c of cases) {
      for (let n = 0; n <= 13; n++) {
        for (const off of [0, 1]) {
          const xs = `np.arange(${n + off}).astype(np.${c.dtype})[${off}:]`;
          const ys = `(np.arange(${n + off}) * 3 + 1).astype(np.${c.dtype})[${off}:]`;
          const key = `${c.dtype} n=${n} offset=${off}`;
          exprs[key] = `(lambda x, y: ${c.py})(${xs}, ${ys})`;
          const x = fast.arange(n + off).astype(c.dtype as 'float64').at(fast.slice(off, null));
          const y = fast.arange(n + off).mul(3).add(1).astype(c.dtype as 'float64').at(fast.slice(off, null));
          results[key] = c.js(x, y);
        }
      }
    }
    const expected = numpyEval(exprs);
    for (const [key, r] of Object.entries(results)) expectSame(r, expected[key], key);
  });
});
