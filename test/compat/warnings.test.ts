/**
 * Issue 15: Python and NumPy warnings reach Node under the policy ignore | warn | error, set globally
 * (compat.setWarningPolicy) and per scope (compat.warnings(policy, fn), like np.errstate), for sync and async
 * calls. Child processes under both engines (the process's warning listeners and stderr are observed).
 */
import { expect, it } from 'vitest';
import { ENGINES, LIB, runIsolated } from '../support/isolated.js';
import { describeCompat } from './support.js';

const SCRIPT = `
import { compat } from '${LIB}/index.js';
const np = compat.numpy();
const seen = [];
process.on('warning', (w) => seen.push([w.name, w.message]));
const tick = () => new Promise((r) => setImmediate(r));
const warn = (msg, cat = 'UserWarning') => compat.evaluate(\`__import__('warnings').warn(\${JSON.stringify(msg)}, \${cat})\`);
const outcome = (f) => { try { f(); return 'ok'; } catch (e) { return [e.name, e.category, e.pythonType]; } };
const aoutcome = async (p) => { try { await p; return 'ok'; } catch (e) { return [e.name, e.category, e.pythonType]; } };
const out = {};
// default policy 'warn': process.emitWarning with the category as type; NumPy's RuntimeWarning too
out.defaultPolicy = compat.currentWarningPolicy();
warn('w1');
out.log = Number(np.log(0));
await tick();
out.warned = seen.splice(0);
// once per distinct warning, like Python's default filter
warn('w1'); warn('w1'); warn('w2');
await tick();
out.once = seen.splice(0);
// scoped: error (sync throws PythonWarningError naming the category), ignore, nested, restored after
out.scopedError = compat.warnings('error', () => outcome(() => np.divide(np.ones(1), 0)));
out.scopedIgnore = compat.warnings('ignore', () => outcome(() => warn('w3')));
out.nested = compat.warnings('error', () => compat.warnings('ignore', () => outcome(() => warn('w4'))));
out.after = outcome(() => warn('w5'));
await tick();
out.afterSeen = seen.splice(0);
// a scope covers the awaits of an async fn, and async calls started in it
out.asyncScope = await compat.warnings('error', async () => {
  const sync = outcome(() => warn('w6'));
  await tick();
  const asyncCall = await aoutcome(np.sqrt.async(-1));
  return [sync, asyncCall];
});
// async call under warn: the job's warnings are emitted when it settles
await np.sqrt.async(np.array([-2.0]));
await compat.evaluateAsync("__import__('warnings').warn('from the pool', RuntimeWarning)");
await tick();
out.asyncWarned = seen.splice(0);
// per call: .async.with({ warnings })
out.perCall = await aoutcome(np.log.async.with({ warnings: 'error' })(np.zeros(1)));
// global policy
out.previous = compat.setWarningPolicy('ignore');
warn('w7');
out.ignoredAsync = await aoutcome(compat.evaluateAsync("__import__('warnings').warn('w8')"));
await tick();
out.ignoredSeen = seen.splice(0);
compat.setWarningPolicy('error');
out.globalError = outcome(() => warn('w9', 'DeprecationWarning'));
// a Python thread that is neither a JS thread nor ndbridge's pool follows the global policy too
out.pythonThread = compat.exec(\`
import threading, warnings
res = []
def run():
    try:
        warnings.warn('w10', UserWarning)
        res.append('no error')
    except UserWarning as e:
        res.append('raised ' + str(e))
t = threading.Thread(target=run); t.start(); t.join()
\`).res;
compat.setWarningPolicy('warn');
// a real Python error is still a plain PythonError
out.plainError = outcome(() => compat.evaluate('1/0'));
// bad policies: TypeError
out.bad = [outcome(() => compat.setWarningPolicy('loud')), outcome(() => compat.warnings('always', () => 1))];
out.stillWarn = compat.currentWarningPolicy();
console.log(JSON.stringify(out));
`;

describeCompat('Python warnings reach Node (issue 15)', () => {
  it.each(ENGINES)('%s: policies ignore | warn | error, global and scoped, sync and async', (engine) => {
    const r = runIsolated(SCRIPT, { engine, timeoutMs: 120_000 });
    expect(r.signal, r.stderr).toBeNull();
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    const pwe = (category: string): unknown[] => ['PythonWarningError', category, category];
    expect(out).toEqual({
      defaultPolicy: 'warn',
      log: null, // -Infinity through JSON
      warned: [
        ['UserWarning', 'w1'],
        ['RuntimeWarning', 'divide by zero encountered in log'],
      ],
      once: [['UserWarning', 'w2']],
      scopedError: pwe('RuntimeWarning'),
      scopedIgnore: 'ok',
      nested: 'ok',
      after: 'ok',
      afterSeen: [['UserWarning', 'w5']],
      asyncScope: [pwe('UserWarning'), pwe('RuntimeWarning')],
      asyncWarned: [
        ['RuntimeWarning', 'invalid value encountered in sqrt'],
        ['RuntimeWarning', 'from the pool'],
      ],
      perCall: pwe('RuntimeWarning'),
      previous: 'warn',
      ignoredAsync: 'ok',
      ignoredSeen: [],
      globalError: pwe('DeprecationWarning'),
      pythonThread: ['raised w10'],
      plainError: ['PythonError', null, 'ZeroDivisionError'],
      bad: [
        ['TypeError', null, null],
        ['TypeError', null, null],
      ],
      stillWarn: 'warn',
    });
    // nothing went to raw stderr as Python's own warning line ("<string>:1: UserWarning: w1")
    expect(r.stderr).not.toMatch(/:\d+: (User|Runtime)Warning/);
    expect(r.stderr).toMatch(/\(node:\d+\) UserWarning: w1/);
  });
});
