import { describe, expect, it } from 'vitest';
import { NotSupportedError } from '../common/errors.js';
import { isNotSupported, notSupported } from './not-supported.js';

describe('notSupported', () => {
  it('throws NotSupportedError naming the corner and the way out', () => {
    const svd = notSupported('linalg.svd');
    expect(() => svd(1)).toThrow(NotSupportedError);
    try {
      svd();
    } catch (e) {
      expect((e as NotSupportedError).corner).toBe('linalg.svd');
      expect((e as Error).message).toContain('nd.linalg.svd');
    }
    expect(svd.name).toBe('svd');
    expect(isNotSupported(svd)).toBe(true);
    expect(isNotSupported(() => 1)).toBe(false);
  });
});
