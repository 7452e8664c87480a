import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DTYPE_NAMES, type DTypeName } from '../../common/dtypes.js';
import { canCast, promoteTypes, resultType, type Casting, type WeakKind } from './promotion.js';

const CASTINGS: Casting[] = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'];
const WEAK: Record<WeakKind, string> = { bool: 'True', int: '3', float: '3.5', complex: '1j' };

interface Tables {
  promote: Record<string, string>;
  cast: Record<string, boolean>;
  weak: Record<string, string>;
}

const tables = JSON.parse(
  execFileSync(
    'python3',
    [
      '-c',
      `
import json, numpy as np
names = ${JSON.stringify(DTYPE_NAMES)}
castings = ${JSON.stringify(CASTINGS)}
weak = ${JSON.stringify(WEAK)}
promote = {f"{a},{b}": str(np.promote_types(a, b)) for a in names for b in names}
cast = {f"{a},{b},{c}": bool(np.can_cast(a, b, c)) for a in names for b in names for c in castings}
w = {f"{a},{k}": str((np.zeros(1, a) + eval(v)).dtype) for a in names for k, v in weak.items()}
print(json.dumps({"promote": promote, "cast": cast, "weak": w}))
`,
    ],
    { encoding: 'utf8' },
  ),
) as Tables;

describe('promotion (NumPy 2 / NEP 50)', () => {
  it('promoteTypes matches numpy.promote_types on all 13x13 pairs', () => {
    for (const a of DTYPE_NAMES) for (const b of DTYPE_NAMES) expect(`${a},${b}=${promoteTypes(a, b)}`).toBe(`${a},${b}=${tables.promote[`${a},${b}`]}`);
  });

  it('canCast matches numpy.can_cast for every pair and casting rule', () => {
    for (const a of DTYPE_NAMES)
      for (const b of DTYPE_NAMES)
        for (const c of CASTINGS) expect(`${a}->${b} ${c}: ${canCast(a, b, c)}`).toBe(`${a}->${b} ${c}: ${tables.cast[`${a},${b},${c}`]}`);
  });

  it('resultType with weak scalars matches NumPy array + Python scalar (default int is int32 in fast)', () => {
    for (const a of DTYPE_NAMES)
      for (const k of Object.keys(WEAK) as WeakKind[]) {
        let want = tables.weak[`${a},${k}`] as DTypeName;
        // NumPy's default integer is int64, fast's is int32 (DESIGN.md): only bool + int differs.
        if (a === 'bool' && k === 'int') {
          expect(want).toBe('int64');
          want = 'int32';
        }
        expect(`${a} + ${k}: ${resultType(a, { weak: k })}`).toBe(`${a} + ${k}: ${want}`);
      }
  });

  it('scalars alone take the default dtypes; bad input is a DTypeError', () => {
    expect(resultType({ weak: 'int' })).toBe('int32');
    expect(resultType({ weak: 'float' })).toBe('float64');
    expect(resultType({ weak: 'bool' })).toBe('bool');
    expect(resultType({ weak: 'complex' })).toBe('complex128');
    expect(() => resultType()).toThrow(/at least one/);
    expect(() => resultType('float16' as DTypeName)).toThrow(/unknown dtype/);
    expect(() => canCast('int8', 'int16', 'bogus' as Casting)).toThrow(/casting rule/);
  });
});
