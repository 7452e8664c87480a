/**
 * The fast.fft namespace of the Array API fft extension (plus NumPy's fft2/ifft2): mixed-radix and
 * Bluestein transforms for any length, computed in double precision (see fft/kernel.ts).
 */
import { fft as fft1, fft2, fftfreq, fftn, fftshift, hfft, ifft, ifft2, ifftn, ifftshift, ihfft, irfft, irfftn, rfft, rfftfreq, rfftn } from './transforms.js';

export type { FftNorm, FftOptions, FftnOptions } from './transforms.js';

/** `fast.fft.*` (the function `fast.fft.fft` is the 1-d transform). */
export const fft = {
  fft: fft1,
  ifft,
  fftn,
  ifftn,
  rfft,
  irfft,
  rfftn,
  irfftn,
  hfft,
  ihfft,
  fft2,
  ifft2,
  fftfreq,
  rfftfreq,
  fftshift,
  ifftshift,
} as const;
