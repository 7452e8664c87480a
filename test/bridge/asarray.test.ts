/**
 * The bridge, both directions, against the real embedded NumPy: every dtype and layout, zero copy (writes
 * seen on the other side), copy semantics, lifetimes under forced garbage collection, and bad input.
 */
import { describe, expect, it } from 'vitest';
import { CopyRequiredError, DTypeError, ProtocolError } from '../../src/common/errors.js';
import { DTYPE_NAMES } from '../../src/common/dtypes.js';
import * as compat from '../../src/compat/index.js';
import { FastArray } from '../../src/fast/array.js';
import * as fast from '../../src/fast/index.js';
import { toFast, toNumpy } from '../../src/bridge/asarray.js';
import { liveExports, liveImports, releaseUnused } from '../../src/bridge/lifetime.js';
import { describeCompat } from '../compat/support.js';

const gc = (): void => {
  (globalThis as { gc?: () => void }).gc?.();
};

/** Let FinalizationRegistry callbacks run (they need a turn of the event loop after a collection). */
async function collect(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 0));
  }
}

/** Normalise elements for comparison (bigint -> string, complex objects -> [re, im]). */
function norm(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(norm);
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'object' && v !== null && 're' in v && 'im' in v) return [norm(v.re), norm(v.im)];
  if (typeof v === 'number' && Number.isInteger(v)) return `${v}`;
  return v;
}

/** Python's own tolist() of an expression, normalised the same way. */
function pyList(expr: string, vars: Record<string, unknown> = {}): unknown {
  const v = compat.evaluate(`[[z.real, z.imag] if isinstance(z, complex) else z for z in np.asarray(${expr}).ravel().tolist()]`, vars);
  return norm(v);
}

function flat(a: FastArray): unknown {
  return norm(a.ravel().toArray());
}

const LAYOUTS: Record<string, string> = {
  contiguous: 'base',
  '0-d': 'base.reshape(-1)[3, ...]',
  empty: 'base[:0]',
  'empty 2-d': 'base.reshape(4, 6)[:, :0]',
  strided: 'base[::3]',
  'negative strides': 'base[::-2]',
  '2-d negative': 'base.reshape(4, 6)[::-1, ::-2]',
  transposed: 'base.reshape(2, 3, 4).transpose(2, 0, 1)',
  fortran: 'np.asfortranarray(base.reshape(4, 6))',
  broadcast: 'np.broadcast_to(base[:6], (3, 6))',
  'zero stride 0-d base': 'np.broadcast_to(base[0], (2, 3))',
};

describeCompat('NumPy -> fast without copying', () => {
  for (const dtype of DTYPE_NAMES) {
    it(`${dtype}: every layout`, () => {
      const base = compat.evaluate(`(np.arange(24) % 7 - 2).astype('${dtype}')`) as compat.CompatArray;
      for (const [name, expr] of Object.entries(LAYOUTS)) {
        const x = compat.evaluate(expr.startsWith('base') || expr.startsWith('np') ? expr : expr, { base }) as compat.CompatArray;
        const f = toFast(x);
        expect(f.dtype, name).toBe(dtype);
        expect(f.shape, name).toEqual(x.shape);
        // Strides of an empty array address nothing; NumPy's buffer export does not keep them all.
        if (f.size > 0) expect(f.strides, name).toEqual(x.strides);
        expect(flat(f), name).toEqual(pyList('x', { x }));
        if (f.size > 0 && f.ndim > 0) {
          const addr = (f.__array_interface__.data[0]);
          expect(BigInt(addr), name).toBe(BigInt(x.__array_interface__.data[0]));
        }
      }
    });
  }

  it('fast.asarray takes NumPy arrays once the bridge is loaded (DESIGN: fast.asarray(x))', () => {
    const x = compat.evaluate('np.linspace(0, 1, 5)') as compat.CompatArray;
    const f = fast.asarray(x);
    expect(f.toArray()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    compat.exec('x[0] = 9', { x });
    expect(f.get(0)).toBe(9);
    expect(fast.asarray(x, { dtype: 'float32' }).dtype).toBe('float32');
  });

  it('writes on either side are seen on the other', () => {
    const x = compat.evaluate('np.zeros((3, 4))') as compat.CompatArray;
    const f = toFast(x).at('::-1, 1:3');
    f.set([0, 0], 7.5);
    expect(compat.evaluate('float(x[2, 1])', { x })).toBe(7.5);
    compat.exec('x[0, 2] = -1.25', { x });
    expect(f.get(2, 1)).toBe(-1.25);
  });

  it('read-only NumPy arrays give read-only views whose writes throw', () => {
    const x = compat.evaluate('np.broadcast_to(np.arange(3.0), (2, 3))') as compat.CompatArray;
    const f = toFast(x);
    expect(f.writeable).toBe(false);
    expect(() => f.set([0, 0], 1)).toThrow();
    expect(compat.evaluate('x.tolist()', { x })).toEqual([[0, 1, 2], [0, 1, 2]]);
  });

  it('follows NumPy 2 copy semantics', () => {
    const x = compat.evaluate('np.arange(6.0)') as compat.CompatArray;
    const shared = toFast(x, { copy: false });
    const copied = toFast(x, { copy: true });
    compat.exec('x[0] = 42', { x });
    expect(shared.get(0)).toBe(42);
    expect(copied.get(0)).toBe(0);
    const swapped = compat.evaluate("np.arange(4, dtype='>i4')") as compat.CompatArray;
    expect(() => toFast(swapped, { copy: false })).toThrow(CopyRequiredError);
    const s = toFast(swapped);
    expect(s.dtype).toBe('int32');
    expect(s.toArray()).toEqual([0, 1, 2, 3]);
    const cswapped = compat.evaluate("np.array([1+2j, -3.5j], dtype='>c16')") as compat.CompatArray;
    // -3.5j is complex(-0.0, -3.5) in Python
    expect(toFast(cswapped).toArray()).toEqual([{ re: 1, im: 2 }, { re: -0, im: -3.5 }]);
  });

  it('names dtypes fast lacks, with the way out', () => {
    for (const expr of ["np.array([1, 'a'], dtype=object)", "np.array(['2020-01-01'], dtype='datetime64[D]')", "np.ones(3, dtype='float16')", "np.array(['ab'])"]) {
      const x = compat.evaluate(expr) as compat.CompatArray;
      expect(() => toFast(x), expr).toThrow(DTypeError);
      expect(() => toFast(x), expr).toThrow(/astype|fast supports/);
    }
  });

  it('reads producers that only speak DLPack', () => {
    const ns = compat.exec(`
class OnlyDlpack:
    def __init__(self, a): self.a = a
    def __dlpack__(self, **kw): return self.a.__dlpack__(**kw)
    def __dlpack_device__(self): return self.a.__dlpack_device__()
src = np.arange(10, dtype=np.int16)[::-3]
p = OnlyDlpack(src)
`);
    const f = toFast(ns.p as compat.CompatArray);
    expect(f.toArray()).toEqual([9, 6, 3, 0]);
    compat.exec('src[0] = 100', { src: ns.src });
    expect(f.get(0)).toBe(100);
  });

  it('fast.from_dlpack consumes a NumPy capsule without copying; copy: true copies', () => {
    const x = compat.evaluate('np.arange(12, dtype=np.int32).reshape(3, 4)[:, ::-2]') as compat.CompatArray;
    const f = fast.from_dlpack(x);
    expect(f.toArray()).toEqual([[3, 1], [7, 5], [11, 9]]);
    compat.exec('x[0, 0] = -1', { x });
    expect(f.get(0, 0)).toBe(-1);
    const c = fast.from_dlpack(x, { copy: true });
    compat.exec('x[0, 0] = 5', { x });
    expect(c.get(0, 0)).toBe(-1);
    expect(() => fast.from_dlpack(x, { device: [2, 0] })).toThrow(/CPU/);
    expect(() => fast.from_dlpack({ __dlpack__: () => 0 })).toThrow(/live in Python/);
  });

  it('keeps the NumPy array alive while the fast view lives', async () => {
    let f: FastArray | undefined = (() => {
      const x = compat.evaluate('np.arange(100000, dtype=np.float64) * 2') as compat.CompatArray;
      const v = toFast(x);
      x.dispose();
      return v;
    })();
    await collect();
    compat.evaluate('[np.ones(100000) for _ in range(50)]'); // reuse freed memory if it had been freed
    expect(f.get(99999)).toBe(199998);
    expect(f.sum().get()).toBe(99999 * 100000);
    const before = liveImports();
    f = undefined;
    await collect();
    expect(liveImports()).toBeLessThan(before);
  });
});

describeCompat('NumPy -> fast: one buffer and one Python resource per byte range', () => {
  const churn = (): void => {
    compat.evaluate('[np.ones(100000) for _ in range(50)]'); // reuse freed memory if it had been freed
  };

  it('converting the same array again and again without dispose() holds one Py_buffer and one ArrayBuffer', () => {
    const x = compat.evaluate('np.arange(1000.0)') as compat.CompatArray;
    const refs = (): number => compat.evaluate('__import__("sys").getrefcount(x)', { x }) as number;
    const before = refs();
    const imports = liveImports();
    const views: FastArray[] = [];
    for (let i = 0; i < 1000; i++) views.push(toFast(x));
    expect(liveImports() - imports).toBe(1);
    expect(refs() - before).toBe(1);
    // storage.data, not storage.buffer: reading storage.buffer hands the memory out (toTypedArray), after
    // which only garbage collection may release the Py_buffer
    expect(views[999].storage.data.buffer).toBe(views[0].storage.data.buffer);
    views[500].set([3], -1);
    expect(views[0].get(3)).toBe(-1);
    for (const v of views) v.dispose();
    expect(liveImports()).toBe(imports);
    expect(refs()).toBe(before);
  });

  it('disposing one of two views keeps the memory for the other, after Python dropped the array', () => {
    const x = compat.evaluate('np.arange(100000.0) * 3') as compat.CompatArray;
    const f1 = toFast(x);
    const f2 = toFast(x);
    x.dispose();
    f1.dispose();
    churn();
    expect(f2.get(99999)).toBe(299997);
    const before = liveImports();
    f2.dispose();
    expect(liveImports()).toBe(before - 1);
  });

  it('x and x[:k] start at the same address; both views stay valid and share the memory', () => {
    const x = compat.evaluate('np.arange(100000.0)') as compat.CompatArray;
    const y = compat.evaluate('x[:100]', { x }) as compat.CompatArray;
    const fx = toFast(x);
    const fy = toFast(y);
    fy.set([5], -2);
    expect(fx.get(5)).toBe(-2);
    x.dispose();
    y.dispose();
    fx.dispose();
    churn();
    expect(fy.get(99)).toBe(99);
    expect(fy.get(5)).toBe(-2);
  });

  it('a range whose views were all disposed takes a new Python resource when converted again', () => {
    const x = compat.evaluate('np.arange(100000.0) + 1') as compat.CompatArray;
    toFast(x).dispose();
    const before = liveImports();
    const g = toFast(x);
    expect(liveImports()).toBe(before + 1);
    x.dispose();
    churn();
    expect(g.get(99999)).toBe(100000);
  });

  it('dispose() does not release memory NumPy can still see through an export of the view', () => {
    const x = compat.evaluate('np.arange(100000.0) * 2') as compat.CompatArray;
    const f = toFast(x);
    const y = toNumpy(f.at('::-1'));
    x.dispose();
    f.dispose();
    churn();
    expect(compat.evaluate('float(y[0]), float(y[-1])', { y })).toEqual([199998, 0]);
  });
});

describeCompat('fast -> NumPy without copying', () => {
  for (const dtype of DTYPE_NAMES) {
    it(`${dtype}: layouts`, () => {
      const base = fast.arange(24).astype(dtype);
      const cases: Record<string, FastArray> = {
        contiguous: base,
        '2-d': base.reshape([4, 6]),
        'negative strides': base.reshape([4, 6]).at('::-1, ::-2'),
        transposed: base.reshape([2, 3, 4]).transpose([2, 0, 1]),
        '0-d': base.at(5),
        empty: base.at('3:3'),
        broadcast: fast.broadcast_to(base.at(':6'), [3, 6]),
      };
      for (const [name, f] of Object.entries(cases)) {
        const x = toNumpy(f);
        expect(x.dtype, name).toBe(dtype);
        expect(x.shape, name).toEqual(f.shape);
        expect(pyList('x', { x }), name).toEqual(flat(f));
        if (f.size > 0) expect(compat.evaluate('bool(np.shares_memory(x, b))', { x, b: toNumpy(base) }), name).toBe(true);
      }
    });
  }

  it('forces lazy expressions first and shares the result', () => {
    const a = fast.arange(5).astype('float64');
    const lazy = a.add(a).mul(3);
    const x = toNumpy(lazy);
    expect(compat.evaluate('x.tolist()', { x })).toEqual([0, 6, 12, 18, 24]);
    compat.exec('x[1] = -1', { x });
    expect(lazy.get(1)).toBe(-1);
  });

  it('works as an argument to any NumPy function, including np.from_dlpack', () => {
    const np = compat.numpy();
    const fromDlpack = np.from_dlpack as (x: FastArray) => compat.CompatArray;
    const f = fast.arange(6).astype('float64').reshape([2, 3]);
    expect((np.sum(f as never) as number)).toBe(15);
    const d = fromDlpack(f);
    expect(d.shape).toEqual([2, 3]);
    compat.exec('d[1, 2] = 99', { d });
    expect(f.get(1, 2)).toBe(99);
    const ro = fast.broadcast_to(fast.arange(3).astype('float64'), [2, 3]);
    const dro = fromDlpack(ro);
    expect(compat.evaluate('d.flags.writeable', { d: dro })).toBe(false);
  });

  it('__dlpack__ hands NumPy a capsule over fast memory; __dlpack_device__ is the CPU', () => {
    const f = fast.arange(6).astype('float64').reshape([2, 3]);
    expect(f.__dlpack_device__()).toEqual([1, 0]);
    const capsule = f.__dlpack__({ max_version: [1, 0] });
    const kind = compat.evaluate('type(c).__name__', { c: capsule as never });
    expect(kind).toBe('PyCapsule');
    const d = compat.evaluate('np.from_dlpack(type("P", (), {"__dlpack__": lambda self, **kw: c, "__dlpack_device__": lambda self: (1, 0)})())', { c: capsule as never }) as compat.CompatArray;
    compat.exec('d[0, 1] = 42', { d });
    expect(f.get(0, 1)).toBe(42);
  });

  it('keeps the ArrayBuffer alive while NumPy holds it, after every JS reference is gone', async () => {
    // A deque stays a Python object in JS (a list would be converted to a JS array).
    const holder = compat.evaluate('__import__("collections").deque()') as compat.PyObjectProxy;
    (() => {
      const f = fast.arange(50000).astype('float64').mul(3);
      compat.exec('holder.append(np.asarray(f)[::-1])', { holder, f });
    })();
    await collect();
    compat.evaluate('[np.ones(50000) for _ in range(20)]');
    expect(compat.evaluate('float(holder[0][0]), float(holder[0].sum())', { holder })).toEqual([149997, 3 * (49999 * 50000) / 2]);
    const before = liveExports();
    compat.exec('holder.clear()', { holder });
    releaseUnused();
    expect(liveExports()).toBeLessThan(before);
  });

  it('copy semantics', () => {
    const f = fast.zeros([3]);
    const shared = toNumpy(f, { copy: false });
    const copied = toNumpy(f, { copy: true });
    f.set([0], 5);
    expect(compat.evaluate('float(a[0]), float(b[0])', { a: shared, b: copied })).toEqual([5, 0]);
  });
});

describeCompat('JS producers', () => {
  it('NumPy functions take scijs and stdlib ndarrays directly, over their memory', async () => {
    const ndarray = (await import('ndarray')).default;
    const stdlib = (await import('@stdlib/ndarray/ctor')).default as unknown as new (
      dtype: string, data: Float64Array, shape: number[], strides: number[], offset: number, order: string,
    ) => object;
    const np = compat.numpy();
    const data = new Float64Array([1, 2, 3, 4, 5, 6]);
    const sci = ndarray(data, [2, 3]).transpose(1, 0);
    expect((np.asarray(sci as never) as compat.CompatArray).toArray()).toEqual([[1, 4], [2, 5], [3, 6]]);
    const std = new stdlib('float64', data, [3, 2], [1, 3], 0, 'column-major');
    expect((np.sum(std as never, { axis: 0 }) as compat.CompatArray).toArray()).toEqual([6, 15]);
    const view = np.asarray(sci as never) as compat.CompatArray;
    compat.exec('v[0, 0] = 100', { v: view });
    expect(data[0]).toBe(100);
  });

  it('views raw-pointer __array_interface__ objects only behind the rawPointer opt-in, and keeps them alive', () => {
    const src = fast.arange(12).astype('int32').reshape([3, 4]);
    const producer = { __array_interface__: src.at('::-1').__array_interface__, keep: src };
    expect(() => toFast(producer)).toThrow(ProtocolError);
    const v = toFast(producer, { rawPointer: { trust: true, owner: src.toTypedArray() } });
    expect(v.writeable).toBe(false);
    expect(v.toArray()).toEqual(src.at('::-1').toArray());
    src.set([2, 0], 77);
    expect(v.get(0, 0)).toBe(77);
  });

  it('rejects malformed interfaces with the path of the bad field', () => {
    expect(() => toFast({ __array_interface__: { shape: [2], typestr: '<f8', data: [0, false], version: 3 } })).toThrow(ProtocolError);
    expect(() => toFast({ __array_interface__: { shape: [2], typestr: '<f8', data: [8, false], version: 3, strides: [8, 8] } })).toThrow(/strides/);
  });

  it('copy: false refuses nested JS arrays', () => {
    expect(() => toFast([1, 2, 3], { copy: false })).toThrow(CopyRequiredError);
    expect(toFast([1, 2, 3]).toArray()).toEqual([1, 2, 3]);
  });
});

describe('bridge without forcing compat', () => {
  it('scijs and stdlib arrays are viewed without Python', async () => {
    const ndarray = (await import('ndarray')).default;
    const data = new Float64Array([1, 2, 3, 4, 5, 6]);
    const v = toFast(ndarray(data, [2, 3]).transpose(1, 0));
    expect(v.toArray()).toEqual([[1, 4], [2, 5], [3, 6]]);
    data[0] = 10;
    expect(v.get(0, 0)).toBe(10);
  });
});
