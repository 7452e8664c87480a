/** The fast.fft namespace of the Array API fft extension. */
export {};
