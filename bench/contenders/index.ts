/** The JavaScript-side contenders, in the order of the table's columns (NumPy in CPython comes first). */
import type { Contender, ContenderId } from '../contender.js';
import { compat } from './compat.js';
import { cwiseContender } from './cwise.js';
import { fast } from './fast.js';
import { float64array } from './float64array.js';
import { mathjs } from './mathjs.js';
import { nd } from './nd.js';
import { ndarrayOps } from './ndarray-ops.js';
import { stdlib } from './stdlib.js';
import { tfjs } from './tfjs.js';

export const JS_CONTENDERS: readonly Contender[] = [fast, compat, nd, float64array, ndarrayOps, cwiseContender, stdlib, tfjs, mathjs];

export const NUMPY_LABEL = 'NumPy (CPython)';
export const NUMPY_NOTE = 'NumPy in a python3 subprocess timing itself with time.perf_counter; the reference of every ratio';

export function labelOf(id: ContenderId): string {
  if (id === 'numpy') return NUMPY_LABEL;
  const c = JS_CONTENDERS.find((x) => x.id === id);
  return c ? c.label : id;
}
