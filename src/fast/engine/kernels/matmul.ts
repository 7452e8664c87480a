/**
 * Matrix multiplication kernels: C = A·B for A (m x k) and B (k x n) given by (offset, rowStride,
 * colStride) in ELEMENTS of their typed arrays (any strides, negative and zero included), and C a
 * C-contiguous m x n block starting at `cOffset` (row stride n).
 *
 * float64 and float32 use a cache-blocked GEMM in the style of BLIS/GotoBLAS: B is packed into
 * KC x NR column panels and A into MC x KC row panels of contiguous float64 scratch, and a 4x4
 * register-blocked micro-kernel (16 accumulators in locals) runs over the panels. float32 inputs
 * are packed as float64, accumulated in float64 and rounded once to float32 at the end (at least as
 * accurate as NumPy's sgemm, not bit-identical to it). Integer dtypes wrap as NumPy does (int32
 * family with Math.imul, 64-bit with BigInt), bool is OR of ANDs, complex is the direct sum.
 */
import type { DTypeName } from '../../../common/dtypes.js';
import { DTypeError, ValueError } from '../../../common/errors.js';
import { type GemmWasm, loadGemmWasm } from './gemm-wasm.js';
import type { KernelArray } from './types.js';

export type { KernelArray } from './types.js';

/** A 2-d strided view into a typed array; everything in elements (complex: complex elements). */
export interface StridedMatrix<T extends KernelArray = KernelArray> {
  readonly data: T;
  readonly offset: number;
  readonly rowStride: number;
  readonly colStride: number;
}

const MR = 4;
const NR = 4;
const MC = 64;
const KC = 256;
const NC = 4096;

let packA = new Float64Array(MC * KC);
let packB = new Float64Array(KC * NR * 8);
let scratchC = new Float64Array(0);

function ensurePackB(size: number): Float64Array {
  if (packB.length < size) packB = new Float64Array(size);
  return packB;
}

/**
 * C[cOffset + i*n + j] = sum_p A[i,p]·B[p,j] for float64 (or float32-valued) inputs, written to a
 * Float64Array: the blocked GEMM core shared by float64 and float32. Uses the WebAssembly SIMD
 * macro-kernel (gemm-wasm.ts) when the engine has it, else {@link gemmF64Js}; both pack the same
 * panels and sum each dot product in the same order (k ascending per KC block), so they agree;
 * small products (k <= 256, m·n·k <= 32768) take a direct loop with that same order. `c` must not
 * overlap `a` or `b`.
 * @param m rows of A and C
 * @param n columns of B and C
 * @param k columns of A = rows of B
 * @param a, aOff, aRs, aCs A's data, offset of A[0,0], row stride, column stride (elements)
 * @param b, bOff, bRs, bCs same for B
 * @param c output (C-contiguous m x n block at cOff, row stride n); overwritten
 */
export function gemmF64(
  m: number,
  n: number,
  k: number,
  a: Float64Array | Float32Array,
  aOff: number,
  aRs: number,
  aCs: number,
  b: Float64Array | Float32Array,
  bOff: number,
  bRs: number,
  bCs: number,
  c: Float64Array,
  cOff: number,
): void {
  if (k <= KC && m * n * k <= SMALL) {
    gemmSmallF64(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff);
    return;
  }
  const w = loadGemmWasm();
  if (w && m > 0 && n > 0 && k > 0 && gemmF64Wasm(w, m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff)) return;
  gemmF64Js(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff);
}

// Below this many multiply-adds packing costs more than it saves (batches of small matrices).
const SMALL = 32768;

// Direct i-p-j loop for small products. With k <= KC every C element is summed in the same order
// (p ascending from 0) as the blocked kernels, so the results are bit-identical to theirs.
function gemmSmallF64(
  m: number,
  n: number,
  k: number,
  a: Float64Array | Float32Array,
  aOff: number,
  aRs: number,
  aCs: number,
  b: Float64Array | Float32Array,
  bOff: number,
  bRs: number,
  bCs: number,
  c: Float64Array,
  cOff: number,
): void {
  c.fill(0, cOff, cOff + m * n);
  for (let i = 0; i < m; i++) {
    const row = cOff + i * n;
    for (let p = 0; p < k; p++) {
      const av = a[aOff + i * aRs + p * aCs];
      const bo = bOff + p * bRs;
      for (let j = 0; j < n; j++) c[row + j] += av * b[bo + j * bCs];
    }
  }
}

const roundUp4 = (x: number): number => (x + 3) & ~3;

// Rows of C accumulated in WebAssembly memory at a time (a multiple of MC): bounds that memory to
// MB x NC doubles (8 MiB) plus the packed panels, whatever the matrix size.
const MB = 256;

// The WebAssembly path: packed panels and a block of C live in the module's memory (which keeps
// its size afterwards, at most about 17 MiB). Returns false (having written nothing) when that
// memory cannot grow enough, so the caller falls back to JavaScript.
function gemmF64Wasm(
  w: GemmWasm,
  m: number,
  n: number,
  k: number,
  a: Float64Array | Float32Array,
  aOff: number,
  aRs: number,
  aCs: number,
  b: Float64Array | Float32Array,
  bOff: number,
  bRs: number,
  bCs: number,
  c: Float64Array,
  cOff: number,
): boolean {
  const ldc = roundUp4(Math.min(NC, n));
  const bpBytes = MC * KC * 8;
  const cBytes = bpBytes + KC * ldc * 8;
  const total = cBytes + Math.min(MB, roundUp4(m)) * ldc * 8;
  const have = w.memory.buffer.byteLength;
  if (have < total) {
    try {
      w.memory.grow(Math.ceil((total - have) / 65536));
    } catch {
      return false;
    }
  }
  const F = new Float64Array(w.memory.buffer);
  const c0 = cBytes / 8;
  for (let ib = 0; ib < m; ib += MB) {
    const mb = Math.min(MB, m - ib);
    for (let jc = 0; jc < n; jc += NC) {
      const nc = Math.min(NC, n - jc);
      F.fill(0, c0, c0 + roundUp4(mb) * ldc);
      for (let pc = 0; pc < k; pc += KC) {
        const kc = Math.min(KC, k - pc);
        packPanelsB(b, bOff + pc * bRs + jc * bCs, bRs, bCs, kc, nc, F, bpBytes / 8);
        for (let ic = 0; ic < mb; ic += MC) {
          const mc = Math.min(MC, mb - ic);
          packPanelsA(a, aOff + (ib + ic) * aRs + pc * aCs, aRs, aCs, mc, kc, F, 0);
          const tiles = (mc + MR - 1) >> 2;
          for (let j = 0; j < nc; j += NR) {
            w.macro(kc, tiles, 0, bpBytes + (j / NR) * kc * NR * 8, cBytes + (ic * ldc + j) * 8, ldc * 8);
          }
        }
      }
      for (let i = 0; i < mb; i++) c.set(F.subarray(c0 + i * ldc, c0 + i * ldc + nc), cOff + (ib + i) * n + jc);
    }
  }
  return true;
}

/** The same blocked GEMM with the JavaScript 4x4 micro-kernel (no WebAssembly). */
export function gemmF64Js(
  m: number,
  n: number,
  k: number,
  a: Float64Array | Float32Array,
  aOff: number,
  aRs: number,
  aCs: number,
  b: Float64Array | Float32Array,
  bOff: number,
  bRs: number,
  bCs: number,
  c: Float64Array,
  cOff: number,
): void {
  c.fill(0, cOff, cOff + m * n);
  if (m === 0 || n === 0 || k === 0) return;
  const Ap = packA;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    const Bp = ensurePackB(KC * (nc + NR));
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      packPanelsB(b, bOff + pc * bRs + jc * bCs, bRs, bCs, kc, nc, Bp);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        packPanelsA(a, aOff + ic * aRs + pc * aCs, aRs, aCs, mc, kc, Ap);
        for (let j = 0; j < nc; j += NR) {
          const w = Math.min(NR, nc - j);
          const bp = (j / NR) * kc * NR;
          for (let i = 0; i < mc; i += MR) {
            micro4x4(kc, Ap, (i / MR) * kc * MR, Bp, bp, c, cOff + (ic + i) * n + jc + j, n, Math.min(MR, mc - i), w);
          }
        }
      }
    }
  }
}

// B[p, j] for p < kc, j < nc packed as ceil(nc/NR) panels, each kc rows of NR values (zero padded).
function packPanelsB(
  b: Float64Array | Float32Array,
  off: number,
  rs: number,
  cs: number,
  kc: number,
  nc: number,
  Bp: Float64Array,
  q0 = 0,
): void {
  let q = q0;
  for (let j = 0; j < nc; j += NR) {
    const w = Math.min(NR, nc - j);
    for (let p = 0; p < kc; p++) {
      const base = off + p * rs + j * cs;
      if (w === NR) {
        Bp[q] = b[base];
        Bp[q + 1] = b[base + cs];
        Bp[q + 2] = b[base + 2 * cs];
        Bp[q + 3] = b[base + 3 * cs];
        q += NR;
      } else {
        let jj = 0;
        for (; jj < w; jj++) Bp[q++] = b[base + jj * cs];
        for (; jj < NR; jj++) Bp[q++] = 0;
      }
    }
  }
}

// A[i, p] for i < mc, p < kc packed as ceil(mc/MR) panels, each kc columns of MR values (zero padded).
function packPanelsA(
  a: Float64Array | Float32Array,
  off: number,
  rs: number,
  cs: number,
  mc: number,
  kc: number,
  Ap: Float64Array,
  q0 = 0,
): void {
  let q = q0;
  for (let i = 0; i < mc; i += MR) {
    const h = Math.min(MR, mc - i);
    for (let p = 0; p < kc; p++) {
      const base = off + i * rs + p * cs;
      if (h === MR) {
        Ap[q] = a[base];
        Ap[q + 1] = a[base + rs];
        Ap[q + 2] = a[base + 2 * rs];
        Ap[q + 3] = a[base + 3 * rs];
        q += MR;
      } else {
        let ii = 0;
        for (; ii < h; ii++) Ap[q++] = a[base + ii * rs];
        for (; ii < MR; ii++) Ap[q++] = 0;
      }
    }
  }
}

// C[co + i*ldc + j] += sum_p Ap[ap + p*4 + i] * Bp[bp + p*4 + j] for i < h, j < w.
function micro4x4(
  kc: number,
  Ap: Float64Array,
  ap: number,
  Bp: Float64Array,
  bp: number,
  c: Float64Array,
  co: number,
  ldc: number,
  h: number,
  w: number,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let p = 0; p < kc; p++, ap += 4, bp += 4) {
    const a0 = Ap[ap], a1 = Ap[ap + 1], a2 = Ap[ap + 2], a3 = Ap[ap + 3];
    const b0 = Bp[bp], b1 = Bp[bp + 1], b2 = Bp[bp + 2], b3 = Bp[bp + 3];
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
  }
  if (h === 4 && w === 4) {
    c[co] += c00; c[co + 1] += c01; c[co + 2] += c02; c[co + 3] += c03;
    co += ldc;
    c[co] += c10; c[co + 1] += c11; c[co + 2] += c12; c[co + 3] += c13;
    co += ldc;
    c[co] += c20; c[co + 1] += c21; c[co + 2] += c22; c[co + 3] += c23;
    co += ldc;
    c[co] += c30; c[co + 1] += c31; c[co + 2] += c32; c[co + 3] += c33;
    return;
  }
  const t = [c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33];
  for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) c[co + i * ldc + j] += t[i * 4 + j];
}

/** float32 C = A·B (see {@link gemmF64}); accumulates in float64, rounds each result once to float32. */
export function gemmF32(
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  aOff: number,
  aRs: number,
  aCs: number,
  b: Float32Array,
  bOff: number,
  bRs: number,
  bCs: number,
  c: Float32Array,
  cOff: number,
): void {
  const size = m * n;
  if (scratchC.length < size) scratchC = new Float64Array(size);
  gemmF64(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, scratchC, 0);
  for (let i = 0; i < size; i++) c[cOff + i] = scratchC[i];
}

/** The textbook triple loop (i, j, p), for tests and benchmarks as the baseline. */
export function naiveGemmF64(
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  aOff: number,
  aRs: number,
  aCs: number,
  b: Float64Array,
  bOff: number,
  bRs: number,
  bCs: number,
  c: Float64Array,
  cOff: number,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[aOff + i * aRs + p * aCs] * b[bOff + p * bRs + j * bCs];
      c[cOff + i * n + j] = s;
    }
  }
}

/**
 * Integer matmul for int8..uint32 (and bool when `logical`): products and sums wrap modulo 2^32
 * with Math.imul, and storing into the output typed array wraps to its width, which equals NumPy's
 * wrapping in the element type. For bool (`logical`), C[i,j] = OR_p (A[i,p] AND B[p,j]).
 */
export function gemmInt32Family(
  m: number,
  n: number,
  k: number,
  a: Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array,
  aOff: number,
  aRs: number,
  aCs: number,
  b: Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array,
  bOff: number,
  bRs: number,
  bCs: number,
  c: Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array,
  cOff: number,
  logical = false,
): void {
  const acc = new Int32Array(n);
  for (let i = 0; i < m; i++) {
    acc.fill(0);
    for (let p = 0; p < k; p++) {
      const av = a[aOff + i * aRs + p * aCs];
      if (av === 0) continue;
      const bo = bOff + p * bRs;
      if (logical) {
        for (let j = 0; j < n; j++) if (b[bo + j * bCs] !== 0) acc[j] = 1;
      } else {
        for (let j = 0; j < n; j++) acc[j] = (acc[j] + Math.imul(av, b[bo + j * bCs])) | 0;
      }
    }
    const co = cOff + i * n;
    for (let j = 0; j < n; j++) c[co + j] = acc[j];
  }
}

/** int64/uint64 matmul with BigInt, wrapping modulo 2^64 as NumPy does. */
export function gemmBigInt(
  m: number,
  n: number,
  k: number,
  a: BigInt64Array | BigUint64Array,
  aOff: number,
  aRs: number,
  aCs: number,
  b: BigInt64Array | BigUint64Array,
  bOff: number,
  bRs: number,
  bCs: number,
  c: BigInt64Array | BigUint64Array,
  cOff: number,
): void {
  const acc: bigint[] = new Array<bigint>(n);
  for (let i = 0; i < m; i++) {
    acc.fill(0n);
    for (let p = 0; p < k; p++) {
      const av = a[aOff + i * aRs + p * aCs];
      if (av === 0n) continue;
      const bo = bOff + p * bRs;
      for (let j = 0; j < n; j++) acc[j] = BigInt.asUintN(64, acc[j] + av * b[bo + j * bCs]);
    }
    // Storing into a BigInt64Array/BigUint64Array reduces modulo 2^64 to its signedness.
    const co = cOff + i * n;
    for (let j = 0; j < n; j++) c[co + j] = acc[j];
  }
}

/**
 * Complex matmul on interleaved data (complex128 in Float64Array, complex64 in Float32Array, which
 * accumulates in float64 and rounds once). Offsets and strides in complex elements.
 */
export function gemmComplex(
  m: number,
  n: number,
  k: number,
  a: Float64Array | Float32Array,
  aOff: number,
  aRs: number,
  aCs: number,
  b: Float64Array | Float32Array,
  bOff: number,
  bRs: number,
  bCs: number,
  c: Float64Array | Float32Array,
  cOff: number,
): void {
  const acc = new Float64Array(2 * n);
  for (let i = 0; i < m; i++) {
    acc.fill(0);
    for (let p = 0; p < k; p++) {
      const ai = 2 * (aOff + i * aRs + p * aCs);
      const ar = a[ai];
      const aim = a[ai + 1];
      const bo = bOff + p * bRs;
      for (let j = 0; j < n; j++) {
        const bi = 2 * (bo + j * bCs);
        const br = b[bi];
        const bim = b[bi + 1];
        acc[2 * j] += ar * br - aim * bim;
        acc[2 * j + 1] += ar * bim + aim * br;
      }
    }
    const co = 2 * (cOff + i * n);
    for (let j = 0; j < 2 * n; j++) c[co + j] = acc[j];
  }
}

/**
 * C = A·B for any fast dtype, dispatching on `dtype` (the dtype of A, B and C alike: promote
 * first). C is the C-contiguous m x n block of `c` at `cOffset`.
 * @throws DTypeError when the arrays do not match the dtype's storage
 */
export function matmul(
  dtype: DTypeName,
  m: number,
  n: number,
  k: number,
  A: StridedMatrix,
  B: StridedMatrix,
  c: KernelArray,
  cOffset: number,
): void {
  checkDims(m, n, k);
  const { data: a, offset: ao, rowStride: ars, colStride: acs } = A;
  const { data: b, offset: bo, rowStride: brs, colStride: bcs } = B;
  switch (dtype) {
    case 'float64':
      if (a instanceof Float64Array && b instanceof Float64Array && c instanceof Float64Array) {
        return gemmF64(m, n, k, a, ao, ars, acs, b, bo, brs, bcs, c, cOffset);
      }
      break;
    case 'float32':
      if (a instanceof Float32Array && b instanceof Float32Array && c instanceof Float32Array) {
        return gemmF32(m, n, k, a, ao, ars, acs, b, bo, brs, bcs, c, cOffset);
      }
      break;
    case 'complex128':
    case 'complex64': {
      const T = dtype === 'complex128' ? Float64Array : Float32Array;
      if (a instanceof T && b instanceof T && c instanceof T) {
        return gemmComplex(m, n, k, a, ao, ars, acs, b, bo, brs, bcs, c, cOffset);
      }
      break;
    }
    case 'int64':
    case 'uint64':
      if (isBig(a) && isBig(b) && isBig(c)) return gemmBigInt(m, n, k, a, ao, ars, acs, b, bo, brs, bcs, c, cOffset);
      break;
    default:
      if (isSmallInt(a) && isSmallInt(b) && isSmallInt(c)) {
        return gemmInt32Family(m, n, k, a, ao, ars, acs, b, bo, brs, bcs, c, cOffset, dtype === 'bool');
      }
  }
  throw new DTypeError(
    `matmul kernel for dtype ${dtype} got storage ${a.constructor.name}, ${b.constructor.name} -> ` +
      `${c.constructor.name}; promote both operands and the output to ${dtype} storage first`,
  );
}

/**
 * Batched C[t] = A[t]·B[t] for t < aOffsets.length: A[t] starts at aOffsets[t] (the view's own
 * offset is ignored), B[t] at bOffsets[t], and C[t] is the contiguous block at cOffset + t*m*n.
 * For broadcast batches pass repeated offsets.
 */
export function matmulBatch(
  dtype: DTypeName,
  m: number,
  n: number,
  k: number,
  A: StridedMatrix,
  aOffsets: ArrayLike<number>,
  B: StridedMatrix,
  bOffsets: ArrayLike<number>,
  c: KernelArray,
  cOffset: number,
): void {
  if (aOffsets.length !== bOffsets.length) {
    throw new ValueError(
      `matmulBatch needs one B offset per A offset, got ${aOffsets.length} A offsets and ${bOffsets.length} B offsets`,
    );
  }
  for (let t = 0; t < aOffsets.length; t++) {
    matmul(
      dtype,
      m,
      n,
      k,
      { data: A.data, offset: aOffsets[t], rowStride: A.rowStride, colStride: A.colStride },
      { data: B.data, offset: bOffsets[t], rowStride: B.rowStride, colStride: B.colStride },
      c,
      cOffset + t * m * n,
    );
  }
}

function checkDims(m: number, n: number, k: number): void {
  for (const [name, v] of [['m', m], ['n', n], ['k', k]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new ValueError(`matmul dimension ${name} must be an integer >= 0, got ${v}`);
  }
}

function isBig(x: KernelArray): x is BigInt64Array | BigUint64Array {
  return x instanceof BigInt64Array || x instanceof BigUint64Array;
}

function isSmallInt(x: KernelArray): x is Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array {
  return (
    x instanceof Int8Array ||
    x instanceof Uint8Array ||
    x instanceof Int16Array ||
    x instanceof Uint16Array ||
    x instanceof Int32Array ||
    x instanceof Uint32Array
  );
}
