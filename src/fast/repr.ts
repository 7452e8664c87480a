/**
 * NumPy's array repr for fast arrays (numpy/_core/arrayprint.py, default print options:
 * precision 8, floatmode 'maxprec', linewidth 75, threshold 1000, edgeitems 3): the same float
 * formatting (shortest round-trip digits, positional or scientific), alignment, line wrapping,
 * summarisation with '...', and the `dtype=` suffix for dtypes NumPy does not imply.
 */
import { DTYPES, type DTypeName } from '../common/dtypes.js';
import type { Complex, Scalar } from '../common/ndarray.js';
import type { FastArray } from './array.js';
import { readElement } from './engine/scalars.js';

const PRECISION = 8;
const LINEWIDTH = 75;
const THRESHOLD = 1000;
const EDGEITEMS = 3;

/** dtypes whose repr has no `dtype=` (NumPy's _typelessdata: float64, int64 (int_), bool, complex128). */
const IMPLIED: ReadonlySet<DTypeName> = new Set(['float64', 'int64', 'bool', 'complex128']);

// ---- digits ------------------------------------------------------------------------------------

/** Shortest round-trip digits of |x| (float32 when f32): digit string and decimal exponent of the first digit. */
function shortest(x: number, f32: boolean): { digits: string; exp: number } {
  const ax = Math.abs(x);
  if (ax === 0) return { digits: '0', exp: 0 };
  let s: string;
  if (!f32) s = ax.toExponential();
  else {
    s = ax.toExponential(8);
    for (let p = 0; p <= 8; p++) {
      const t = ax.toExponential(p);
      if (Math.fround(Number(t)) === ax) {
        s = t;
        break;
      }
    }
  }
  const [m, e] = s.split('e');
  return { digits: m.replace('.', '').replace(/0+$/, '') || '0', exp: Number(e) };
}

/** Positional digits of |x|: integer part and fraction (no trailing zeros), at most `precision` fraction digits. */
function positionalParts(x: number, f32: boolean, precision: number): { int: string; frac: string } {
  const ax = Math.abs(x);
  const { digits, exp } = shortest(ax, f32);
  const fracLen = Math.max(0, digits.length - exp - 1);
  let int: string;
  let frac: string;
  if (fracLen > precision) {
    const fixed = ax.toFixed(precision);
    [int, frac] = fixed.split('.');
    frac = (frac ?? '').replace(/0+$/, '');
  } else if (exp >= 0) {
    int = digits.length > exp + 1 ? digits.slice(0, exp + 1) : digits + '0'.repeat(exp + 1 - digits.length);
    frac = digits.slice(exp + 1);
  } else {
    int = '0';
    frac = (ax === 0 ? '' : '0'.repeat(-exp - 1) + digits).replace(/0+$/, '');
  }
  return { int, frac };
}

/** Scientific digits of |x|: first digit, fraction digits (at most `precision`, no trailing zeros), exponent. */
function scientificParts(x: number, f32: boolean, precision: number): { int: string; frac: string; exp: number } {
  const ax = Math.abs(x);
  let { digits, exp } = shortest(ax, f32);
  if (digits.length - 1 > precision) {
    const [m, e] = ax.toExponential(precision).split('e');
    digits = m.replace('.', '').replace(/0+$/, '') || '0';
    exp = Number(e);
  }
  return { int: digits[0], frac: digits.slice(1), exp };
}

function expString(exp: number, minDigits: number): string {
  const d = String(Math.abs(exp)).padStart(Math.max(2, minDigits), '0');
  return `${exp < 0 ? '-' : '+'}${d}`;
}

function signOf(x: number, mode: '-' | '+'): string {
  if (x < 0 || Object.is(x, -0)) return '-';
  return mode === '+' ? '+' : '';
}

// ---- element formatters ------------------------------------------------------------------------

type Fmt = (v: Scalar) => string;

/** NumPy's FloatingFormat for the values `data` (already the summarised edges when summarising). */
function floatFormat(data: readonly number[], f32: boolean, sign: '-' | '+'): (x: number) => string {
  const finite = data.filter((v) => Number.isFinite(v));
  const nonzero = finite.filter((v) => v !== 0).map(Math.abs);
  let expFormat = false;
  if (nonzero.length > 0) {
    const max = Math.max(...nonzero);
    const min = Math.min(...nonzero);
    expFormat = max >= 1e8 || min < 0.0001 || max / min > 1000;
  }
  let padLeft = 0;
  let padRight = 0;
  let precision = PRECISION;
  let expSize = -1;
  if (finite.length > 0) {
    if (expFormat) {
      const parts = finite.map((v) => ({ s: signOf(v, sign), ...scientificParts(v, f32, PRECISION) }));
      expSize = Math.max(...parts.map((p) => expString(p.exp, 0).length)) - 1;
      precision = Math.max(...parts.map((p) => p.frac.length));
      padLeft = Math.max(...parts.map((p) => (p.s + p.int).length));
      padRight = expSize + 2 + precision;
    } else {
      const parts = finite.map((v) => ({ s: signOf(v, sign), ...positionalParts(v, f32, PRECISION) }));
      padLeft = Math.max(...parts.map((p) => (p.s + p.int).length));
      padRight = Math.max(...parts.map((p) => p.frac.length));
    }
  }
  if (finite.length !== data.length) {
    const neginf = sign !== '-' || data.some((v) => v === -Infinity);
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, 3 - offset, 3 + (neginf ? 1 : 0) - offset);
  }
  return (x: number): string => {
    if (!Number.isFinite(x)) {
      const ret = Number.isNaN(x) ? (sign === '+' ? '+nan' : 'nan') : (x < 0 ? '-' : sign === '+' ? '+' : '') + 'inf';
      return ' '.repeat(Math.max(0, padLeft + padRight + 1 - ret.length)) + ret;
    }
    const s = signOf(x, sign);
    if (expFormat) {
      const p = scientificParts(x, f32, precision);
      const frac = p.frac.padEnd(precision, '0');
      return `${(s + p.int).padStart(padLeft)}.${frac}e${expString(p.exp, expSize)}`;
    }
    const p = positionalParts(x, f32, PRECISION);
    return `${(s + p.int).padStart(padLeft)}.${p.frac.padEnd(padRight)}`;
  };
}

function makeFormatter(dtype: DTypeName, values: readonly Scalar[], zeroD: boolean): Fmt {
  const kind = DTYPES[dtype].kind;
  if (kind === 'bool') {
    const t = zeroD ? 'True' : ' True';
    return (v) => (v ? t : 'False');
  }
  if (kind === 'signed' || kind === 'unsigned') {
    let width = 0;
    for (const v of values) width = Math.max(width, String(v).length);
    return (v) => String(v).padStart(width);
  }
  const f32 = dtype === 'float32' || dtype === 'complex64';
  if (kind === 'float') {
    const f = floatFormat(values as number[], f32, '-');
    return (v) => f(v as number);
  }
  const re = floatFormat((values as Complex[]).map((c) => c.re), f32, '-');
  const im = floatFormat((values as Complex[]).map((c) => c.im), f32, '+');
  return (v) => {
    const c = v as Complex;
    const i = im(c.im);
    const sp = i.trimEnd().length;
    return re(c.re) + i.slice(0, sp) + 'j' + i.slice(sp);
  };
}

// ---- layout ------------------------------------------------------------------------------------

function extendLine(s: string, line: string, word: string, width: number, nextPrefix: string): [string, string] {
  let needsWrap = line.length + word.length > width;
  if (line.length <= nextPrefix.length) needsWrap = false;
  if (needsWrap) {
    s += line.trimEnd() + '\n';
    line = nextPrefix;
  }
  return [s, line + word];
}

/** The indices along one axis that are printed: all, or the edges with null marking the '...'. */
function shownIndices(n: number, summarise: boolean): (number | null)[] {
  if (!summarise || 2 * EDGEITEMS >= n) return Array.from({ length: n }, (_, i) => i);
  return [...Array.from({ length: EDGEITEMS }, (_, i) => i), null, ...Array.from({ length: EDGEITEMS }, (_, i) => n - EDGEITEMS + i)];
}

function formatArray(a: FastArray, fmt: Fmt, summarise: boolean, lineWidth: number, nextLinePrefix: string): string {
  const data = a._data!;
  const shape = a.shape;
  const es = a._es;
  const separator = ', ';
  const rec = (axis: number, k: number, hanging: string, width: number): string => {
    const axesLeft = shape.length - axis;
    if (axesLeft === 0) return fmt(readElement(data, a.dtype, k));
    const nextHanging = hanging + ' ';
    const nextWidth = width - 1;
    const idx = shownIndices(shape[axis], summarise);
    let s = '';
    if (axesLeft === 1) {
      const elemWidth = width - Math.max(separator.trimEnd().length, 1);
      let line = hanging;
      for (let n = 0; n < idx.length; n++) {
        const i = idx[n];
        const last = n === idx.length - 1;
        const word = i === null ? '...' : rec(axis + 1, k + i * es[axis], nextHanging, nextWidth);
        [s, line] = extendLine(s, line, word, elemWidth, hanging);
        if (!last) line += separator;
      }
      s += line;
    } else {
      const lineSep = separator.trimEnd() + '\n'.repeat(axesLeft - 1);
      for (let n = 0; n < idx.length; n++) {
        const i = idx[n];
        const last = n === idx.length - 1;
        const nested = i === null ? '...' : rec(axis + 1, k + i * es[axis], nextHanging, nextWidth);
        s += hanging + nested + (last ? '' : lineSep);
      }
    }
    return '[' + s.slice(hanging.length) + ']';
  };
  return rec(0, a._off, nextLinePrefix, lineWidth);
}

/** The values the element formatter is sized on: all of them, or the summarised edges. */
function formatValues(a: FastArray, summarise: boolean): Scalar[] {
  const out: Scalar[] = [];
  const data = a._data!;
  const rec = (axis: number, k: number): void => {
    if (axis === a.ndim) {
      out.push(readElement(data, a.dtype, k));
      return;
    }
    for (const i of shownIndices(a.shape[axis], summarise)) if (i !== null) rec(axis + 1, k + i * a._es[axis]);
  };
  rec(0, a._off);
  return out;
}

function shapeRepr(shape: readonly number[]): string {
  return `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
}

/** `repr(a)` as NumPy prints it. */
export function formatRepr(a: FastArray): string {
  a._force();
  const prefix = 'array(';
  let lst = '[]';
  if (a.size > 0) {
    const summarise = a.size > THRESHOLD;
    const fmt = makeFormatter(a.dtype, formatValues(a, summarise), a.ndim === 0);
    lst = formatArray(a, fmt, summarise, LINEWIDTH - 1, ' '.repeat(prefix.length + 1));
  }
  // NumPy 2.2+: the shape is printed for summarised arrays and empty arrays other than (0,)
  const extras: string[] = [];
  if ((a.size === 0 && !(a.ndim === 1)) || a.size > THRESHOLD) extras.push(`shape=${shapeRepr(a.shape)}`);
  if (!IMPLIED.has(a.dtype) || a.size === 0) extras.push(`dtype=${a.dtype}`);
  if (extras.length === 0) return prefix + lst + ')';
  const arrStr = prefix + lst + ',';
  const extraStr = extras.join(', ') + ')';
  const lastLineLen = arrStr.length - (arrStr.lastIndexOf('\n') + 1);
  const spacer = lastLineLen + extraStr.length + 1 > LINEWIDTH ? '\n' + ' '.repeat(prefix.length) : ' ';
  return arrStr + spacer + extraStr;
}
