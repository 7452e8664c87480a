import { describe, expect, it } from 'vitest';
import { DTYPE_NAMES, type DTypeName } from '../../common/dtypes.js';
import { DTypeError, NdbridgeError, ValueError } from '../../common/errors.js';
import * as fast from '../index.js';
import * as internal from '../../internal.js';
import { DATA, MK_PY, mk } from '../testing/fixtures.js';
import { expectSame, numpyEval } from '../testing/numpy-oracle.js';

const BIN = ['add', 'subtract', 'multiply', 'divide', 'floor_divide', 'remainder', 'equal', 'not_equal', 'less', 'less_equal', 'greater', 'greater_equal', 'logical_and', 'logical_or', 'logical_xor', 'bitwise_and', 'bitwise_or', 'bitwise_xor'] as const;
const UN = ['negative', 'abs', 'logical_not', 'bitwise_invert', 'positive'] as const;
const PY_NAME: Record<string, string> = { pow: 'power', bitwise_invert: 'invert' };
const py = (n: string) => `np.${PY_NAME[n] ?? n}`;

// every dtype with itself (rotated operand), a set of mixed pairs, and weak scalars
const MIXED: [DTypeName, DTypeName][] = [
  ['int8', 'uint8'], ['int32', 'float32'], ['int64', 'uint64'], ['bool', 'int8'], ['uint32', 'int32'],
  ['float32', 'float64'], ['int16', 'complex64'], ['float32', 'complex128'], ['uint16', 'float32'], ['int64', 'float64'],
];
const SCALARS: [string, string, number | boolean | bigint][] = [
  ['3', '3', 3], ['m2', '-2', -2], ['f', '2.5', 2.5], ['t', 'True', true], ['big', '5', 5n],
];

const cases: Record<string, string> = {};
type Thunk = () => fast.FastArray;
const thunks: Record<string, Thunk> = {};
const add = (key: string, pyExpr: string, js: Thunk) => {
  cases[key] = pyExpr;
  thunks[key] = js;
};

for (const d of DTYPE_NAMES) {
  for (const op of BIN) add(`${op}/${d}`, `${py(op)}(mk("${d}"), mk("${d}", 3))`, () => fast.apply(op, [mk(d), mk(d, 3)]));
  for (const op of UN) add(`${op}/${d}`, `${py(op)}(mk("${d}"))`, () => fast.apply(op, [mk(d)]));
  // pow: non-negative exponents for integers (NumPy refuses negative integer powers)
  add(`pow/${d}`, `np.power(mk("${d}"), np.abs(mk("${d}", 3)) % 5 if mk("${d}").dtype.kind in "iu" else mk("${d}", 3))`, () => {
    const e = mk(d, 3);
    return fast.pow(mk(d), 'iu'.includes(kindChar(d)) ? fast.remainder(fast.abs(e), 5) : e);
  });
  for (const [name, pyv, jsv] of SCALARS) {
    if (typeof jsv === 'bigint' && (d === 'bool' || d.startsWith('float') || d.startsWith('complex'))) continue;
    add(`add-scalar-${name}/${d}`, `mk("${d}") + ${pyv}`, () => mk(d).add(jsv));
    add(`mul-scalar-${name}/${d}`, `${pyv} * mk("${d}")`, () => fast.multiply(jsv, mk(d)));
    add(`lt-scalar-${name}/${d}`, `mk("${d}") < ${pyv}`, () => mk(d).lt(jsv));
  }
}
for (const [a, b] of MIXED) {
  for (const op of ['add', 'subtract', 'multiply', 'divide', 'equal', 'less'] as const) {
    add(`${op}/${a}x${b}`, `${py(op)}(mk("${a}"), mk("${b}", 2))`, () => fast.apply(op, [mk(a), mk(b, 2)]));
  }
}

function kindChar(d: DTypeName): string {
  return d === 'bool' ? 'b' : d.startsWith('uint') ? 'u' : d.startsWith('int') ? 'i' : d.startsWith('float') ? 'f' : 'c';
}

const expected = numpyEval(cases, `${MK_PY}\nimport warnings\nwarnings.simplefilter("ignore")\nnp.seterr(all="ignore")`);

/** NumPy's default integer is int64, fast's is int32: results NumPy types int64 only because of that. */
function fastDType(key: string, npDtype: string): DTypeName | undefined {
  if (npDtype === 'int64' && /\/bool$/.test(key) && /scalar-(3|m2|big)/.test(key)) return 'int32';
  return undefined;
}

describe('element-wise operations match NumPy for every dtype, edge values included', () => {
  for (const key of Object.keys(cases)) {
    it(key, () => {
      const exp = expected[key];
      if ('error' in exp) {
        let err: unknown;
        try {
          thunks[key]().toArray();
        } catch (e) {
          err = e;
        }
        expect(err, `${key}: NumPy raised ${exp.error}: ${exp.message}`).toBeInstanceOf(NdbridgeError);
        return;
      }
      if ('str' in exp) throw new Error('unexpected');
      const complexTranscendental = key.startsWith('pow/complex') || (key.startsWith('abs/complex'));
      // complex pow is computed through exp/log (as NumPy's npy_cpow for non-integer powers): a few ulps
      expectSame(thunks[key](), exp, key, { rtol: complexTranscendental ? 1e-6 : 0, dtype: fastDType(key, exp.dtype) });
    });
  }
});

describe('engine behaviour', () => {
  it('is lazy: nothing is computed until a value is needed, then cached', () => {
    const a = fast.arange(6);
    const b = a.add(1).mul(2);
    expect(b.lazy).toBe(true);
    expect(b.get(2)).toBe(6);
    expect(b.lazy).toBe(false);
    const count = internal.compiledKernelCount();
    const c = fast.arange(10).add(1).mul(2);
    c.toArray();
    expect(internal.compiledKernelCount()).toBe(count); // same signature, no recompilation
  });

  it('fuses chains: each leaf read once per element, shared sub-expressions computed once', () => {
    const a = fast.zeros([10]);
    const five = a.add(a).add(a).add(a).add(a);
    expect(fast.explain(five)).toMatchObject({ leaves: 1, operations: 4 });
    const b = a.add(1);
    expect(fast.explain(b.mul(b))).toMatchObject({ leaves: 1, operations: 2 });
    const mixed = fast.arange(10).add(a); // int32 + float64: one cast node, then the add
    expect(fast.explain(mixed)).toMatchObject({ leaves: 2, operations: 2 });
    expect(five.toArray()).toEqual(new Array(10).fill(0));
  });

  it('long chains are cut into bounded kernels and stay correct', () => {
    let x = fast.arange(4);
    for (let i = 0; i < 1000; i++) x = x.add(1);
    expect(x.toArray()).toEqual([1000, 1001, 1002, 1003]);
    expect(fast.explain(x).operations).toBeLessThan(300);
  });

  it('new operations are table rows: defineOp + apply', () => {
    internal.defineOp({
      name: 'test_square_plus_one',
      arity: 1,
      types: (d) => ({ compute: d, result: d }),
      emit: (d, o, a) => (internal.reprOf(d) === 'num' ? `const ${o} = ${internal.wrap(d, `${a} * ${a} + 1`)};` : null),
    });
    expect(fast.apply('test_square_plus_one', [fast.arange(4)]).toArray()).toEqual([1, 2, 5, 10]);
    expect(fast.apply('test_square_plus_one', [fast.asarray([200], { dtype: 'uint8' })]).toArray()).toEqual([(200 * 200 + 1) % 256]);
    expect(() => fast.apply('test_square_plus_one', [fast.asarray([1n])]).toArray()).toThrow(/not implemented/);
  });

  it('0-d and empty operands, scalar-only operations', () => {
    expect(fast.add(1, 2).toArray()).toBe(3);
    expect(fast.add(1, 2).dtype).toBe('int32');
    expect(fast.asarray(2.5).mul(fast.arange(3)).toArray()).toEqual([0, 2.5, 5]);
    const e = fast.zeros([0, 3]).add(fast.ones([3]));
    expect(e.shape).toEqual([0, 3]);
    expect(e.toArray()).toEqual([]);
  });

  it('set() fast path and slow path agree with NumPy on range checks', () => {
    const a = fast.zeros([2, 2], { dtype: 'uint8' });
    a.set([1, 1], 255);
    a.set([0, 1], 1.9);
    expect(a.toArray()).toEqual([[0, 1], [0, 255]]);
    expect(() => a.set([0, 0], 256)).toThrow(/out of bounds for uint8/);
    expect(() => a.set([0, 0], -1)).toThrow(/out of bounds for uint8/);
    const f = fast.zeros([3]);
    f.set(2, NaN);
    f.set(-1, Number.NaN);
    expect(Number.isNaN(f.get(2) as number)).toBe(true);
  });

  it('a write to an array forces lazy arrays that read it first (NumPy value semantics)', () => {
    const a = fast.asarray([1, 2, 3]);
    const b = a.add(10);
    a.set(0, 100);
    expect(b.toArray()).toEqual([11, 12, 13]);
  });

  it('broadcasting, strided and negative-stride operands', () => {
    const a = fast.arange(12).reshape([3, 4]);
    const col = fast.asarray([[1], [2], [3]]);
    expect(a.add(col).toArray()).toEqual([[1, 2, 3, 4], [6, 7, 8, 9], [11, 12, 13, 14]]);
    expect(a.T.mul(a.T).toArray()).toEqual([[0, 16, 64], [1, 25, 81], [4, 36, 100], [9, 49, 121]]);
    expect(fast.arange(6).at('2:').add(fast.arange(6).at('1:5')).toArray()).toEqual([3, 5, 7, 9]); // flat loop, offsets
    expect(a.flip().sub(a).toArray()).toEqual([[11, 9, 7, 5], [3, 1, -1, -3], [-5, -7, -9, -11]]);
    expect(() => a.add(fast.ones([3]))).toThrow(/cannot be broadcast/);
  });

  it('rejects what NumPy rejects with typed errors', () => {
    expect(() => fast.subtract(mk('bool'), mk('bool'))).toThrow(DTypeError);
    expect(() => fast.negative(mk('bool'))).toThrow(DTypeError);
    expect(() => fast.bitwise_and(mk('float64'), mk('float64'))).toThrow(DTypeError);
    expect(() => mk('int8').add(300)).toThrow(ValueError);
    expect(() => fast.pow(fast.asarray([2]), -1).toArray()).toThrow(/negative integer powers/);
    expect(() => fast.add(mk('int8'), 'x' as never)).toThrow(DTypeError);
    expect(DATA.bool.length).toBe(8);
  });
});
