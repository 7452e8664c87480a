/**
 * The reference contender: NumPy in CPython. A `python3` subprocess runs bench/numpy_workloads.py,
 * which builds the same inputs, times the same workloads itself with time.perf_counter under the
 * same repetition policy, and reports JSON (validated here with zod).
 */
import { spawn } from 'node:child_process';
import { z } from 'zod';
import type { RepPolicy } from './measure.js';
import { findUpwards } from './packages.js';
import { INPUT_MODULI, type CaseSpec, type Sizes } from './workloads.js';

const ResultSchema = z.object({ samples: z.array(z.number().nonnegative()).min(1), checksum: z.number(), cold: z.boolean() });
const OutputSchema = z.object({
  python: z.string(),
  implementation: z.string(),
  numpy: z.string(),
  blas: z.string(),
  results: z.record(z.string(), ResultSchema),
});
export type NumpyOutput = z.infer<typeof OutputSchema>;

export const NUMPY_SCRIPT = 'bench/numpy_workloads.py';

/** The Python executable: $NDBRIDGE_PYTHON, else python3 on the PATH. */
export const pythonExecutable = (): string => process.env.NDBRIDGE_PYTHON ?? 'python3';

export interface NumpyRun {
  readonly ok: true;
  readonly output: NumpyOutput;
}
export interface NumpyFailure {
  readonly ok: false;
  readonly reason: string;
}

/** Runs every case in one subprocess (cases run one after another, never alongside the Node contenders). */
export async function runNumpy(
  cases: readonly CaseSpec[],
  sizes: Sizes,
  policy: RepPolicy,
  python: string = pythonExecutable(),
): Promise<NumpyRun | NumpyFailure> {
  const script = findUpwards(NUMPY_SCRIPT);
  if (script === undefined) return { ok: false, reason: `${NUMPY_SCRIPT} not found above ${import.meta.url}` };
  const job = JSON.stringify({
    cases: cases.map((c) => ({ key: c.key, workload: c.workload, size: c.size })),
    sizes,
    moduli: INPUT_MODULI,
    policy,
  });
  const { code, stdout, stderr, spawnError } = await new Promise<{
    code: number | null;
    stdout: string;
    stderr: string;
    spawnError?: Error;
  }>((resolve) => {
    const child = spawn(python, [script], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', (e) => resolve({ code: null, stdout: out, stderr: err, spawnError: e }));
    child.on('close', (c) => resolve({ code: c, stdout: out, stderr: err }));
    child.stdin.end(job);
  });
  if (spawnError) {
    return { ok: false, reason: `cannot run ${python} (${spawnError.message}); set NDBRIDGE_PYTHON to a Python with NumPy` };
  }
  if (code !== 0) {
    const last = stderr.trim().split('\n').slice(-1)[0] ?? '';
    return { ok: false, reason: `${python} ${script} exited with ${code}: ${last}` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return { ok: false, reason: `${python} ${script} printed no JSON: ${stdout.slice(0, 200)}` };
  }
  const result = OutputSchema.safeParse(parsed);
  if (!result.success) return { ok: false, reason: `unexpected output of ${script}: ${result.error.message}` };
  return { ok: true, output: result.data };
}
