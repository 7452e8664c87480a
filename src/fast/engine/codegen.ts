/**
 * The kernel compiler: turns an expression graph into ONE generated JavaScript loop nest
 * (`new Function`), specialised by the graph's structure and dtypes, the number of loop dimensions
 * after merging, and whether every operand is contiguous (then one flat loop). Strides, offsets,
 * sizes and scalar values are parameters, so kernels are cached by that signature and reused for any
 * data. Each distinct leaf array is read once per element however often the graph uses it, and each
 * node is computed once per element however often it is referenced.
 */
import { DTYPE_NAMES, DTYPES, type DTypeName } from '../../common/dtypes.js';
import { NotSupportedError } from '../../common/errors.js';
import type { Complex } from '../../common/ndarray.js';
import type { FastArray } from '../array.js';
import type { LeafNode, Node } from './expr.js';
import { HELPERS, type Helpers } from './helpers.js';
import { OPS, reprOf, wrap, type OpRow } from './ops-table.js';
import { pairwiseSumF64 } from './kernels/pairwise.js';
import { broadcastStrides, isCContiguous } from './shape.js';
import { slotsPerElement, type TypedData } from './storage.js';
import { checkGraphAttached } from './detached.js';

/** Where a kernel writes: a typed array, element offset, element strides and shape. */
export interface Dest {
  readonly data: TypedData;
  readonly offset: number;
  readonly strides: readonly number[];
  readonly shape: readonly number[];
  readonly dtype: DTypeName;
}

type Kernel = (H: Helpers, shp: number[], D: TypedData[], O: number[], S: number[], C: (number | bigint)[]) => void;

const cache = new Map<string, Kernel>();
/** Bound on cached kernels (programs that generate endless distinct expressions start over). */
const MAX_KERNELS = 4096;

/** Number of kernels compiled so far (for tests: the same shape of work must not compile twice). */
export function compiledKernelCount(): number {
  return cache.size;
}

const cw = (d: DTypeName, e: string) => (d === 'complex64' || d === 'float32' ? `Math.fround(${e})` : e);

/** A statement declaring `o` as `a` converted from dtype `from` to dtype `to`. */
export function castStmt(from: DTypeName, to: DTypeName, o: string, a: string): string {
  const rf = reprOf(from);
  const rt = reprOf(to);
  if (from === to) return rt === 'cplx' ? `const ${o}r = ${a}r, ${o}i = ${a}i;` : `const ${o} = ${a};`;
  if (to === 'bool') {
    if (rf === 'cplx') return `const ${o} = (${a}r !== 0 || ${a}i !== 0) ? 1 : 0;`;
    return `const ${o} = ${a} !== ${rf === 'big' ? '0n' : '0'} ? 1 : 0;`;
  }
  if (rt === 'cplx') {
    if (rf === 'cplx') return `const ${o}r = ${cw(to, `${a}r`)}, ${o}i = ${cw(to, `${a}i`)};`;
    const src = rf === 'big' ? `Number(${a})` : a;
    return `const ${o}r = ${to === 'complex64' && !exactInF32(from) ? `Math.fround(${src})` : src}, ${o}i = 0;`;
  }
  const fk = DTYPES[from].kind;
  if (rt === 'big') {
    if (rf === 'big') return `const ${o} = ${wrap(to, a)};`;
    const real = rf === 'cplx' ? `${a}r` : a;
    if (fk === 'float' || fk === 'complex') return `const ${o} = H.${to === 'int64' ? 'f2i64' : 'f2u64'}(${real});`;
    return `const ${o} = ${to === 'uint64' && fk === 'signed' ? `BigInt.asUintN(64, BigInt(${a}))` : `BigInt(${a})`};`;
  }
  // to a JS-number dtype
  const real = rf === 'cplx' ? `${a}r` : rf === 'big' ? `Number(${a})` : a;
  const tk = DTYPES[to].kind;
  if (tk === 'float') {
    if (to === 'float64' || exactInF32(from)) return `const ${o} = ${real};`;
    return `const ${o} = Math.fround(${real});`;
  }
  if (rf === 'big') {
    return `const ${o} = ${wrap(to, to === 'uint32' ? `Number(BigInt.asUintN(32, ${a}))` : `Number(BigInt.asIntN(32, ${a}))`)};`;
  }
  return `const ${o} = ${wrap(to, real)};`;
}

function exactInF32(d: DTypeName): boolean {
  return d === 'bool' || d === 'int8' || d === 'int16' || d === 'uint8' || d === 'uint16' || d === 'float32' || d === 'complex64';
}

interface Linear {
  sig: string;
  leaves: LeafNode[];
  leafDtypes: DTypeName[];
  consts: (number | bigint | Complex)[];
  constDtypes: DTypeName[];
  /** Per-element statements; generated only when a kernel is compiled (cache miss). */
  readonly body: string[];
  /** The statement generators behind `body`, in order. */
  emitters: (() => string)[];
  result: string;
  /** True when the root is a bare leaf (no operation): lets sums call the pairwise kernel directly. */
  bareLeaf: boolean;
}

function unsupported(op: string, d: DTypeName): never {
  throw new NotSupportedError(`fast.${op}.${d}`, `${op} on ${d} is not implemented in the fast engine`);
}

/**
 * A class, not an object literal with a `get body()`: V8 gives every such literal a hidden class of
 * its own (the accessor pair differs per call), allocated in old space, which kept each evaluation's
 * garbage alive through scavenges (a 3-operation graph: 11.9 us per linearize, two thirds of it GC).
 */
class Linearized implements Linear {
  sig = '';
  leaves: LeafNode[] = [];
  leafDtypes: DTypeName[] = [];
  consts: (number | bigint | Complex)[] = [];
  constDtypes: DTypeName[] = [];
  emitters: (() => string)[] = [];
  result = '';
  private _body: string[] | null = null;
  constructor(readonly bareLeaf: boolean) {}
  get body(): string[] {
    return (this._body ??= this.emitters.map((f) => f()));
  }
}

function linearize(root: Node): Linear {
  const names = new Map<Node, string>();
  const leafIndex = new Map<LeafNode, number>();
  const lin = new Linearized(root.kind === 'leaf');
  const emitters = lin.emitters;
  const sig: string[] = [];
  let next = 0;
  const visit = (n: Node): string => {
    const hit = names.get(n);
    if (hit !== undefined) return hit;
    let name: string;
    switch (n.kind) {
      case 'leaf': {
        // by leaf node: one array read before and after a write is two leaves (old and new contents)
        let k = leafIndex.get(n);
        if (k === undefined) {
          k = lin.leaves.length;
          leafIndex.set(n, k);
          lin.leaves.push(n);
          lin.leafDtypes.push(n.dtype);
          sig.push(`L${k}${n.dtype}`);
        }
        name = `x${k}`;
        break;
      }
      case 'const': {
        const k = lin.consts.length;
        lin.consts.push(n.value);
        lin.constDtypes.push(n.dtype);
        sig.push(`C${k}${n.dtype}`);
        name = `c${k}`;
        break;
      }
      case 'op': {
        const special = constPowerOf(n);
        if (special !== null) {
          const a = visit(n.args[0]);
          const c = special.baked ? '' : visit(n.args[1]);
          const nm = `v${next++}`;
          name = nm;
          emitters.push(() => special.emit(nm, a, c));
          sig.push(`${name}=${special.sig}(${a}${special.baked ? '' : `,${c}`})`);
          break;
        }
        const args = n.args.map(visit);
        const nm = `v${next++}`;
        name = nm;
        const op = n.op;
        const compute = n.compute;
        emitters.push(() => {
          const stmt = op.emit(compute, nm, args[0], args[1] ?? args[0]);
          if (stmt === null) unsupported(op.name, compute);
          return stmt;
        });
        sig.push(`${name}=${op.name}:${compute}(${args.join(',')})`);
        break;
      }
      case 'cast': {
        const a = visit(n.arg);
        const nm = `v${next++}`;
        name = nm;
        const from = n.arg.dtype;
        const to = n.dtype;
        emitters.push(() => castStmt(from, to, nm, a));
        sig.push(`${name}=cast:${n.dtype}(${a})`);
        break;
      }
    }
    names.set(n, name);
    return name;
  };
  lin.result = visit(root);
  lin.sig = sig.join(';');
  return lin;
}

/**
 * `pow(x, c)` of a float array and a JS number: the exponent is known when the graph is compiled,
 * so the kernel needs no per-element helper call. float64 with c in {1, 2, 3, 4, -1}: products
 * (x*x is exactly C's pow(x, 2); x*x*x and (x*x)*(x*x) differ from a correctly rounded pow by at
 * most 1-2 ulp, 1/x is exactly pow(x, -1)); c = 0.5: sqrt(x), as NumPy's loop computes a scalar
 * exponent 0.5 (sqrt(-0) = -0); c in {1.5, 2.5, 3.5} for x > 0: sqrt(x) times
 * products (<= 3 ulp); every other x (negative, zero, NaN, -inf) and every other finite c:
 * Math.pow inline, the same values as the helper (whose special cases, pow(1, NaN) and
 * pow(-1, ±inf), need a non-finite exponent). Infinite and NaN exponents keep the helper. Products
 * that end in the subnormal range may differ from pow by one subnormal unit. Signs of zero,
 * infinities and NaNs are C's pow's (src/fast/pow-const.test.ts checks them against NumPy).
 */
interface ConstPower {
  readonly sig: string;
  /** The exponent is written into the code (a handful of values), else read from the constants. */
  readonly baked: boolean;
  emit(o: string, a: string, c: string): string;
}

const PRODUCTS: ReadonlyMap<number, (a: string) => string> = new Map([
  [1, (a: string) => `${a}`],
  [2, (a: string) => `${a} * ${a}`],
  [3, (a: string) => `${a} * ${a} * ${a}`],
  [4, (a: string) => `(${a} * ${a}) * (${a} * ${a})`],
  [-1, (a: string) => `1 / ${a}`],
  // NumPy 2.4's power loop takes sqrt for a scalar exponent 0.5: sqrt(-0) = -0, sqrt(-inf) = NaN
  [0.5, (a: string) => `Math.sqrt(${a})`],
]);

const HALF_PRODUCTS: ReadonlyMap<number, (a: string) => string> = new Map([
  [1.5, (a: string) => `${a} * Math.sqrt(${a})`],
  [2.5, (a: string) => `${a} * ${a} * Math.sqrt(${a})`],
  [3.5, (a: string) => `${a} * ${a} * ${a} * Math.sqrt(${a})`],
]);

function constPowerOf(n: Node & { kind: 'op' }): ConstPower | null {
  if (n.op.name !== 'pow' || (n.compute !== 'float64' && n.compute !== 'float32')) return null;
  const e = n.args[1];
  if (e.kind !== 'const' || typeof e.value !== 'number' || !Number.isFinite(e.value)) return null;
  const c = e.value;
  if (n.compute === 'float32') return { sig: 'powc32', baked: false, emit: (o, a, k) => `const ${o} = Math.fround(Math.pow(${a}, ${k}));` };
  const prod = Object.is(c, -0) ? undefined : PRODUCTS.get(c);
  if (prod !== undefined) return { sig: `powc:${c}`, baked: true, emit: (o, a) => `const ${o} = ${prod(a)};` };
  const half = HALF_PRODUCTS.get(c);
  if (half !== undefined) return { sig: `powc:${c}`, baked: true, emit: (o, a) => `const ${o} = ${a} > 0 ? ${half(a)} : Math.pow(${a}, ${c});` };
  return { sig: 'powc', baked: false, emit: (o, a, k) => `const ${o} = Math.pow(${a}, ${k});` };
}

interface Operand {
  readonly data: TypedData;
  /** offset in slots (complex: 2 per element) */
  readonly offset: number;
  /** strides in slots, one per dimension of the iteration shape */
  readonly strides: number[];
  readonly slots: number;
}

interface LoopPlan {
  shape: number[];
  /** strides[k][d] */
  strides: number[][];
  empty: boolean;
}

/**
 * Drop length-1 dimensions, order the rest so the innermost loop runs over the smallest strides
 * (operands from `keyFrom` on count), then merge neighbours that are contiguous for every operand.
 */
function planLoops(shape: readonly number[], strides: number[][], keyFrom: number, slots?: readonly number[]): LoopPlan {
  // common case first: every operand C-contiguous over the same shape -> one flat loop
  if (slots !== undefined) {
    let all = true;
    let acc = 1;
    for (let d = shape.length - 1; d >= 0 && all; d--) {
      if (shape[d] !== 1) for (let k = 0; k < strides.length; k++) if (strides[k][d] !== acc * slots[k]) all = false;
      acc *= shape[d];
    }
    if (all) {
      if (acc === 0) return { shape: [], strides: strides.map(() => []), empty: true };
      if (acc === 1) return { shape: [], strides: strides.map(() => []), empty: false };
      return { shape: [acc], strides: slots.map((s) => [s]), empty: false };
    }
  }
  let dims: number[] = [];
  let empty = false;
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 0) empty = true;
    if (shape[d] !== 1) dims.push(d);
  }
  if (empty) return { shape: [], strides: strides.map(() => []), empty: true };
  const key = (d: number) => {
    let s = 0;
    for (let k = keyFrom; k < strides.length; k++) s += Math.abs(strides[k][d]);
    return s;
  };
  const keys = new Map(dims.map((d) => [d, key(d)]));
  dims = dims
    .map((d, i) => [d, i] as const)
    .sort((x, y) => keys.get(y[0])! - keys.get(x[0])! || x[1] - y[1])
    .map(([d]) => d);
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (const d of dims) {
    const last = outShape.length - 1;
    if (last >= 0 && strides.every((s, k) => outStrides[k][last] === s[d] * shape[d])) {
      outShape[last] *= shape[d];
      for (let k = 0; k < strides.length; k++) outStrides[k][last] = strides[k][d];
    } else {
      outShape.push(shape[d]);
      for (let k = 0; k < strides.length; k++) outStrides[k].push(strides[k][d]);
    }
  }
  return { shape: outShape, strides: outStrides, empty: false };
}

/** The memory a leaf reads: its array's storage, or the snapshot its epoch took when a write ended it. */
function leafData(leaf: LeafNode): TypedData {
  const snap = leaf.epoch.snapshot;
  return snap === null ? leaf.array._data! : snap.data;
}

/** Offset, in slots (`slots` per element), of a leaf's first element in leafData(leaf). */
function leafOffset(leaf: LeafNode, slots: number): number {
  const off = leaf.array._off * slots;
  return leaf.epoch.snapshot === null ? off : off - leaf.epoch.lo;
}

function leafOperand(leaf: LeafNode, shape: readonly number[]): Operand {
  const a = leaf.array;
  const slots = slotsPerElement(a.dtype);
  const es = broadcastStrides(a.shape, a._es, shape);
  return { data: leafData(leaf), offset: leafOffset(leaf, slots), strides: es.map((s) => s * slots), slots };
}

function constLoads(lin: Linear): string[] {
  const out: string[] = [];
  let idx = 0;
  lin.constDtypes.forEach((d, k) => {
    if (reprOf(d) === 'cplx') {
      out.push(`const c${k}r = C[${idx}], c${k}i = C[${idx + 1}];`);
      idx += 2;
    } else {
      out.push(`const c${k} = C[${idx}];`);
      idx += 1;
    }
  });
  return out;
}

function constValues(lin: Linear): (number | bigint)[] {
  const out: (number | bigint)[] = [];
  lin.consts.forEach((v, k) => {
    if (reprOf(lin.constDtypes[k]) === 'cplx') {
      const c = v as Complex;
      out.push(c.re, c.im);
    } else out.push(v as number | bigint);
  });
  return out;
}

function load(lin: Linear, k: number, p: string): string {
  const leaf = k - 1; // operand 0 is the destination
  if (reprOf(lin.leafDtypes[leaf]) === 'cplx') return `const x${leaf}r = D${k}[${p}], x${leaf}i = D${k}[${p} + 1];`;
  return `const x${leaf} = D${k}[${p}];`;
}

function store(dtype: DTypeName, p: string, v: string): string {
  return reprOf(dtype) === 'cplx' ? `D0[${p}] = ${v}r; D0[${p} + 1] = ${v}i;` : `D0[${p}] = ${v};`;
}

function compile(sig: string, src: string): Kernel {
  let k = cache.get(sig);
  if (k === undefined) {
    if (cache.size >= MAX_KERNELS) {
      cache.clear();
      simpleCache.clear();
    }
    k = new Function('H', 'shp', 'D', 'O', 'S', 'C', `"use strict";\n${src}`) as Kernel;
    cache.set(sig, k);
  }
  return k;
}

/** What the engine would run for a (lazy) node: distinct leaf arrays read, operations per element, signature. */
export function explain(root: Node): { leaves: number; operations: number; signature: string } {
  const lin = linearize(root);
  return { leaves: lin.leaves.length, operations: lin.emitters.length, signature: lin.sig };
}

/** Common prologue: typed arrays, constants, sizes and strides as locals. */
function prologue(nOps: number, L: number, lin: Linear, flat: boolean): string[] {
  const lines: string[] = [];
  lines.push(`const ${Array.from({ length: nOps }, (_, k) => `D${k} = D[${k}]`).join(', ')};`);
  lines.push(...constLoads(lin));
  if (flat) {
    lines.push(`const n0 = shp[0];`);
    lines.push(`const ${Array.from({ length: nOps }, (_, k) => `o${k} = O[${k}]`).join(', ')};`);
  } else {
    for (let d = 0; d < L; d++) lines.push(`const n${d} = shp[${d}];`);
    for (let k = 0; k < nOps && L > 0; k++) {
      lines.push(`const ${Array.from({ length: L }, (_, d) => `s${k}_${d} = S[${k * L + d}]`).join(', ')};`);
    }
  }
  return lines;
}

function flatPtr(k: number, stride: number, i: string): string {
  if (stride === 0) return `o${k}`;
  return stride === 1 ? `o${k} + ${i}` : `o${k} + ${stride} * ${i}`;
}

/**
 * Elements per iteration of a flat element-wise loop. Measured on V8 11.3 (1e7 float64, a+a+a+a+a
 * into a reused output, CPU time): one per iteration 14.3 ms, four 8.7 ms, memcpy of the same
 * bytes 8.7 ms.
 */
const FLAT_UNROLL = 4;

/**
 * `a.sum()` of a materialised C-contiguous float64 array into one float64 accumulator: the pairwise
 * kernel over all elements at once, which is what the general path compiles for it (its loops merge
 * into one run), without building a plan and looking up a kernel (most of the cost at 50x50).
 */
function wholeSumOfContiguous(a: FastArray, acc: Dest): boolean {
  if (a._expr !== null || a._data === null || !(a._data instanceof Float64Array) || a.size === 0) return false;
  for (let d = 0; d < acc.strides.length; d++) if (acc.strides[d] !== 0) return false;
  if (!isCContiguous(a.shape, a._es)) return false;
  const out = acc.data as Float64Array;
  out[acc.offset] = out[acc.offset] + pairwiseSumF64(a._data, a._off, a.size, 1);
  return true;
}

/**
 * Evaluate `root` (already of `dest.dtype`, shape broadcastable to `dest.shape`) into `dest`.
 * The destination must not overlap the leaves (callers copy first when it does).
 */
export function evaluateInto(root: Node, dest: Dest): void {
  checkGraphAttached(root, dest); // transferred buffers: a typed error, not empty reads (once per evaluation)
  if (root.kind === 'leaf' || root.kind === 'const' || !simpleScan(root, dest)) {
    evaluateGeneral(root, dest);
    return;
  }
  const key = scanKey;
  const hit = simpleCache.get(key);
  if (hit !== undefined) {
    runSimple(hit, dest);
    return;
  }
  clearScan();
  const k = evaluateGeneral(root, dest);
  if (k === null) return;
  if (simpleCache.size >= MAX_KERNELS) simpleCache.clear();
  simpleCache.set(key, k);
}

/**
 * Kernels of small element-wise graphs over whole C-contiguous operands of one shape, by a short
 * structural key (simpleScan): `a.add(b)`, `a.add(b).mul(a).sub(b)`, an array and JS scalars find
 * their compiled flat loop without linearize (maps, closures, code emitters), a loop plan and the
 * general signature (most of the fixed cost per operation on small arrays). The kernels are the
 * ones the general path compiled for the same graph, so the values are the same.
 */
const simpleCache = new Map<string, Kernel>();

const DTYPE_CODE: Readonly<Record<DTypeName, string>> = Object.fromEntries(DTYPE_NAMES.map((d, i) => [d, String.fromCharCode(97 + i)])) as Record<DTypeName, string>;
const opIds = new Map<OpRow, number>();
function opId(op: OpRow): number {
  let id = opIds.get(op);
  if (id === undefined) opIds.set(op, (id = opIds.size));
  return id;
}

/** Nodes of a graph the simple path may take (bounds the key's length and the scan). */
const SIMPLE_MAX_NODES = 24;

// the scan's results (module state: no closure or result object per operation)
let scanKey = '';
const scanSeen: Node[] = [];
const scanLeaves: LeafNode[] = [];
const scanConsts: (number | bigint)[] = [];

function clearScan(): void {
  scanSeen.length = 0;
  scanLeaves.length = 0;
  scanConsts.length = 0;
}

/**
 * Whether the simple path takes `root` into `dest`; if so scanKey identifies the kernel and
 * scanLeaves/scanConsts hold its operands in the order linearize numbers them (first visit, each
 * node once). Taken: at most SIMPLE_MAX_NODES nodes, no complex dtype, no pow (its constant
 * exponent may be baked into the code), every leaf materialised, C-contiguous and of the
 * destination's shape, destination C-contiguous at offset 0 with >= 2 elements (the general path
 * then compiles one flat loop: planLoops' first case). The key spells the graph: op rows, dtypes,
 * casts, constants' dtypes, which leaf each leaf node is (and whether its offset is 0), shared nodes.
 */
function simpleScan(root: Node, dest: Dest): boolean {
  if (root.count > SIMPLE_MAX_NODES || dest.offset !== 0 || DTYPES[dest.dtype].kind === 'complex') return false;
  const shape = dest.shape;
  let n = 1;
  for (let d = 0; d < shape.length; d++) n *= shape[d];
  if (n < 2 || !isCContiguous(shape, dest.strides)) return false;
  scanKey = DTYPE_CODE[dest.dtype];
  clearScan();
  const ok = scanNode(root, shape);
  if (!ok) clearScan();
  return ok;
}

function scanNode(x: Node, shape: readonly number[]): boolean {
  const seen = scanSeen.indexOf(x);
  if (seen >= 0) {
    scanKey += `^${seen}`;
    return true;
  }
  if (DTYPES[x.dtype].kind === 'complex') return false;
  switch (x.kind) {
    case 'leaf': {
      const a = x.array;
      if (a._expr !== null || a._data === null || !sameShape(a.shape, shape) || !isCContiguous(shape, a._es)) return false;
      let k = scanLeaves.indexOf(x);
      if (k < 0) {
        k = scanLeaves.length;
        scanLeaves.push(x);
      }
      scanKey += `L${k}${leafOffset(x, 1) === 0 ? 'z' : 'o'}${DTYPE_CODE[x.dtype]}`;
      break;
    }
    case 'const':
      if (typeof x.value === 'object') return false;
      scanConsts.push(x.value);
      scanKey += `C${DTYPE_CODE[x.dtype]}`;
      break;
    case 'cast':
      scanKey += `K${DTYPE_CODE[x.dtype]}(`;
      if (!scanNode(x.arg, shape)) return false;
      scanKey += ')';
      break;
    case 'op': {
      if (x.op.name === 'pow' || DTYPES[x.compute].kind === 'complex') return false;
      scanKey += `O${opId(x.op)}${DTYPE_CODE[x.compute]}${DTYPE_CODE[x.dtype]}(`;
      const args = x.args;
      for (let i = 0; i < args.length; i++) {
        if (i > 0) scanKey += ',';
        if (!scanNode(args[i], shape)) return false;
      }
      scanKey += ')';
      break;
    }
  }
  scanSeen.push(x);
  return true;
}


function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let d = 0; d < a.length; d++) if (a[d] !== b[d]) return false;
  return true;
}

const NO_STRIDES: number[] = [];

/** Calls a simple-path kernel with the operands simpleScan collected. */
function runSimple(kernel: Kernel, dest: Dest): void {
  const leaves = scanLeaves;
  const D: TypedData[] = [dest.data];
  const O: number[] = [0];
  for (let i = 0; i < leaves.length; i++) {
    D.push(leafData(leaves[i]));
    O.push(leafOffset(leaves[i], 1));
  }
  let n = 1;
  for (let d = 0; d < dest.shape.length; d++) n *= dest.shape[d];
  kernel(HELPERS, [n], D, O, NO_STRIDES, scanConsts); // the kernel reads C once, before its loop
  clearScan();
}

/** evaluateInto's general path; returns the kernel it ran when that is a flat loop over one run. */
function evaluateGeneral(root: Node, dest: Dest): Kernel | null {
  const lin = linearize(root);
  const shape = dest.shape;
  const slots0 = slotsPerElement(dest.dtype);
  const ops: Operand[] = [
    { data: dest.data, offset: dest.offset * slots0, strides: dest.strides.map((s) => s * slots0), slots: slots0 },
    ...lin.leaves.map((a) => leafOperand(a, shape)),
  ];
  const plan = planLoops(shape, ops.map((o) => o.strides), 0, ops.map((o) => o.slots));
  if (plan.empty) return null;
  const L = plan.shape.length;
  const nOps = ops.length;
  // flat: one loop, every operand moves by exactly one element per step (or stays: stride 0)
  const flat = L <= 1 && plan.strides.every((s, k) => L === 0 || s[0] === ops[k].slots || (k > 0 && s[0] === 0));
  if (flat && L === 1 && lin.bareLeaf && lin.leafDtypes[0] === dest.dtype && plan.strides[1][0] === ops[1].slots) {
    // a plain copy between contiguous ranges of one dtype: memcpy speed (copy(), x[...] = y)
    const n = plan.shape[0] * ops[1].slots;
    const src = ops[1].data;
    ops[0].data.set(src.subarray(ops[1].offset, ops[1].offset + n) as never, ops[0].offset);
    return null;
  }
  if (!flat && L > 0) {
    const leader = groupLeaders(ops);
    if (leader !== null) {
      evaluateGrouped(lin, dest, ops, plan, leader);
      return null;
    }
  }
  // zero offsets are baked in (D[i] instead of D[o + i]): V8 then drops more bounds checks
  const zero = ops.map((o) => o.offset === 0);
  const modes = flat ? plan.strides.map((s, k) => `${L === 0 ? 0 : s[0]}${zero[k] ? 'z' : ''}`).join(',') : '';
  const sig = `E|${lin.sig}|${dest.dtype}|${flat ? `F${modes}` : `N${L}`}|${lin.result}`;
  let kernel = cache.get(sig);
  if (kernel === undefined) {
    const lines = prologue(nOps, L, lin, flat);
    const body = (ptr: (k: number) => string): string[] => [
      ...lin.leaves.map((_, j) => load(lin, j + 1, ptr(j + 1))),
      ...lin.body,
      store(dest.dtype, ptr(0), lin.result),
    ];
    if (flat) {
      const strides = plan.strides.map((s) => (L === 0 ? 0 : s[0]));
      if (L === 0) lines.push(...body((k) => `o${k}`));
      else {
        const at = (i: string) => (k: number) =>
          zero[k] && strides[k] === 1 ? i : zero[k] && strides[k] === 2 ? `2 * ${i}` : flatPtr(k, strides[k], i);
        // unrolled by FLAT_UNROLL: V8 does not unroll, and the loop's own work (increment, compare,
        // interrupt check) is a large share of a short body
        lines.push('let i = 0;');
        lines.push(`for (const nu = n0 - ${FLAT_UNROLL - 1}; i < nu; i += ${FLAT_UNROLL}) {`);
        for (let u = 0; u < FLAT_UNROLL; u++) lines.push('{', ...body(at(u === 0 ? 'i' : `(i + ${u})`)), '}');
        lines.push('}');
        lines.push('for (; i < n0; i++) {', ...body(at('i')), '}');
      }
    } else {
      lines.push(...nest(nOps, L, body, null));
    }
    kernel = compile(sig, lines.join('\n'));
  }
  run(kernel, lin, ops, plan);
  return flat && L === 1 ? kernel : null;
}

/**
 * Operand k's group leader: the first leaf operand reading the same typed array with the same
 * strides (views of one array at different offsets: shifted slices, stencils). Such leaves share one
 * pointer in a loop nest and differ by a constant offset, so a nest does not advance a pointer per
 * leaf per element. The destination (0) is its own group.
 */
function groupLeaders(ops: readonly Operand[]): number[] | null {
  const leader = ops.map((_, k) => k);
  let grouped = false;
  for (let k = 2; k < ops.length; k++) {
    for (let j = 1; j < k; j++) {
      if (leader[j] !== j || ops[j].data !== ops[k].data) continue;
      const a = ops[j].strides;
      const b = ops[k].strides;
      let same = a.length === b.length;
      for (let d = 0; same && d < a.length; d++) same = a[d] === b[d];
      if (same) {
        leader[k] = j;
        grouped = true;
        break;
      }
    }
  }
  return grouped ? leader : null;
}

/**
 * evaluateInto's loop nest when several leaves share a pointer (see groupLeaders): O holds the
 * groups' offsets, then each operand's offset relative to its leader (at G + k).
 */
function evaluateGrouped(lin: Linear, dest: Dest, ops: Operand[], plan: LoopPlan, leader: number[]): void {
  const gIdx: number[] = [];
  const gnum = ops.map(() => 0);
  for (let k = 0; k < ops.length; k++) {
    if (leader[k] === k) {
      gnum[k] = gIdx.length;
      gIdx.push(k);
    } else gnum[k] = gnum[leader[k]];
  }
  const G = gIdx.length;
  const L = plan.shape.length;
  const sig = `G|${lin.sig}|${dest.dtype}|N${L}|${gnum.join(',')}|${lin.result}`;
  let kernel = cache.get(sig);
  if (kernel === undefined) {
    const lines = prologue(G, L, lin, false);
    for (let k = 1; k < ops.length; k++) if (leader[k] !== k) lines.push(`const ro${k} = O[${G + k}];`);
    const body = (ptr: (g: number) => string): string[] => [
      ...lin.leaves.map((_, j) => {
        const k = j + 1;
        const p = leader[k] === k ? ptr(gnum[k]) : `${ptr(gnum[k])} + ro${k}`;
        const D = `D${gnum[k]}`;
        if (reprOf(lin.leafDtypes[j]) === 'cplx') return `const x${j}r = ${D}[${p}], x${j}i = ${D}[${p} + 1];`;
        return `const x${j} = ${D}[${p}];`;
      }),
      ...lin.body,
      store(dest.dtype, ptr(0), lin.result),
    ];
    lines.push(...nest(G, L, body, null));
    kernel = compile(sig, lines.join('\n'));
  }
  const S: number[] = [];
  for (const k of gIdx) for (let d = 0; d < L; d++) S.push(plan.strides[k][d]);
  const O: number[] = gIdx.map((k) => ops[k].offset);
  for (let k = 0; k < ops.length; k++) O.push(ops[k].offset - ops[leader[k]].offset);
  kernel(
    HELPERS,
    plan.shape,
    gIdx.map((k) => ops[k].data),
    O,
    S,
    constValues(lin),
  );
}

function run(kernel: Kernel, lin: Linear, ops: Operand[], plan: LoopPlan): void {
  const L = plan.shape.length;
  const S: number[] = [];
  for (let k = 0; k < ops.length; k++) for (let d = 0; d < L; d++) S.push(plan.strides[k][d]);
  kernel(
    HELPERS,
    plan.shape,
    ops.map((o) => o.data),
    ops.map((o) => o.offset),
    S,
    constValues(lin),
  );
}

/**
 * A loop nest over L dimensions with one pointer per operand per level. `inner` gives the statements
 * of one element from pointer names; `innerLoop` (reductions) may replace the whole innermost loop.
 */
function nest(
  nOps: number,
  L: number,
  inner: (ptr: (k: number) => string) => string[],
  innerLoop: ((ptr: (k: number) => string, step: string) => string[]) | null,
): string[] {
  const lines: string[] = [];
  const ptr = (d: number) => (k: number) => `p${k}_${d}`;
  if (L === 0) {
    lines.push(`const ${Array.from({ length: nOps }, (_, k) => `p${k}_0 = O[${k}]`).join(', ')};`);
    lines.push(...inner(ptr(0)));
    return lines;
  }
  lines.push(`let ${Array.from({ length: nOps }, (_, k) => `p${k}_0 = O[${k}]`).join(', ')};`);
  for (let d = 0; d < L; d++) {
    const isInner = d === L - 1;
    const step = Array.from({ length: nOps }, (_, k) => `p${k}_${d} += s${k}_${d};`).join(' ');
    if (isInner && innerLoop) {
      lines.push(...innerLoop(ptr(d), step));
    } else {
      lines.push(`for (let i${d} = 0; i${d} < n${d}; i${d}++) {`);
      if (isInner) lines.push(...inner(ptr(d)));
      else lines.push(`let ${Array.from({ length: nOps }, (_, k) => `p${k}_${d + 1} = p${k}_${d}`).join(', ')};`);
    }
    if (!(isInner && innerLoop)) {
      if (isInner) {
        lines.push(step);
        lines.push('}');
      }
    }
  }
  // close the outer loops, advancing their pointers
  for (let d = L - 2; d >= 0; d--) {
    lines.push(Array.from({ length: nOps }, (_, k) => `p${k}_${d} += s${k}_${d};`).join(' '));
    lines.push('}');
  }
  return lines;
}

/** Elements per exact JS-number partial sum of <= 32-bit integers (2^21 * 2^32 = 2^53). */
const INT_CHUNK = 1 << 21;

export type ReduceKind = 'sum' | 'prod' | 'min' | 'max' | 'all' | 'any';

/** Statement declaring `t` = combine(`a`, `v`) in dtype `d`. */
function combineStmt(kind: ReduceKind, d: DTypeName, t: string, a: string, v: string): string {
  const r = reprOf(d);
  switch (kind) {
    case 'sum':
      return OPS.add.emit(d, t, a, v)!;
    case 'prod':
      return OPS.multiply.emit(d, t, a, v)!;
    case 'all':
      return `const ${t} = ${a} & ${v};`;
    case 'any':
      return `const ${t} = ${a} | ${v};`;
    case 'min':
    case 'max': {
      if (r === 'cplx') {
        // NumPy's complex minimum/maximum: keep the accumulator when it has a NaN or is <= (>=) the
        // value in lexicographic order (CLE/CGE), else take the value
        const c = kind === 'min' ? '<' : '>';
        const keep =
          `${a}r !== ${a}r || ${a}i !== ${a}i || ` +
          `(${a}r ${c} ${v}r && ${a}i === ${a}i && ${v}i === ${v}i) || (${a}r === ${v}r && ${a}i ${c}= ${v}i)`;
        return `const k$ = ${keep}; const ${t}r = k$ ? ${a}r : ${v}r, ${t}i = k$ ? ${a}i : ${v}i;`;
      }
      const cmp = kind === 'min' ? '<' : '>';
      const nan = DTYPES[d].kind === 'float' ? ` || ${v} !== ${v}` : '';
      return `const ${t} = (${v} ${cmp} ${a}${nan}) ? ${v} : ${a};`;
    }
  }
}

/**
 * Reduce `root` into `acc` (dtype `acc.dtype`, already filled with the identity or start value):
 * `acc.strides` has one entry per dimension of `root.shape`, 0 on reduced dimensions. Float sums
 * whose innermost loop runs over a reduced dimension use NumPy's pairwise summation.
 */
export function reduceInto(root: Node, kind: ReduceKind, acc: Dest): void {
  checkGraphAttached(root, acc);
  if (kind === 'sum' && root.kind === 'leaf' && root.epoch.snapshot === null && acc.dtype === 'float64' && root.dtype === 'float64' && wholeSumOfContiguous(root.array, acc)) return;
  const lin = linearize(root);
  const shape = root.shape;
  const A = acc.dtype;
  const slots0 = slotsPerElement(A);
  const ops: Operand[] = [
    { data: acc.data, offset: acc.offset * slots0, strides: acc.strides.map((s) => s * slots0), slots: slots0 },
    ...lin.leaves.map((a) => leafOperand(a, shape)),
  ];
  const plan = planLoops(shape, ops.map((o) => o.strides), 1);
  if (plan.empty) return;
  const L = plan.shape.length;
  const nOps = ops.length;
  const innerReduce = L > 0 && plan.strides[0][L - 1] === 0;
  const fk = DTYPES[A].kind;
  const pairwise = kind === 'sum' && innerReduce && (fk === 'float' || fk === 'complex');
  const direct = pairwise && lin.bareLeaf && lin.leafDtypes[0] === A;
  // integer sums of <= 32-bit values into int64/uint64: add JS numbers exactly in chunks, BigInt once per chunk
  const rk = DTYPES[root.dtype].kind;
  const chunkedInt = kind === 'sum' && innerReduce && reprOf(A) === 'big' && reprOf(root.dtype) === 'num' && rk !== 'float';
  // fused pairwise sums: inner strides of 1 (contiguous) and 0 (broadcast) are baked into the code
  const fusedPw = pairwise && !direct && reprOf(A) !== 'cplx';
  const innerMode = (k: number): 'u' | 'z' | 'g' => {
    const st = plan.strides[k][L - 1];
    return st === 1 ? 'u' : st === 0 ? 'z' : 'g';
  };
  const modes = fusedPw ? lin.leaves.map((_, j) => innerMode(j + 1)).join('') : '';
  const sig = `R${kind}|${lin.sig}|${A}|N${L}|${innerReduce ? (direct ? 'd' : pairwise ? `p${modes}` : chunkedInt ? 'c' : 'i') : 'e'}|${lin.result}`;
  let kernel = cache.get(sig);
  if (kernel === undefined) {
    const lines = prologue(nOps, L, lin, false);
    const cplx = reprOf(A) === 'cplx';
    const value = (ptr: (k: number) => string): string[] => [
      ...lin.leaves.map((_, j) => load(lin, j + 1, ptr(j + 1))),
      ...lin.body,
      castStmt(root.dtype, A, 'val', lin.result),
    ];
    const accLoad = (p: string) => (cplx ? `let accr = D0[${p}], acci = D0[${p} + 1];` : `let acc = D0[${p}];`);
    const accStore = (p: string) => (cplx ? `D0[${p}] = accr; D0[${p} + 1] = acci;` : `D0[${p}] = acc;`);
    const accSet = cplx ? 'accr = tr; acci = ti;' : 'acc = t;';
    const perElement = (ptr: (k: number) => string): string[] => [
      ...value(ptr),
      cplx ? `const ar = D0[${ptr(0)}], ai = D0[${ptr(0)} + 1];` : `const a = D0[${ptr(0)}];`,
      combineStmt(kind, A, 't', 'a', 'val'),
      cplx ? `D0[${ptr(0)}] = tr; D0[${ptr(0)} + 1] = ti;` : `D0[${ptr(0)}] = t;`,
    ];
    let innerLoop: ((ptr: (k: number) => string, step: string) => string[]) | null = null;
    const d = L - 1;
    if (direct) {
      innerLoop = (ptr) => {
        const p0 = ptr(0);
        if (A === 'float64') return [`D0[${p0}] = D0[${p0}] + H.pw64(D1, ${ptr(1)}, n${d}, s1_${d});`];
        if (A === 'float32') return [`D0[${p0}] = Math.fround(D0[${p0}] + H.pw32(D1, ${ptr(1)}, n${d}, s1_${d}));`];
        const f = A === 'complex64' ? 'Math.fround' : '';
        return [
          `const ct = [0, 0]; H.pwc(D1, ${ptr(1)} >> 1, n${d}, s1_${d} >> 1, ct, 0);`,
          `D0[${p0}] = ${f}(D0[${p0}] + ct[0]); D0[${p0} + 1] = ${f}(D0[${p0} + 1] + ct[1]);`,
        ];
      };
    } else if (pairwise && !cplx) {
      // NumPy's pairwise summation evaluated directly on the expression (no temporary): the same
      // tree as kernels/pairwise.ts over the values the expression would have materialised
      const f = (e: string) => (A === 'float32' ? `Math.fround(${e})` : `(${e})`);
      const leafIdx = lin.leaves.map((_, j) => j + 1);
      const qs = leafIdx.map((k) => `q${k}`).join(', ');
      const at = (i: string) => (k: number) => {
        const m = innerMode(k);
        return m === 'u' ? `(q${k} + ${i})` : m === 'z' ? `q${k}` : `(q${k} + (${i}) * s${k}_${d})`;
      };
      const half = (k: number): string => {
        const m = innerMode(k);
        return m === 'u' ? `q${k} + n2` : m === 'z' ? `q${k}` : `q${k} + n2 * s${k}_${d}`;
      };
      const valAt = (i: string, target: string, init: boolean): string =>
        `{ ${value(at(i)).join(' ')} ${init ? `${target} = val;` : `${target} = ${f(`${target} + val`)};`} }`;
      const rs = Array.from({ length: 8 }, (_, j) => `r${j}`);
      lines.push(
        `const PW = (${qs}${qs ? ', ' : ''}n) => {`,
        `if (n < 8) { let res = 0; for (let i = 0; i < n; i++) ${valAt('i', 'res', false)} return res; }`,
        `if (n <= 128) {`,
        `let ${rs.join(' = 0, ')} = 0;`,
        ...rs.map((r, j) => valAt(String(j), r, true)),
        `const end = n - (n % 8); let i = 8;`,
        `for (; i < end; i += 8) { ${rs.map((r, j) => valAt(`i + ${j}`, r, false)).join(' ')} }`,
        `let res = ${f(`${f(`${f('r0 + r1')} + ${f('r2 + r3')}`)} + ${f(`${f('r4 + r5')} + ${f('r6 + r7')}`)}`)};`,
        `for (; i < n; i++) ${valAt('i', 'res', false)}`,
        `return res; }`,
        `let n2 = Math.floor(n / 2); n2 -= n2 % 8;`,
        `return ${f(`PW(${qs}${qs ? ', ' : ''}n2) + PW(${leafIdx.map(half).join(', ')}${qs ? ', ' : ''}n - n2)`)};`,
        `};`,
      );
      innerLoop = (ptr) => [`D0[${ptr(0)}] = ${f(`D0[${ptr(0)}] + PW(${leafIdx.map((k) => ptr(k)).join(', ')}${qs ? ', ' : ''}n${d})`)};`];
    } else if (chunkedInt) {
      innerLoop = (ptr, step) => [
        `let acc = D0[${ptr(0)}];`,
        `for (let c = 0; c < n${d}; c += ${INT_CHUNK}) {`,
        `const m = n${d} - c < ${INT_CHUNK} ? n${d} - c : ${INT_CHUNK};`,
        `let sn = 0;`,
        `for (let j = 0; j < m; j++) {`,
        ...lin.leaves.map((_, j) => load(lin, j + 1, ptr(j + 1))),
        ...lin.body,
        `sn += ${lin.result};`,
        step,
        `}`,
        `acc = ${wrap(A, 'acc + BigInt(sn)')};`,
        `}`,
        `D0[${ptr(0)}] = acc;`,
      ];
    } else if (innerReduce) {
      innerLoop = (ptr, step) => [
        accLoad(ptr(0)),
        `const q = ${ptr(0)};`,
        `for (let i${d} = 0; i${d} < n${d}; i${d}++) {`,
        ...value(ptr),
        combineStmt(kind, A, 't', cplx ? 'acc' : 'acc', 'val'),
        accSet,
        step,
        `}`,
        accStore('q'),
      ];
    }
    lines.push(...nest(nOps, L, perElement, innerLoop));
    kernel = compile(sig, lines.join('\n'));
  }
  run(kernel, lin, ops, plan);
}
