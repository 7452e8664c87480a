/**
 * Test data shared by the fast tests: for each dtype a small vector with the edge values that
 * matter (zeros, -0.0, NaN, infinities, integer minimum and maximum), defined once and built the
 * same way in NumPy (`MK_PY`) and in fast (`mk`).
 */
import type { DTypeName } from '../../common/dtypes.js';
import type { Complex } from '../../common/ndarray.js';
import type { FastArray } from '../array.js';
import { asarray } from '../creation/creation.js';

type Raw = number | string | boolean | [number | string, number | string];

export const DATA: Readonly<Record<DTypeName, readonly Raw[]>> = {
  bool: [true, false, true, false, true, true, false, false],
  int8: [0, 1, -1, -128, 127, 7, -7, 3],
  int16: [0, 1, -1, -32768, 32767, 300, -300, 3],
  int32: [0, 1, -1, -2147483648, 2147483647, 70000, -70000, 3],
  int64: ['0', '1', '-1', '-9223372036854775808', '9223372036854775807', '5000000000', '-5000000000', '3'],
  uint8: [0, 1, 255, 128, 127, 7, 200, 3],
  uint16: [0, 1, 65535, 32768, 300, 7, 60000, 3],
  uint32: [0, 1, 4294967295, 2147483648, 70000, 7, 4000000000, 3],
  uint64: ['0', '1', '18446744073709551615', '9223372036854775808', '5000000000', '7', '12345678901234567890', '3'],
  float32: [0, '-0', 1.5, -2.5, 'nan', 'inf', '-inf', 3.25],
  float64: [0, '-0', 1.5, -2.5, 'nan', 'inf', '-inf', 0.1],
  complex64: [[0, 0], [1.5, -2], ['-0', 1], [3, 0], ['nan', 1], ['inf', 0], [-2.5, 0.5], [0, 1]],
  complex128: [[0, 0], [1.5, -2], ['-0', 1], [3, 0], ['nan', 1], ['inf', 0], [-2.5, 0.5], [0.1, 1]],
};

/** Python source defining `mk(dtype, shift=0)`, the NumPy twin of {@link mk}. */
export const MK_PY = `
DATA = json.loads(${JSON.stringify(JSON.stringify(DATA))})
def _num(v):
    return float(v) if isinstance(v, str) else v
def mk(dt, shift=0):
    vals = DATA[dt]
    vals = vals[shift:] + vals[:shift]
    k = np.dtype(dt).kind
    if k == "c": return np.array([complex(_num(r), _num(i)) for r, i in vals], dtype=dt)
    if k in "iu": return np.array([int(v) for v in vals], dtype=dt)
    return np.array([_num(v) for v in vals], dtype=dt)
`;

function num(v: number | string): number {
  return typeof v === 'string' ? Number(v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v) : v;
}

/** The fixture vector of `dtype`, rotated left by `shift`. */
export function mk(dtype: DTypeName, shift = 0): FastArray {
  const raw = DATA[dtype];
  const vals = [...raw.slice(shift), ...raw.slice(0, shift)];
  const conv = vals.map((v): number | bigint | boolean | Complex => {
    if (Array.isArray(v)) return { re: num(v[0]), im: num(v[1]) };
    if (typeof v === 'boolean') return v;
    if (dtype === 'int64' || dtype === 'uint64') return BigInt(v as string);
    return num(v);
  });
  return asarray(conv as never, { dtype });
}
