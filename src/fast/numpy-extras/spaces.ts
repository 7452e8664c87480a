/**
 * NumPy's logspace (power(base, linspace)), geomspace (logspace between the log10 of the ends,
 * ends replaced by the exact start/stop, sign restored) and tri, for real values. Complex
 * geomspace is NotSupported.
 */
import type { DTypeName } from '../../common/dtypes.js';
import { NotSupportedError, ValueError } from '../../common/errors.js';
import type { FastArray } from '../array.js';
import { linspace } from '../creation/creation.js';
import { pow } from '../elementwise/elementwise.js';
import { fresh, materialize } from '../linalg/support.js';
import { checkOptions } from '../engine/options.js';

export interface SpaceOptions {
  readonly endpoint?: boolean;
  readonly dtype?: DTypeName;
}

/** NumPy's `logspace(start, stop, num = 50, { endpoint, base = 10, dtype })`. */
export function logspace(start: number, stop: number, num = 50, options: SpaceOptions & { readonly base?: number } = {}): FastArray {
  options = checkOptions('logspace', options);
  const y = linspace(start, stop, num, { endpoint: options.endpoint ?? true });
  const r = materialize(pow(options.base ?? 10.0, y));
  return options.dtype && options.dtype !== r.dtype ? materialize(r.astype(options.dtype)) : r;
}

/** NumPy's `geomspace(start, stop, num = 50, { endpoint, dtype })`. */
export function geomspace(start: number, stop: number, num = 50, options: SpaceOptions = {}): FastArray {
  options = checkOptions('geomspace', options);
  if (typeof start !== 'number' || typeof stop !== 'number') throw new NotSupportedError('numpy.geomspace', 'complex or array endpoints');
  if (start === 0 || stop === 0) throw new ValueError('Geometric sequence cannot include zero');
  const sign = Math.sign(start);
  const s0 = start / sign;
  const s1 = stop / sign;
  const r = logspace(Math.log10(s0), Math.log10(s1), num, { endpoint: options.endpoint ?? true, base: 10.0 });
  const d = r._data as Float64Array;
  if (num > 0) {
    d[0] = s0;
    if (num > 1 && (options.endpoint ?? true)) d[num - 1] = s1;
  }
  for (let i = 0; i < num; i++) d[i] *= sign;
  return options.dtype && options.dtype !== 'float64' ? materialize(r.astype(options.dtype)) : r;
}

/** NumPy's `tri(N, M = N, { k = 0, dtype = 'float64' })`: ones at and below the k-th diagonal. */
export function tri(N: number, M?: number | null, options: { readonly k?: number; readonly dtype?: DTypeName } = {}): FastArray {
  options = checkOptions('tri', options);
  const m = M ?? N;
  const k = options.k ?? 0;
  for (const [name, v] of [['N', N], ['M', m]] as const) if (!Number.isInteger(v) || v < 0) throw new ValueError(`tri ${name} must be a non-negative integer, got ${v}`);
  if (!Number.isInteger(k)) throw new ValueError(`tri k must be an integer, got ${k}`);
  const out = fresh(options.dtype ?? 'float64', [N, m]);
  const d = out._data!;
  const one = d instanceof BigInt64Array || d instanceof BigUint64Array ? 1n : 1;
  const cplx = (options.dtype ?? 'float64').startsWith('complex');
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < m && j <= i + k; j++) {
      if (cplx) (d as Float64Array)[2 * (i * m + j)] = 1;
      else (d as Float64Array)[i * m + j] = one as number;
    }
  }
  return out;
}
