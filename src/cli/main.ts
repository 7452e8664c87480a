#!/usr/bin/env node
/**
 * The `ndbridge` command. Each subcommand lives in its own module and is loaded on demand, so
 * `ndbridge bench` never pays for loading the conformance suite and vice versa.
 */
import { readFileSync } from 'node:fs';
import { nearestName } from '../common/nearest.js';
import { EXIT, EXIT_CODES_HELP } from './args.js';

/** A subcommand module exports `run(argv)`, resolving to the process exit code. */
interface CommandModule {
  run(argv: readonly string[]): Promise<number>;
}

interface Command {
  readonly summary: string;
  load(): Promise<CommandModule>;
}

/** One line per subcommand. */
const COMMANDS: Readonly<Record<string, Command>> = {
  bench: { summary: 'the seed workloads on fast, compat, nd, NumPy in CPython and the JS array libraries', load: () => import('./bench.js') },
  conformance: { summary: 'which corners of NumPy and the Array API each runtime supports, checked against NumPy', load: () => import('./conformance.js') },
  doctor: { summary: 'check that compat works here: FFI engine, Python, NumPy, libpython, BLAS, a round trip', load: () => import('./doctor.js') },
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function usage(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(13)} ${c.summary}`);
  return [
    'usage: ndbridge <command> [options]',
    '',
    'commands:',
    ...rows,
    '',
    'ndbridge <command> --help shows the options of a command; ndbridge --version the version.',
    '',
    EXIT_CODES_HELP,
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return EXIT.ok;
  }
  if (name === undefined) {
    process.stderr.write(`ndbridge: which command?\n\n${usage()}\n`);
    return EXIT.usage;
  }
  if (name === '--version' || name === '-v' || name === '-V') {
    process.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    const near = nearestName(name.replace(/^-+/, ''), Object.keys(COMMANDS));
    const what = name.startsWith('-') ? `unknown option '${name}'` : `unknown command '${name}'`;
    process.stderr.write(`ndbridge: ${what}${near ? `; did you mean 'ndbridge ${near}'?` : ''} (ndbridge --help lists the commands)\n`);
    return EXIT.usage;
  }
  return (await command.load()).run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`ndbridge: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = EXIT.cannotRun;
  },
);
