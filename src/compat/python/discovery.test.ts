import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CompatUnavailableError } from '../../common/errors.js';
import { chooseInterpreter, libpythonCandidates, probeCacheDir, probeInterpreter, trustedCacheDir, type PythonProbe } from './discovery.js';

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

/** The real python3 on PATH, or null (then the probe tests have nothing to run). */
function realPython(): string | null {
  try {
    return execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

describe('the probe cache (issue 13, Security)', () => {
  const root = mkdtempSync(join(tmpdir(), 'ndbridge-probe-cache-'));
  const uid = process.getuid?.() ?? -1;

  it('lives in the per-user cache: XDG_CACHE_HOME when absolute, else ~/.cache', () => {
    expect(probeCacheDir({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' })).toBe('/x/cache/ndbridge');
    expect(probeCacheDir({ XDG_CACHE_HOME: 'relative/cache', HOME: '/home/u' })).toBe(process.platform === 'darwin' ? '/home/u/Library/Caches/ndbridge' : '/home/u/.cache/ndbridge');
    expect(probeCacheDir({ HOME: '/home/u' })).not.toContain(tmpdir() + '/ndbridge-cache');
  });

  it('is made with mode 0700, tightened when it is ours, refused when it is a symlink or someone else\'s', () => {
    const env = { XDG_CACHE_HOME: join(root, 'a') };
    const dir = trustedCacheDir(env);
    expect(dir).toBe(join(root, 'a', 'ndbridge'));
    expect(statSync(dir ?? '').mode & 0o777).toBe(0o700);
    chmodSync(dir ?? '', 0o777);
    expect(trustedCacheDir(env)).toBe(dir);
    expect(statSync(dir ?? '').mode & 0o777).toBe(0o700);
    // A symlink planted where the directory goes (pointing at a directory its maker controls).
    mkdirSync(join(root, 'b'));
    mkdirSync(join(root, 'planted'), { mode: 0o700 });
    symlinkSync(join(root, 'planted'), join(root, 'b', 'ndbridge'));
    expect(trustedCacheDir({ XDG_CACHE_HOME: join(root, 'b') })).toBeNull();
    if (uid === 0) {
      // As root, a directory of another user can be made: it is not trusted.
      mkdirSync(join(root, 'c', 'ndbridge'), { recursive: true, mode: 0o700 });
      chownSync(join(root, 'c', 'ndbridge'), 12345, 12345);
      expect(trustedCacheDir({ XDG_CACHE_HOME: join(root, 'c') })).toBeNull();
    }
  });

  it('a probe result is read back only from a file of ours nobody else can write, and only when zod accepts it', () => {
    const exe = realPython();
    if (exe === null) return;
    const env = { XDG_CACHE_HOME: join(root, 'p') };
    const choice = { path: exe, source: 'PATH' as const, searched: [] };
    const real = probeInterpreter(choice, env);
    const dir = join(root, 'p', 'ndbridge');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(1);
    const file = join(dir, files[0]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const cached = JSON.parse(readFileSync(file, 'utf8')) as { key: string; probe: PythonProbe };
    expect(cached.probe).toEqual(real);
    const plant = (probe: Partial<PythonProbe>, mode = 0o600, owner?: number): PythonProbe => {
      writeFileSync(file, JSON.stringify({ key: cached.key, probe: { ...cached.probe, ...probe } }), { mode });
      chmodSync(file, mode);
      if (owner !== undefined) chownSync(file, owner, owner);
      return probeInterpreter(choice, env);
    };
    // A well-formed entry of ours is used (the cache works)...
    expect(plant({ numpyVersion: '0.0.cached' }).numpyVersion).toBe('0.0.cached');
    // ...one others could write, or one zod refuses, is not: the interpreter is asked again.
    expect(plant({ libdir: join(root, 'evil') }, 0o666).libdir).toBe(real.libdir);
    expect(plant({ libdir: 'relative/lib' }).libdir).toBe(real.libdir);
    expect(plant({ instsoname: '../../evil/libpython.so' }).instsoname).toBe(real.instsoname);
    if (uid === 0) expect(plant({ libdir: join(root, 'evil') }, 0o600, 12345).libdir).toBe(real.libdir);
    // The probe rewrote a good entry each time.
    expect((JSON.parse(readFileSync(file, 'utf8')) as { probe: PythonProbe }).probe).toEqual(real);
  });
});
