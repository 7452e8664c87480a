/**
 * A Python Array API namespace as a runtime column (`ndbridge conformance --runtime dask.array`):
 * compat.namespace(moduleName) (src/compat/namespace), whose arrays are CompatArrays over the module's own
 * array type. The corners and the oracle (NumPy) are the same as for every other column; the column says
 * which corners the module supports. Dask stays lazy through a case and is computed where the runner reads
 * values (toArray, get, __array_interface__), on Dask's default (threaded) scheduler.
 */
import { isPythonModuleName } from '../../src/common/python-names.js';
import { nest } from '../inputs.js';
import { call, type Namespace } from '../xp.js';
import { loadCompatModule } from './compat.js';
import { asarrayMaker, importOptional, RuntimeUnavailableError, type RuntimeAdapter } from './types.js';


/** The parts of src/compat/index.ts a namespace column uses. */
interface CompatNamespaceModule {
  namespace(moduleName: string, options?: Record<string, unknown>): Namespace;
  import(moduleName: string): Namespace;
  info(): unknown;
}

const firstLine = (e: unknown): string => (e instanceof Error ? `${e.message}` : String(e)).split('\n')[0] ?? '';

/** `obj.__version__` as a string, or undefined (no such attribute, not a string, anything thrown). */
function versionOf(obj: unknown): string | undefined {
  try {
    const v = (obj as Record<string, unknown>).__version__;
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The module's version: its own `__version__`, else its top-level package's (dask.array has none; dask's
 * is the one that matters), else none.
 */
function moduleVersion(compat: CompatNamespaceModule, xp: Namespace, moduleName: string): string | undefined {
  const own = versionOf(xp);
  if (own) return own;
  const top = moduleName.split('.')[0];
  if (!top || top === moduleName) return undefined;
  try {
    return versionOf(compat.import(top));
  } catch {
    return undefined;
  }
}

function pythonVersion(compat: CompatNamespaceModule): string | undefined {
  try {
    const info = compat.info() as { pythonVersion?: unknown } | undefined;
    return typeof info?.pythonVersion === 'string' ? info.pythonVersion : undefined;
  } catch {
    return undefined;
  }
}

/** The runtime column of the Python Array API namespace `moduleName`; the column's name is the module name. */
export function namespaceRuntime(moduleName: string): RuntimeAdapter {
  return {
    name: moduleName,
    async load() {
      if (!isPythonModuleName(moduleName)) throw new RuntimeUnavailableError(`'${moduleName}' is not a Python module name`);
      // Python and NumPy first: without them the reason is compat's, not the module's
      await loadCompatModule();
      const m = await importOptional('../../src/compat/index.js', 'compat (src/compat)');
      if (typeof m.namespace !== 'function') throw new RuntimeUnavailableError('src/compat/index.ts does not export namespace() yet');
      const compat = m as unknown as CompatNamespaceModule;
      let xp: Namespace;
      try {
        xp = compat.namespace(moduleName);
      } catch (e) {
        if (e instanceof Error && e.name === 'CompatUnavailableError') throw new RuntimeUnavailableError(firstLine(e));
        throw new RuntimeUnavailableError(`compat.namespace('${moduleName}') failed: ${e instanceof Error ? `${e.name}: ` : ''}${firstLine(e)}`);
      }
      const version = moduleVersion(compat, xp, moduleName);
      const python = pythonVersion(compat);
      return {
        xp,
        defaultInt: 'int64',
        description: `${moduleName}${version ? ` ${version}` : ''} (Array API namespace through compat) in CPython${python ? ` ${python}` : ''}`,
        makeArray: asarrayMaker(xp, (i) => nest(i.values, i.shape)),
        // foreign arrays become NumPy arrays through the bridge's toNumpy (a NumPy array as it is, the
        // options, dtype and copy, applied there), then the namespace's asarray takes the NumPy array
        importArray(bridge, obj, options) {
          if (!bridge || typeof bridge.toNumpy !== 'function') return call(xp, 'asarray', obj, options ?? {});
          return call(xp, 'asarray', call(bridge, 'toNumpy', obj, options ?? {}));
        },
      };
    },
  };
}
