/**
 * A WebAssembly SIMD (128-bit, f64x2) macro-kernel for the float64 GEMM in matmul.ts, assembled
 * from bytes at load time (no build step, no binary in the repo). It computes, for `tiles`
 * consecutive 4-row panels of packed A and one 4-column panel of packed B (the layouts of
 * matmul.ts's packers), C[4x4 tile] += A_panel · B_panel, with C a row-major float64 block of
 * `ldcBytes` bytes per row inside the module's own memory.
 *
 * Exported signature: macro(kc, tiles, apByteOffset, bpByteOffset, cByteOffset, ldcBytes).
 * `loadGemmWasm()` returns undefined when this engine has no WebAssembly SIMD, so callers fall
 * back to the JavaScript micro-kernel.
 */

/** The part of a WebAssembly.Memory used here (the project's TypeScript lib has no WebAssembly types). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(deltaPages: number): number;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

/** The instantiated kernel and its memory. */
export interface GemmWasm {
  readonly memory: WasmMemory;
  readonly macro: (kc: number, tiles: number, ap: number, bp: number, c: number, ldcBytes: number) => void;
}

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function name(s: string): number[] {
  return [...uleb(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))];
}

// Opcodes used.
const I32 = 0x7f;
const V128 = 0x7b;
const BLOCK = 0x02;
const LOOP = 0x03;
const END = 0x0b;
const BR = 0x0c;
const BR_IF = 0x0d;
const LGET = 0x20;
const LSET = 0x21;
const I32_CONST = 0x41;
const I32_EQZ = 0x45;
const I32_ADD = 0x6a;
const I32_SUB = 0x6b;
const F64_LOAD = 0x2b;
const SIMD = 0xfd;
const v128Load = (offset: number): number[] => [SIMD, 0x00, 3, ...uleb(offset)];
const v128Store = (offset: number): number[] => [SIMD, 0x0b, 3, ...uleb(offset)];
const f64x2Splat = [SIMD, 0x14];
const f64x2Add = [SIMD, ...uleb(240)];
const f64x2Mul = [SIMD, ...uleb(242)];
const v128Zero = [SIMD, 0x0c, ...new Array<number>(16).fill(0)];

// Parameters and locals.
const KC = 0;
const TILES = 1;
const AP = 2;
const BP = 3;
const C = 4;
const LDC = 5;
const P = 6;
const PB = 7;
const ACC = 8; // 8 accumulators: row i, columns 0-1 at ACC+2i, columns 2-3 at ACC+2i+1
const B01 = 16;
const B23 = 17;
const A = 18;
const CROW = 19; // i32: the current C row (declared after the v128 locals)

function body(): number[] {
  const code: number[] = [];
  const emit = (...b: number[]): void => {
    code.push(...b);
  };
  emit(BLOCK, 0x40, LOOP, 0x40);
  emit(LGET, TILES, I32_EQZ, BR_IF, 1);
  for (let k = 0; k < 8; k++) emit(...v128Zero, LSET, ACC + k);
  emit(LGET, BP, LSET, PB, LGET, KC, LSET, P);
  emit(LOOP, 0x40);
  emit(LGET, PB, ...v128Load(0), LSET, B01, LGET, PB, ...v128Load(16), LSET, B23);
  for (let i = 0; i < 4; i++) {
    emit(LGET, AP, F64_LOAD, 3, ...uleb(8 * i), ...f64x2Splat, LSET, A);
    emit(LGET, ACC + 2 * i, LGET, A, LGET, B01, ...f64x2Mul, ...f64x2Add, LSET, ACC + 2 * i);
    emit(LGET, ACC + 2 * i + 1, LGET, A, LGET, B23, ...f64x2Mul, ...f64x2Add, LSET, ACC + 2 * i + 1);
  }
  emit(LGET, AP, I32_CONST, 32, I32_ADD, LSET, AP);
  emit(LGET, PB, I32_CONST, 32, I32_ADD, LSET, PB);
  emit(LGET, P, I32_CONST, 1, I32_SUB, LSET, P, LGET, P, BR_IF, 0);
  emit(END);
  // C tile += accumulators
  emit(LGET, C, LSET, CROW);
  for (let i = 0; i < 4; i++) {
    for (let h = 0; h < 2; h++) {
      emit(LGET, CROW, LGET, CROW, ...v128Load(16 * h), LGET, ACC + 2 * i + h, ...f64x2Add, ...v128Store(16 * h));
    }
    emit(LGET, CROW, LGET, LDC, I32_ADD, LSET, CROW);
  }
  emit(LGET, CROW, LSET, C);
  emit(LGET, TILES, I32_CONST, 1, I32_SUB, LSET, TILES, BR, 0);
  emit(END, END);
  // locals: P, PB as i32 (6, 7); 11 v128 (8..18); CROW as i32 (19)
  const locals = [3, ...uleb(2), I32, ...uleb(11), V128, ...uleb(1), I32];
  const fn = [...locals, ...code, END];
  return [...uleb(fn.length), ...fn];
}

function moduleBytes(initialPages: number): Uint8Array {
  const type = section(1, [1, 0x60, 6, I32, I32, I32, I32, I32, I32, 0]);
  const funcs = section(3, [1, 0]);
  const mem = section(5, [1, 0x00, ...uleb(initialPages)]);
  const exports = section(7, [2, ...name('macro'), 0x00, 0, ...name('mem'), 0x02, 0]);
  const code = section(10, [1, ...body()]);
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...type, ...funcs, ...mem, ...exports, ...code]);
}

let cached: GemmWasm | undefined | null = null;

/** Compile and instantiate the kernel once (synchronously); undefined without WebAssembly SIMD. */
export function loadGemmWasm(): GemmWasm | undefined {
  if (cached !== null) return cached;
  try {
    const bytes = moduleBytes(16);
    const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (!wasm) return (cached = undefined);
    const instance = new wasm.Instance(new wasm.Module(bytes), {});
    const ex = instance.exports as { macro: GemmWasm['macro']; mem: WasmMemory };
    cached = { memory: ex.mem, macro: ex.macro };
  } catch {
    cached = undefined;
  }
  return cached;
}
