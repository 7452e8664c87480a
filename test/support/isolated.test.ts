import { describe, expect, it } from 'vitest';
import { describeExit, ENGINES, LIB, runIsolated } from './isolated.js';
describe.each(ENGINES)('isolated child under %s', (engine) => {
  it('runs the library and reports a crash as a signal', () => {
    const ok = runIsolated(`import { fast } from '${LIB}/index.js'; import { compat } from '${LIB}/index.js'; console.log(fast.linspace(0, 1, 3).sum().get(), compat.evaluate('1+1'))`, { engine });
    expect(ok.status, describeExit(ok)).toBe(0);
    expect(ok.stdout.trim()).toBe('1.5 2');
    const crash = runIsolated(`process.kill(process.pid, 'SIGSEGV')`, { engine });
    expect(crash.signal).toBe('SIGSEGV');
    const hang = runIsolated(`setInterval(() => {}, 1000)`, { engine, timeoutMs: 1500 });
    expect(hang.timedOut).toBe(true);
  });
});
