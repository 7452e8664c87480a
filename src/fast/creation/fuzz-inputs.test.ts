/**
 * Property tests (fast-check, seeded) of what fast accepts: random shapes for the creation functions and
 * reshape, random nested JS inputs for asarray. NumPy answers where it can (same shape and values, or an
 * error where NumPy raises); everything else must be a typed error, never an internal one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NdbridgeError } from '../../common/errors.js';
import * as fast from '../index.js';
import { runNumpy } from '../engine/kernels/numpy-oracle.js';

/** ndbridge's typed errors, and the TypeError/RangeError the option checks throw (never "x is not iterable" and the like). */
function typed(e: unknown): boolean {
  if (e instanceof NdbridgeError) return true;
  if (e instanceof TypeError || e instanceof RangeError) return !/is not iterable|Cannot mix BigInt|Cannot read properties|is not a function|Invalid (typed )?array (buffer )?length/.test(e.message);
  return false;
}

const dim = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 5 }) },
  { weight: 1, arbitrary: fc.integer({ min: -3, max: -1 }) },
  { weight: 1, arbitrary: fc.constantFrom(2 ** 33, 2 ** 53, 2 ** 60, 1.5, NaN, Infinity) },
);
const shapes = fc.oneof(fc.array(dim, { maxLength: 5 }), fc.array(fc.constant(1), { minLength: 60, maxLength: 70 }));

describe('shapes (fast-check)', () => {
  const samples = fc.sample(shapes, { seed: 42, numRuns: 300 });
  const small = samples.filter((s) => s.every((d) => Number.isFinite(d)) && s.reduce((a, b) => a * Math.max(b, 1), 1) < 1e6);
  const numpy = runNumpy<({ shape: number[] } | { error: string })[]>(
    `
out = []
for s in INPUT:
    try:
        out.append({'shape': list(np.zeros(tuple(int(d) if float(d).is_integer() else d for d in s)).shape)})
    except Exception as e:
        out.append({'error': type(e).__name__})
print(json.dumps(out))
`,
    small,
  );

  it('zeros(shape) agrees with NumPy where NumPy answers (the shape, or an error)', () => {
    const diffs: string[] = [];
    small.forEach((s, i) => {
      const want = numpy[i];
      let got: string;
      try {
        got = JSON.stringify(fast.zeros(s).shape);
      } catch (e) {
        if (!typed(e)) throw e;
        got = 'error';
      }
      const w = 'shape' in want ? JSON.stringify(want.shape) : 'error';
      if (got !== w) diffs.push(`${JSON.stringify(s)}: NumPy ${w}, fast ${got}`);
    });
    expect(diffs).toEqual([]);
  });

  it('every shape, however large or malformed, gives an array or a typed error (zeros, ones, full, empty, reshape, broadcast_to)', () => {
    fc.assert(
      fc.property(shapes, fc.integer({ min: 0, max: 5 }), (s, which) => {
        const size = s.reduce((a, b) => a * b, 1);
        if (Number.isFinite(size) && size > 1e6 && size <= 2 ** 32 && s.every((d) => Number.isSafeInteger(d) && d >= 0)) return; // would really allocate
        try {
          if (which === 0) fast.zeros(s);
          else if (which === 1) fast.ones(s, { dtype: 'uint8' });
          else if (which === 2) fast.full(s, 3, { dtype: 'int16' });
          else if (which === 3) fast.empty(s, { dtype: 'complex128' });
          else if (which === 4) fast.zeros([1]).reshape(s);
          else fast.broadcast_to(fast.zeros([1]), s);
        } catch (e) {
          if (!typed(e)) throw e;
        }
      }),
      { seed: 42, numRuns: 1500 },
    );
  });
});

describe('nested inputs (fast-check)', () => {
  const leaf = fc.oneof(
    fc.integer({ min: -1000, max: 1000 }),
    fc.double({ noNaN: false }),
    fc.boolean(),
  );
  const nested = fc.oneof(
    leaf,
    fc.array(leaf, { maxLength: 4 }),
    fc.array(fc.array(leaf, { minLength: 2, maxLength: 2 }), { maxLength: 3 }),
    fc.array(fc.oneof(leaf, fc.array(leaf, { maxLength: 2 })), { maxLength: 3 }),
  );
  const samples = fc.sample(nested, { seed: 42, numRuns: 300 });
  const enc = (v: unknown): unknown => (typeof v === 'number' && !Number.isFinite(v) ? { f: String(v) } : Array.isArray(v) ? v.map(enc) : v);
  const numpy = runNumpy<({ shape: number[]; values: string } | { error: string })[]>(
    `
def dec(v):
    if isinstance(v, dict): return float(v['f'].replace('Infinity', 'inf'))
    if isinstance(v, list): return [dec(x) for x in v]
    return v
out = []
for s in INPUT:
    try:
        a = np.asarray(dec(s))
        if a.dtype == object: raise ValueError('object')
        out.append({'shape': list(a.shape), 'values': repr(a.astype(float).ravel().tolist())})
    except Exception as e:
        out.append({'error': type(e).__name__})
print(json.dumps(out))
`,
    samples.map(enc),
  );

  it('asarray(nested) agrees with np.asarray (shape and values), or both refuse', () => {
    const diffs: string[] = [];
    samples.forEach((s, i) => {
      const want = numpy[i];
      let got: string;
      try {
        const a = fast.asarray(s as never);
        const vals = a.astype('float64').reshape([-1]).toArray() as number[];
        got = `${JSON.stringify(a.shape)} ${vals.map(String).join(',')}`;
      } catch (e) {
        if (!typed(e)) throw e;
        got = 'error';
      }
      const npVals = 'shape' in want ? (JSON.parse(want.values.replace(/\binf\b/g, '1e999').replace(/\bnan\b/g, '"NaN"')) as (number | string)[]).map((v) => (v === 'NaN' ? 'NaN' : String(v))) : [];
      const w = 'shape' in want ? `${JSON.stringify(want.shape)} ${npVals.join(',')}` : 'error';
      if (got !== w) diffs.push(`${JSON.stringify(enc(s))}: NumPy ${w}, fast ${got}`);
    });
    expect(diffs).toEqual([]);
  });

  it('any JS value given to asarray is an array or a typed error', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), (v) => {
        try {
          fast.asarray(v as never);
        } catch (e) {
          if (!typed(e)) throw e;
        }
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
