import { describe, expect, it } from 'vitest';
import { arange } from './creation.js';

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
