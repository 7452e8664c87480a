/**
 * a.sum() of a materialised C-contiguous float64 array takes the pairwise kernel directly
 * (codegen.ts wholeSumOfContiguous). NumPy sums such an array as one run with its pairwise scheme
 * (8 accumulators, blocks of 128): the results must be bit for bit NumPy's, at every size around the
 * block edges, for 1-d to 3-d shapes, offset views, and negative zeros (+0, as NumPy), infinities and NaN.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as fast from '../index.js';
import { f64ArrayToHex, hexToF64, runNumpy } from '../engine/kernels/numpy-oracle.js';

const SIZES = [1, 2, 7, 8, 9, 15, 16, 17, 127, 128, 129, 255, 256, 257, 1000, 2500, 4099];
const values = (n: number, seed: number): Float64Array =>
  Float64Array.from(fc.sample(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { seed, numRuns: n }));

describe('sum of a contiguous float64 array is NumPy’s, bit for bit', () => {
  const inputs = SIZES.map((n, i) => values(n, 42 + i));
  const shapes = SIZES.map((n) => (n % 4 === 0 ? [4, n / 4] : n % 3 === 0 ? [3, 1, n / 3] : [n]));
  const want = runNumpy<{ whole: string[]; tail: string[] }>(
    `xs = [unh(h) for h in INPUT["x"]]
sh = INPUT["shape"]
print(json.dumps({"whole": [h(x.reshape(s).sum()) for x, s in zip(xs, sh)], "tail": [h(x[3:].sum()) for x in xs]}))`,
    { x: inputs.map((x) => f64ArrayToHex(x)), shape: shapes },
  );
  it('whole arrays of 17 sizes and 1-3 dimensions', () => {
    SIZES.forEach((n, i) => {
      const a = fast.asarray(inputs[i].slice()).reshape(shapes[i]);
      expect(Object.is(a.sum().item(), hexToF64(want.whole[i])), `n=${n} shape ${shapes[i]}`).toBe(true);
    });
  });
  it('contiguous views that start at an offset', () => {
    SIZES.forEach((n, i) => {
      const a = fast.asarray(inputs[i].slice()).at('3:');
      expect(Object.is(a.sum().item(), hexToF64(want.tail[i])), `n=${n} [3:]`).toBe(true);
    });
  });
  it('specials: negative zeros sum to +0 as in NumPy (the sum starts from +0), inf and NaN propagate', () => {
    expect(Object.is(fast.asarray([-0, -0, -0]).sum().item(), 0)).toBe(true);
    expect(fast.asarray([1, Infinity, 2]).sum().item()).toBe(Infinity);
    expect(fast.asarray([Infinity, -Infinity]).sum().item()).toBeNaN();
    expect(fast.asarray([1, NaN]).reshape([1, 2]).sum().item()).toBeNaN();
  });
});
