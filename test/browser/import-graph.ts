/**
 * The runtime import graph of the project's TypeScript sources: from an entry module, every module
 * reached through value imports, re-exports, dynamic `import()` and `require()` (type-only imports
 * and exports are erased by tsc and left out). Bare specifiers (packages, Node builtins) are leaves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** Absolute path of the importing module. */
  readonly from: string;
  /** The specifier as written. */
  readonly specifier: string;
}

export interface ImportGraph {
  /** Absolute paths of the project modules reached (the entry included). */
  readonly modules: readonly string[];
  /** Imports of something outside the project (packages, Node builtins). */
  readonly external: readonly ImportEdge[];
}

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0] ?? m]));

/** True for `node:*` and for Node's builtin module names (`fs`, `util`, `fs/promises`...). */
export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0] ?? specifier);
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (clause === undefined) return false; // `import './x.js'`: a side effect
  if (clause.isTypeOnly) return true;
  if (clause.name !== undefined) return false;
  const bindings = clause.namedBindings;
  if (bindings === undefined || ts.isNamespaceImport(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

/** The specifiers a module loads at run time. */
export function runtimeSpecifiers(source: string, fileName = 'module.ts'): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!isTypeOnlyImport(node)) out.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!isTypeOnlyExport(node)) out.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const e = node.moduleReference.expression;
      if (!node.isTypeOnly && ts.isStringLiteral(e)) out.push(e.text);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const arg = node.arguments[0];
      const isLoad = callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
      if (isLoad && arg !== undefined) {
        // a computed specifier cannot be checked: report it so the guard refuses it
        out.push(ts.isStringLiteralLike(arg) ? arg.text : `<computed: ${arg.getText(sf)}>`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** `./x.js` from a .ts file -> the .ts source (tsc's NodeNext mapping), else the file itself. */
function resolveRelative(from: string, specifier: string): string {
  const target = resolve(dirname(from), specifier);
  const candidates = [target.replace(/\.js$/, '.ts'), target.replace(/\.mjs$/, '.mts'), target, `${target}.ts`, resolve(target, 'index.ts')];
  const hit = candidates.find((c) => existsSync(c) && !c.endsWith('/'));
  if (hit === undefined) throw new Error(`${from}: cannot resolve '${specifier}'`);
  return hit;
}

/** Walks the runtime import graph from `entry` (an absolute path to a .ts module). */
export function importGraph(entry: string): ImportGraph {
  const seen = new Set<string>();
  const external: ImportEdge[] = [];
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of runtimeSpecifiers(readFileSync(file, 'utf8'), file)) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) queue.push(resolveRelative(file, specifier));
      else external.push({ from: file, specifier });
    }
  }
  return { modules: [...seen].sort(), external };
}
