/**
 * Discovery beyond a Linux python3 on PATH: conda environments, Windows and macOS layouts (handled in
 * code, untested on those systems: these tests use fake directories), and PEP 668-aware advice when NumPy
 * is missing, with fake interpreters that answer the probe.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseInterpreter, discoverPython, libpythonCandidates, numpyInstallAdvice, type PythonProbe } from './discovery.js';

const root = mkdtempSync(join(tmpdir(), 'ndbridge-discovery-platforms-'));

function file(path: string, text = '#!/bin/sh\nexit 1\n'): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  chmodSync(path, 0o755);
  return path;
}

describe('chooseInterpreter: conda and Windows layouts', () => {
  const venv = file(join(root, 'venv', 'bin', 'python'));
  const conda = file(join(root, 'conda', 'bin', 'python'));
  const onPath = file(join(root, 'bin', 'python3'));

  it('an active conda environment (CONDA_PREFIX) comes after VIRTUAL_ENV and before PATH', () => {
    const env = { VIRTUAL_ENV: join(root, 'venv'), CONDA_PREFIX: join(root, 'conda'), PATH: join(root, 'bin') };
    expect(chooseInterpreter(env, 'linux')).toMatchObject({ path: venv, source: 'VIRTUAL_ENV' });
    expect(chooseInterpreter({ ...env, VIRTUAL_ENV: undefined }, 'linux')).toMatchObject({ path: conda, source: 'CONDA_PREFIX' });
    expect(chooseInterpreter({ ...env, VIRTUAL_ENV: undefined, CONDA_PREFIX: join(root, 'none') }, 'linux')).toMatchObject({ path: onPath, source: 'PATH' });
  });

  it('looks where Windows keeps interpreters: venv\\Scripts\\python.exe, <conda>\\python.exe, python.exe on Path', () => {
    const wvenv = file(join(root, 'wvenv', 'Scripts', 'python.exe'));
    const wconda = file(join(root, 'wconda', 'python.exe'));
    const wpath = file(join(root, 'wbin', 'python.exe'));
    expect(chooseInterpreter({ VIRTUAL_ENV: join(root, 'wvenv') }, 'win32')).toMatchObject({ path: wvenv, source: 'VIRTUAL_ENV' });
    expect(chooseInterpreter({ CONDA_PREFIX: join(root, 'wconda') }, 'win32')).toMatchObject({ path: wconda, source: 'CONDA_PREFIX' });
    expect(chooseInterpreter({ Path: `C:\\nowhere;${join(root, 'wbin')}` }, 'win32')).toMatchObject({ path: wpath, source: 'PATH' });
  });

  it('nothing found: the fix names a virtual environment, not pip into the system Python', () => {
    expect(() => chooseInterpreter({ CONDA_PREFIX: join(root, 'none'), PATH: '/nonexistent' }, 'linux')).toThrow(
      /CONDA_PREFIX: .*none\/bin\/python.*python3 -m venv \.venv && \.venv\/bin\/pip install numpy/,
    );
  });
});

const base: PythonProbe = {
  executable: '/usr/bin/python3',
  version: '3.12.4',
  versionInfo: [3, 12, 4],
  implementation: 'cpython',
  prefix: '/usr',
  execPrefix: '/usr',
  basePrefix: '/usr',
  baseExecPrefix: '/usr',
  sysPath: [],
  libdir: '/usr/lib',
  ldlibrary: 'libpython3.12.so',
  instsoname: 'libpython3.12.so.1.0',
  enableShared: true,
  numpyVersion: null,
  numpyError: "ModuleNotFoundError: No module named 'numpy'",
  framework: null,
  frameworkPrefix: null,
  externallyManaged: false,
};

describe('libpythonCandidates on macOS and Windows (untested systems: names and paths only)', () => {
  it('macOS: libpython3.X.dylib, and the framework binary of a framework build', () => {
    const probe: PythonProbe = {
      ...base,
      executable: '/Library/Frameworks/Python.framework/Versions/3.12/bin/python3',
      prefix: '/Library/Frameworks/Python.framework/Versions/3.12',
      basePrefix: '/Library/Frameworks/Python.framework/Versions/3.12',
      baseExecPrefix: '/Library/Frameworks/Python.framework/Versions/3.12',
      libdir: '/Library/Frameworks/Python.framework/Versions/3.12/lib',
      ldlibrary: 'Python.framework/Versions/3.12/Python',
      instsoname: 'Python.framework/Versions/3.12/Python',
      framework: 'Python',
      frameworkPrefix: '/Library/Frameworks',
    };
    const c = libpythonCandidates(probe, 'darwin');
    expect(c[0]).toBe('/Library/Frameworks/Python.framework/Versions/3.12/lib/libpython3.12.dylib');
    expect(c).toContain('/Library/Frameworks/Python.framework/Versions/3.12/Python');
    expect(c.some((p) => p.endsWith('.so') || p.includes('.so.'))).toBe(false);
    const brew = libpythonCandidates({ ...base, ldlibrary: 'libpython3.12.dylib', instsoname: 'libpython3.12.dylib', libdir: '/opt/homebrew/opt/python@3.12/lib' }, 'darwin');
    expect(brew[0]).toBe('/opt/homebrew/opt/python@3.12/lib/libpython3.12.dylib');
  });

  it('Windows: python3X.dll next to the interpreter, then in the base prefix', () => {
    const probe: PythonProbe = { ...base, executable: 'C:\\Python312\\python.exe', prefix: 'C:\\Python312', basePrefix: 'C:\\Python312', baseExecPrefix: 'C:\\Python312', libdir: null, ldlibrary: null, instsoname: null };
    const c = libpythonCandidates(probe, 'win32');
    expect(c[0]).toBe(join('C:\\Python312', 'python312.dll'));
    expect(c.every((p) => p.endsWith('.dll'))).toBe(true);
  });
});

describe('numpyInstallAdvice (PEP 668)', () => {
  it('an externally managed system Python gets a virtual environment, not pip install', () => {
    const advice = numpyInstallAdvice({ ...base, externallyManaged: true }, '/usr/bin/python3', {});
    expect(advice).toMatch(/PEP 668/);
    expect(advice).toContain('python3 -m venv .venv && .venv/bin/pip install numpy');
    expect(advice).toContain('NDBRIDGE_PYTHON=$PWD/.venv/bin/python');
    expect(advice).not.toMatch(/^\/usr\/bin\/python3 -m pip install/);
  });

  it('a virtual or conda environment gets pip install into it', () => {
    expect(numpyInstallAdvice({ ...base, prefix: '/home/u/.venv', externallyManaged: true }, '/home/u/.venv/bin/python', {})).toBe('/home/u/.venv/bin/python -m pip install numpy');
    expect(numpyInstallAdvice({ ...base, prefix: '/opt/conda', basePrefix: '/opt/conda' }, '/opt/conda/bin/python', { CONDA_PREFIX: '/opt/conda' })).toBe('/opt/conda/bin/python -m pip install numpy');
  });

  it('agrees with the marker file of the real python3 on this machine', () => {
    let answer: { marker: boolean; venv: boolean };
    try {
      answer = JSON.parse(
        execFileSync('python3', ['-c', "import json,os,sys,sysconfig; print(json.dumps({'marker': os.path.isfile(os.path.join(sysconfig.get_path('stdlib'), 'EXTERNALLY-MANAGED')), 'venv': sys.prefix != sys.base_prefix}))"], { encoding: 'utf8' }),
      ) as { marker: boolean; venv: boolean };
    } catch {
      console.warn('*** no python3 on this machine: the real-interpreter check is skipped');
      return;
    }
    const found = discoverPython({ ...process.env, NDBRIDGE_PYTHON: undefined, VIRTUAL_ENV: undefined, CONDA_PREFIX: undefined });
    expect(found.externallyManaged).toBe(answer.marker);
    expect(/PEP 668/.test(numpyInstallAdvice(found, found.interpreter.path, {}))).toBe(answer.marker && !answer.venv);
  });
});

describe('a fake interpreter without NumPy in an externally managed Python', () => {
  const dir = join(root, 'fake');
  const lib = file(join(dir, 'lib', 'libpython3.12.so.1.0'), '');
  const probe = { ...base, executable: join(dir, 'python3'), prefix: dir, execPrefix: dir, basePrefix: dir, baseExecPrefix: dir, libdir: join(dir, 'lib'), externallyManaged: true };
  const python = file(join(dir, 'python3'), `#!/bin/sh\ncat <<'EOF'\n${JSON.stringify(probe)}\nEOF\n`);
  const env = { ...process.env, NDBRIDGE_PYTHON: python, XDG_CACHE_HOME: join(root, 'cache') };

  it('is probed, its libpython found, and its advice is a virtual environment', () => {
    const found = discoverPython(env);
    expect(found).toMatchObject({ libpython: lib, externallyManaged: true, numpyVersion: null });
  });

  it('ndbridge doctor prints the PEP 668 advice and exits 3', () => {
    const cli = join(__dirname, '../../../dist/src/cli/main.js');
    const r = spawnSync(process.execPath, [cli, 'doctor'], { env, encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stdout).toContain(`NumPy is not importable in ${python}`);
    expect(r.stdout).toContain('is managed by the system (PEP 668: pip refuses to install into it). Make a virtual environment: python3 -m venv .venv');
  });
});
