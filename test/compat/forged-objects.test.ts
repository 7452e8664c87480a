/**
 * Issue 13 item 6: a JS object must never be able to name a Python object (an address) by itself. The
 * internal key is module-private, and even when it is found by reflection, a cell compat did not make is
 * refused with a TypeError, and a genuine cell's pointer can only be cleared. Each engine in a child
 * process: before the fix every case here was a SIGSEGV.
 */
import { expect, it } from 'vitest';
import { describeExit, ENGINES, LIB, runIsolated } from '../support/isolated.js';
import { describeCompat } from './support.js';

/** Runs every case, printing one JSON line { case, outcome } per case; outcome is the error name or 'ok:<value>'. */
const SCRIPT = `
import { compat } from '${LIB}/index.js';
const np = compat.numpy();
const out = {};
function attempt(name, fn) {
  try { out[name] = 'ok:' + String(fn()); } catch (e) { out[name] = e.name + ': ' + e.message.slice(0, 80); }
}
const global = { [Symbol.for('ndbridge.compat.pyobject')]: { ptr: 4096n, label: 'forged' } };
attempt('global symbol, positional', () => np.add(global, 1));
attempt('global symbol, evaluate local', () => compat.evaluate('x', { x: global }));
attempt('global symbol, in a list', () => np.array([global]));
const a = np.arange(3);
const key = Object.getOwnPropertySymbols(Object.getPrototypeOf(a)).find((s) => s.description === 'ndbridge.compat.pyobject');
out.keyFound = key !== undefined && key !== Symbol.for('ndbridge.compat.pyobject');
const forged = { [key]: { ptr: 4096n, label: 'forged' } };
attempt('reflected key, positional', () => np.add(forged, 1));
attempt('reflected key, keyword', () => np.add(a, 1, { out: forged }));
attempt('reflected key, evaluate local', () => compat.evaluate('x', { x: forged }));
attempt('reflected key, nested list', () => np.array([[forged]]));
attempt('reflected key, compat.call', () => compat.call(Object.assign(() => 0, { [key]: { ptr: 4096n, label: 'f' } }), []));
attempt('reflected key, cell copied', () => np.add({ [key]: { ...a[key], ptr: 4096n } }, 1));
const fnKey = Object.getOwnPropertySymbols(np.add).find((s) => s.description === 'ndbridge.compat.pyobject');
attempt('proxy key, forged function', () => np.add(Object.assign(() => 0, { [fnKey]: { ptr: 4096n, label: 'f' } }), 1));
attempt('array ptr set', () => { a.ptr = 4096n; return np.sum(a); });
attempt('array cell ptr set', () => { a[key].ptr = 4096n; return np.sum(a); });
attempt('array slot set', () => { a._slot = 12345; return np.sum(a); });
const cell = np.add[fnKey];
attempt('proxy cell ptr set', () => { cell.ptr = 4096n; return np.add(1, 2); });
attempt('proxy cell slot set', () => { cell.slot = 3; return np.add(1, 2); });
// The genuine objects still work, and a disposed one is a DisposedError.
attempt('genuine sum', () => np.sum(a));
attempt('genuine call', () => np.add(a, 1).toArray().join(','));
const d = np.arange(2); d.dispose();
attempt('disposed', () => np.add(d, 1));
console.log(JSON.stringify(out));
`;

describeCompat('forged Python-object keys (issue 13 item 6)', () => {
  it.each(ENGINES)('under %s: every forged key is a typed error, genuine objects keep working', (engine) => {
    const r = runIsolated(SCRIPT, { engine, timeoutMs: 60_000 });
    expect(r.signal, describeExit(r)).toBeNull();
    expect(r.status, describeExit(r)).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Record<string, string | boolean>;
    expect(out.keyFound).toBe(true);
    // The global-registry symbol is no key at all any more: a plain object, refused as an argument.
    expect(out['global symbol, positional']).toMatch(/^ValueError: cannot pass the plain object/);
    expect(out['global symbol, evaluate local']).toMatch(/^ValueError: cannot pass the plain object/);
    expect(out['global symbol, in a list']).toMatch(/^ValueError: cannot pass the plain object/);
    for (const name of [
      'reflected key, positional',
      'reflected key, keyword',
      'reflected key, evaluate local',
      'reflected key, nested list',
      'reflected key, compat.call',
      'reflected key, cell copied',
      'proxy key, forged function',
      'array ptr set',
      'array cell ptr set',
      'proxy cell ptr set',
    ]) {
      expect(out[name], name).toMatch(/^TypeError: this object carries the ndbridge Python-object key but was not made by ndbridge/);
    }
    // Writing a made-up slot or private field changes nothing the library reads.
    expect(out['array slot set']).toBe('ok:3');
    expect(out['proxy cell slot set']).toBe('ok:3');
    expect(out['genuine sum']).toBe('ok:3');
    expect(out['genuine call']).toBe('ok:1,2,3');
    expect(out.disposed).toMatch(/^DisposedError/);
  });
});
