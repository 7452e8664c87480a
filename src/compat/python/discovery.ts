/**
 * Finding the Python interpreter and its shared libpython, without starting it in-process.
 *
 * Order: `NDBRIDGE_PYTHON` (an interpreter path), then an active virtual environment
 * (`$VIRTUAL_ENV/bin/python`), then an active conda environment (`$CONDA_PREFIX/bin/python`), then
 * `python3` on PATH. Windows (`Scripts\python.exe`, `python.exe`, `python3X.dll`) and macOS
 * (`libpython3.X.dylib`, framework builds) are handled here but untested. The chosen interpreter is asked once, in one
 * subprocess, for its version, libpython location, prefixes, `sys.path` and NumPy; the answer is
 * cached per interpreter path + mtime + size in a JSON file in the per-user cache directory
 * (`probeCacheDir`: made with mode 0700, its owner checked; a cache file is read only when it is a
 * regular file of this user that nobody else can write) and validated with zod when read back.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  constants as fsConstants,
  existsSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { CompatUnavailableError } from '../../common/errors.js';

/** Where the interpreter came from. */
export type InterpreterSource = 'NDBRIDGE_PYTHON' | 'VIRTUAL_ENV' | 'CONDA_PREFIX' | 'PATH';

export interface InterpreterChoice {
  /** Absolute path of the interpreter, as found (symlinks kept: a venv is recognised by its bin/python). */
  readonly path: string;
  readonly source: InterpreterSource;
  /** Every place looked at, in order, for error messages. */
  readonly searched: readonly string[];
}

/** An absolute path (a relative one would be resolved against the working directory when loading). */
const AbsolutePath = z.string().min(1).refine((p) => isAbsolute(p) && !p.includes('\0'), 'must be an absolute path');
/** A bare file name (no directory part). */
const FileName = z.string().regex(/^[^/\\\0]+$/, 'must be a file name without a directory');

const ProbeSchema = z.object({
  executable: z.string(),
  version: z.string().max(64),
  versionInfo: z.tuple([z.number().int(), z.number().int(), z.number().int()]),
  implementation: z.string().max(64),
  prefix: AbsolutePath,
  execPrefix: AbsolutePath,
  basePrefix: AbsolutePath,
  baseExecPrefix: AbsolutePath,
  sysPath: z.array(z.string()),
  libdir: AbsolutePath.nullable(),
  ldlibrary: FileName.nullable(),
  instsoname: FileName.nullable(),
  enableShared: z.boolean(),
  numpyVersion: z.string().max(64).nullable(),
  numpyError: z.string().nullable(),
  /** macOS framework builds: PYTHONFRAMEWORK (e.g. Python) and PYTHONFRAMEWORKPREFIX. */
  framework: FileName.nullable(),
  frameworkPrefix: AbsolutePath.nullable(),
  /** The stdlib holds an EXTERNALLY-MANAGED marker (PEP 668): pip refuses to install into this Python. */
  externallyManaged: z.boolean(),
});
export type PythonProbe = z.infer<typeof ProbeSchema>;

const CacheSchema = z.object({ key: z.string(), probe: ProbeSchema });

/** Everything known about the interpreter compat will embed. */
export interface PythonInstallation extends PythonProbe {
  readonly interpreter: InterpreterChoice;
  /** Absolute path of the shared libpython to load, or null when none was found. */
  readonly libpython: string | null;
  /** Every libpython path tried, in order. */
  readonly libpythonCandidates: readonly string[];
}

const PROBE_SCRIPT = `
import json, os, sys, sysconfig
v = sysconfig.get_config_var
np_version = None
np_error = None
try:
    import numpy
    np_version = numpy.__version__
except Exception as e:
    np_error = type(e).__name__ + ': ' + str(e)
print(json.dumps({
    'executable': sys.executable,
    'version': sys.version.split()[0],
    'versionInfo': list(sys.version_info[:3]),
    'implementation': sys.implementation.name,
    'prefix': sys.prefix,
    'execPrefix': sys.exec_prefix,
    'basePrefix': sys.base_prefix,
    'baseExecPrefix': sys.base_exec_prefix,
    'sysPath': sys.path,
    'libdir': v('LIBDIR'),
    'ldlibrary': v('LDLIBRARY'),
    'instsoname': v('INSTSONAME'),
    'enableShared': bool(v('Py_ENABLE_SHARED')),
    'numpyVersion': np_version,
    'numpyError': np_error,
    'framework': v('PYTHONFRAMEWORK') or None,
    'frameworkPrefix': v('PYTHONFRAMEWORKPREFIX') or None,
    'externallyManaged': os.path.isfile(os.path.join(sysconfig.get_path('stdlib') or '', 'EXTERNALLY-MANAGED')),
}))
`;

function isExecutableFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Find the interpreter per the discovery order. Throws CompatUnavailableError listing what was searched. */
export function chooseInterpreter(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): InterpreterChoice {
  const searched: string[] = [];
  const explicit = env.NDBRIDGE_PYTHON?.trim();
  if (explicit) {
    const p = resolve(explicit);
    searched.push(`NDBRIDGE_PYTHON=${explicit}`);
    if (!isExecutableFile(p)) {
      throw new CompatUnavailableError(
        `NDBRIDGE_PYTHON=${explicit} is not an interpreter file (${existsSync(p) ? 'not a regular file' : 'no such file'}). ` +
          `Fix: point NDBRIDGE_PYTHON at a Python 3 executable with NumPy installed (for example the output of \`which python3\`), or unset it to use python3 on PATH.`,
      );
    }
    return { path: p, source: 'NDBRIDGE_PYTHON', searched };
  }
  const win = platform === 'win32';
  for (const [source, prefix] of [
    ['VIRTUAL_ENV', env.VIRTUAL_ENV?.trim()],
    ['CONDA_PREFIX', env.CONDA_PREFIX?.trim()],
  ] as const) {
    if (!prefix) continue;
    // a venv keeps its interpreter in Scripts\ on Windows, a conda environment at its root
    const places = win ? (source === 'VIRTUAL_ENV' ? [join(prefix, 'Scripts', 'python.exe')] : [join(prefix, 'python.exe')]) : [join(prefix, 'bin', 'python'), join(prefix, 'bin', 'python3')];
    for (const p of places) {
      searched.push(`${source}: ${p}`);
      if (isExecutableFile(p)) return { path: p, source, searched };
    }
  }
  const names = win ? ['python3.exe', 'python.exe'] : ['python3'];
  for (const dir of (env.PATH ?? env.Path ?? '').split(win ? ';' : delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    for (const name of names) {
      const p = join(dir, name);
      if (isExecutableFile(p)) {
        searched.push(`PATH: ${p}`);
        return { path: p, source: 'PATH', searched };
      }
    }
  }
  searched.push(`python3 on PATH (${env.PATH ?? ''})`);
  throw new CompatUnavailableError(
    `no Python interpreter found; looked at: ${searched.join('; ')}. ` +
      `Fix: install Python 3 with a shared libpython and NumPy (e.g. apt-get install python3 python3-numpy, or a virtual environment: ` +
      `python3 -m venv .venv && .venv/bin/pip install numpy), then set NDBRIDGE_PYTHON=/path/to/python3 or activate the environment.`,
  );
}

/**
 * The per-user cache directory for probe results: `$XDG_CACHE_HOME/ndbridge` (when absolute), else
 * `~/Library/Caches/ndbridge` on macOS, else `~/.cache/ndbridge`; null when there is no home directory.
 * A probe result decides which libpython is loaded, so it is never kept where another user could write
 * it (it used to be in a shared temporary folder that whoever created first controlled).
 */
export function probeCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const xdg = env.XDG_CACHE_HOME?.trim();
  if (xdg && isAbsolute(xdg)) return join(xdg, 'ndbridge');
  let home = env.HOME?.trim();
  if (!home) {
    try {
      home = homedir();
    } catch {
      return null;
    }
  }
  if (!home || !isAbsolute(home)) return null;
  return process.platform === 'darwin' ? join(home, 'Library', 'Caches', 'ndbridge') : join(home, '.cache', 'ndbridge');
}

/** The current user's id, or null where there are none (Windows: then ownership cannot be checked). */
function currentUid(): number | null {
  return typeof process.getuid === 'function' ? process.getuid() : null;
}

/**
 * Make (mode 0700) and verify the cache directory: a real directory (not a symlink), owned by this user,
 * not accessible to group or others (tightened when it is ours). Null when it cannot be trusted: then
 * nothing is cached.
 */
export function trustedCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = probeCacheDir(env);
  const uid = currentUid();
  if (dir === null || uid === null) return null;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    let st = lstatSync(dir);
    if (!st.isDirectory() || st.uid !== uid) return null;
    if ((st.mode & 0o077) !== 0) {
      chmodSync(dir, 0o700);
      st = lstatSync(dir);
      if ((st.mode & 0o077) !== 0) return null;
    }
    return dir;
  } catch {
    return null;
  }
}

/** Read a cache file only when it is a regular file of ours that nobody else can write (no symlinks followed). */
function readOwnFile(file: string): string | null {
  const uid = currentUid();
  let fd: number | undefined;
  try {
    fd = openSync(file, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile() || st.uid !== uid || (st.mode & 0o022) !== 0 || st.size > 1 << 20) return null;
    return readFileSync(fd, 'utf8');
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function cacheName(key: string): string {
  return `python-${createHash('sha256').update(key).digest('hex').slice(0, 24)}.json`;
}

/** A probe result read back from the cache: validated with zod, and only for this key. */
function readCachedProbe(dir: string, key: string): PythonProbe | null {
  const text = readOwnFile(join(dir, cacheName(key)));
  if (text === null) return null;
  try {
    const cached = CacheSchema.safeParse(JSON.parse(text));
    return cached.success && cached.data.key === key ? cached.data.probe : null;
  } catch {
    return null;
  }
}

function writeCachedProbe(dir: string, key: string, probe: PythonProbe): void {
  const file = join(dir, cacheName(key));
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify({ key, probe }), { mode: 0o600, flag: 'wx' });
    renameSync(tmp, file);
  } catch {
    // caching is an optimisation only
    rmSync(tmp, { force: true });
  }
}

/** Ask the interpreter about itself (cached per path + mtime + size, in the per-user cache). */
export function probeInterpreter(choice: InterpreterChoice, env: NodeJS.ProcessEnv = process.env): PythonProbe {
  const st = statSync(choice.path);
  const key = `v2|${choice.path}|${st.mtimeMs}|${st.size}`;
  const dir = trustedCacheDir(env);
  const cached = dir === null ? null : readCachedProbe(dir, key);
  if (cached) return cached;
  let out: string;
  try {
    out = execFileSync(choice.path, ['-I', '-c', PROBE_SCRIPT], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
      env: { ...process.env, PYTHONIOENCODING: 'utf-8' },
    });
  } catch (err) {
    const e = err as { stderr?: string; message?: string };
    throw new CompatUnavailableError(
      `the interpreter ${choice.path} (from ${choice.source}) could not be run: ${(e.stderr || e.message || String(err)).trim()}. ` +
        `Fix: point NDBRIDGE_PYTHON at a working Python 3 executable.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(out.trim().split('\n').pop() ?? '{}');
  } catch {
    json = undefined;
  }
  const parsed = ProbeSchema.safeParse(json);
  if (!parsed.success) {
    throw new CompatUnavailableError(
      `the interpreter ${choice.path} answered the probe with unexpected data (${parsed.error.message}). Is it CPython 3?`,
    );
  }
  if (dir !== null) writeCachedProbe(dir, key, parsed.data);
  return parsed.data;
}

/**
 * The libpython files to try, best first: the ones the interpreter itself reports, then the usual names
 * of the platform: `libpython3.X.so(.1.0)` on Linux; `libpython3.X.dylib` and, for framework builds,
 * `<prefix>/Python.framework/Versions/3.X/Python` on macOS; `python3X.dll` next to the interpreter on
 * Windows. (macOS and Windows are untested.)
 */
export function libpythonCandidates(p: PythonProbe, platform: NodeJS.Platform = process.platform): string[] {
  const [maj, min] = p.versionInfo;
  const out: string[] = [];
  const add = (full: string) => {
    if (!out.includes(full)) out.push(full);
  };
  if (platform === 'win32') {
    const exeDir = p.executable.replace(/[\\/][^\\/]*$/, '');
    for (const d of [exeDir, p.baseExecPrefix, p.basePrefix]) for (const n of [`python${maj}${min}.dll`, `python${maj}.dll`]) if (d) add(join(d, n));
    return out;
  }
  const ext = platform === 'darwin' ? /\.dylib$/ : /\.so(\.|$)/;
  const names = [p.instsoname, p.ldlibrary].filter((n): n is string => !!n && ext.test(n));
  if (platform === 'darwin') names.push(`libpython${maj}.${min}.dylib`);
  else names.push(`libpython${maj}.${min}.so.1.0`, `libpython${maj}.${min}.so`);
  const dirs = [p.libdir, join(p.baseExecPrefix, 'lib'), join(p.basePrefix, 'lib')].filter((d): d is string => !!d);
  for (const d of dirs) for (const n of names) add(join(d, n));
  if (platform === 'darwin' && p.framework) {
    if (p.frameworkPrefix) add(join(p.frameworkPrefix, `${p.framework}.framework`, 'Versions', `${maj}.${min}`, p.framework));
    add(join(p.basePrefix, p.framework));
  }
  return out;
}

/**
 * How to get NumPy into the chosen interpreter. A virtual or conda environment takes `pip install`; a
 * Python whose stdlib has the EXTERNALLY-MANAGED marker (PEP 668, e.g. Debian's and Homebrew's) refuses
 * it, so the advice is a virtual environment (or the system's package).
 */
export function numpyInstallAdvice(p: Pick<PythonProbe, 'prefix' | 'basePrefix' | 'externallyManaged'>, interpreter: string, env: NodeJS.ProcessEnv = process.env): string {
  const inEnv = p.prefix !== p.basePrefix || (!!env.CONDA_PREFIX && p.prefix === env.CONDA_PREFIX);
  if (inEnv || !p.externallyManaged) {
    return `${interpreter} -m pip install numpy${inEnv ? '' : ', or make a virtual environment (python3 -m venv .venv && .venv/bin/pip install numpy) and set NDBRIDGE_PYTHON=$PWD/.venv/bin/python'}`;
  }
  return (
    `${interpreter} is managed by the system (PEP 668: pip refuses to install into it). Make a virtual environment: ` +
    `python3 -m venv .venv && .venv/bin/pip install numpy, then activate it (. .venv/bin/activate) or set NDBRIDGE_PYTHON=$PWD/.venv/bin/python; ` +
    `or install the system's NumPy package (e.g. apt-get install python3-numpy)`
  );
}

/** Choose, probe and locate libpython. Does not check NumPy (boot does, with a clear error). */
export function discoverPython(env: NodeJS.ProcessEnv = process.env): PythonInstallation {
  const interpreter = chooseInterpreter(env);
  const probe = probeInterpreter(interpreter, env);
  const candidates = libpythonCandidates(probe);
  const libpython = candidates.find((c) => isExecutableFile(c)) ?? null;
  return { ...probe, interpreter, libpython, libpythonCandidates: candidates };
}
