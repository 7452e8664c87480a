/**
 * ndbridge/fast runs unchanged in browsers: no module reachable from src/fast/index.ts may load a
 * Node builtin (`node:*`, `fs`, `util`...), and the package's "./fast" export has a "browser"
 * condition. The esbuild browser bundle (platform "browser") is checked in browser.test.ts.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph, isNodeBuiltin, runtimeSpecifiers } from './import-graph.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('fast has no Node import', () => {
  const graph = importGraph(resolve(ROOT, 'src/fast/index.ts'));

  it('walks the whole of fast (the graph is not trivially small)', () => {
    const rel = graph.modules.map((m) => relative(ROOT, m));
    expect(rel).toContain('src/fast/array.ts');
    expect(rel).toContain('src/fast/repr.ts');
    expect(rel.length).toBeGreaterThan(30);
  });

  it('no module reachable from src/fast/index.ts imports node:* or a Node builtin', () => {
    const offending = graph.external
      .filter((e) => isNodeBuiltin(e.specifier) || e.specifier.startsWith('<computed'))
      .map((e) => `${relative(ROOT, e.from)} imports '${e.specifier}'`);
    expect(offending, 'fast must run in browsers: move the Node-only code out of its import graph').toEqual([]);
  });

  it('its only outside imports are packages that run in browsers', () => {
    const packages = [...new Set(graph.external.map((e) => e.specifier.split('/')[0]))].sort();
    // zod is the one runtime dependency fast may use; a new one must be checked for browsers here
    for (const p of packages) expect(['zod']).toContain(p);
  });

  it('the walker sees value, side-effect, re-export, dynamic and require imports, and skips type-only ones', () => {
    const src = [
      "import { inspect } from 'node:util';",
      "import type { X } from 'node:fs';",
      "import { type Y } from 'node:os';",
      "import 'node:process';",
      "export { a } from './a.js';",
      "export type { B } from './b.js';",
      "const m = await import('node:path');",
      "const c = require('child_process');",
      'const d = await import(name);',
    ].join('\n');
    expect(runtimeSpecifiers(src)).toEqual(['node:util', 'node:process', './a.js', 'node:path', 'child_process', '<computed: name>']);
    expect(isNodeBuiltin('node:util')).toBe(true);
    expect(isNodeBuiltin('fs/promises')).toBe(true);
    expect(isNodeBuiltin('zod')).toBe(false);
  });

  it('the walker finds a Node import that is reachable (numpy-oracle spawns python3)', () => {
    const g = importGraph(resolve(ROOT, 'src/fast/engine/kernels/numpy-oracle.ts'));
    expect(g.external.some((e) => isNodeBuiltin(e.specifier))).toBe(true);
  });

  it('package.json gives ./fast a "browser" condition pointing at the same ESM build', () => {
    const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, Record<string, string>> };
    const fast = pkg.exports['./fast'];
    expect(fast?.browser).toBe('./dist/src/fast/index.js');
    // "types" first, "default" last: conditions are matched in order
    const keys = Object.keys(fast ?? {});
    expect(keys[0]).toBe('types');
    expect(keys[keys.length - 1]).toBe('default');
  });
});
