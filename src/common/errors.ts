/**
 * Typed errors of ndbridge. Every error says what went wrong, with the offending values, and how to
 * fix it where there is a fix. All of them extend `NdbridgeError`, so `catch (e) { if (e instanceof
 * NdbridgeError) ... }` separates ndbridge's own errors from bugs.
 */
export class NdbridgeError extends Error {
  override name = 'NdbridgeError';
}

/** Shapes that cannot be combined (broadcasting, reshape, concatenation, matmul...). */
export class ShapeError extends NdbridgeError {
  override name = 'ShapeError';
}

/** A dtype that an operation does not accept, or a cast the casting rule forbids. */
export class DTypeError extends NdbridgeError {
  override name = 'DTypeError';
}

/** An index out of range, too many indices, or a malformed index expression. */
export class IndexError extends NdbridgeError {
  override name = 'IndexError';
}

/** An argument of the right type but a bad value (a negative size, an axis out of range...). */
export class ValueError extends NdbridgeError {
  override name = 'ValueError';
}

/**
 * A corner of the API this runtime does not implement. `corner` is the catalog id (see spec/), so
 * the conformance report and the `nd` namespace can route the call to NumPy.
 */
export class NotSupportedError extends NdbridgeError {
  override name = 'NotSupportedError';
  readonly corner: string;
  constructor(corner: string, detail?: string) {
    super(
      `${corner} is not supported by the fast runtime${detail ? `: ${detail}` : ''}. ` +
        `Use nd.${corner.replace(/^[a-z_]+\.(?=[a-z_]+\.)/, '')} (or compat.numpy()) to run it on NumPy.`,
    );
    this.corner = corner;
  }
}

/** A Python exception raised inside the embedded interpreter. */
export class PythonError extends NdbridgeError {
  override name = 'PythonError';
  /** The Python exception type's qualified name, e.g. `ValueError`, `numpy.linalg.LinAlgError`. */
  readonly pythonType: string;
  /** `str(exception)`. */
  readonly pythonMessage: string;
  /** The formatted Python traceback (may be empty). */
  readonly pythonTraceback: string;
  constructor(pythonType: string, pythonMessage: string, pythonTraceback: string) {
    super(`${pythonType}: ${pythonMessage}${pythonTraceback ? `\n\nPython traceback:\n${pythonTraceback}` : ''}`);
    this.pythonType = pythonType;
    this.pythonMessage = pythonMessage;
    this.pythonTraceback = pythonTraceback;
  }
}

/** Python, libpython or NumPy could not be found or started. The message says what was looked for and the fix. */
export class CompatUnavailableError extends NdbridgeError {
  override name = 'CompatUnavailableError';
}

/** An object was used after `dispose()`. */
export class DisposedError extends NdbridgeError {
  override name = 'DisposedError';
}

/**
 * Data crossing the bridge that does not describe valid memory: a malformed `__array_interface__` or DLPack
 * tensor, a null address, strides that leave the buffer. `path` names the offending field.
 */
export class ProtocolError extends NdbridgeError {
  override name = 'ProtocolError';
  readonly path: string;
  constructor(path: string, message: string) {
    super(`${path ? `${path}: ` : ''}${message}`);
    this.path = path;
  }
}

/** A conversion that would need a copy when the caller asked for `copy: false`. */
export class CopyRequiredError extends NdbridgeError {
  override name = 'CopyRequiredError';
}

/**
 * A value that does not fit the dtype it is written into (300 into uint8, NaN or inf into an integer
 * array), as NumPy's OverflowError / ValueError. Extends ValueError.
 */
export class OverflowError extends ValueError {
  override name = 'OverflowError';
}

/**
 * An array too large for this runtime to allocate (NumPy's MemoryError): more elements than one
 * JavaScript typed array can hold, or memory the engine refused.
 */
export class MemoryError extends NdbridgeError {
  override name = 'MemoryError';
}

/**
 * The memory of an array is gone: its ArrayBuffer was transferred (`structuredClone(b, { transfer: [b] })`,
 * `postMessage(b, [b])`) or otherwise detached after a fast array was made over it (`fast.asarray(typedArray)`
 * shares the typed array's buffer). Reads, evaluation and export of such an array throw this instead of
 * returning undefined, NaN or garbage. Extends ValueError.
 */
export class DetachedBufferError extends ValueError {
  override name = 'DetachedBufferError';
}
