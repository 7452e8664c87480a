/**
 * Issue 13 item 7: errors inside nested JS <-> Python callbacks. They used to double in size per level
 * (depth 20: a 214 MB message), lose the original message from depth 22, and unbounded mutual recursion
 * hung under koffi and segfaulted under ffi-napi. Now: the original Python exception object travels back
 * up through JS (Python code can catch it by type), a JS error's message is bounded and kept (and is the
 * `cause` of the error JS finally sees), and recursion deeper than MAX_CALLBACK_DEPTH is a
 * CallbackRecursionError. Each engine in a child process.
 */
import { expect, it } from 'vitest';
import { describeExit, ENGINES, LIB, runIsolated } from '../support/isolated.js';
import { describeCompat } from './support.js';

const SCRIPT = `
import { compat } from '${LIB}/index.js';
const out = {};
const call = compat.evaluate('lambda f, n: f(n)');
const caught = (fn) => { try { fn(); return null; } catch (e) { return e; } };
for (const depth of [1, 20, 30, 99]) {
  const rec = (n) => { if (n === 0) throw new Error('original boom'); return call(rec, n - 1); };
  const e = caught(() => rec(depth));
  out['depth ' + depth] = { name: e.name, type: e.pythonType, length: e.message.length, first: e.message.split('\\n')[0], cause: e.cause?.message ?? null };
}
// Each level wraps the message of the level below (a user's own chain): bounded, and the original is kept.
const wrap = (n) => { if (n === 0) throw new Error('original boom'); try { return call(wrap, n - 1); } catch (e) { throw new Error('level ' + n + ' failed: ' + e.message); } };
const w = caught(() => wrap(30));
out.wrapped = { length: w.message.length, keepsOriginal: w.message.includes('original boom'), keepsOuter: w.message.startsWith('level 30 failed') };
const inf = (n) => call(inf, n + 1);
const r = caught(() => inf(0));
out.unbounded = { name: r.name, type: r.pythonType, isPythonError: r instanceof Error && 'pythonTraceback' in r, first: r.message.split('\\n')[0].slice(0, 60) };
// A Python exception raised below a JS callback reaches the Python code above it with its own type.
const { catch_key: catcher } = compat.exec(\`
def catch_key(g):
    try:
        g()
    except KeyError as e:
        return 'caught KeyError ' + str(e)
    return 'nothing'
\`);
out.keyError = catcher(() => compat.exec('raise KeyError("deep key")'));
out.after = compat.evaluate('1 + 1');
console.log(JSON.stringify(out));
`;

describeCompat('errors through nested callbacks (issue 13 item 7)', () => {
  it.each(ENGINES)('under %s: bounded, original kept, recursion is a typed error', (engine) => {
    const r = runIsolated(SCRIPT, { engine, timeoutMs: 60_000 });
    expect(r.timedOut, describeExit(r)).toBe(false);
    expect(r.signal, describeExit(r)).toBeNull();
    expect(r.status, describeExit(r)).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Record<string, Record<string, unknown> | string | boolean>;
    for (const depth of [1, 20, 30, 99]) {
      const d = out[`depth ${depth}`] as Record<string, unknown>;
      expect(d.name).toBe('PythonError');
      expect(d.type).toBe('RuntimeError');
      expect(d.first).toBe('RuntimeError: JS exception in a callback: Error: original boom');
      expect(d.cause).toBe('original boom');
      expect(d.length as number).toBeLessThan(2000);
    }
    const w = out.wrapped as Record<string, unknown>;
    expect(w.length as number).toBeLessThan(12_000);
    expect(w.keepsOriginal).toBe(true);
    expect(w.keepsOuter).toBe(true);
    expect(out.unbounded).toEqual({
      name: 'CallbackRecursionError',
      type: 'RecursionError',
      isPythonError: true,
      first: 'RecursionError: ndbridge: JS and Python callbacks nested mor',
    });
    expect(out.keyError).toBe("caught KeyError 'deep key'");
    expect(out.after).toBe(2);
  });
});
