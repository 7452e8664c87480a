/**
 * README.md stays true: every ```ts block that imports from 'ndbridge' is run against the sources, and
 * each `console.log(...); // output` line must print exactly the output its comment shows; the
 * conformance summary table is the one the report prints now.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run as conformance } from '../src/cli/conformance.js';
import { describeCompat } from './compat/support.js';
import { isScaleBlock, promised, README, README_BLOCKS, ROOT, runBlock } from './readme-blocks.js';

const root = ROOT;
const readme = README;
const blocks = README_BLOCKS.filter((b) => !isScaleBlock(b));
const work = mkdtempSync(join(tmpdir(), 'ndbridge-readme-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describeCompat('README', () => {
  it('has a tour to check', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  blocks.forEach((block, i) => {
    it(`code block ${i + 1} runs and prints what it says`, async () => {
      const printed = await runBlock(block, join(work, `block-${i + 1}.ts`));
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
    // the scale extras (README, "Beyond one machine"): one line, documented there and run by CI
    const scale = /## Beyond one machine[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1]?.replace(/#.*$/gm, '').trim();
    expect(scale).toBe('npm run setup:scale && npm run test:scale');
    expect(ci).toEqual([...commands, scale, 'npm run docs']);
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
