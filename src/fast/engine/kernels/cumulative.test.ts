import { describe, expect, it } from 'vitest';
import { DTypeError } from '../../../common/errors.js';
import { f64Bits, hexToF64Array, runNumpy } from './numpy-oracle.js';
import { cumulativeComplex, cumulativeProd, cumulativeSum } from './cumulative.js';
import type { KernelArray } from './types.js';

// [input dtype, output dtype]; the run is buf[::-2] (offset len-1, stride -2) of 2n-1 elements.
const PAIRS: Array<[string, string]> = [
  ['float64', 'float64'], ['float32', 'float32'], ['int8', 'int8'], ['int8', 'int32'], ['int32', 'int32'],
  ['uint32', 'uint32'], ['int64', 'int64'], ['uint64', 'uint64'], ['bool', 'int32'], ['uint8', 'float64'],
  ['complex128', 'complex128'], ['complex64', 'complex64'],
];
const LENGTHS = [0, 1, 6, 300];

type Enc = string | Array<number | string>;
interface Case { buf: Enc; sum: Enc; prod: Enc; sumInit: Enc; prodInit: Enc }

const exp = runNumpy<Record<string, Case[]>>(
  `
import warnings
warnings.simplefilter('ignore')
rng = np.random.default_rng(11)
def make(dt, n):
    if dt in ('float64', 'float32'):
        return (rng.standard_normal(n) * 10.0 ** rng.integers(-3, 4, n) + 1.0).astype(dt)
    if dt in ('complex128', 'complex64'):
        return (rng.standard_normal(n) * 1.01 + 1j * rng.standard_normal(n)).astype(dt)
    if dt == 'bool':
        return rng.integers(0, 2, n).astype(bool)
    info = np.iinfo(dt)
    lo, hi = max(info.min, -1000), min(info.max, 1000)
    return rng.integers(lo, hi, n, dtype=dt, endpoint=True)
def enc(x):
    if x.dtype.kind == 'f':
        return hs(x)
    if x.dtype.kind == 'c':
        return hs(x.view(np.float64 if x.dtype == np.complex128 else np.float32))
    if x.dtype.itemsize == 8:
        return [str(int(v)) for v in x]
    return [int(v) for v in x]
out = {}
for din, dout in INPUT['pairs']:
    cases = []
    for n in INPUT['lengths']:
        buf = make(din, max(2 * n - 1, 1))
        x = buf[::-2][:n]
        cases.append({'buf': enc(buf),
            'sum': enc(np.cumulative_sum(x, dtype=dout)), 'prod': enc(np.cumulative_prod(x, dtype=dout)),
            'sumInit': enc(np.cumulative_sum(x, dtype=dout, include_initial=True)),
            'prodInit': enc(np.cumulative_prod(x, dtype=dout, include_initial=True))})
    out[din + '->' + dout] = cases
print(json.dumps(out))
`,
  { pairs: PAIRS, lengths: LENGTHS },
);

function decode(dtype: string, x: Enc): KernelArray {
  switch (dtype) {
    case 'float64':
    case 'complex128':
      return hexToF64Array(x as string);
    case 'float32':
    case 'complex64':
      return Float32Array.from(hexToF64Array(x as string));
    case 'int64':
      return BigInt64Array.from((x as string[]).map(BigInt));
    case 'uint64':
      return BigUint64Array.from((x as string[]).map(BigInt));
    case 'int8':
      return Int8Array.from(x as number[]);
    case 'int32':
      return Int32Array.from(x as number[]);
    case 'uint32':
      return Uint32Array.from(x as number[]);
    default:
      return Uint8Array.from(x as number[]);
  }
}

const bits = (a: KernelArray): string[] =>
  Array.from(a as ArrayLike<number | bigint>, (v) => (typeof v === 'number' ? f64Bits(v) : String(v)));

describe('cumulative kernels are bit-identical to np.cumulative_sum / np.cumulative_prod', () => {
  for (const [din, dout] of PAIRS) {
    LENGTHS.forEach((n, t) => {
      it(`${din} -> ${dout}, n=${n}, stride -2, with and without include_initial`, () => {
        const c = exp[`${din}->${dout}`][t];
        const x = decode(din, c.buf);
        const complex = din.startsWith('complex');
        const len = complex ? x.length / 2 : x.length;
        const Out = decode(dout, c.sum).constructor as new (k: number) => KernelArray;
        for (const [prod, init, want] of [[false, false, c.sum], [true, false, c.prod], [false, true, c.sumInit], [true, true, c.prodInit]] as const) {
          const m = n + (init ? 1 : 0);
          const out = new Out((complex ? 2 : 1) * m);
          const o = { data: out, offset: 0, stride: 1 };
          if (complex) cumulativeComplex(x as Float64Array, len - 1, n, -2, o as { data: Float64Array; offset: number; stride: number }, prod, init);
          else if (prod) cumulativeProd(x, len - 1, n, -2, o, init);
          else cumulativeSum(x, len - 1, n, -2, o, init);
          expect([prod, init, bits(out)]).toEqual([prod, init, bits(decode(dout, want))]);
        }
      });
    });
  }

  it('rejects mixing bigint and number storage', () => {
    expect(() => cumulativeSum(new Int32Array(2), 0, 2, 1, { data: new BigInt64Array(2), offset: 0, stride: 1 })).toThrow(DTypeError);
  });
});
