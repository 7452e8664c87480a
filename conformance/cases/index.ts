/** Every conformance case, by family. */
import type { Case } from '../case.js';
import { ARRAY_OBJECT_CASES } from './array-object.js';
import { ARRAY_FUNCTION_CASES } from './arrays.js';
import { BRIDGE_CASES } from './bridge.js';
import { ELEMENTWISE_CASES } from './elementwise.js';
import { FFT_CASES, LINALG_CASES } from './linalg-fft.js';
import { NAMESPACE_CASES } from './namespace.js';
import { NUMPY_CASES } from './numpy.js';
import { CALLING_CASES, NUMPY_PARAM_CASES } from './numpy-params.js';
import { STD_PARAM_CASES } from './std-params.js';
import { SUITE_FINDING_CASES } from './suite-findings.js';
import { UFUNC_PARAM_CASES } from './ufunc-params.js';

export const ALL_CASES: readonly Case[] = [
  ...NAMESPACE_CASES,
  ...ARRAY_OBJECT_CASES,
  ...ELEMENTWISE_CASES,
  ...ARRAY_FUNCTION_CASES,
  ...LINALG_CASES,
  ...FFT_CASES,
  ...NUMPY_CASES,
  ...BRIDGE_CASES,
  ...STD_PARAM_CASES,
  ...NUMPY_PARAM_CASES,
  ...UFUNC_PARAM_CASES,
  ...CALLING_CASES,
  ...SUITE_FINDING_CASES,
];
