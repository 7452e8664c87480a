/**
 * The `nd` runtime (src/bridge): one namespace that runs a call on fast where fast supports it and on
 * NumPy otherwise, with fast arrays in and out. Inputs are fast arrays made through `nd.asarray`.
 */
import { nest } from '../inputs.js';
import { call, type Namespace } from '../xp.js';
import { asarrayMaker, importOptional, RuntimeUnavailableError, type RuntimeAdapter } from './types.js';

/**
 * nd's result dtypes are compared with NumPy's strictly: nd follows NumPy's dtype rule on both routes
 * (default integer int64, as NumPy), so an int32 where NumPy gives int64 is a failure, whichever runtime
 * ran the call. Set to 'int32' to compare nd as fast is compared (NumPy's int64 matches int32 where a
 * case's result is the default integer).
 */
export const ND_DEFAULT_INT: 'int32' | 'int64' = 'int64';

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
      defaultInt: ND_DEFAULT_INT,
      arrayNamespace: fast,
      description: 'nd from ndbridge: fast where fast supports the call, NumPy otherwise',
      makeArray: asarrayMaker(xp, (i) => nest(i.values, i.shape)),
      importArray: (b, obj, options) => call(b ?? bridge, 'asarray', obj, options ?? {}),
    };
  },
};
