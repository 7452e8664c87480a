/**
 * The oracle: NumPy's answer for each trial, computed from the Python expression of the case. Two
 * engines run the same Python prelude: the embedded interpreter (compat.evaluate, the normal path: one
 * interpreter in this process) and a `python3` subprocess (when compat is unavailable, and for tests of
 * the suite itself).
 */
import { execFileSync } from 'node:child_process';
import { z } from 'zod';
import { EncodedSchema, type Encoded } from '../values.js';
import { ORACLE_MODULE, PRELUDE } from './prelude.js';

export interface OracleRequest {
  readonly py: string;
  readonly inputs: Readonly<Record<string, { dtype: string; shape: readonly number[]; hex: string; view?: string }>>;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** `typeError`: NumPy's exception is a TypeError (Python's binding errors, ufunc casting and loop errors). */
export type OracleAnswer = { readonly ok: Encoded } | { readonly raised: string; readonly message: string; readonly typeError?: boolean };

const AnswersSchema = z.array(
  z.union([z.object({ ok: EncodedSchema }), z.object({ raised: z.string(), message: z.string(), typeError: z.boolean().optional() })]),
);

export interface Oracle {
  /** e.g. "embedded NumPy 2.4.6 (compat)" or "python3 subprocess (NumPy 2.4.6)". */
  readonly description: string;
  run(requests: readonly OracleRequest[]): OracleAnswer[];
}

function parseAnswers(text: string, expected: number): OracleAnswer[] {
  const answers = AnswersSchema.parse(JSON.parse(text));
  if (answers.length !== expected) throw new Error(`oracle answered ${answers.length} of ${expected} requests`);
  return answers;
}

const BATCH = 400;

type Evaluate = (expr: string, vars?: Record<string, unknown>) => unknown;

/** Install the prelude as the module `_ndbridge_oracle` in the embedded interpreter (once). */
export function ensureOracleModule(evaluate: Evaluate): void {
  const install =
    `__import__('sys').modules.get('${ORACLE_MODULE}') or ` +
    `(lambda m: (exec(src, m.__dict__), __import__('sys').modules.__setitem__('${ORACLE_MODULE}', m), 'ok')[2])` +
    `(__import__('types').ModuleType('${ORACLE_MODULE}'))`;
  evaluate(install, { src: PRELUDE });
}

/** The oracle on compat's embedded interpreter. `evaluate` is compat's `evaluate(expr, vars)`. */
export function embeddedOracle(evaluate: Evaluate, numpyVersion: string): Oracle {
  let installed = false;
  return {
    description: `NumPy ${numpyVersion}, embedded through compat`,
    run(requests) {
      if (!installed) {
        ensureOracleModule(evaluate);
        installed = true;
      }
      const out: OracleAnswer[] = [];
      for (let i = 0; i < requests.length; i += BATCH) {
        const chunk = requests.slice(i, i + BATCH);
        const text = evaluate(`__import__('${ORACLE_MODULE}').run_batch(req)`, { req: JSON.stringify(chunk) });
        if (typeof text !== 'string') throw new Error(`the embedded oracle returned ${typeof text}, expected a JSON string`);
        out.push(...parseAnswers(text, chunk.length));
      }
      return out;
    },
  };
}

/** The oracle in a child process: NDBRIDGE_PYTHON when it works, else python3 on PATH. */
export function subprocessOracle(candidates: readonly string[] = [process.env.NDBRIDGE_PYTHON, 'python3'].filter((p): p is string => !!p)): Oracle {
  const problems: string[] = [];
  for (const python of candidates) {
    let version: string;
    try {
      version = execFileSync(python, ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    } catch (e) {
      problems.push(`${python}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      continue;
    }
    return {
      description: `${python} subprocess (NumPy ${version})`,
      run(requests) {
        const script = `${PRELUDE}\nimport sys\nsys.stdout.write(run_batch(sys.stdin.read()))\n`;
        const text = execFileSync(python, ['-c', script], { input: JSON.stringify(requests), encoding: 'utf8', maxBuffer: 1 << 30 });
        return parseAnswers(text, requests.length);
      },
    };
  }
  throw new Error(`no Python with NumPy for the oracle (${problems.join('; ')})`);
}
