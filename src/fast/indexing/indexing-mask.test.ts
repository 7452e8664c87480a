/**
 * The whole-array boolean mask path of indexing (`a[mask]`, `a[mask] = v` with a mask of a's shape):
 * every dtype, strided and reversed layouts of the array and of the mask, lazy masks, scalar and
 * array values, casts, empty and full masks, compared with NumPy; then a seeded property test over
 * random shapes, layouts, masks and values, in one python3 call.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexError, ShapeError } from '../../common/errors.js';
import * as fast from '../index.js';
import { expectSame, numpyEval } from '../testing/numpy-oracle.js';

const SETUP = 'M = np.arange(20, dtype=np.int32).reshape(4, 5)\nA = np.arange(24, dtype=np.int32).reshape(2, 3, 4)';
/** `target` with `target[mask] = value`; X in mask and value names the target itself. */
const setExpr = (target: string, mask: string, value: string): string =>
  `(lambda a: (a.__setitem__(${mask.replace(/\bX\b/g, 'a')}, ${value.replace(/\bX\b/g, 'a')}), a)[1])(${target})`;

const DTYPES = ['float64', 'float32', 'int32', 'int16', 'uint8', 'int64', 'uint64', 'bool', 'complex128'] as const;

const cases: Record<string, string> = {};
for (const dt of DTYPES) {
  cases[`get-${dt}`] = `M.astype(np.${dt})[M % 3 == 1]`;
  cases[`getT-${dt}`] = `M.astype(np.${dt}).T[M.T % 3 == 1]`;
  cases[`set-${dt}`] = setExpr(`M.astype(np.${dt})`, 'M % 3 == 1', '1');
  cases[`setArr-${dt}`] = setExpr(`M.astype(np.${dt})`, 'M % 3 == 1', 'np.arange(7)[::-1]');
}
cases.getView = 'M[::-1, 1::2][(M[::-1, 1::2] % 2) == 0]';
cases.get3d = 'A[A % 5 > 1]';
cases.get3dRev = 'A[::-1, :, ::-2][(A[::-1, :, ::-2] % 3) == 0]';
cases.getNone = 'M[M > 100]';
cases.getAll = 'M[M >= 0]';
cases.get1d = 'np.arange(10, dtype=np.int32)[np.arange(10) % 4 == 0]';
cases.setOnView = '(lambda a: (a[1:, ::2].__setitem__(a[1:, ::2] > 8, -1), a)[1])(M.copy())';
cases.setCast = setExpr('M.copy()', 'M > 10', '2.75');
cases.setFloatOnInt = setExpr('M.copy()', 'M > 10', 'np.arange(9) * 1.5');
cases.setBroadcast1 = setExpr('M.astype(np.float64)', 'M > 10', 'np.array([7.5])');
cases.setNone = setExpr('M.copy()', 'M > 100', '5');
cases.setSelf = setExpr('M.astype(np.float64)', 'X > 10', 'X[X > 10] * 2');
cases.setComplex = setExpr('M.astype(np.complex128)', 'M % 2 == 0', '1 - 2j');
cases.setLife = '(lambda z: (z.__setitem__(Ellipsis, 0), z[1:-1, 1:-1].__setitem__(np.arange(6).reshape(2, 3) % 2 == 0, 1), z)[2])(M.astype(np.float64))';

const E = numpyEval(cases, SETUP);
const M = (): fast.FastArray => fast.arange(20).reshape([4, 5]);
const A = (): fast.FastArray => fast.arange(24).reshape([2, 3, 4]);

describe('whole-array boolean masks match NumPy', () => {
  it('reads every dtype, C order and transposed', () => {
    for (const dt of DTYPES) {
      const m = M().astype(dt);
      expectSame(m.at(M().mod(3).eq(1)), E[`get-${dt}`], `get ${dt}`);
      expectSame(m.T.at(M().T.mod(3).eq(1)), E[`getT-${dt}`], `getT ${dt}`);
    }
  });

  it('writes a scalar and an array of the selected count into every dtype', () => {
    for (const dt of DTYPES) {
      const a = M().astype(dt);
      a.set(M().mod(3).eq(1), 1);
      expectSame(a, E[`set-${dt}`], `set ${dt}`);
      const b = M().astype(dt);
      b.set(M().mod(3).eq(1), fast.arange(7).at('::-1'));
      expectSame(b, E[`setArr-${dt}`], `setArr ${dt}`);
    }
  });

  it('strided, reversed and 3-d layouts; empty, full and 1-d masks', () => {
    const v = M().at('::-1, 1::2');
    expectSame(v.at(v.mod(2).eq(0)), E.getView, 'getView');
    const a = A();
    expectSame(a.at(a.mod(5).gt(1)), E.get3d, 'get3d');
    const r = A().at('::-1, :, ::-2');
    expectSame(r.at(r.mod(3).eq(0)), E.get3dRev, 'get3dRev');
    expectSame(M().at(M().gt(100)), E.getNone, 'getNone');
    expectSame(M().at(M().ge(0)), E.getAll, 'getAll');
    expectSame(fast.arange(10).at(fast.arange(10).mod(4).eq(0)), E.get1d, 'get1d');
  });

  it('writes through views, casts, broadcasts a 1-element value, and reads its own values first', () => {
    const m1 = M();
    const view = m1.at('1:, ::2');
    view.set(view.gt(8), -1);
    expectSame(m1, E.setOnView, 'setOnView');
    const c = M();
    c.set(M().gt(10), 2.75);
    expectSame(c, E.setCast, 'setCast');
    const f = M();
    f.set(M().gt(10), fast.arange(9).mul(1.5));
    expectSame(f, E.setFloatOnInt, 'setFloatOnInt');
    const b = M().astype('float64');
    b.set(M().gt(10), fast.asarray([7.5]));
    expectSame(b, E.setBroadcast1, 'setBroadcast1');
    const n = M();
    n.set(M().gt(100), 5);
    expectSame(n, E.setNone, 'setNone');
    const s = M().astype('float64');
    s.set(s.gt(10), s.at(s.gt(10)).mul(2));
    expectSame(s, E.setSelf, 'setSelf');
    const z = M().astype('complex128');
    z.set(M().mod(2).eq(0), { re: 1, im: -2 });
    expectSame(z, E.setComplex, 'setComplex');
  });

  it('a lazy mask that reads the array is computed before the write (Game of Life step)', () => {
    const z = M().astype('float64');
    const inner = z.at('1:-1, 1:-1');
    const alive = fast.arange(6).reshape([2, 3]).mod(2).eq(0);
    z.set('...', 0);
    inner.set(alive, 1);
    expectSame(z, E.setLife, 'setLife');
  });

  it('a mask of the wrong shape or a value of the wrong length is refused as NumPy refuses it', () => {
    expect(() => M().at(fast.ones([4, 4], { dtype: 'bool' }))).toThrow(IndexError);
    expect(() => M().set(M().gt(10), fast.arange(3))).toThrow(ShapeError);
  });
});

describe('whole-array masks: seeded property test against NumPy', () => {
  const layouts = ['c', 'T', 'rev', 'step'] as const;
  const arb = fc.record({
    shape: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
    layout: fc.constantFrom(...layouts),
    bits: fc.array(fc.boolean(), { minLength: 125, maxLength: 125 }),
    dtype: fc.constantFrom('float64', 'int32', 'uint8', 'int64'),
    scalar: fc.boolean(),
  });
  const samples = fc.sample(arb, { seed: 42, numRuns: 60 });
  const pyLayout = (l: (typeof layouts)[number]): string => ({ c: '', T: '.T', rev: '[::-1]', step: '[..., ::2]' })[l];
  const jsLayout = (a: fast.FastArray, l: (typeof layouts)[number]): fast.FastArray =>
    l === 'c' ? a : l === 'T' ? a.T : l === 'rev' ? a.at('::-1') : a.at('..., ::2');
  const pc: Record<string, string> = {};
  samples.forEach((s, i) => {
    const n = s.shape.reduce((x, y) => x * y, 1);
    const bits = `np.array([${s.bits.slice(0, n).map((b) => (b ? 'True' : 'False')).join(', ')}]).reshape(${s.shape.join(', ')},)`;
    const base = `np.arange(${n}).astype(np.${s.dtype}).reshape(${s.shape.join(', ')},)`;
    pc[`g${i}`] = `${base}${pyLayout(s.layout)}[${bits}${pyLayout(s.layout)}]`;
    const val = s.scalar ? '3' : `np.arange(int((${bits}${pyLayout(s.layout)}).sum())) + 100`;
    pc[`s${i}`] = `(lambda a: (a${pyLayout(s.layout)}.__setitem__(${bits}${pyLayout(s.layout)}, ${val}), a)[1])(${base})`;
  });
  const PE = numpyEval(pc);
  it('60 random shapes, layouts, masks, dtypes and values read and written like NumPy', () => {
    samples.forEach((s, i) => {
      const n = s.shape.reduce((x, y) => x * y, 1);
      const mask = jsLayout(fast.asarray(s.bits.slice(0, n), { dtype: 'bool' }).reshape(s.shape), s.layout);
      const a = fast.arange(n).astype(s.dtype).reshape(s.shape);
      expectSame(jsLayout(a, s.layout).at(mask), PE[`g${i}`], `g${i}`);
      const count = Number(mask.astype('int32').sum().item());
      jsLayout(a, s.layout).set(mask, s.scalar ? 3 : fast.arange(count).add(100));
      expectSame(a, PE[`s${i}`], `s${i}`);
    });
  });
});
