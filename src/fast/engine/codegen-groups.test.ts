/**
 * Kernels where several leaves are views of one array with the same strides (shifted slices,
 * stencils: they share one loop pointer) and plain copies (memcpy path), against NumPy.
 */
import { describe, it } from 'vitest';
import type { DTypeName } from '../../common/dtypes.js';
import * as fast from '../index.js';
import { expectSame, numpyEval } from '../testing/numpy-oracle.js';

const img = (dt: string, w: number): string => `(np.arange(${w * w}, dtype=np.float64).reshape(${w}, ${w}) % 17 / 7).astype('${dt}')`;
const imgJs = (dt: DTypeName, w: number): fast.FastArray =>
  fast.arange(w * w).astype('float64').reshape([w, w]).mod(17).div(7).astype(dt).copy();

/** sum over u, v < k of c(u, v) * x[u:u+m, v:v+m] (a valid convolution written with slices). */
function stencilPy(x: string, w: number, k: number, step = 1): string {
  const m = w - k + 1;
  const terms: string[] = [];
  for (let u = 0; u < k; u++) for (let v = 0; v < k; v++) terms.push(`${(u * k + v + 1) / 8} * ${x}[${u}:${u + m}, ${v}:${v + m}:${step}]`);
  return terms.join(' + ');
}
function stencilJs(x: fast.FastArray, w: number, k: number, step = 1): fast.FastArray {
  const m = w - k + 1;
  let out: fast.FastArray | null = null;
  for (let u = 0; u < k; u++) {
    for (let v = 0; v < k; v++) {
      const t = x.at(fast.slice(u, u + m), fast.slice(v, v + m, step)).mul((u * k + v + 1) / 8);
      out = out === null ? t : out.add(t);
    }
  }
  return out!;
}

const cases: Record<string, string> = {};
const thunks: Record<string, () => fast.FastArray> = {};
for (const dt of ['float64', 'float32', 'complex128', 'int32'] as const) {
  for (const [w, k, step] of [[12, 3, 1], [20, 9, 1], [11, 2, 3]] as const) {
    const key = `${dt}-${w}-${k}-${step}`;
    cases[key] = stencilPy(img(dt, w), w, k, step);
    thunks[key] = () => stencilJs(imgJs(dt, w), w, k, step);
  }
}
// two arrays, each read through several shifted views, plus a broadcast row of one of them
cases.mixed = `(lambda a, b: a[1:, :-1] * b[:-1, 1:] + a[:-1, 1:] - b[1:, :-1] * a[0:1, 1:])(${img('float64', 9)}, ${img('float64', 9)}.T * 2)`;
thunks.mixed = () => {
  const a = imgJs('float64', 9);
  const b = imgJs('float64', 9).T.mul(2).copy();
  return a.at('1:, :-1').mul(b.at(':-1, 1:')).add(a.at(':-1, 1:')).sub(b.at('1:, :-1').mul(a.at('0:1, 1:')));
};
// copies: contiguous (memcpy path), offset views, reversed and strided (kernel path)
for (const [name, idx] of [['whole', '...'], ['offset', '3:17'], ['reversed', '::-1'], ['strided', '1::2']] as const) {
  cases[`copy-${name}`] = `np.arange(20, dtype=np.float64)[${idx === '...' ? '...' : idx}].copy()`;
  thunks[`copy-${name}`] = () => fast.arange(20).astype('float64').copy().at(idx).copy();
  cases[`setall-${name}`] = `(lambda t: (t.__setitem__(Ellipsis, np.arange(20, dtype=np.float64)[${idx}] * 3), t)[1])(np.zeros(len(range(20)[${idx === '...' ? ':' : idx}])))`;
  thunks[`setall-${name}`] = () => {
    const src = fast.arange(20).astype('float64').mul(3).copy().at(idx);
    const t = fast.zeros([src.size]);
    t.set('...', src);
    return t;
  };
}

const expected = numpyEval(cases);

describe('grouped leaves and copies against NumPy', () => {
  for (const key of Object.keys(cases)) {
    it(key, () => expectSame(thunks[key](), expected[key], key, { rtol: key.startsWith('float32') ? 1e-6 : key.startsWith('complex') || key.startsWith('float64') ? 1e-13 : 0 }));
  }
});
