/**
 * What NumPy refuses when JS values are written into an integer array (asarray with a dtype, full, set):
 * NaN is ValueError ("cannot convert float NaN to integer"), ±inf and integers outside the dtype's range
 * are OverflowError ("Python integer 300 out of bounds for uint8"). Non-integer finite numbers are
 * truncated, as NumPy's unsafe cast of a Python float does. Values read from other arrays are not
 * checked here (NumPy casts those unsafely too).
 */
import type { DTypeName } from '../../common/dtypes.js';
import { OverflowError, ValueError } from '../../common/errors.js';
import { INT_RANGE } from './scalars.js';

const TWO63 = 2 ** 63;

/** Throw as NumPy when the JS scalar `v` cannot be written into an array of integer dtype `dtype`. */
export function checkIntegerWrite(v: unknown, dtype: DTypeName): void {
  const r = INT_RANGE[dtype];
  if (r === undefined) return;
  if (typeof v === 'number') {
    if (v !== v) throw new ValueError(`cannot convert float NaN to integer (writing into a ${dtype} array)`);
    if (v === Infinity || v === -Infinity) throw new OverflowError(`cannot convert float ${v > 0 ? '' : '-'}infinity to integer (writing into a ${dtype} array)`);
    if (!Number.isInteger(v)) return;
    const lo = Number(r[0]);
    const hi = Number(r[1]);
    // int64/uint64 bounds are not exact as numbers: 2**63 and 2**64 round to themselves
    if (v < lo || v > hi || (dtype === 'int64' && v >= TWO63) || (dtype === 'uint64' && v >= 2 * TWO63)) {
      throw new OverflowError(`Python integer ${v} out of bounds for ${dtype}`);
    }
    return;
  }
  if (typeof v === 'bigint' && (v < r[0] || v > r[1])) throw new OverflowError(`Python integer ${v} out of bounds for ${dtype}`);
}

/** checkIntegerWrite over every scalar of nested JS arrays (stops at anything that is not an array). */
export function checkNestedIntegerWrite(v: unknown, dtype: DTypeName): void {
  if (INT_RANGE[dtype] === undefined) return;
  if (Array.isArray(v)) {
    for (const x of v) checkNestedIntegerWrite(x, dtype);
    return;
  }
  checkIntegerWrite(v, dtype);
}
