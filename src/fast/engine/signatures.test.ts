/**
 * FAST_SIGNATURES against NumPy itself (python3 + NumPy, read at test time): for every entry,
 * positional ∪ options ∪ unsupported is exactly NumPy's parameter names; every public fast function
 * NumPy also has has an entry; every entry names a function fast exports; and each entry's keys
 * behave as the table says when fast is called (accepted, refused as NotSupportedError, unknown).
 */
import { describe, expect, it } from 'vitest';
import { NotSupportedError } from '../../common/errors.js';
import * as fast from '../index.js';
import { FAST_SIGNATURES } from './signatures.js';
import { checkOptions } from './options.js';
import { runNumpy } from './kernels/numpy-oracle.js';
import { numpySignature } from '../../../spec/numpy-signatures.js';

type Fn = (...args: unknown[]) => unknown;
const ns = fast as unknown as Record<string, unknown>;
const SUBMODULES = ['linalg', 'fft', 'random'] as const;

/** fast's public functions by nd's dotted path. */
function fastFunctions(): Map<string, Fn> {
  const out = new Map<string, Fn>();
  for (const [k, v] of Object.entries(ns)) if (typeof v === 'function' && /^[a-z_][a-z0-9_]*$/.test(k)) out.set(k, v as Fn);
  for (const m of SUBMODULES) {
    for (const [k, v] of Object.entries(ns[m] as Record<string, unknown>)) if (typeof v === 'function') out.set(`${m}.${k}`, v as Fn);
  }
  return out;
}

const FUNCS = fastFunctions();

/** NumPy's parameter names (ufuncs: operands, positional outputs out1.., and the ufunc keywords). */
const NUMPY = runNumpy<Record<string, string[] | null>>(
  `
import inspect
res = {}
KW = ['out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature']
for path in INPUT:
    obj = np
    for part in path.split('.'):
        obj = getattr(obj, part, None)
    if obj is None or not callable(obj):
        res[path] = None
        continue
    if isinstance(obj, np.ufunc):
        pos = ['x'] if obj.nin == 1 else ['x%d' % (i + 1) for i in range(obj.nin)]
        # generalized ufuncs (matmul, vecdot) take axes/axis/keepdims and no where
        res[path] = pos + ([k for k in KW if k != 'where'] + ['axes', 'axis', 'keepdims'] if obj.signature else KW)
        continue
    sig = inspect.signature(obj)
    res[path] = [p.name for p in sig.parameters.values() if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
print(json.dumps(res))
`,
  [...new Set([...FUNCS.keys(), ...Object.keys(FAST_SIGNATURES)])],
);

describe('FAST_SIGNATURES', () => {
  it('covers every NumPy parameter of every entry exactly once', () => {
    const problems: string[] = [];
    for (const [path, s] of Object.entries(FAST_SIGNATURES)) {
      const np = NUMPY[path];
      if (np === null || np === undefined) {
        problems.push(`${path}: NumPy has no such function`);
        continue;
      }
      const mine = [...s.positional, ...Object.keys(s.options), ...s.unsupported];
      const dup = mine.filter((p, i) => mine.indexOf(p) !== i);
      const missing = np.filter((p) => !mine.includes(p));
      const extra = mine.filter((p) => !np.includes(p));
      if (dup.length || missing.length || extra.length) {
        problems.push(`${path}: missing [${missing.join(', ')}] extra [${extra.join(', ')}] duplicated [${dup.join(', ')}]`);
      }
      for (const k of s.fastOnly ?? []) if (np.includes(k)) problems.push(`${path}: fastOnly key ${k} is a NumPy parameter`);
    }
    expect(problems).toEqual([]);
  });

  it('agrees with spec/numpy-signatures.json (the table nd binds calls with)', () => {
    const problems: string[] = [];
    for (const [path, s] of Object.entries(FAST_SIGNATURES)) {
      const f = numpySignature(path);
      if (path === '__array_namespace_info__') continue; // an Array API inspection function nd does not bind
      if (f === undefined || f.params === null) {
        problems.push(`${path}: not in spec/numpy-signatures.json`);
        continue;
      }
      const names = f.params.filter((p) => p.kind !== 'var-positional' && p.kind !== 'var-keyword').map((p) => p.name);
      const mine = [...s.positional, ...Object.keys(s.options), ...s.unsupported];
      const missing = names.filter((p) => !mine.includes(p));
      const extra = mine.filter((p) => !names.includes(p));
      if (missing.length || extra.length) problems.push(`${path}: missing [${missing.join(', ')}] extra [${extra.join(', ')}]`);
    }
    expect(problems).toEqual([]);
  });

  it("accepts NumPy's default value of every parameter it refuses (passing the default is not a request for the corner)", () => {
    const problems: string[] = [];
    for (const [path, s] of Object.entries(FAST_SIGNATURES)) {
      const f = numpySignature(path);
      for (const p of s.unsupported) {
        const d = f?.params?.find((q) => q.name === p)?.default;
        if (d === undefined || d.kind !== 'value') continue;
        try {
          checkOptions(path, { [p]: d.value });
        } catch (e) {
          problems.push(`${path}.${p} = ${JSON.stringify(d.value)}: ${String(e)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has an entry for every public fast function that NumPy also has, and only for functions fast exports', () => {
    const missing = [...FUNCS.keys()].filter((p) => NUMPY[p] && FAST_SIGNATURES[p] === undefined);
    expect(missing).toEqual([]);
    const notExported = Object.keys(FAST_SIGNATURES).filter((p) => !FUNCS.has(p));
    expect(notExported).toEqual([]);
  });

  // Calls a NumPy user would write, each with one option that exercises the table's answer.
  const x = () => fast.asarray([[1, 5, 3], [4, 2, 6]], { dtype: 'float64' });
  const CALLS: Record<string, (opts: Record<string, unknown>) => unknown> = {
    sum: (o) => fast.sum(x(), o),
    prod: (o) => fast.prod(x(), o),
    mean: (o) => fast.mean(x(), o),
    max: (o) => fast.max(x(), o),
    std: (o) => fast.std(x(), o),
    cumsum: (o) => fast.cumsum(x(), o),
    argmax: (o) => fast.argmax(x(), o),
    nansum: (o) => fast.nansum(x(), o),
    median: (o) => fast.median(x(), o),
    sort: (o) => fast.sort(x(), o),
    concat: (o) => fast.concat([x(), x()], o),
    take: (o) => fast.take(x(), fast.asarray([0, 1]), o),
    tril: (o) => fast.tril(x(), o),
    zeros: (o) => fast.zeros([2, 3], o),
    full: (o) => fast.full([2], 1, o),
    asarray: (o) => fast.asarray([1, 2], o),
    linspace: (o) => fast.linspace(0, 1, 5, o),
    eye: (o) => fast.eye(3, 3, o),
    reshape: (o) => fast.reshape(x(), [3, 2], o),
    ravel: (o) => fast.ravel(x(), o),
    add: (o) => fast.add(x(), 1, o),
    sqrt: (o) => fast.sqrt(x(), o),
    'fft.rfft': (o) => fast.fft.rfft(fast.asarray([1, 2, 3, 4]), o),
    'linalg.norm': (o) => fast.linalg.norm(x(), o),
    unique: (o) => fast.unique(fast.asarray([3, 1, 3]), o),
    histogram: (o) => fast.histogram(fast.asarray([1, 2, 3]), o),
  };
  /** A non-default value for a NumPy parameter fast refuses. */
  const nonDefault = (p: string): unknown => (p === 'where' ? fast.asarray([true, false, true]) : p === 'out' ? fast.zeros([3]) : p === 'casting' ? 'unsafe' : 'x');

  it.each(Object.keys(CALLS))('%s: unknown keys are TypeErrors naming the key; refused NumPy parameters are NotSupportedError naming the corner', (path) => {
    const call = CALLS[path];
    const s = FAST_SIGNATURES[path];
    expect(() => call({ no_such_option: 1 })).toThrow(TypeError);
    expect(() => call({ no_such_option: 1 })).toThrow(/no_such_option/);
    for (const p of s.unsupported) {
      if (s.positional.includes(p)) continue;
      let err: unknown;
      try {
        call({ [p]: nonDefault(p) });
      } catch (e) {
        err = e;
      }
      expect(err, `${path}.${p}`).toBeInstanceOf(NotSupportedError);
      expect((err as NotSupportedError).corner).toBe(`${path}.${p}`);
    }
  });
});
