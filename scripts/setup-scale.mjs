#!/usr/bin/env node
/**
 * Prepares the scale extras: a virtual environment `.venv-scale` with Dask (arrays), Ray and
 * array-api-compat (the standard's names over Dask: array_api_compat.dask.array), for
 * compat.namespace('dask.array', { scheduler: 'ray' }) (README, "Beyond one machine").
 *
 *   npm run setup:scale            # create or complete .venv-scale
 *   NDBRIDGE_PYTHON=$PWD/.venv-scale/bin/python node app.js
 *
 * The environment sees the base interpreter's packages (--system-site-packages), so NumPy is the one
 * the rest of ndbridge is tested with. When pip is configured with a local package store
 * (`pip config list`: index-url / extra-index-url), the first one becomes --index-url, so pip never
 * waits on an unreachable default index. Base interpreter: SCALE_BASE_PYTHON, else python3.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const venv = join(root, '.venv-scale');
const python = join(venv, 'bin', 'python');
const PACKAGES = ['dask[array]', 'ray', 'pandas', 'pyarrow', 'array-api-compat'];
const CHECK = 'import dask, dask.array, ray, ray.util.dask, array_api_compat; print(dask.__version__, ray.__version__)';

function run(cmd, args) {
  console.error(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`setup:scale: ${cmd} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

function installed() {
  if (!existsSync(python)) return null;
  const r = spawnSync(python, ['-c', CHECK], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** --index-url / --extra-index-url from pip's own configuration (a local store), if any. */
function indexArgs(pip) {
  let text = '';
  try {
    text = execFileSync(pip, ['-m', 'pip', 'config', 'list'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return [];
  }
  const urls = [];
  for (const line of text.split('\n')) {
    const m = /^[^=]*\.(index-url|extra-index-url)\s*=\s*'?([^']*)'?\s*$/.exec(line.trim());
    if (m) urls.push(...m[2].split(/\s+/).filter(Boolean));
  }
  if (urls.length === 0) return [];
  return ['--index-url', urls[0], ...urls.slice(1).flatMap((u) => ['--extra-index-url', u])];
}

const have = installed();
if (have !== null && !process.argv.includes('--force')) {
  console.log(`setup:scale: ${venv} is ready (dask, ray: ${have}); use it with NDBRIDGE_PYTHON=${python}`);
  process.exit(0);
}
if (process.argv.includes('--check')) {
  console.error(`setup:scale: ${venv} has no dask and ray yet; run npm run setup:scale`);
  process.exit(1);
}
const base = process.env.SCALE_BASE_PYTHON ?? 'python3';
if (!existsSync(python)) run(base, ['-m', 'venv', '--system-site-packages', venv]);
run(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '--quiet', ...indexArgs(base), ...PACKAGES]);
const now = installed();
if (now === null) {
  console.error('setup:scale: dask and ray still do not import after the install');
  process.exit(1);
}
console.log(`setup:scale: ready (dask, ray: ${now}); use it with NDBRIDGE_PYTHON=${python}`);
