/**
 * The one argument parser of every `ndbridge` subcommand (node:util parseArgs underneath), its help text
 * and the exit codes. Unknown options are refused with the nearest valid one ("did you mean --format?"),
 * a string option needs a value, a boolean takes none, nothing is given twice, and no positional
 * arguments are accepted: each is a UsageError (exit code 2).
 */
import { parseArgs } from 'node:util';
import { nearestName } from '../common/nearest.js';

/** The documented exit codes, the same for every subcommand. */
export const EXIT = {
  /** Done (and every threshold met). */
  ok: 0,
  /** Done, but below a --fail-under threshold, or a corner gives a wrong answer, or a check failed. */
  failed: 1,
  /** Bad command line: unknown command or option, missing or bad value. */
  usage: 2,
  /** Cannot run here: no Python with NumPy, a runtime that cannot load, a broken run. */
  cannotRun: 3,
} as const;

export const EXIT_CODES_HELP = `exit codes: 0 ok, 1 below a --fail-under threshold or failing corners (a check failed for doctor),
            2 usage error, 3 cannot run here (e.g. no Python with NumPy: run ndbridge doctor)`;

/** A bad command line: the message names the argument and the fix. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The value's placeholder in the help (string options), e.g. FILE. */
  readonly value?: string;
  /** One or more lines of help. */
  readonly help: string;
}

export interface CommandSpec {
  /** The subcommand, e.g. `conformance`. */
  readonly name: string;
  /** Usage lines after `ndbridge <name>` (default: `[options]`). */
  readonly usage?: readonly string[];
  readonly description: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Lines after the options (environment variables, notes). */
  readonly footer?: string;
}

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', help: 'this help' };

function allOptions(spec: CommandSpec): Record<string, OptionSpec> {
  return { ...spec.options, help: HELP_OPTION };
}

/** The `--help` text of a command. */
export function helpText(spec: CommandSpec): string {
  const opts = allOptions(spec);
  const heads = Object.entries(opts).map(([name, o]) => `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`);
  const w = Math.max(...heads.map((h) => h.length)) + 1;
  const rows = Object.values(opts).flatMap((o, i) =>
    o.help.split('\n').map((line, j) => `  ${(j === 0 ? heads[i] : '').padEnd(w)} ${line}`.trimEnd()),
  );
  const usage = (spec.usage ?? ['[options]']).map((u, i) => `${i === 0 ? 'usage:' : '      '} ndbridge ${spec.name} ${u}`);
  return [...usage, '', spec.description, '', 'options:', ...rows, '', ...(spec.footer ? [spec.footer, ''] : []), EXIT_CODES_HELP, ''].join('\n');
}

export type ParsedValues = Readonly<Record<string, string | boolean | undefined>>;

/**
 * Parse a subcommand's arguments against its spec. `help` is true when -h/--help was given (then nothing
 * else is checked). Throws UsageError for anything the spec does not allow.
 */
export function parseCommandArgs(spec: CommandSpec, argv: readonly string[]): { help: boolean; values: ParsedValues } {
  const opts = allOptions(spec);
  const { tokens } = parseArgs({
    args: [...argv],
    options: Object.fromEntries(Object.entries(opts).map(([k, o]) => [k, o.short ? { type: o.type, short: o.short } : { type: o.type }])),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) return { help: true, values: { help: true } };
  const names = Object.keys(opts);
  const values: Record<string, string | boolean> = {};
  const where = `ndbridge ${spec.name}`;
  for (const t of tokens) {
    if (t.kind === 'option-terminator') continue;
    if (t.kind === 'positional') {
      const near = nearestName(t.value.replace(/^-+/, ''), names);
      throw new UsageError(`${where} takes no argument '${t.value}'${near ? `; did you mean --${near}?` : ''} (see ${where} --help)`);
    }
    const o = Object.hasOwn(opts, t.name) ? opts[t.name] : undefined;
    if (!o) {
      const near = nearestName(t.name, names);
      throw new UsageError(`unknown option ${t.rawName} for ${where}${near ? `; did you mean --${near}?` : ''} (see ${where} --help)`);
    }
    if (values[t.name] !== undefined) throw new UsageError(`${t.rawName} is given twice`);
    if (o.type === 'string') {
      if (t.value === undefined || (!t.inlineValue && t.value.startsWith('-'))) {
        throw new UsageError(`${t.rawName} needs a value (${t.rawName} ${o.value ?? 'VALUE'})`);
      }
      values[t.name] = t.value;
    } else {
      if (t.value !== undefined) throw new UsageError(`${t.rawName} takes no value (got '${t.value}')`);
      values[t.name] = true;
    }
  }
  return { help: false, values };
}
