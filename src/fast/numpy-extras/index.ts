/** NumPy functions beyond the Array API standard that fast implements itself (re-exported by fast/linalg.ts). */
import { notSupported } from '../not-supported.js';

export { convolve, correlate } from './signal.js';
export type { CorrelateMode } from './signal.js';
export { einsum } from './einsum.js';
export { polyfit, polyval, vander } from './polynomial.js';
export { interp } from './interp.js';
export { trapezoid } from './integrate.js';
export type { TrapezoidOptions } from './integrate.js';
export { geomspace, logspace, tri } from './spaces.js';
export type { SpaceOptions } from './spaces.js';

/** `fast.random`: fast has no random generator; `nd.random.default_rng(seed)` runs NumPy's. */
export const random = {
  default_rng: notSupported(
    'numpy.random.default_rng',
    "fast has no random generator (corners numpy.random.generator-random, -integers, -normal); NumPy's Generator streams are reproducible only by NumPy itself",
  ),
} as const;
