/** The fast runtime (src/fast): its namespace and FastArray. */
import { nest } from '../inputs.js';
import { asarrayMaker, importOptional, type RuntimeAdapter } from './types.js';
import type { Namespace } from '../xp.js';

export const fastRuntime: RuntimeAdapter = {
  name: 'fast',
  async load() {
    const xp = (await importOptional('../../src/fast/index.js', 'the fast runtime (src/fast)')) as Namespace;
    return {
      xp,
      defaultInt: 'int32',
      description: 'src/fast (FastArray, fused kernels)',
      makeArray: asarrayMaker(xp, (i) => nest(i.values, i.shape)),
    };
  },
};
