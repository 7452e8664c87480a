/**
 * fast.asarray's copy= on NumPy arrays (through the importer the bridge installs): copy: false on a
 * big-endian NumPy array is CopyRequiredError (it used to copy silently, so NumPy's later writes were not
 * seen); copy: true always copies; unset shares memory when it can.
 */
import { expect, it } from 'vitest';
import { CopyRequiredError } from '../../src/common/errors.js';
import * as compat from '../../src/compat/index.js';
import '../../src/bridge/index.js';
import * as fast from '../../src/fast/index.js';
import { describeCompat } from '../compat/support.js';

describeCompat('fast.asarray copy= on NumPy arrays', () => {
  it('copy: false on a big-endian array is CopyRequiredError; unset copies it into native order', () => {
    const np = compat.numpy();
    const be = np.arange(4, { dtype: '>f8' });
    expect(() => fast.asarray(be as never, { copy: false })).toThrow(CopyRequiredError);
    const f = fast.asarray(be as never);
    expect(f.toArray()).toEqual([0, 1, 2, 3]);
  });

  it('unset or copy: false shares memory (NumPy writes are seen); copy: true does not', () => {
    const np = compat.numpy();
    const x = np.arange(4, { dtype: 'float64' });
    const shared = fast.asarray(x as never, { copy: false });
    const dflt = fast.asarray(x as never);
    const copied = fast.asarray(x as never, { copy: true });
    compat.exec('x[0] = 42', { x });
    expect(shared.get(0)).toBe(42);
    expect(dflt.get(0)).toBe(42);
    expect(copied.get(0)).toBe(0);
  });
});
