/**
 * The reference contender: NumPy in CPython. A `python3` subprocess runs bench/numpy_workloads.py,
 * which builds the same inputs and times the same workloads itself with time.perf_counter under the
 * same repetition policy. The harness sends it one case at a time, just before the JavaScript
 * contenders run that case (never alongside them), so every ratio compares figures measured under
 * the same machine load. Its JSON lines are validated with zod.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { RepPolicy } from './measure.js';
import { findUpwards } from './packages.js';
import type { UserPolicy } from './user/measure.js';
import { USER_MODULI, type UserCaseSpec, type UserSizes } from './user/workloads.js';
import { INPUT_MODULI, type CaseSpec, type Sizes } from './workloads.js';

const InfoSchema = z.object({ python: z.string(), implementation: z.string(), numpy: z.string(), blas: z.string() });
const ResultSchema = z.union([
  z.object({
    key: z.string(),
    samples: z.array(z.number().nonnegative()).min(1),
    checksum: z.number(),
    cold: z.boolean(),
    /** Runs per timed batch (user-style cases). */
    batch: z.number().int().positive().optional(),
  }),
  z.object({ key: z.string(), error: z.string() }),
]);
export type NumpyInfo = z.infer<typeof InfoSchema>;
export type NumpyResult = z.infer<typeof ResultSchema>;

export const NUMPY_SCRIPT = 'bench/numpy_workloads.py';

/** The Python executable: $NDBRIDGE_PYTHON, else python3 on the PATH. */
export const pythonExecutable = (): string => process.env.NDBRIDGE_PYTHON ?? 'python3';

export class NumpyWorker {
  private readonly waiting: ((line: string | Error) => void)[] = [];
  private readonly lines: string[] = [];
  private failure: Error | undefined;
  private stderr = '';

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly describe: string,
  ) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const w = this.waiting.shift();
      if (w) w(line);
      else this.lines.push(line);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      this.stderr = (this.stderr + d).slice(-4000);
    });
    const fail = (err: Error): void => {
      this.failure ??= err;
      for (const w of this.waiting.splice(0)) w(this.failure);
    };
    child.on('error', (e) => fail(new Error(`cannot run ${describe} (${e.message}); set NDBRIDGE_PYTHON to a Python with NumPy`)));
    child.on('close', (code) => {
      const last = this.stderr.trim().split('\n').slice(-1)[0] ?? '';
      fail(new Error(`${describe} exited with ${code}${last ? `: ${last}` : ''}`));
    });
  }

  /** Starts the subprocess and reads its versions line. Resolves to a reason string when it cannot. */
  static async start(python: string = pythonExecutable()): Promise<{ worker: NumpyWorker; info: NumpyInfo } | string> {
    const script = findUpwards(NUMPY_SCRIPT);
    if (script === undefined) return `${NUMPY_SCRIPT} not found above ${import.meta.url}`;
    const worker = new NumpyWorker(spawn(python, [script], { stdio: ['pipe', 'pipe', 'pipe'] }), `${python} ${script}`);
    try {
      const info = InfoSchema.safeParse(JSON.parse(await worker.nextLine()));
      if (!info.success) {
        worker.close();
        return `unexpected first line from ${NUMPY_SCRIPT}: ${info.error.message}`;
      }
      return { worker, info: info.data };
    } catch (err) {
      worker.close();
      return err instanceof Error ? err.message : String(err);
    }
  }

  private nextLine(): Promise<string> {
    const ready = this.lines.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push((line) => (line instanceof Error ? reject(line) : resolve(line)));
    });
  }

  /** Runs one case in Python; resolves to its samples and checksum, or to an error reason. */
  async runCase(spec: CaseSpec, sizes: Sizes, policy: RepPolicy): Promise<NumpyResult> {
    const job = { case: { key: spec.key, workload: spec.workload, size: spec.size }, sizes, moduli: INPUT_MODULI, policy };
    return this.send(spec.key, job);
  }

  /** Runs one user-style case (bench/numpy_user.py), timed as bench/user/measure.ts times fast. */
  async runUserCase(spec: UserCaseSpec, sizes: UserSizes, policy: UserPolicy): Promise<NumpyResult> {
    const job = { suite: 'user', case: { key: spec.key, workload: spec.workload, size: spec.size }, sizes, moduli: USER_MODULI, policy };
    return this.send(spec.key, job);
  }

  private async send(key: string, job: object): Promise<NumpyResult> {
    if (this.failure) return { key, error: this.failure.message };
    this.child.stdin.write(`${JSON.stringify(job)}\n`);
    try {
      const parsed = ResultSchema.safeParse(JSON.parse(await this.nextLine()));
      if (!parsed.success) return { key, error: `unexpected result line from ${NUMPY_SCRIPT}: ${parsed.error.message}` };
      return parsed.data;
    } catch (err) {
      return { key, error: err instanceof Error ? err.message : String(err) };
    }
  }

  /** Closes stdin; the script exits at end of input. */
  close(): void {
    this.child.stdin.end();
  }
}
