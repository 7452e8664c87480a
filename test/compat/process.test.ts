/**
 * Process-level behaviour, each in a child process or worker: a broken NDBRIDGE_PYTHON, no Python at
 * all, Ctrl-C still stopping Node after Python imported `signal`/asyncio, and worker_threads.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, expect, it } from 'vitest';
import * as compat from '../../src/compat/index.js';
import { getRuntime } from '../../src/compat/python/runtime.js';
import { buildCompatForChild, cleanupChildBuild, describeCompat, python, runNodeChild } from './support.js';

afterAll(cleanupChildBuild);

const compatUrl = (): string => pathToFileURL(join(buildCompatForChild(), 'src/compat/index.js')).href;

const REPORT_UNAVAILABLE = (url: string) => `
import * as compat from ${JSON.stringify(url)};
const out = { available: compat.available(), info: compat.info() };
try { compat.numpy(); out.threw = null; } catch (e) { out.threw = { name: e.name, message: e.message }; }
process.stdout.write(JSON.stringify(out));
`;

interface Unavailable {
  available: boolean;
  info: compat.CompatInfo;
  threw: { name: string; message: string } | null;
}

describeCompat('process-level behaviour', () => {
  it('a broken NDBRIDGE_PYTHON gives CompatUnavailableError naming it and the fix', () => {
    const r = runNodeChild(REPORT_UNAVAILABLE(compatUrl()), { ...process.env, NDBRIDGE_PYTHON: '/nonexistent/python3' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Unavailable;
    expect(out.available).toBe(false);
    expect(out.info.available).toBe(false);
    expect(out.info.problem).toContain('/nonexistent/python3');
    expect(out.threw?.name).toBe('CompatUnavailableError');
    expect(out.threw?.message).toContain('NDBRIDGE_PYTHON=/nonexistent/python3');
    expect(out.threw?.message).toMatch(/Fix: point NDBRIDGE_PYTHON at a Python 3 executable/);
  });

  it('an interpreter that is not Python, and no python3 on PATH, are reported with what was searched', () => {
    const notPython = runNodeChild(REPORT_UNAVAILABLE(compatUrl()), { ...process.env, NDBRIDGE_PYTHON: process.execPath });
    const a = JSON.parse(notPython.stdout) as Unavailable;
    expect(a.threw?.name).toBe('CompatUnavailableError');
    expect(a.threw?.message).toContain(process.execPath);
    const env = { ...process.env, PATH: '/nonexistent-bin', NDBRIDGE_PYTHON: '', VIRTUAL_ENV: '' };
    const none = JSON.parse(runNodeChild(REPORT_UNAVAILABLE(compatUrl()), env).stdout) as Unavailable;
    expect(none.available).toBe(false);
    expect(none.threw?.name).toBe('CompatUnavailableError');
    expect(none.threw?.message).toContain('PATH');
    expect(none.threw?.message).toMatch(/Fix: install Python 3/);
  });

  it('ndbridge doctor reports what it found, and exits 3 (cannot run) with the fix when Python is broken', () => {
    const doctorUrl = pathToFileURL(join(buildCompatForChild(), 'src/cli/doctor.js')).href;
    const script = `import { run } from ${JSON.stringify(doctorUrl)};\nprocess.exitCode = await run(['--json']);\n`;
    const good = runNodeChild(script);
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    const report = JSON.parse(good.stdout) as { ok: boolean; checks: { label: string; value: string; ok: boolean }[] };
    const byLabel = Object.fromEntries(report.checks.map((c) => [c.label, c]));
    const expected = python<{ numpy: string; python: string }>('import json, sys, numpy; print(json.dumps({"numpy": numpy.__version__, "python": sys.version.split()[0]}))');
    expect(report.ok).toBe(true);
    expect(byLabel.NumPy.value).toBe(expected.numpy);
    expect(byLabel.Python.value).toBe(expected.python);
    expect(byLabel['round trip'].ok).toBe(true);
    const blas = python<string>('import json, numpy; print(json.dumps(numpy.show_config(mode="dicts")["Build Dependencies"]["blas"]["name"]))');
    expect(byLabel['NumPy BLAS'].value).toContain(blas);
    const bad = runNodeChild(script, { ...process.env, NDBRIDGE_PYTHON: '/nonexistent/python3' });
    expect(bad.status).toBe(3);
    const badReport = JSON.parse(bad.stdout) as { ok: boolean; problem: string };
    expect(badReport.ok).toBe(false);
    expect(badReport.problem).toMatch(/NDBRIDGE_PYTHON=\/nonexistent\/python3[\s\S]*Fix:/);
  });

  it('a virtual environment is embedded as itself (sys.prefix, site-packages) with the base NumPy', () => {
    const venv = mkdtempSync(join(tmpdir(), 'ndbridge-venv-'));
    try {
      execFileSync(getRuntime().python.executable, ['-m', 'venv', '--without-pip', '--system-site-packages', venv]);
      const r = runNodeChild(
        `import * as compat from ${JSON.stringify(compatUrl())};
compat.numpy();
process.stdout.write(JSON.stringify(compat.evaluate('(__import__("sys").prefix, __import__("sys").base_prefix, any(p.startswith(__import__("sys").prefix) and p.endswith("site-packages") for p in __import__("sys").path), np.__version__)')));`,
        { ...process.env, NDBRIDGE_PYTHON: '', VIRTUAL_ENV: venv },
      );
      expect(r.stderr).toBe('');
      const [prefix, basePrefix, hasVenvSitePackages, npVersion] = JSON.parse(r.stdout) as [string, string, boolean, string];
      expect(prefix).toBe(venv);
      expect(basePrefix).toBe(getRuntime().python.basePrefix);
      expect(hasVenvSitePackages).toBe(true);
      expect(npVersion).toBe(getRuntime().python.numpyVersion);
    } finally {
      rmSync(venv, { recursive: true, force: true });
    }
  });

  it('Ctrl-C (SIGINT) still stops Node after Python imports signal/asyncio and installs its own handler', () => {
    const r = runNodeChild(`
import * as compat from ${JSON.stringify(compatUrl())};
compat.numpy();
compat.exec('import signal, asyncio\\nasyncio.run(asyncio.sleep(0))');
// Python code that installs Python's own SIGINT handler (which would swallow Ctrl-C in Node):
compat.exec('import signal\\nsignal.signal(signal.SIGINT, signal.default_int_handler)');
process.kill(process.pid, 'SIGINT');
setTimeout(() => { process.stdout.write('still alive'); process.exit(3); }, 2000);
`);
    expect(r.stdout).toBe('');
    expect(r.signal).toBe('SIGINT');
  });

  it('a Python exception, then more calls: the interpreter stays usable', () => {
    const np = compat.numpy();
    for (let i = 0; i < 5; i++) {
      expect(() => compat.evaluate('1/0')).toThrow(/ZeroDivisionError/);
      expect(np.add(1, 2)).toBe(3n);
    }
  });

  it('worker_threads can use compat while the main thread does too (GIL per synchronous segment)', async () => {
    const np = compat.numpy();
    const mainSum = np.sum(np.arange(10)) as bigint;
    const worker = new Worker(
      `
      const { parentPort } = require('node:worker_threads');
      import(${JSON.stringify(compatUrl())}).then((compat) => {
        const np = compat.numpy();
        let acc = 0n;
        for (let i = 0; i < 200; i++) acc += np.sum(np.arange(10));
        const thread = compat.evaluate('__import__("threading").get_ident()');
        // Give the GIL back before the message: the main thread may go on at once.
        compat.releaseGil();
        parentPort.postMessage({ acc: String(acc), thread });
      }, (e) => parentPort.postMessage({ error: String(e && e.stack || e) }));
      `,
      { eval: true },
    );
    // Keep using Python on the main thread while the worker runs.
    let mainAcc = 0n;
    const done = new Promise<{ acc?: string; thread?: number; error?: string }>((res, rej) => {
      worker.once('message', res);
      worker.once('error', rej);
    });
    const ticker = setInterval(() => {
      mainAcc += np.sum(np.arange(10)) as bigint;
    }, 1);
    const msg = await done;
    clearInterval(ticker);
    // the worker ends by itself (nothing keeps it alive). Not worker.terminate(): under ffi-napi,
    // terminating a worker that used compat can abort the process (README, Known limits)
    await new Promise((r) => worker.once('exit', r));
    expect(msg.error).toBeUndefined();
    expect(msg.acc).toBe(String(200n * mainSum));
    expect(msg.thread).not.toBe(compat.evaluate('__import__("threading").get_ident()'));
    expect(mainAcc % mainSum).toBe(0n);
    expect(python<number>('print(45)')).toBe(Number(mainSum));
  });
});
