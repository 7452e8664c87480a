/** The compat runtime: compat.numpy() (the TypeScript wrapper over the embedded NumPy) and CompatArray. */
import { nest } from '../inputs.js';
import { asarrayMaker, importOptional, RuntimeUnavailableError, type RuntimeAdapter } from './types.js';
import { call, type Namespace } from '../xp.js';

/** compat's public entry as the suite uses it. */
export interface CompatModule {
  numpy(): Namespace;
  available(): boolean;
  info(): unknown;
  evaluate(expr: string, vars?: Record<string, unknown>): unknown;
}

export async function loadCompatModule(): Promise<CompatModule> {
  const m = await importOptional('../../src/compat/index.js', 'compat (src/compat)');
  for (const name of ['numpy', 'available', 'evaluate'] as const) {
    if (typeof m[name] !== 'function') throw new RuntimeUnavailableError(`src/compat/index.ts does not export ${name}() yet`);
  }
  const compat = m as unknown as CompatModule;
  let ok = false;
  let why = '';
  try {
    ok = compat.available();
  } catch (e) {
    why = e instanceof Error ? e.message.split('\n')[0] : String(e);
  }
  if (!ok) {
    if (!why) {
      try {
        compat.numpy();
      } catch (e) {
        why = e instanceof Error ? e.message.split('\n')[0] : String(e);
      }
    }
    throw new RuntimeUnavailableError(`compat is unavailable: ${why || 'compat.available() is false'}`);
  }
  return compat;
}

function describeInfo(info: unknown): string {
  const r = typeof info === 'object' && info !== null ? (info as Record<string, unknown>) : {};
  const numpy = typeof r.numpyVersion === 'string' ? ` ${r.numpyVersion}` : '';
  const python = typeof r.pythonVersion === 'string' ? ` ${r.pythonVersion}` : '';
  return `ndbridge/compat, NumPy${numpy} in CPython${python} embedded in Node`;
}

export const compatRuntime: RuntimeAdapter = {
  name: 'compat',
  async load() {
    const compat = await loadCompatModule();
    const xp = compat.numpy();
    let info: unknown;
    try {
      info = compat.info();
    } catch {
      info = undefined;
    }
    return {
      xp,
      defaultInt: 'int64',
      description: describeInfo(info),
      makeArray: asarrayMaker(xp, (i) => nest(i.values, i.shape)),
      // foreign objects (fast arrays, scijs/@stdlib ndarrays) reach NumPy through the bridge's toNumpy
      importArray(bridge, obj, options) {
        if (bridge && typeof bridge.toNumpy === 'function') return call(bridge, 'toNumpy', obj, options ?? {});
        return call(xp, 'asarray', obj, options ?? {});
      },
    };
  },
};
