/**
 * The README's ```ts blocks as tests run them (test/readme.test.ts, test/scale/readme-scale.test.ts):
 * each block that imports from 'ndbridge' runs against the sources, and each `console.log(...); // output`
 * line must print exactly the output its comment shows.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
export const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The ```ts blocks that import from 'ndbridge'. */
export const README_BLOCKS: readonly string[] = [...README.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '').filter((b) => /from 'ndbridge(\/\w+)?'/.test(b));

/** Blocks that need the scale extras (Dask, Ray): test/scale/readme-scale.test.ts runs them. */
export const isScaleBlock = (block: string): boolean => /compat\.namespace\('dask\.array'/.test(block);

/** The outputs the block promises: the trailing `// ...` comment of each console.log line, in order. */
export function promised(block: string): string[] {
  return block
    .split('\n')
    .filter((line) => line.trimStart().startsWith('console.log('))
    .map((line) => {
      const at = line.indexOf('); // ');
      if (at < 0) throw new Error(`README console.log line without its output comment: ${line}`);
      return line.slice(at + '); // '.length);
    });
}

/** Run `block` (written as `file` in a scratch directory) against the sources; what it printed, line by line. */
export async function runBlock(block: string, file: string): Promise<string[]> {
  const src = join(ROOT, 'src');
  const code = block
    .replace(/from 'ndbridge'/g, `from '${pathToFileURL(join(src, 'index.ts')).href}'`)
    .replace(/from 'ndbridge\/(\w+)'/g, (_m, sub: string) => `from '${pathToFileURL(join(src, sub, 'index.ts')).href}'`)
    .replace(/console\.log\(/g, '__readmeLog(');
  const printed: string[] = [];
  (globalThis as { __readmeLog?: (...a: unknown[]) => void }).__readmeLog = (...a) => printed.push(format(...a));
  writeFileSync(file, `declare const __readmeLog: (...a: unknown[]) => void;\n${code}`);
  await import(pathToFileURL(file).href);
  return printed;
}
