import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CompatUnavailableError } from '../../common/errors.js';
import { chooseInterpreter, libpythonCandidates, type PythonProbe } from './discovery.js';

function fakeInterpreter(dir: string, name = 'python3'): string {
  mkdirSync(dir, { recursive: true });
  const p = join(dir, name);
  writeFileSync(p, '#!/bin/sh\nexit 1\n');
  chmodSync(p, 0o755);
  return p;
}

describe('chooseInterpreter', () => {
  const root = mkdtempSync(join(tmpdir(), 'ndbridge-discovery-'));
  const onPath = fakeInterpreter(join(root, 'bin'));
  const venvPython = fakeInterpreter(join(root, 'venv', 'bin'), 'python');
  const explicit = fakeInterpreter(join(root, 'explicit'));

  it('prefers NDBRIDGE_PYTHON, then VIRTUAL_ENV, then python3 on PATH', () => {
    const env = { NDBRIDGE_PYTHON: explicit, VIRTUAL_ENV: join(root, 'venv'), PATH: join(root, 'bin') };
    expect(chooseInterpreter(env)).toMatchObject({ path: explicit, source: 'NDBRIDGE_PYTHON' });
    expect(chooseInterpreter({ ...env, NDBRIDGE_PYTHON: '' })).toMatchObject({ path: venvPython, source: 'VIRTUAL_ENV' });
    expect(chooseInterpreter({ PATH: `/nonexistent:${join(root, 'bin')}` })).toMatchObject({ path: onPath, source: 'PATH' });
  });

  it('a broken NDBRIDGE_PYTHON is an error naming it and the fix (no silent fallback)', () => {
    const env = { NDBRIDGE_PYTHON: join(root, 'missing', 'python3'), PATH: join(root, 'bin') };
    expect(() => chooseInterpreter(env)).toThrow(CompatUnavailableError);
    expect(() => chooseInterpreter(env)).toThrow(/NDBRIDGE_PYTHON=.*missing\/python3 is not an interpreter file \(no such file\)/);
    expect(() => chooseInterpreter({ NDBRIDGE_PYTHON: root })).toThrow(/not a regular file/);
  });

  it('nothing found lists every place searched', () => {
    let err: unknown;
    try {
      chooseInterpreter({ VIRTUAL_ENV: join(root, 'novenv'), PATH: '/nonexistent' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CompatUnavailableError);
    const msg = (err as Error).message;
    expect(msg).toContain(join(root, 'novenv', 'bin', 'python'));
    expect(msg).toContain('python3 on PATH (/nonexistent)');
  });
});

describe('libpythonCandidates', () => {
  it('lists the files the interpreter reports first, in LIBDIR then the base prefixes', () => {
    const probe = {
      versionInfo: [3, 11, 7],
      libdir: '/opt/py/lib',
      instsoname: 'libpython3.11.so.1.0',
      ldlibrary: 'libpython3.11.so',
      basePrefix: '/opt/base',
      baseExecPrefix: '/opt/base',
    } as PythonProbe;
    const c = libpythonCandidates(probe);
    expect(c[0]).toBe('/opt/py/lib/libpython3.11.so.1.0');
    expect(c[1]).toBe('/opt/py/lib/libpython3.11.so');
    expect(c).toContain('/opt/base/lib/libpython3.11.so.1.0');
    expect(new Set(c).size).toBe(c.length);
  });

  it('skips static libraries (a Python without --enable-shared)', () => {
    const probe = { versionInfo: [3, 12, 1], libdir: '/x/lib', instsoname: 'libpython3.12.a', ldlibrary: 'libpython3.12.a', basePrefix: '/x', baseExecPrefix: '/x' } as PythonProbe;
    expect(libpythonCandidates(probe).some((p) => p.endsWith('.a'))).toBe(false);
  });

  it('agrees with the real python3 on this machine when there is one', () => {
    let real: { libdir: string; soname: string } | undefined;
    try {
      real = JSON.parse(
        execFileSync('python3', ['-c', 'import json, sysconfig as s; print(json.dumps({"libdir": s.get_config_var("LIBDIR"), "soname": s.get_config_var("INSTSONAME")}))'], { encoding: 'utf8' }),
      ) as { libdir: string; soname: string };
    } catch {
      return; // no python3 here: nothing to compare with
    }
    const probe = { versionInfo: [3, 0, 0], libdir: real.libdir, instsoname: real.soname, ldlibrary: null, basePrefix: '/', baseExecPrefix: '/' } as unknown as PythonProbe;
    expect(libpythonCandidates(probe)[0]).toBe(join(real.libdir, real.soname));
  });
});
