/**
 * The `ndbridge` command as users run it: the built CLI in a child process. Exit codes (0 ok, 1 below a
 * threshold or failing corners, 2 usage, 3 cannot run), did-you-mean suggestions, --help on every
 * subcommand, colour rules, and the first line of the main job.
 */
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeCompat } from '../compat/support.js';
import { assertBuilt, cli, ROOT } from './support.js';

beforeAll(assertBuilt);

const ESC = '\u001b[';

describe('ndbridge (top level)', () => {
  it('--version prints the version of package.json', () => {
    const r = cli(['--version']);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('--help lists the commands and the exit codes; no command is a usage error', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/conformance .*\n.*doctor/s);
    expect(help.stdout).toContain('exit codes: 0 ok, 1 below a --fail-under threshold or failing corners');
    const none = cli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('ndbridge: which command?');
  });

  it('a misspelt command is refused with a suggestion', () => {
    const r = cli(['conformanse']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("ndbridge: unknown command 'conformanse'; did you mean 'ndbridge conformance'? (ndbridge --help lists the commands)\n");
    expect(cli(['doctr']).stderr).toContain("did you mean 'ndbridge doctor'?");
    const far = cli(['frobnicate']);
    expect(far.code).toBe(2);
    expect(far.stderr).not.toContain('did you mean');
    expect(cli(['--bogus']).stderr).toContain("unknown option '--bogus'");
  });
});

describe.each(['conformance', 'bench', 'doctor'])('ndbridge %s', (name) => {
  it('--help and -h print its usage and exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const r = cli([name, flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`usage: ndbridge ${name}`);
      expect(r.stderr).toBe('');
    }
  });

  it('refuses unknown options (exit 2), suggesting the nearest', () => {
    const r = cli([name, '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`unknown option --bogus for ndbridge ${name}`);
    expect(r.stdout).toBe('');
    const near = { conformance: ['--fromat', '--format'], bench: ['--quik', '--quick'], doctor: ['--jsn', '--json'] }[name] ?? [];
    expect(cli([name, near[0]]).stderr).toContain(`did you mean ${near[1]}?`);
    expect(cli([name, 'stray']).code).toBe(2);
  });
});

describe('ndbridge conformance: usage errors exit 2 before anything runs', () => {
  it.each([
    [['--runtime', 'numpyy'], "--runtime: no runtime named 'numpyy'; did you mean 'numpy'? (runtimes: fast, compat, nd, or a Python Array API module"],
    [['--runtime', 'fsat'], "did you mean 'fast'?"],
    [['--format', 'pdf'], "--format must be one of table, markdown, json, html, not 'pdf'"],
    [['--seed', '-3'], '--seed needs a value'],
    [['--seed', '1.5'], '--seed takes a non-negative integer'],
    [['--fail-under', '120'], "--fail-under: '120' is not PERCENT or RUNTIME=PERCENT (0..100)"],
    [['--runtime', 'fast', '--fail-under', 'compat=50'], "--fail-under: 'compat' is not among the runtimes run (fast)"],
    [['--out'], '--out needs a value'],
    [['--no-progress=yes'], '--no-progress takes no value'],
    [['--seed', '1', '--seed', '2'], '--seed is given twice'],
  ])('%j', (args, message) => {
    const r = cli(['conformance', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
});

describe('ndbridge conformance without Python', () => {
  it('exits 3 with one clear message and no report', () => {
    // PATH holds only node: no python3 for compat nor for the oracle
    const bin = mkdtempSync(join(tmpdir(), 'ndb-nopy-'));
    symlinkSync(process.execPath, join(bin, 'node'));
    const r = cli(['conformance', '--corner', 'linalg.*'], { PATH: bin, NDBRIDGE_PYTHON: undefined, VIRTUAL_ENV: undefined, CONDA_PREFIX: undefined });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ndbridge conformance: checking fast, compat, nd against NumPy/);
    expect(lines[1]).toMatch(/^ndbridge conformance: cannot run: there is no NumPy to compare with .*Fix: install Python 3 with NumPy, or set NDBRIDGE_PYTHON; `npx ndbridge doctor` says what is missing\.$/);
  });

  it('doctor exits 3 with the fix', () => {
    const r = cli(['doctor'], { NDBRIDGE_PYTHON: '/no/such/python3' });
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('compat is NOT available: ');
    expect(r.stdout).toContain('NDBRIDGE_PYTHON=/no/such/python3 is not an interpreter file');
  });
});

describeCompat('ndbridge conformance (with NumPy)', () => {
  const few = ['--corner', 'linalg.svd,linalg.svdvals,statistical.sum.out'];

  it('prints its first line on stderr before the run, then the report on stdout, and exits 0', () => {
    const r = cli(['conformance', '--runtime', 'fast', ...few]);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe('ndbridge conformance: checking fast against NumPy (seed 1); loading the catalog and Python...');
    expect(r.stderr).toMatch(/100% \(\d+\/\d+ runs: trials x runtimes\)/);
    // the terminal report names fast's unsupported corners, compactly: functions, then parameters by name
    expect(r.stdout).toContain('unsupported in fast (2; nd runs these on NumPy):');
    expect(r.stdout).toContain('  functions (1): linalg.svd');
    expect(r.stdout).toContain('    out (1): sum');
    expect(r.stdout).not.toContain('src/fast');
    expect(r.stdout).not.toContain(ESC);
  });

  it('exits 1 below --fail-under, naming the runtime', () => {
    const r = cli(['conformance', '--runtime', 'fast', ...few, '--fail-under', 'fast=50', '--no-progress']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('ndbridge conformance: fast passes 33.3% of corners, under --fail-under 50%\n');
  });

  it('colours only on a terminal or with FORCE_COLOR, and never with NO_COLOR alone', () => {
    const args = ['conformance', '--runtime', 'fast', '--corner', 'constants.pi', '--no-progress'];
    expect(cli(args).stdout).not.toContain(ESC);
    expect(cli(args, { FORCE_COLOR: '1' }).stdout).toContain(ESC);
    expect(cli(args, { FORCE_COLOR: '0' }).stdout).not.toContain(ESC);
    expect(cli(args, { NO_COLOR: '1' }).stdout).not.toContain(ESC);
    // colour never goes to a file or into a non-table format
    expect(cli([...args, '--format', 'markdown'], { FORCE_COLOR: '1' }).stdout).not.toContain(ESC);
  });
});
