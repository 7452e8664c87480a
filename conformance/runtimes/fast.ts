/** The fast runtime (src/fast): its namespace and FastArray. */
import { nest } from '../inputs.js';
import { asarrayMaker, importOptional, type RuntimeAdapter } from './types.js';
import { call, type Namespace } from '../xp.js';

export const fastRuntime: RuntimeAdapter = {
  name: 'fast',
  async load() {
    const xp = (await importOptional('../../src/fast/index.js', 'the fast runtime (src/fast)')) as Namespace;
    return {
      xp,
      defaultInt: 'int32',
      description: 'ndbridge/fast, the TypeScript runtime',
      makeArray: asarrayMaker(xp, (i) => nest(i.values, i.shape)),
      // fast.asarray takes JS data; NumPy arrays and foreign ndarrays come in through the bridge's asarray
      importArray(bridge, obj, options) {
        if (!bridge) throw new Error('bridge not built: fast takes NumPy arrays through asarray from src/bridge');
        return call(bridge, 'asarray', obj, options ?? {});
      },
    };
  },
};
