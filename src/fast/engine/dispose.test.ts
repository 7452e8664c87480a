import { describe, expect, it } from 'vitest';
import { arange } from '../creation/creation.js';

describe('explicit release', () => {
  it('`using` disposes a fast array at the end of its block', () => {
    let kept: ReturnType<typeof arange> | undefined;
    {
      using a = arange(3);
      kept = a;
      expect(a.toArray()).toEqual([0, 1, 2]);
    }
    expect(() => kept!.get(0)).toThrow(/disposed/);
  });
});

describe('dispose() and views sharing one storage', () => {
  it("releases the storage's owner only when the last undisposed array over it is disposed", () => {
    const a = arange(6).astype('float64');
    const released: string[] = [];
    a.storage.owner = { release: () => released.push('owner') };
    const row = a.at('3:'); // views: same storage
    const rev = a.at('::-1');
    a.dispose();
    expect(released).toEqual([]); // two views still read the memory
    expect(row.toArray()).toEqual([3, 4, 5]);
    row.dispose();
    row.dispose(); // idempotent: counts once
    expect(released).toEqual([]);
    expect(rev.get(0)).toBe(5);
    rev.dispose();
    expect(released).toEqual(['owner']);
    expect(() => rev.get(0)).toThrow(/disposed/);
  });

  it('an intermediate view nobody disposed keeps the memory (until garbage collection)', () => {
    const a = arange(6).astype('float64');
    const released: string[] = [];
    a.storage.owner = { release: () => released.push('owner') };
    const row = a.reshape([2, 3]).at(1); // the reshape view in between is never disposed
    a.dispose();
    row.dispose();
    expect(released).toEqual([]);
  });

  it('a lazy result holds its own storage: disposing it leaves its inputs alone', () => {
    const a = arange(4).astype('float64');
    const released: string[] = [];
    a.storage.owner = { release: () => released.push('input') };
    const b = a.mul(2);
    expect(b.get(3)).toBe(6);
    b.dispose();
    expect(released).toEqual([]);
    expect(a.get(3)).toBe(3);
  });
});
