import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CommandSpec, helpText, parseCommandArgs, UsageError } from '../../src/cli/args.js';
import { useColour } from '../../src/cli/colour.js';

const SPEC: CommandSpec = {
  name: 'demo',
  description: 'A demo command.',
  options: {
    format: { type: 'string', value: 'FORMAT', help: 'table or json' },
    quick: { type: 'boolean', help: 'fewer repetitions\nsecond line' },
  },
};

describe('parseCommandArgs', () => {
  it('parses both spellings of values and booleans', () => {
    expect(parseCommandArgs(SPEC, ['--format', 'json', '--quick'])).toEqual({ help: false, values: { format: 'json', quick: true } });
    expect(parseCommandArgs(SPEC, ['--format=json'])).toEqual({ help: false, values: { format: 'json' } });
    expect(parseCommandArgs(SPEC, ['--format=-x'])).toEqual({ help: false, values: { format: '-x' } });
    expect(parseCommandArgs(SPEC, ['-h', '--bogus'])).toEqual({ help: true, values: { help: true } });
  });

  it('refuses what the spec does not allow, with did-you-mean', () => {
    expect(() => parseCommandArgs(SPEC, ['--fromat', 'x'])).toThrow(/^unknown option --fromat for ndbridge demo; did you mean --format\? \(see ndbridge demo --help\)$/);
    expect(() => parseCommandArgs(SPEC, ['-q'])).toThrow(/unknown option -q for ndbridge demo/);
    expect(() => parseCommandArgs(SPEC, ['quick'])).toThrow(/takes no argument 'quick'; did you mean --quick\?/);
    expect(() => parseCommandArgs(SPEC, ['--format'])).toThrow(/--format needs a value \(--format FORMAT\)/);
    expect(() => parseCommandArgs(SPEC, ['--format', '--quick'])).toThrow(/--format needs a value/);
    expect(() => parseCommandArgs(SPEC, ['--quick=1'])).toThrow(/--quick takes no value/);
    expect(() => parseCommandArgs(SPEC, ['--quick', '--quick'])).toThrow(/--quick is given twice/);
    expect(() => parseCommandArgs(SPEC, ['--', 'x'])).toThrow(UsageError);
    expect(() => parseCommandArgs(SPEC, ['--constructor'])).toThrow(/unknown option --constructor/);
  });

  it('never throws anything but a UsageError on hostile argv', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('--format', '--quick', '-h', '--', '-', '--=', '--__proto__', '--format=')), { maxLength: 6 }), (argv) => {
        try {
          const r = parseCommandArgs(SPEC, argv);
          for (const [k, v] of Object.entries(r.values)) expect(k === 'help' || k === 'quick' ? v === true : typeof v === 'string').toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError);
        }
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('writes a help text with every option and the exit codes', () => {
    const text = helpText(SPEC);
    expect(text).toMatch(/^usage: ndbridge demo \[options\]\n\nA demo command\.\n\noptions:\n/);
    expect(text).toContain('  --format FORMAT  table or json\n  --quick          fewer repetitions\n                   second line\n  -h, --help       this help\n');
    expect(text).toContain('exit codes: 0 ok, 1 ');
  });
});

describe('useColour', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [false, { FORCE_COLOR: '1' }, true],
    [false, { FORCE_COLOR: '' }, true],
    [true, { FORCE_COLOR: '0' }, false],
    [true, { FORCE_COLOR: 'false' }, false],
    [false, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    [true, { TERM: 'dumb' }, false],
  ])('tty %s, env %j -> %s', (isTTY, env, expected) => {
    expect(useColour({ isTTY }, env)).toBe(expected);
  });
});
