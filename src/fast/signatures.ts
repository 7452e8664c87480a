/**
 * How fast takes each NumPy function's parameters: the one table that both fast's run-time option checks
 * and `nd`'s per-call routing read. Parameter names are NumPy's (`a`, `axis`, `where`...), keys are the
 * dotted paths nd uses (`sum`, `linalg.norm`, `fft.rfft`).
 *
 *   sum: { positional: ['a'], options: { axis: 'axis', dtype: 'dtype', keepdims: 'keepdims' }, unsupported: ['out', ...] }
 *
 * - `positional`: NumPy parameters fast takes as leading positional arguments, in fast's order
 *   (`fast.sum(a, options)` -> ['a']).
 * - `options`: NumPy parameters fast honours in its trailing options object, mapped to fast's key (the
 *   same name unless fast follows the Array API standard's spelling).
 * - `fastOnly`: option keys fast accepts that NumPy's function does not have (standard-only keys).
 * - `unsupported`: NumPy parameters fast does not implement. Passing one with a value other than NumPy's
 *   default is `NotSupportedError('<path>.<param>')` in fast, and in nd a route to NumPy.
 *
 * Every NumPy parameter of a function fast has is in exactly one of positional / options / unsupported:
 * a test checks this against NumPy's own signatures (spec/numpy-signatures.json), so nothing can be
 * silently dropped.
 */
export interface FastSignature {
  readonly positional: readonly string[];
  readonly options: Readonly<Record<string, string>>;
  readonly fastOnly?: readonly string[];
  readonly unsupported: readonly string[];
}

export const FAST_SIGNATURES: Readonly<Record<string, FastSignature>> = {};
