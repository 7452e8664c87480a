/**
 * The element-wise operation table of the fused-kernel engine. Each row says how many operands the
 * operation takes, which dtype it computes in and returns (from the promoted operand dtype), and the
 * JavaScript it generates per dtype. Adding a NumPy ufunc means adding a row: the compiler
 * (codegen.ts) never needs to change.
 *
 * Value representation in generated code: bool and integers up to 32 bits and floats are JS
 * numbers (bool as 0/1), int64/uint64 are bigints, complex values are two numbers named
 * `<name>r`/`<name>i`. Integer results are wrapped to their dtype after EVERY operation, float32
 * results rounded with Math.fround after every operation. `H` is the helpers object (helpers.ts).
 */
import { DTYPES, type DTypeName } from '../../common/dtypes.js';
import { DTypeError } from '../../common/errors.js';

export interface OpTypes {
  /** dtype the operands are converted to before the operation. */
  readonly compute: DTypeName;
  /** dtype of the result. */
  readonly result: DTypeName;
}

export interface OpRow {
  readonly name: string;
  readonly arity: 1 | 2;
  /** Compute/result dtypes for the promoted operand dtype; throws DTypeError when the dtype is not accepted. */
  types(promoted: DTypeName): OpTypes;
  /**
   * A statement declaring `o` (complex results: `or` and `oi`) from operands `a` and `b` (complex
   * operands: `ar`, `ai`, `br`, `bi`), for the compute dtype `d`. Returns null when `d` is not supported.
   */
  emit(d: DTypeName, o: string, a: string, b: string): string | null;
}

export type Repr = 'num' | 'big' | 'cplx';

export function reprOf(d: DTypeName): Repr {
  const k = DTYPES[d].kind;
  if (k === 'complex') return 'cplx';
  if (d === 'int64' || d === 'uint64') return 'big';
  return 'num';
}

/** `e` wrapped to dtype `d` (integers modular, float32 rounded, bool as 0/1 from a truthy number). */
export function wrap(d: DTypeName, e: string): string {
  switch (d) {
    case 'bool':
      return `((${e}) !== 0 ? 1 : 0)`;
    case 'int8':
      return `((${e}) << 24 >> 24)`;
    case 'int16':
      return `((${e}) << 16 >> 16)`;
    case 'int32':
      return `((${e}) | 0)`;
    case 'uint8':
      return `((${e}) & 255)`;
    case 'uint16':
      return `((${e}) & 65535)`;
    case 'uint32':
      return `((${e}) >>> 0)`;
    case 'int64':
      return `BigInt.asIntN(64, ${e})`;
    case 'uint64':
      return `BigInt.asUintN(64, ${e})`;
    case 'float32':
    case 'complex64':
      return `Math.fround(${e})`;
    default:
      return `(${e})`;
  }
}

const isInt = (d: DTypeName) => DTYPES[d].kind === 'signed' || DTYPES[d].kind === 'unsigned';
const isFloat = (d: DTypeName) => DTYPES[d].kind === 'float';
const isComplex = (d: DTypeName) => DTYPES[d].kind === 'complex';

function reject(op: string, d: DTypeName, why = ''): never {
  throw new DTypeError(`${op} does not support dtype ${d}${why ? `: ${why}` : ''}`);
}

/** Result = compute = the promoted dtype; `boolAs` says what bool operands do. */
function same(op: string, boolAs: DTypeName | 'error' | 'bool' = 'bool'): (d: DTypeName) => OpTypes {
  return (d) => {
    if (d === 'bool') {
      if (boolAs === 'error') reject(op, d, `NumPy does not allow ${op} on booleans; use logical_xor / logical_not or astype first`);
      return { compute: boolAs, result: boolAs };
    }
    return { compute: d, result: d };
  };
}

const toBool = (d: DTypeName): OpTypes => ({ compute: d, result: 'bool' });
const logical = (_d: DTypeName): OpTypes => ({ compute: 'bool', result: 'bool' });
const intOrBool =
  (op: string) =>
  (d: DTypeName): OpTypes => {
    if (d !== 'bool' && !isInt(d)) reject(op, d, 'it takes integer or boolean arrays only');
    return { compute: d, result: d };
  };
const realOnly =
  (op: string, inner: (d: DTypeName) => OpTypes) =>
  (d: DTypeName): OpTypes => {
    if (isComplex(d)) reject(op, d, 'complex numbers are not ordered/supported here');
    return inner(d);
  };

/** Emitter from one expression template per representation; complex given as [re, im] templates. */
function tmpl(
  num: ((d: DTypeName, a: string, b: string) => string) | null,
  big: ((d: DTypeName, a: string, b: string) => string) | null,
  cplx: ((d: DTypeName, o: string, a: string, b: string) => string) | null = null,
): OpRow['emit'] {
  return (d, o, a, b) => {
    const r = reprOf(d);
    if (r === 'num') return num ? `const ${o} = ${num(d, a, b)};` : null;
    if (r === 'big') return big ? `const ${o} = ${big(d, a, b)};` : null;
    return cplx ? cplx(d, o, a, b) : null;
  };
}

const cw = (d: DTypeName, e: string) => (d === 'complex64' ? `Math.fround(${e})` : e);

/**
 * Complex product as NumPy's SIMD loops compute it: re = fma(ar, br, -(ai·bi)), im = fma(ar, bi, ai·br).
 * complex64: the float32 product ar·br is exact in float64, so one Math.fround of the sum is the fma
 * (up to a rare double rounding); complex128 computes plainly and calls the emulated fma (H.ew_fma)
 * only for parts that come out NaN or infinite or cancel, so other finite results may differ from
 * NumPy's in the last place while infinities, overflow and cancellation match it.
 */
export function cmulFma(d: DTypeName, o: string, ar: string, ai: string, br: string, bi: string): string {
  if (d === 'complex64') {
    return `const ${o}r = Math.fround(${ar} * ${br} - Math.fround(${ai} * ${bi})), ${o}i = Math.fround(${ar} * ${bi} + Math.fround(${ai} * ${br}));`;
  }
  // complex128: the plain products (within an ulp of the fused result; the emulated fma costs ~7x), and
  // the fma where it matters: parts that are not finite (inf - inf, overflow) or that cancel (|re| <
  // |ar·br| / 2, where the product's rounding error would be more than an ulp of the result)
  const fix = (v: string, x: string, y: string, c: string) =>
    ` if (!(Math.abs(${v}) >= Math.abs(${x} * ${y}) * 0.5) || ${v} - ${v} !== 0) ${v} = H.ew_fma(${x}, ${y}, ${c});`;
  return (
    `let ${o}r = ${ar} * ${br} - ${ai} * ${bi}, ${o}i = ${ar} * ${bi} + ${ai} * ${br};` +
    fix(`${o}r`, ar, br, `-(${ai} * ${bi})`) +
    fix(`${o}i`, ar, bi, `${ai} * ${br}`)
  );
}

export const OPS: Readonly<Record<string, OpRow>> = {};
const table = OPS as Record<string, OpRow>;
function row(r: OpRow): void {
  table[r.name] = r;
}

row({
  name: 'add',
  arity: 2,
  types: same('add'),
  emit: tmpl(
    (d, a, b) => (d === 'bool' ? `(${a} | ${b})` : wrap(d, `${a} + ${b}`)),
    (d, a, b) => wrap(d, `${a} + ${b}`),
    (d, o, a, b) => `const ${o}r = ${cw(d, `${a}r + ${b}r`)}, ${o}i = ${cw(d, `${a}i + ${b}i`)};`,
  ),
});
row({
  name: 'subtract',
  arity: 2,
  types: same('subtract', 'error'),
  emit: tmpl(
    (d, a, b) => wrap(d, `${a} - ${b}`),
    (d, a, b) => wrap(d, `${a} - ${b}`),
    (d, o, a, b) => `const ${o}r = ${cw(d, `${a}r - ${b}r`)}, ${o}i = ${cw(d, `${a}i - ${b}i`)};`,
  ),
});
row({
  name: 'multiply',
  arity: 2,
  types: same('multiply'),
  emit: tmpl(
    (d, a, b) =>
      d === 'bool'
        ? `(${a} & ${b})`
        : d === 'int32'
          ? `Math.imul(${a}, ${b})`
          : d === 'uint32'
            ? `(Math.imul(${a}, ${b}) >>> 0)`
            : wrap(d, `${a} * ${b}`),
    (d, a, b) => wrap(d, `${a} * ${b}`),
    // NumPy's loop uses FMA: re = fma(ar, br, -(ai*bi)), im = fma(ar, bi, ai*br) (see cmulFma)
    (d, o, a, b) => cmulFma(d, o, `${a}r`, `${a}i`, `${b}r`, `${b}i`),
  ),
});
row({
  name: 'divide',
  arity: 2,
  types: (d) => (isFloat(d) || isComplex(d) ? { compute: d, result: d } : { compute: 'float64', result: 'float64' }),
  emit: tmpl(
    (d, a, b) => wrap(d, `${a} / ${b}`),
    null,
    (d, o, a, b) =>
      `const ${o}$ = H.${d === 'complex64' ? 'cdiv32' : 'cdiv'}(${a}r, ${a}i, ${b}r, ${b}i), ${o}r = ${o}$.re, ${o}i = ${o}$.im;`,
  ),
});
row({
  name: 'floor_divide',
  arity: 2,
  types: realOnly('floor_divide', same('floor_divide', 'int8')),
  emit: tmpl(
    (d, a, b) => (isFloat(d) ? wrap(d, `H.fdivf(${a}, ${b})`) : wrap(d, `H.fdivi(${a}, ${b})`)),
    (d, a, b) => wrap(d, `H.fdivb(${a}, ${b})`),
  ),
});
row({
  name: 'remainder',
  arity: 2,
  types: realOnly('remainder', same('remainder', 'int8')),
  emit: tmpl(
    (d, a, b) => (isFloat(d) ? wrap(d, `H.modf(${a}, ${b})`) : wrap(d, `H.modi(${a}, ${b})`)),
    (d, a, b) => wrap(d, `H.modb(${a}, ${b})`),
  ),
});
row({
  name: 'pow',
  arity: 2,
  types: same('pow', 'int8'),
  emit: tmpl(
    (d, a, b) => (isFloat(d) ? wrap(d, `H.powf(${a}, ${b})`) : `H.powi_${d}(${a}, ${b})`),
    (d, a, b) => wrap(d, `H.powb(${a}, ${b})`),
    // ew_cpow (elementwise-ops.ts): NumPy's nc_pow, result in H.ew_OUT
    (d, o, a, b) => `H.ew_cpow(${a}r, ${a}i, ${b}r, ${b}i, ${d === 'complex64'}); const ${o}r = H.ew_OUT[0], ${o}i = H.ew_OUT[1];`,
  ),
});
row({
  name: 'negative',
  arity: 1,
  types: same('negative', 'error'),
  emit: tmpl(
    (d, a) => wrap(d, `-${a}`),
    (d, a) => wrap(d, `-${a}`),
    (d, o, a) => `const ${o}r = -${a}r, ${o}i = -${a}i;`,
  ),
});
row({
  name: 'positive',
  arity: 1,
  types: same('positive', 'error'),
  emit: tmpl(
    (_d, a) => a,
    (_d, a) => a,
    (_d, o, a) => `const ${o}r = ${a}r, ${o}i = ${a}i;`,
  ),
});
row({
  name: 'abs',
  arity: 1,
  types: (d) => (d === 'complex64' ? { compute: d, result: 'float32' } : d === 'complex128' ? { compute: d, result: 'float64' } : { compute: d, result: d }),
  emit: (d, o, a) => {
    const r = reprOf(d);
    if (r === 'cplx') return `const ${o} = ${cw(d, `Math.hypot(${a}r, ${a}i)`)};`;
    if (r === 'big') return `const ${o} = ${wrap(d, `${a} < 0n ? -${a} : ${a}`)};`;
    if (d === 'bool' || DTYPES[d].kind === 'unsigned') return `const ${o} = ${a};`;
    return `const ${o} = ${isFloat(d) ? `Math.abs(${a})` : wrap(d, `${a} < 0 ? -${a} : ${a}`)};`;
  },
});

function compare(name: string, jsop: string, cplx: ((a: string, b: string) => string) | null): void {
  row({
    name,
    arity: 2,
    types: cplx ? toBool : realOnly(name, toBool),
    emit: (d, o, a, b) => {
      if (reprOf(d) === 'cplx') return cplx ? `const ${o} = (${cplx(a, b)}) ? 1 : 0;` : null;
      return `const ${o} = (${a} ${jsop} ${b}) ? 1 : 0;`;
    },
  });
}
compare('equal', '===', (a, b) => `${a}r === ${b}r && ${a}i === ${b}i`);
compare('not_equal', '!==', (a, b) => `${a}r !== ${b}r || ${a}i !== ${b}i`);
// NumPy orders complex numbers lexicographically (real part first).
compare('less', '<', (a, b) => `${a}r < ${b}r || (${a}r === ${b}r && ${a}i < ${b}i)`);
compare('less_equal', '<=', (a, b) => `${a}r < ${b}r || (${a}r === ${b}r && ${a}i <= ${b}i)`);
compare('greater', '>', (a, b) => `${a}r > ${b}r || (${a}r === ${b}r && ${a}i > ${b}i)`);
compare('greater_equal', '>=', (a, b) => `${a}r > ${b}r || (${a}r === ${b}r && ${a}i >= ${b}i)`);

row({ name: 'logical_and', arity: 2, types: logical, emit: (_d, o, a, b) => `const ${o} = ${a} & ${b};` });
row({ name: 'logical_or', arity: 2, types: logical, emit: (_d, o, a, b) => `const ${o} = ${a} | ${b};` });
row({ name: 'logical_xor', arity: 2, types: logical, emit: (_d, o, a, b) => `const ${o} = ${a} ^ ${b};` });
row({ name: 'logical_not', arity: 1, types: logical, emit: (_d, o, a) => `const ${o} = ${a} ^ 1;` });

function bitwise(name: string, jsop: string): void {
  row({
    name,
    arity: 2,
    types: intOrBool(name),
    emit: tmpl(
      (d, a, b) => (d === 'uint32' ? `((${a} ${jsop} ${b}) >>> 0)` : `(${a} ${jsop} ${b})`),
      (_d, a, b) => `(${a} ${jsop} ${b})`,
    ),
  });
}
bitwise('bitwise_and', '&');
bitwise('bitwise_or', '|');
bitwise('bitwise_xor', '^');
row({
  name: 'bitwise_invert',
  arity: 1,
  types: intOrBool('bitwise_invert'),
  emit: tmpl(
    (d, a) => (d === 'bool' ? `(${a} ^ 1)` : wrap(d, `~${a}`)),
    (d, a) => wrap(d, `~${a}`),
  ),
});

/**
 * Add (or replace) an operation row: how further NumPy element-wise functions join the engine.
 * `apply(name, operands)` in elementwise.ts then works for it, fused like the built-in rows.
 */
export function defineOp(r: OpRow): void {
  row(r);
}

/** The row for `name`; throws when the engine has no such operation. */
export function opRow(name: string): OpRow {
  const r = OPS[name];
  if (!r) throw new DTypeError(`unknown element-wise operation '${name}'`);
  return r;
}
