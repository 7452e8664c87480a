/**
 * Test support for the kernel tests: runs a Python script with NumPy in a `python3` child process
 * and returns its JSON output. Floats travel as hex of their IEEE-754 float64 bits so NaN payload
 * sign, infinities and -0.0 survive the trip. Not used by the runtime itself.
 */
import { execFileSync } from 'node:child_process';

/** Run `script` with `python3 -c`, feeding `input` as JSON on stdin; the script prints one JSON document. */
export function runNumpy<T = unknown>(script: string, input: unknown = null): T {
  const prelude = 'import sys, json, struct\nimport numpy as np\nINPUT = json.loads(sys.stdin.read())\n' +
    'def h(v):\n    return struct.pack("<d", float(v)).hex()\n' +
    'def hs(arr):\n    return np.ascontiguousarray(np.asarray(arr, dtype=np.float64)).tobytes().hex()\n' +
    'def unh(s, dt=np.float64):\n    return np.frombuffer(bytes.fromhex(s), dtype=np.float64).astype(dt)\n';
  const out = execFileSync('python3', ['-c', prelude + script], {
    input: JSON.stringify(input),
    maxBuffer: 1 << 28,
    encoding: 'utf8',
  });
  return JSON.parse(out) as T;
}

/** One float64 from 16 hex digits (little-endian bytes, as Python's `struct.pack('<d', v).hex()`). */
export function hexToF64(hex: string): number {
  return Buffer.from(hex, 'hex').readDoubleLE(0);
}

/** A Float64Array from a hex string of little-endian float64s. */
export function hexToF64Array(hex: string): Float64Array {
  // Copy the bytes (not the values) so NaN signs and payloads are kept exactly.
  const bytes = Uint8Array.from(Buffer.from(hex, 'hex'));
  return new Float64Array(bytes.buffer, 0, bytes.length / 8);
}

/** Hex of the little-endian float64 bits of each value (the inverse of {@link hexToF64Array}). */
export function f64ArrayToHex(values: ArrayLike<number>): string {
  const b = Buffer.alloc(values.length * 8);
  for (let i = 0; i < values.length; i++) b.writeDoubleLE(values[i], 8 * i);
  return b.toString('hex');
}

/** Bits of a float64 as a 16-digit hex string, for exact comparisons that distinguish -0.0 and NaNs. */
export function f64Bits(v: number): string {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(v, 0);
  return b.toString('hex');
}
