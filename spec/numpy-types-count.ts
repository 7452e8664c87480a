/**
 * How much of NumPy's public API is typed: counts the callables of numpy, numpy.linalg, numpy.fft,
 * numpy.random (and random.Generator's methods) and numpy.polynomial declared in src/compat/numpy/generated/numpy-api.ts, by how
 * they are typed. Run: npm run build && node dist/spec/numpy-types-count.js
 */
import { readStubs, type StubTypes } from './numpy-types-generate.js';

export interface TypedCount {
  readonly area: string;
  readonly callables: number;
  /** Signatures read from NumPy's .pyi stubs. */
  readonly fromStubs: number;
  /** ufuncs: the ufunc type with nin/nout (scalars in -> scalar out, arrays in -> array out). */
  readonly ufuncs: number;
  /** Scalar types (np.float64...) and classes (np.dtype, Generator...): callable, broadly typed. */
  readonly classes: number;
  /** No stub: NumPy's parameter names (inspect.signature), broad types. */
  readonly broad: number;
}

export function countTyped(t: StubTypes): TypedCount[] {
  const areaOf = (path: string): string => (path.startsWith('random.Generator.') ? 'random.Generator' : path.includes('.') ? path.split('.')[0]! : 'numpy');
  const areas = ['numpy', 'linalg', 'fft', 'random', 'random.Generator', 'polynomial'];
  return areas.map((area) => {
    const es = t.entries.filter((e) => areaOf(e.path) === area);
    const stubbed = es.filter((e) => (e.kind === 'function' || e.kind === 'method') && !e.broad && (e.signatures?.length ?? 0) > 0);
    return {
      area,
      callables: es.length,
      fromStubs: stubbed.length,
      ufuncs: es.filter((e) => e.kind === 'ufunc').length,
      classes: es.filter((e) => e.kind === 'class' || e.kind === 'scalar-type').length,
      broad: es.filter((e) => e.broad === true).length,
    };
  });
}

if (process.argv[1]?.endsWith('numpy-types-count.js')) {
  const t = readStubs();
  const rows = countTyped(t);
  console.log(`NumPy ${t.numpy}: typed callables (every public callable is declared)`);
  console.table(rows);
  const sum = (k: keyof Omit<TypedCount, 'area'>): number => rows.reduce((n, r) => n + r[k], 0);
  console.log(`total ${sum('callables')}: ${sum('fromStubs')} from NumPy's stubs, ${sum('ufuncs')} ufuncs, ${sum('classes')} classes/scalar types, ${sum('broad')} without a stub (broad types)`);
}
