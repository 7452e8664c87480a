import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numpySignature, numpySignatures } from '../../spec/numpy-signatures.js';
import { bindCall, compileSignature, NOT_PASSED } from './bind.js';

const python = process.env.NDBRIDGE_PYTHON ?? 'python3';

interface Case {
  readonly path: string;
  readonly nPos: number;
  readonly keywords: readonly string[];
}

/** Python's verdict on each case: the bound parameter of each marker, or the error type. */
function pythonBinds(cases: readonly Case[]): ({ bound: Record<string, number | number[]> } | { error: string })[] {
  const src = `
import inspect, json, sys, numpy as np
def resolve(path):
    o = np
    for p in path.split('.'):
        o = getattr(o, p)
    return o
out = []
for c in json.loads(sys.stdin.read()):
    sig = inspect.signature(resolve(c['path']))
    pos = list(range(c['nPos']))
    kw = {k: 100 + i for i, k in enumerate(c['keywords'])}
    try:
        b = sig.bind(*pos, **kw)
        bound = {}
        for name, v in b.arguments.items():
            if isinstance(v, tuple):
                v = list(v)
            if isinstance(v, dict):
                bound.update({k: x for k, x in v.items()})
                continue
            bound[name] = v
        out.append({'bound': bound})
    except TypeError as e:
        out.append({'error': 'TypeError'})
print(json.dumps(out))
`;
  return JSON.parse(execFileSync(python, ['-c', src], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 64 << 20 })) as ReturnType<typeof pythonBinds>;
}

function ourBinds(c: Case): { bound: Record<string, number | number[]> } | { error: string } {
  const sig = compileSignature(numpySignature(c.path)!)!;
  const args: unknown[] = Array.from({ length: c.nPos }, (_, i) => i);
  if (c.keywords.length > 0) args.push(Object.fromEntries(c.keywords.map((k, i) => [k, 100 + i])));
  try {
    const b = bindCall(sig, args);
    const bound: Record<string, number | number[]> = {};
    sig.params.forEach((p, i) => {
      const v = b.values[i];
      if (v === NOT_PASSED) return;
      if (p.kind === 'var-keyword') Object.assign(bound, v);
      else if (p.kind === 'var-positional') {
        if ((v as number[]).length > 0) bound[p.name] = v as number[];
      } else bound[p.name] = v as number;
    });
    return { bound };
  } catch (err) {
    if (err instanceof TypeError) return { error: 'TypeError' };
    throw err;
  }
}

describe('bindCall binds as Python does', () => {
  // every non-ufunc function with a signature (ufuncs' inspect signature does not model positional outputs)
  const paths = numpySignatures()
    .functions.filter((f) => f.params !== null && f.kind === 'function' && !f.path.startsWith('random.Generator.'))
    .map((f) => f.path);

  it('on random calls of NumPy functions (fast-check, seeded), compared with inspect.Signature.bind', () => {
    const caseArb = fc
      .record({ path: fc.constantFrom(...paths), nPos: fc.nat({ max: 7 }), extra: fc.constantFrom('axsi', 'bogus', 'out', 'a', 'x', 'dtype') })
      .chain(({ path, nPos, extra }) => {
        const names = numpySignature(path)!.params!.filter((p) => p.kind !== 'var-positional' && p.kind !== 'var-keyword').map((p) => p.name);
        return fc.subarray([...new Set([...names, extra])]).map((keywords) => ({ path, nPos, keywords }));
      });
    const cases = fc.sample(caseArb, { numRuns: 1500, seed: 20261207 });
    const expected = pythonBinds(cases);
    let errors = 0;
    cases.forEach((c, i) => {
      const want = expected[i];
      if ('error' in want) errors++;
      expect(ourBinds(c), JSON.stringify(c)).toEqual(want);
    });
    // the sample must exercise both outcomes
    expect(errors).toBeGreaterThan(100);
    expect(cases.length - errors).toBeGreaterThan(100);
  });

  it("uses Python's wording and suggests the nearest name", () => {
    const sum = compileSignature(numpySignature('sum')!)!;
    expect(() => bindCall(sum, [[1], { axsi: 0 }])).toThrow(new TypeError("sum() got an unexpected keyword argument 'axsi' (did you mean 'axis'?)"));
    expect(() => bindCall(sum, [[1], 0, null, null, true, 0, true, 9])).toThrow(/sum\(\) takes from 1 to 7 positional arguments but 8 were given/);
    expect(() => bindCall(sum, [[1], 0, { axis: 1 }])).toThrow(/multiple values for argument 'axis'/);
    expect(() => bindCall(sum, [])).toThrow(/missing 1 required positional argument: 'a'/);
    const add = compileSignature(numpySignature('add')!)!;
    expect(() => bindCall(add, [1, { x2: 2 }])).toThrow(/positional-only/);
  });

  it('binds ufunc outputs given positionally', () => {
    const divmod = compileSignature(numpySignature('divmod')!)!;
    const b = bindCall(divmod, ['a', 'b', 'q', 'r']);
    expect(b.values[divmod.index.get('out')!]).toEqual(['q', 'r']);
    expect(() => bindCall(divmod, ['a', 'b', 'q'])).toThrow(TypeError);
    const add = compileSignature(numpySignature('add')!)!;
    expect(bindCall(add, ['a', 'b', 'c']).values[add.index.get('out')!]).toBe('c');
    expect(() => bindCall(add, ['a', 'b', 'c', 'd'])).toThrow(TypeError);
  });
});
