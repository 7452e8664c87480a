/**
 * The fast namespace as a value, for `FastArray.__array_namespace__()`. The namespace module
 * (index.ts) registers itself by importing elementwise-namespace-register.ts; this module does not
 * import it, so loading array.ts on its own never pulls in (and cycles through) the whole namespace.
 */
import { NdbridgeError } from '../common/errors.js';
import type * as FastNamespaceModule from './index.js';

export type FastNamespace = typeof FastNamespaceModule;

let registered: FastNamespace | null = null;

/** Called once by elementwise-namespace-register.ts with the `ndbridge/fast` module object. */
export function setArrayNamespace(ns: FastNamespace): void {
  registered = ns;
}

/** The `ndbridge/fast` namespace object. */
export function arrayNamespace(): FastNamespace {
  if (registered === null) {
    throw new NdbridgeError("the fast namespace is not loaded: import 'ndbridge/fast' (or 'ndbridge') before calling __array_namespace__()");
  }
  return registered;
}
