import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from './bench.js';

afterEach(() => {
  vi.restoreAllMocks();
});

function capture(stream: NodeJS.WriteStream): string[] {
  const chunks: string[] = [];
  vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  return chunks;
}

describe('ndbridge bench (CLI)', () => {
  it('--help prints the usage and exits 0', async () => {
    const out = capture(process.stdout);
    expect(await run(['--help'])).toBe(0);
    expect(out.join('')).toMatch(/usage: ndbridge bench \[--quick\] \[--only name,\.\.\.\] \[--format table\|markdown\|json\|svg\] \[--out FILE\]/);
  });

  it('a bad option exits 2 with the reason and the usage on stderr', async () => {
    const err = capture(process.stderr);
    expect(await run(['--format', 'pdf'])).toBe(2);
    const text = err.join('');
    expect(text).toMatch(/--format must be one of table, markdown, json, svg, not 'pdf'/);
    expect(text).toContain('usage: ndbridge bench');
  });
});

describe('ndbridge bench --from', () => {
  it('refuses a file that is not a saved report, naming it', async () => {
    const err = capture(process.stderr);
    expect(await run(['--from', 'package.json'])).toBe(2);
    expect(err.join('')).toMatch(/--from package.json: not an ndbridge bench report/);
  });

  it('refuses --from together with run options', async () => {
    const err = capture(process.stderr);
    expect(await run(['--from', 'x.json', '--quick'])).toBe(2);
    expect(err.join('')).toMatch(/--quick and --only apply to a new run/);
  });
});
