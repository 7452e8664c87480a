/**
 * The `nd` runtime (src/bridge): one namespace that runs a call on fast where fast supports it and on
 * NumPy otherwise, with fast arrays in and out. Inputs are fast arrays made through `nd.asarray`.
 */
import { nest } from '../inputs.js';
import { call, type Namespace } from '../xp.js';
import { asarrayMaker, importOptional, RuntimeUnavailableError, type RuntimeAdapter } from './types.js';

export const ndRuntime: RuntimeAdapter = {
  name: 'nd',
  async load() {
    const bridge = (await importOptional('../../src/bridge/index.js', 'the bridge (src/bridge)')) as Namespace;
    const nd = bridge.nd;
    if (nd === undefined || nd === null) throw new RuntimeUnavailableError('src/bridge does not export the nd namespace yet');
    const xp = nd as Namespace;
    const fast = (await importOptional('../../src/fast/index.js', 'the fast runtime (src/fast)')) as Namespace;
    return {
      xp,
      defaultInt: 'int32',
      arrayNamespace: fast,
      description: 'nd (fast where fast supports the call, NumPy otherwise)',
      makeArray: asarrayMaker(xp, (i) => nest(i.values, i.shape)),
      importArray: (b, obj, options) => call(b ?? bridge, 'asarray', obj, options ?? {}),
    };
  },
};
