/**
 * Typed errors of async calls and of the warnings policy (a leaf module: objects.ts and runtime.ts import it).
 */
import { NdbridgeError, PythonError } from '../../common/errors.js';

/**
 * `dispose()` of a CompatArray or proxy that a pending async call uses (as an argument or as the callable).
 * Await the call first (it settles once Python no longer uses the object), then dispose.
 */
export class BusyError extends NdbridgeError {
  override name = 'BusyError';
}

/**
 * A Python warning raised as an error by the `'error'` warnings policy (compat.warnings('error', fn),
 * compat.setWarningPolicy('error')). A PythonError whose `pythonType` and `category` are the warning's
 * category (`RuntimeWarning`, `numpy.exceptions.ComplexWarning`...).
 */
export class PythonWarningError extends PythonError {
  override name = 'PythonWarningError';
  /** The warning category's qualified name. */
  readonly category: string;
  constructor(pythonType: string, pythonMessage: string, pythonTraceback: string) {
    super(pythonType, pythonMessage, pythonTraceback);
    this.category = pythonType;
  }
}

/** The rejection of an aborted async call: a DOMException named 'AbortError', as Node's own APIs reject. */
export function abortError(reason: unknown): DOMException {
  const e = new DOMException('The operation was aborted', 'AbortError');
  if (reason !== undefined) Object.defineProperty(e, 'cause', { value: reason, enumerable: false, configurable: true, writable: true });
  return e;
}
