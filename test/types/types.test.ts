/**
 * Types are part of the API: test/types/usage.ts and every ```ts block of the README compile under
 * test/types/tsconfig.json (`strict`, `noUncheckedIndexedAccess`), through the TypeScript compiler API;
 * hover (the language service's quick info) shows NumPy's docstring on `np.linalg.svd` and `nd.sum`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

/** README block i as a module next to usage.ts (so 'ndbridge' resolves through the tsconfig's paths). */
const blockFile = (i: number): string => join(here, `__readme-block-${i + 1}.ts`);
const HOVER = join(here, '__hover.ts');
const HOVER_TEXT = ["import { compat, nd } from 'ndbridge';", 'const np = compat.numpy();', 'np.linalg.svd([[1]]);', 'nd.sum([1]);', ''].join('\n');

function service(): ts.LanguageService {
  const config = ts.readConfigFile(join(here, 'tsconfig.json'), ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, here);
  const virtual = new Map<string, string>([[HOVER, HOVER_TEXT], ...blocks.map((b, i) => [blockFile(i), `export {};\n${b}`] as const)]);
  const files = [...parsed.fileNames, ...virtual.keys()];
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => parsed.options,
    getScriptFileNames: () => files,
    getScriptVersion: () => '1',
    getScriptSnapshot: (f) => {
      const text = virtual.get(f) ?? ts.sys.readFile(f);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => here,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => virtual.has(f) || ts.sys.fileExists(f),
    readFile: (f) => virtual.get(f) ?? ts.sys.readFile(f),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  return ts.createLanguageService(host, ts.createDocumentRegistry());
}

function errors(ls: ts.LanguageService, file: string): string[] {
  const diags = [...ls.getSyntacticDiagnostics(file), ...ls.getSemanticDiagnostics(file)];
  return diags.map((d) => {
    const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    return `${at ? `${at.line + 1}:${at.character + 1} ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

function hover(ls: ts.LanguageService, text: string): string {
  const at = HOVER_TEXT.indexOf(text) + text.length - 1;
  const info = ls.getQuickInfoAtPosition(HOVER, at);
  return ts.displayPartsToString(info?.documentation ?? []);
}

describe('types under strict + noUncheckedIndexedAccess', () => {
  let ls: ts.LanguageService;
  beforeAll(() => {
    ls = service();
  });

  it('test/types/usage.ts compiles without casts, and its @ts-expect-error lines are errors', () => {
    expect(errors(ls, join(here, 'usage.ts'))).toEqual([]);
  }, 120_000);

  it('the README has code blocks to check', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  blocks.forEach((_b, i) => {
    it(`README code block ${i + 1} compiles`, () => {
      expect(errors(ls, blockFile(i))).toEqual([]);
    }, 120_000);
  });

  it("hover shows NumPy's docstring (np.linalg.svd, nd.sum)", () => {
    expect(hover(ls, 'np.linalg.svd')).toContain(numpyFirstParagraph('linalg.svd'));
    expect(hover(ls, 'nd.sum')).toContain(numpyFirstParagraph('sum'));
    expect(hover(ls, 'np.linalg.svd')).toMatch(/^Singular Value Decomposition\./);
  }, 120_000);
});

/** The first paragraph of a NumPy docstring, as the installed NumPy has it. */
function numpyFirstParagraph(path: string): string {
  const python = process.env.NDBRIDGE_PYTHON ?? 'python3';
  const code = [
    'import inspect, json, sys, numpy as np',
    'o = np',
    'for p in sys.argv[1].split("."): o = getattr(o, p)',
    'print(json.dumps(" ".join(inspect.getdoc(o).split("\\n\\n")[0].split())))',
  ].join('\n');
  return JSON.parse(execFileSync(python, ['-c', code, path], { encoding: 'utf8' })) as string;
}
