/** The pool of Py_buffer structs: a slot released twice is still handed out once. */
import { expect, it } from 'vitest';
import { describeCompat } from '../../test/compat/support.js';
import { getRuntime } from '../compat/python/runtime.js';
import { takeSlot } from './py-buffer.js';

describeCompat('Py_buffer pool', () => {
  it('a slot released twice goes back to the pool once', () => {
    const rt = getRuntime();
    const s = takeSlot(rt);
    s.release();
    s.release(); // an error path that releases again must not duplicate the slot
    const first = takeSlot(rt);
    const second = takeSlot(rt);
    expect(first).toBe(s);
    expect(second).not.toBe(s);
    expect(second.ptr).not.toBe(first.ptr);
    first.release();
    second.release();
  });
});
