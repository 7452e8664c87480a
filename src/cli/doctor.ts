/**
 * `ndbridge doctor`: what compat found (Node, FFI engine, interpreter, Python, NumPy, libpython,
 * NumPy's BLAS) and whether a round trip through the embedded interpreter works. Exits 3 with the
 * fix when something is missing (1 when the round trip gives wrong values).
 */
import { performance } from 'node:perf_hooks';
import { type CommandSpec, EXIT, helpText, parseCommandArgs, UsageError } from './args.js';

interface Check {
  readonly label: string;
  readonly value: string;
  readonly ok: boolean;
}

export const SPEC: CommandSpec = {
  name: 'doctor',
  description: `Checks that compat (NumPy through an embedded CPython) works here: prints Node, the FFI engine
(NDBRIDGE_FFI = koffi | ffi-napi), the interpreter (NDBRIDGE_PYTHON, an active virtual environment
(VIRTUAL_ENV), an active conda environment (CONDA_PREFIX), or python3 on PATH), Python and NumPy
versions, libpython, NumPy's BLAS, and the result of a round trip; when something is missing, the fix.`,
  options: { json: { type: 'boolean', help: 'the checks as JSON on stdout' } },
  footer: 'Exit code 0 when compat works, 3 when it cannot run here (the fix is printed), 1 when the round\ntrip gives wrong values.',
};

const BLAS_EXPR = `(lambda cfg: (lambda b: "%s %s" % (b.get("name", "?"), b.get("version", "")) if b else "unknown")(cfg.get("Build Dependencies", {}).get("blas")))(np.show_config(mode="dicts"))`;

export async function run(argv: readonly string[]): Promise<number> {
  let json: boolean;
  try {
    const { help, values } = parseCommandArgs(SPEC, argv);
    if (help) {
      process.stdout.write(helpText(SPEC));
      return EXIT.ok;
    }
    json = values.json === true;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`ndbridge doctor: ${e.message}\n`);
    return EXIT.usage;
  }
  const compat = await import('../compat/index.js');
  const checks: Check[] = [{ label: 'Node', value: `${process.version} (${process.platform}-${process.arch})`, ok: true }];
  const info = compat.info();
  checks.push({ label: 'FFI engine', value: `${info.engine.name} ${info.engine.version ?? '(not loadable)'}`, ok: info.engine.version !== null });
  checks.push({ label: 'interpreter', value: info.interpreter ? `${info.interpreter} (from ${info.interpreterSource}${info.executable && info.executable !== info.interpreter ? `; sys.executable ${info.executable}` : ''})` : 'not found', ok: info.interpreter !== null });
  checks.push({ label: 'Python', value: info.pythonVersion ?? 'unknown', ok: info.pythonVersion !== null });
  checks.push({ label: 'NumPy', value: info.numpyVersion ?? 'not importable', ok: info.numpyVersion !== null });
  checks.push({ label: 'libpython', value: info.libpython ?? 'not found', ok: info.libpython !== null });
  let problem = info.problem;
  let wrong = false;
  if (!problem) {
    try {
      const t0 = performance.now();
      const np = compat.numpy();
      const bootMs = performance.now() - t0;
      checks.push({ label: 'boot', value: `${bootMs.toFixed(0)} ms`, ok: true });
      let blas = 'unknown';
      try {
        blas = String(compat.evaluate(BLAS_EXPR));
      } catch {
        // older NumPy without show_config(mode='dicts')
      }
      checks.push({ label: 'NumPy BLAS', value: blas, ok: true });
      const a = np.arange(3);
      const sum = a.add(1).toArray();
      const svd = np.linalg.svd(np.eye(2))[1].toArray();
      const ok = JSON.stringify(sum, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)) === '[1,2,3]' && JSON.stringify(svd) === '[1,1]';
      checks.push({ label: 'round trip', value: ok ? 'np.arange(3) + 1 and np.linalg.svd(np.eye(2)) OK' : `unexpected results ${String(sum)} ${String(svd)}`, ok });
      if (!ok) {
        wrong = true;
        problem = 'the round trip returned wrong values; please report this with the output above';
      }
    } catch (err) {
      problem = err instanceof Error ? err.message : String(err);
      checks.push({ label: 'round trip', value: 'failed', ok: false });
    }
  }
  if (json) {
    process.stdout.write(`${JSON.stringify({ ok: problem === null, problem, checks }, null, 2)}\n`);
  } else {
    const width = Math.max(...checks.map((c) => c.label.length));
    for (const c of checks) process.stdout.write(`${c.ok ? 'ok ' : 'NO '} ${c.label.padEnd(width)}  ${c.value}\n`);
    process.stdout.write(problem ? `\ncompat is NOT available: ${problem}\n` : '\ncompat works.\n');
  }
  return problem === null ? EXIT.ok : wrong ? EXIT.failed : EXIT.cannotRun;
}
