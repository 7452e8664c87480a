/**
 * nd: the bridge (src/bridge), fast where fast supports an operation and NumPy otherwise, and
 * asarray in both directions. Its slot is reserved; it is wired when src/bridge exports `nd`
 * and `asarray`.
 */
import { type Contender, unavailable } from '../contender.js';
import { fn, importRuntime } from './runtime-module.js';

const BRIDGE_MODULE = '../../src/bridge/index.js';

export const nd: Contender = {
  id: 'nd',
  label: 'nd (bridge)',
  note: 'ndbridge nd (src/bridge): fast where it can, NumPy through the bridge otherwise; zero-copy asarray both ways',
  load: async () => {
    const mod = await importRuntime(BRIDGE_MODULE);
    if (typeof mod === 'string') return unavailable(`src/bridge ${mod}`);
    if (!fn(mod, 'asarray') || typeof mod.nd !== 'object') return unavailable('src/bridge exports no nd namespace and asarray yet');
    return unavailable('the bridge exists but the bench has not been wired to it yet');
  },
};
