/**
 * ffi-napi in worker threads: when a worker that loaded the ffi-napi addons ends, Node unloads the addons
 * (dlclose) while the worker's event loop still has a libuv handle whose close callback lives in them;
 * the callback then jumps into unmapped memory and the whole process dies with SIGSEGV at the worker's
 * exit (issue 13 item 8: 3 of 3 runs). Keeping one extra reference to each addon (dlopen with
 * RTLD_NODELETE, symbols kept local) makes the unload a no-op. The main thread needs nothing: its addons
 * stay loaded until the process ends. Linux only (the only platform ffi-napi is built for here); elsewhere
 * a no-op.
 */
import { readFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import type { FfiEngine } from '../ffi/index.js';

const RTLD_NOW = 0x2;
const RTLD_NODELETE = 0x1000;
let pinned = false;

/** The ffi-napi / ref-napi addon files this process has mapped (from /proc/self/maps). */
function mappedAddons(): string[] {
  let maps: string;
  try {
    maps = readFileSync('/proc/self/maps', 'utf8');
  } catch {
    return [];
  }
  const out = new Set<string>();
  for (const line of maps.split('\n')) {
    const path = line.slice(line.indexOf('/'));
    if (line.includes('/') && path.endsWith('.node') && /(ffi|ref)-napi/.test(path)) out.add(path);
  }
  return [...out];
}

/** In a worker thread under ffi-napi: pin the addons so the worker's exit cannot unload them. Idempotent. */
export function pinFfiAddonsInWorker(engine: FfiEngine): void {
  if (pinned || isMainThread || engine.name !== 'ffi-napi' || process.platform !== 'linux') return;
  pinned = true;
  try {
    const dlopen = engine.loadGlobal('libc.so.6').bind('dlopen', 'ptr', ['str', 'int']);
    for (const path of mappedAddons()) dlopen(path, RTLD_NOW | RTLD_NODELETE);
  } catch {
    // Best effort: without the pin, the process may crash when this worker exits (documented).
  }
}
