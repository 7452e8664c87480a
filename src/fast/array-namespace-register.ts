/** Registers the fast namespace module for `__array_namespace__` (imported by index.ts only). */
import * as fastNamespace from './index.js';
import { setArrayNamespace } from './array-namespace.js';

setArrayNamespace(fastNamespace);
