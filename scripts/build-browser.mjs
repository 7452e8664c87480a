#!/usr/bin/env node
// @ts-check
/**
 * Bundles ndbridge/fast for browsers with esbuild (one ESM file, minified, platform "browser": a Node
 * builtin anywhere in the import graph fails the build) and reports its size, raw and gzipped (zlib,
 * level 9).
 *
 *   npm run build:browser          # bundles dist/src/fast/index.js (run `npm run build` first)
 *   node scripts/build-browser.mjs [--entry FILE] [--out FILE] [--json]
 *
 * Writes dist/browser/ndbridge-fast.min.js and prints the sizes. The browser test (test/browser/)
 * imports `bundleFast` to bundle straight from src/fast/index.ts.
 */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_ENTRY = resolve(ROOT, 'dist/src/fast/index.js');
export const DEFAULT_OUT = resolve(ROOT, 'dist/browser/ndbridge-fast.min.js');

/**
 * @param {{ entry?: string }} [options]
 * @returns {Promise<{ code: string, raw: number, gzip: number, inputs: string[] }>}
 */
export async function bundleFast(options = {}) {
  const entry = options.entry ?? DEFAULT_ENTRY;
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['browser'],
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const file = result.outputFiles[0];
  if (file === undefined) throw new Error('esbuild produced no output');
  const code = file.text;
  const bytes = Buffer.from(code, 'utf8');
  return {
    code,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    inputs: Object.keys(result.metafile.inputs),
  };
}

/** @param {number} n */
function kb(n) {
  return `${(n / 1024).toFixed(1)} KB`;
}

async function main() {
  const { values } = parseArgs({
    options: { entry: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    console.log('usage: node scripts/build-browser.mjs [--entry dist/src/fast/index.js] [--out dist/browser/ndbridge-fast.min.js] [--json]');
    return;
  }
  const out = resolve(values.out ?? DEFAULT_OUT);
  const b = await bundleFast({ entry: values.entry ? resolve(values.entry) : undefined });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, b.code);
  const report = { file: out, modules: b.inputs.length, raw: b.raw, gzip: b.gzip };
  if (values.json) console.log(JSON.stringify(report));
  else console.log(`ndbridge/fast browser bundle: ${out}\n  ${b.inputs.length} modules, ${kb(b.raw)} minified, ${kb(b.gzip)} gzipped (zlib level 9)`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
