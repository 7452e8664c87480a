/**
 * README.md stays true: every ```ts block that imports from 'ndbridge' is run against the sources, and
 * each `console.log(...); // output` line must print exactly the output its comment shows; the
 * conformance summary table is the one the report prints now.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run as conformance } from '../src/cli/conformance.js';
import { describeCompat } from './compat/support.js';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]).filter((b) => /from 'ndbridge(\/\w+)?'/.test(b));
const work = mkdtempSync(join(tmpdir(), 'ndbridge-readme-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The outputs the block promises: the trailing `// ...` comment of each console.log line, in order. */
function promised(block: string): string[] {
  return block
    .split('\n')
    .filter((line) => line.trimStart().startsWith('console.log('))
    .map((line) => {
      const at = line.indexOf('); // ');
      if (at < 0) throw new Error(`README console.log line without its output comment: ${line}`);
      return line.slice(at + '); // '.length);
    });
}

describeCompat('README', () => {
  it('has a tour to check', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  blocks.forEach((block, i) => {
    it(`code block ${i + 1} runs and prints what it says`, async () => {
      const src = join(root, 'src');
      const code = block
        .replace(/from 'ndbridge'/g, `from '${pathToFileURL(join(src, 'index.ts')).href}'`)
        .replace(/from 'ndbridge\/(\w+)'/g, (_m, sub: string) => `from '${pathToFileURL(join(src, sub, 'index.ts')).href}'`)
        .replace(/console\.log\(/g, '__readmeLog(');
      const printed: string[] = [];
      (globalThis as { __readmeLog?: (...a: unknown[]) => void }).__readmeLog = (...a) => printed.push(format(...a));
      const file = join(work, `block-${i + 1}.ts`);
      writeFileSync(file, `declare const __readmeLog: (...a: unknown[]) => void;\n${code}`);
      await import(pathToFileURL(file).href);
      expect(printed).toEqual(promised(block));
    });
  });
});

describe('README install commands', () => {
  it('are the two commands CI runs (.ci/run) and the scripts they name exist', () => {
    const block = /## Install and run[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = block.split('\n').map((l) => l.replace(/#.*$/, '').trim()).filter(Boolean);
    expect(commands).toEqual(['npm ci && npm run conformance', 'npm test']);
    const ci = readFileSync(join(root, '.ci/run'), 'utf8').split('\n').filter((l) => l.trim() && !l.trim().startsWith('#') && /^npm /.test(l.trim()));
    expect(ci).toEqual([...commands, 'npm run docs']);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.scripts.conformance).toBe('node dist/src/cli/main.js conformance');
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.scripts.docs).toBe('typedoc');
    expect(readme).toContain('npm run docs');
    // no self-dependency: it made npx reinstall and rebuild the package on a first run
    expect(pkg.devDependencies.ndbridge).toBeUndefined();
  });
});

describeCompat('README conformance summary', () => {
  it('is the summary table the current report prints (npx ndbridge conformance --format markdown)', async () => {
    const out = join(work, 'conformance.md');
    const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      // 1 when a corner gives a wrong answer (the report still names it); the summary must match either way
      expect([0, 1]).toContain(await conformance(['--format', 'markdown', '--out', out, '--no-progress']));
    } finally {
      quiet.mockRestore();
    }
    const summary = readFileSync(out, 'utf8').split('\n\n')[0].trim();
    expect(summary).toMatch(/^\| runtime \| pass \|/);
    expect(readme).toContain(summary);
  }, 120_000);
});
