/**
 * NumPy index expressions, shared by both runtimes: the slice object, `newaxis`, the ellipsis, and a
 * parser for NumPy's index syntax written as a string (`'1:, ::-2, None, ...'`). Parsed strings are
 * cached, so a string index used in a loop is parsed once.
 */
import { IndexError } from './errors.js';

function checkSlicePart(name: string, v: number | null): void {
  if (v !== null && !Number.isInteger(v)) throw new IndexError(`slice ${name} must be an integer or null, got ${String(v)}`);
}

/** `start:stop:step`; `null` parts take NumPy's defaults. */
export class Slice {
  readonly start: number | null;
  readonly stop: number | null;
  readonly step: number | null;
  constructor(start: number | null = null, stop: number | null = null, step: number | null = null) {
    checkSlicePart('start', start);
    checkSlicePart('stop', stop);
    checkSlicePart('step', step);
    if (step === 0) throw new IndexError('slice step cannot be zero');
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
  toString(): string {
    const p = (v: number | null) => (v === null ? '' : String(v));
    return this.step === null ? `${p(this.start)}:${p(this.stop)}` : `${p(this.start)}:${p(this.stop)}:${p(this.step)}`;
  }
}

/** `slice(start, stop, step)` as in Python; `slice(stop)` with one argument. */
export function slice(start?: number | null, stop?: number | null, step?: number | null): Slice {
  if (stop === undefined && step === undefined) return new Slice(null, start ?? null, null);
  return new Slice(start ?? null, stop ?? null, step ?? null);
}

/** `None` / `np.newaxis` in an index: inserts an axis of length 1. */
export const newaxis = null;
/** `...` in an index. */
export const ellipsis = '...';
export type Ellipsis = typeof ellipsis;

/**
 * One item of an index. `A` is the array type of the runtime (boolean masks and integer index arrays).
 * Plain JS arrays of integers or booleans are index arrays too. A lone `true`/`false` is NumPy's
 * `True`/`False` index (a 0-d boolean mask: a new axis of length 1 or 0), not a 1-element mask.
 */
export type IndexItem<A> = number | boolean | Slice | null | Ellipsis | A | readonly number[] | readonly boolean[] | string;

/** An index item after string parsing: no strings, no runtime arrays. */
export type ParsedIndexItem = number | boolean | Slice | null | Ellipsis | readonly number[] | readonly boolean[];

const cache = new Map<string, readonly ParsedIndexItem[]>();
const CACHE_LIMIT = 1024;

/** Split on commas that are not inside brackets. */
function splitTopLevel(text: string, original: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth < 0) throw new IndexError(`unbalanced ']' in index '${original}'`);
    } else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) throw new IndexError(`unbalanced '[' in index '${original}'`);
  parts.push(text.slice(start));
  return parts;
}

const INT = /^[+-]?\d+$/;

function parseInt(text: string, original: string): number {
  if (!INT.test(text)) throw new IndexError(`'${text}' is not an integer in index '${original}'`);
  const v = Number(text);
  if (!Number.isSafeInteger(v)) throw new IndexError(`index ${text} is too large in '${original}'`);
  return v;
}

function parseItem(raw: string, original: string): ParsedIndexItem {
  const t = raw.trim();
  if (t === '') throw new IndexError(`empty item in index '${original}'`);
  if (t === '...' || t === 'Ellipsis') return ellipsis;
  if (t === 'None' || t === 'newaxis' || t === 'np.newaxis') return newaxis;
  if (t.startsWith('[')) {
    if (!t.endsWith(']')) throw new IndexError(`malformed list '${t}' in index '${original}'`);
    const inner = t.slice(1, -1).trim();
    if (inner === '') return [] as number[];
    const items = inner.split(',').map((s) => s.trim());
    if (items.some((s) => s.startsWith('['))) {
      throw new IndexError(`nested lists are not supported in index strings ('${original}'); pass an array object instead`);
    }
    if (items.every((s) => s === 'True' || s === 'False')) return items.map((s) => s === 'True');
    return items.map((s) => parseInt(s, original));
  }
  if (t.includes(':')) {
    const pieces = t.split(':');
    if (pieces.length > 3) throw new IndexError(`'${t}' has too many ':' (a slice is start:stop:step) in index '${original}'`);
    const [a, b, c] = pieces.map((p) => {
      const s = p.trim();
      return s === '' || s === 'None' ? null : parseInt(s, original);
    });
    if (c === 0) throw new IndexError(`slice step cannot be zero in index '${original}'`);
    return new Slice(a ?? null, b ?? null, c ?? null);
  }
  // NumPy's True/False index is a 0-d boolean, not the list [True]
  if (t === 'True' || t === 'False') return t === 'True';
  return parseInt(t, original);
}

/**
 * Parse NumPy index syntax: `'1'`, `'-1, 2'`, `'1:, ::-2'`, `'None, ...'`, `'[0, 2], :'`,
 * `'[True, False]'`, `'True'` (a 0-d boolean). The result is cached and frozen; throws `IndexError` on malformed input.
 */
export function parseIndexString(text: string): readonly ParsedIndexItem[] {
  const hit = cache.get(text);
  if (hit) return hit;
  let body = text.trim();
  let items: ParsedIndexItem[];
  if (body === '' || body === '()') {
    items = [];
  } else {
    if (body.startsWith('(') && body.endsWith(')')) body = body.slice(1, -1);
    const parts = splitTopLevel(body, text);
    // A trailing comma makes a tuple, as in Python: '1,' is the same as '1'.
    if (parts.length > 1 && parts[parts.length - 1].trim() === '') parts.pop();
    items = parts.map((p) => parseItem(p, text));
  }
  if (items.filter((i) => i === ellipsis).length > 1) {
    throw new IndexError(`an index can only have a single ellipsis ('...'), got '${text}'`);
  }
  const frozen = Object.freeze(items);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(text, frozen);
  return frozen;
}
