import { describe, expect, it } from 'vitest';
import { IndexError } from './errors.js';
import { parseIndexString, Slice, slice } from './index-expr.js';

describe('parseIndexString', () => {
  it('parses integers, slices, None and ellipsis', () => {
    expect(parseIndexString('1:, ::-2, None, ...')).toEqual([new Slice(1, null, null), new Slice(null, null, -2), null, '...']);
    expect(parseIndexString('-1, 2')).toEqual([-1, 2]);
    expect(parseIndexString(':')).toEqual([new Slice(null, null, null)]);
    expect(parseIndexString('1:5:2')).toEqual([new Slice(1, 5, 2)]);
    expect(parseIndexString('()')).toEqual([]);
    expect(parseIndexString('(1, 2)')).toEqual([1, 2]);
    expect(parseIndexString('0,')).toEqual([0]);
  });
  it('parses integer and boolean lists', () => {
    expect(parseIndexString('[0, 2], :')).toEqual([[0, 2], new Slice()]);
    expect(parseIndexString('[True, False]')).toEqual([[true, false]]);
    expect(parseIndexString('[True]')).toEqual([[true]]);
  });
  it("reads True and False as NumPy's scalar boolean index, not as a mask", () => {
    expect(parseIndexString('True')).toEqual([true]);
    expect(parseIndexString('False, 1')).toEqual([false, 1]);
    expect(parseIndexString('..., True, None')).toEqual(['...', true, null]);
  });
  it('caches parsed strings', () => {
    expect(parseIndexString('3, 4')).toBe(parseIndexString('3, 4'));
  });
  it('rejects malformed indices with IndexError', () => {
    for (const bad of ['1:2:3:4', 'a', '1,,2', '::0', '..., ...', '[1, 2', '1.5', '[[1]]']) {
      expect(() => parseIndexString(bad), bad).toThrow(IndexError);
    }
    expect(() => parseIndexString('1:2:3:4')).toThrow(/too many ':'/);
  });
  it('slice() follows Python', () => {
    expect(slice(3)).toEqual(new Slice(null, 3, null));
    expect(slice(1, null, -1)).toEqual(new Slice(1, null, -1));
    expect(() => slice(0, 1, 0)).toThrow(IndexError);
  });
});
