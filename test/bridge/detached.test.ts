/**
 * Detached memory in fast (issue 13, item 2): `fast.asarray(typedArray)` shares the typed array's buffer;
 * after the user transfers that buffer every read of the array (get, toArray, toTypedArray, element-wise
 * evaluation, reductions, views, kernels that read storage directly) throws DetachedBufferError naming the
 * array, instead of returning undefined, NaN or zeros. Pure JS (no FFI): runs in process.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as fast from '../../src/fast/index.js';
import { DetachedBufferError, ValueError } from '../../src/common/errors.js';
import type { DTypeName } from '../../src/common/dtypes.js';

type F = fast.FastArray;

/**
 * The first 12 elements of a fast array large enough to have a buffer of its own: small results are
 * carved from shared slabs, which fast marks untransferable on Node (a transfer copies them, nothing is
 * detached; src/fast/engine/slab.test.ts).
 */
function ownBuffer(dtype: DTypeName, shape: readonly number[]): F {
  return fast.arange(40_000).astype(dtype).at('0:12').reshape([...shape]);
}

/** A [3, 4] array of `dtype` over memory the caller then detaches, and the buffer to transfer. */
function make(dtype: DTypeName, how: 'asarray' | 'toTypedArray'): { a: F; buffer: ArrayBuffer } {
  const src = ownBuffer(dtype, [3, 4]);
  if (how === 'toTypedArray') return { a: src, buffer: src.toTypedArray().buffer as ArrayBuffer };
  const ta = src.toTypedArray().slice();
  const a = fast.asarray(ta, { dtype }).reshape([3, 4]);
  expect(a.storage.buffer).toBe(ta.buffer); // zero-copy, so the transfer below reaches it
  return { a, buffer: ta.buffer as ArrayBuffer };
}

const READS: Record<string, (a: F) => unknown> = {
  'get(i, j)': (a) => a.get(1, 2),
  'get(-1, -1)': (a) => a.get(-1, -1),
  'get(i) of a row': (a) => a.at(1).get(2),
  'item()': (a) => a.at(0, 0).item(),
  'toArray()': (a) => a.toArray(),
  'toTypedArray()': (a) => a.toTypedArray(),
  '__array_interface__': (a) => a.__array_interface__,
  'add(1) (element-wise)': (a) => a.add(1).toArray(),
  'copy()': (a) => a.copy(),
  'astype': (a) => a.astype('float32').toArray(),
  'sum()': (a) => a.sum(),
  'sum(axis 0)': (a) => a.sum({ axis: 0 }),
  'max()': (a) => a.max(),
  'mean()': (a) => a.mean(),
  'reshape': (a) => a.reshape([12]),
  'T': (a) => a.T.copy(),
  'sort': (a) => fast.sort(a),
  'argmax': (a) => fast.argmax(a),
  'cumsum': (a) => fast.cumsum(a),
  'matmul': (a) => fast.matmul(a, a.T),
  'fancy index': (a) => a.at([0, 2]),
  'concatenate': (a) => fast.concatenate([a, a]),
  'String()': (a) => String(a),
  'set of a row (write)': (a) => a.set('0', 1),
  'set of one element, 2-d (element loop path)': (a) => a.set([1, 2], 1),
  'set(i, j, value)': (a) => a.set(1, 2, 1),
};

const DTYPES: readonly DTypeName[] = ['float64', 'float32', 'int32', 'uint8', 'int16', 'int64', 'uint64', 'bool', 'complex128'];

describe('reads of a fast array whose buffer was transferred throw DetachedBufferError', () => {
  it('a one-element write through the element-loop fast path (1-d and 2-d) throws too, never lost silently', () => {
    for (const dtype of ['float64', 'int32', 'uint8', 'float32'] as DTypeName[]) {
      const ta = fast.arange(12).astype(dtype).toTypedArray().slice();
      const one = fast.asarray(ta, { dtype });
      const two = fast.asarray(ta, { dtype }).reshape([3, 4]);
      structuredClone(ta.buffer, { transfer: [ta.buffer] });
      expect(() => one.set(3, 1), dtype).toThrow(DetachedBufferError);
      expect(() => two.set([1, 2], 1), dtype).toThrow(DetachedBufferError);
      expect(() => two.set(1, 2, 1), dtype).toThrow(DetachedBufferError);
    }
  });

  for (const dtype of DTYPES) {
    for (const how of ['asarray', 'toTypedArray'] as const) {
      // asarray of a user TypedArray shares memory for the dtypes a TypedArray holds natively
      if (how === 'asarray' && (dtype === 'bool' || dtype === 'complex128')) continue;
      it(`${dtype}, memory from ${how}`, () => {
        const failures: string[] = [];
        for (const [name, read] of Object.entries(READS)) {
          const { a, buffer } = make(dtype, how);
          const before = a.toArray();
          const lazy = a.mul(2); // built before the transfer, evaluated after
          structuredClone(buffer, { transfer: [buffer] });
          expect(buffer.byteLength).toBe(0);
          try {
            read(a);
            failures.push(`${name}: no error`);
          } catch (e) {
            if (!(e instanceof DetachedBufferError)) failures.push(`${name}: ${String(e)}`);
            else {
              expect(e).toBeInstanceOf(ValueError);
              expect(e.message).toContain(`${dtype} fast array of shape [`);
              expect(e.message).toMatch(/transferred/);
            }
          }
          expect(() => lazy.toArray(), `${name}: lazy`).toThrow(DetachedBufferError);
          expect(before).toHaveLength(3);
        }
        expect(failures).toEqual([]);
      });
    }
  }

  it('get() with any index pattern: never undefined or NaN, always the typed error (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<DTypeName>('float64', 'int32', 'int64', 'bool'),
        fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom([12], [3, 4], [2, 2, 3]),
        (dtype, idx, shape) => {
          const a = ownBuffer(dtype, shape);
          const b = a.toTypedArray().buffer as ArrayBuffer;
          structuredClone(b, { transfer: [b] });
          let err: unknown;
          try {
            a.get(...idx);
          } catch (e) {
            err = e;
          }
          // wrong index counts and out-of-range indices may be refused first (IndexError); nothing is read
          expect(err instanceof DetachedBufferError || (err as Error).name === 'IndexError', String(err)).toBe(true);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('an array that never lost its memory still reads the same (the checks change nothing else)', () => {
    const ta = Float64Array.from({ length: 12 }, (_, i) => i * 1.5);
    const a = fast.asarray(ta).reshape([3, 4]);
    const other = new Float64Array(12);
    structuredClone(other.buffer, { transfer: [other.buffer] }); // some other buffer detached: irrelevant
    expect(a.get(2, 3)).toBe(ta[11]);
    expect(a.get(-1, 0)).toBe(ta[8]);
    expect(a.T.get(3, 2)).toBe(ta[11]);
    expect(Number(a.sum().get())).toBe(ta.reduce((s, x) => s + x, 0));
    const empty = fast.asarray(new Float64Array(0));
    expect(empty.toArray()).toEqual([]);
    expect(empty.add(1).toArray()).toEqual([]);
  });
});
