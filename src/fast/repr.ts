/** Placeholder replaced below. */
import type { FastArray } from './array.js';
export function formatRepr(a: FastArray): string {
  return `array(${JSON.stringify(a.toArray(), (_k, v) => (typeof v === 'bigint' ? String(v) : v))})`;
}
