/**
 * compat arrays take NumPy's True / False index (a 0-d boolean: a new axis of length 1 or 0), as an
 * index string and as a JS boolean, like fast; a one-element boolean list stays a mask.
 */
import { expect, it } from 'vitest';
import * as compat from '../../src/compat/index.js';
import { describeCompat, python } from './support.js';

describeCompat('compat indexing with True / False', () => {
  it('at() and set() read True and False as NumPy does', () => {
    const np = compat.numpy();
    const a = np.arange(3).reshape([1, 3]);
    const shapes = python<number[][]>(
      'import json, numpy as np\na = np.arange(3).reshape(1, 3)\nprint(json.dumps([a[True].shape, a[False].shape, a[0, True].shape, a[[True]].shape]))',
    );
    expect([a.at('True').shape, a.at(false).shape, a.at('0, True').shape, a.at([true]).shape]).toEqual(shapes);
    const z = np.zeros([2]);
    z.set(true, 4);
    z.set('False', 9);
    expect(z.toArray()).toEqual([4, 4]);
  });
});
