/**
 * parseDType against NumPy's np.dtype (python3 at test time): every spelling NumPy maps to a dtype fast
 * has gives that dtype; spellings of dtypes fast lacks, and spellings NumPy rejects, are DTypeError.
 * fast-check: any string or value is a dtype or a DTypeError, never another error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DTYPE_NAMES, DTYPE_SPELLINGS, parseDType } from './dtypes.js';
import { DTypeError } from './errors.js';
import { runNumpy } from '../fast/engine/kernels/numpy-oracle.js';

const SPELLINGS = [
  ...DTYPE_NAMES,
  ...DTYPE_NAMES.map((d) => `${d}x`),
  'int', 'float', 'complex', 'double', 'uint', 'intp', 'uintp', 'long', 'ulong', 'longlong', 'ulonglong', 'single', 'csingle',
  'cdouble', 'short', 'ushort', 'byte', 'ubyte', 'intc', 'uintc', 'bool_', 'int_', 'half', 'longdouble', 'clongdouble',
  'float16', 'float128', 'complex256', 'object', 'str', 'bytes', 'datetime64', 'timedelta64', 'datetime64[ns]', 'M8[ns]', '<M8', 'm8',
  'U3', 'S5', '<U0', 'O', 'V8', 'a5', 'c', 'e', 'g', 'G',
  '?', 'b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'p', 'P', 'f', 'd', 'F', 'D',
  'b1', 'i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8', 'f2', 'f4', 'f8', 'f16', 'c8', 'c16', 'c32',
  '<b1', '|b1', '>b1', '<i1', '>i1', '|u1', '<i4', '>i4', '=i4', '|i4', '<f8', '>f8', '=f8', '|f8', '<c16', '>c16', '<u8', '>u2', '!i4',
  '<?', '>?', '=?', '<d', '>d', '=l', '>l',
  'i0', 'f3', 'i3', 'u3', 'b2', 'c4', 'i16', 'u16',
  'int8 ', ' int8', 'Int8', 'INT32', 'Float64', 'float', 'floats', 'int64[ns]', 'bool8', 'int0', 'uint0', 'float_', 'complex_',
  'f8,f8', 'i4,', '(2,)i4', '1i4', '<=f8', 'f8>', '', ' ', 'int32\u0000', '\u00e9', '?1', 'u',
];

/** np.dtype(spec) -> its name when native and fast has it, 'lacking' when NumPy has it and fast does not, 'error' when NumPy rejects it. */
const ORACLE = runNumpy<Record<string, string>>(
  `
import warnings
warnings.simplefilter('ignore')
FAST = ${JSON.stringify(DTYPE_NAMES)}
out = {}
for s in INPUT:
    try:
        d = np.dtype(s)
    except Exception:
        out[s] = 'error'
        continue
    out[s] = d.name if (d.name in FAST and d.isnative and d.fields is None and d.subdtype is None) else 'lacking'
print(json.dumps(out))
`,
  SPELLINGS,
);

function ours(s: string): string {
  try {
    return parseDType(s);
  } catch (e) {
    if (!(e instanceof DTypeError)) throw e;
    return /not available in the fast runtime/.test(e.message) ? 'lacking' : 'error';
  }
}

describe('parseDType', () => {
  it('agrees with np.dtype on every spelling (the dtype, or: NumPy has it but fast does not, or: not a dtype)', () => {
    const diffs: string[] = [];
    for (const s of SPELLINGS) {
      const want = ORACLE[s];
      const got = ours(s);
      // a spelling NumPy rejects may be reported either way, as long as it is a DTypeError
      if (want === 'error' ? got !== 'error' && got !== 'lacking' : got !== want) diffs.push(`${JSON.stringify(s)}: NumPy ${want}, fast ${got}`);
    }
    expect(diffs).toEqual([]);
  });

  it('names the spelling and the way to run it when fast lacks the dtype', () => {
    expect(() => parseDType('float16')).toThrow(/"float16".*nd or compat\.numpy\(\) can run it/);
    expect(() => parseDType('>f8')).toThrow(/non-native byte order/);
    expect(() => parseDType('datetime64[ns]')).toThrow(DTypeError);
  });

  it('takes JS scalar and TypedArray constructors, and NumPy dtype objects (name and str agree)', () => {
    expect(parseDType(Number)).toBe('float64');
    expect(parseDType(Boolean)).toBe('bool');
    expect(parseDType(BigInt)).toBe('int64');
    expect(parseDType(Int16Array)).toBe('int16');
    expect(parseDType({ name: 'float32', str: '<f4' })).toBe('float32');
    expect(() => parseDType({ name: 'float32', str: '<f8' })).toThrow(/disagree/);
    expect(() => parseDType({ name: 'float64' })).toThrow(DTypeError);
    expect(() => parseDType(String)).toThrow(DTypeError);
  });

  it('any string or value is a dtype or a DTypeError (fast-check)', () => {
    const values = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.stringMatching(/^[<>=|!]?[a-zA-Z?]{1,3}[0-9]{0,3}$/),
      fc.anything(),
    );
    fc.assert(
      fc.property(values, (v) => {
        try {
          const d = parseDType(v);
          return (DTYPE_NAMES as readonly string[]).includes(d);
        } catch (e) {
          return e instanceof DTypeError;
        }
      }),
      { seed: 42, numRuns: 3000 },
    );
  });

  it('random type-code strings agree with np.dtype (fast-check samples, NumPy answers)', () => {
    const samples = fc.sample(fc.stringMatching(/^[<>=|]?[biufc?dlqhLQHIBFDpP][0-9]{0,2}$/), { seed: 42, numRuns: 300 });
    const oracle = runNumpy<Record<string, string>>(
      `
import warnings
warnings.simplefilter('ignore')
FAST = ${JSON.stringify(DTYPE_NAMES)}
out = {}
for s in INPUT:
    try:
        d = np.dtype(s)
    except Exception:
        out[s] = 'error'
        continue
    out[s] = d.name if (d.name in FAST and d.isnative) else 'lacking'
print(json.dumps(out))
`,
      samples,
    );
    const diffs = samples.filter((s) => (oracle[s] === 'error' ? ours(s) === oracle[s] || ours(s) === 'lacking' ? false : true : ours(s) !== oracle[s]));
    expect(diffs.map((s) => `${s}: NumPy ${oracle[s]}, fast ${ours(s)}`)).toEqual([]);
  });
});

describe('DTypeSpelling (the type of fast dtype arguments) and the parser agree', () => {
  it('every spelling the type lists is the dtype NumPy says (np.dtype(s).name)', () => {
    const want = runNumpy<string[]>('print(json.dumps([np.dtype(s).name for s in INPUT]))', DTYPE_SPELLINGS);
    expect(DTYPE_SPELLINGS.map((s) => parseDType(s))).toEqual(want);
  });

  it('every string the parser accepts is one the type lists (fast-check, and every string of up to 3 type-code characters)', () => {
    const listed = new Set<string>(DTYPE_SPELLINGS);
    const accepted = (s: string): boolean => {
      try {
        parseDType(s);
        return true;
      } catch (e) {
        if (e instanceof DTypeError) return false;
        throw e;
      }
    };
    const alphabet = [...'<>=|?bBhHiIlLqQpPfdFDeucgG12468'];
    const missing: string[] = [];
    for (const a of ['', ...alphabet]) for (const b of ['', ...alphabet]) for (const c of alphabet) {
      const s = a + b + c;
      if (accepted(s) && !listed.has(s)) missing.push(s);
    }
    expect(missing).toEqual([]);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^[<>=|]?[a-z_]{1,11}[0-9]{0,3}$/)), (s) => !accepted(s) || listed.has(s)),
      { seed: 42, numRuns: 3000 },
    );
  });
});
