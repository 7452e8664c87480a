/**
 * Builds spec/catalog.json from the Array API standard's machine-readable listing (the 2024.12 entries,
 * plus the four corners 2025.12 adds) and the hand-written NumPy and bridge corners. Reproducible:
 * `npm run build && node dist/spec/generate.js [SOURCES_DIR]` rewrites spec/catalog.json, and
 * spec/catalog.test.ts fails when the committed file differs from what this builds.
 *
 * Descriptions of standard entries are generated from the signature, not copied from the standard's prose.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { CatalogSchema, type Catalog, type Corner } from './schema.js';
import { NUMPY_CORNERS } from './numpy-corners.js';
import { bridgeCorners } from './bridge-corners.js';
import { CALLING_CORNERS, NUMPY_PARAM_CORNERS, paramCornerId } from './numpy-params.js';

const ParamSchema = z.object({
  name: z.string(),
  kind: z.enum(['positional-only', 'positional-or-keyword', 'keyword-only', 'var-positional']),
  default: z.string().nullable(),
});
const EntrySchema = z.object({
  area: z.string(),
  name: z.string(),
  kind: z.enum(['attribute', 'method', 'function', 'constant']),
  params: z.array(ParamSchema),
});
const SourceSchema = z.object({ version: z.string(), entries: z.array(EntrySchema) });
type Entry = z.infer<typeof EntrySchema>;

/** The four corners the 2025.12 standard adds over 2024.12 that the catalog tracks. */
export const NEW_IN_2025 = ['linalg.eig', 'linalg.eigvals', 'manipulation.broadcast_shapes', 'set.isin'] as const;

/** Catalog area of a standard area: array members are `array.<name>`. */
function areaOf(standardArea: string): string {
  return standardArea === 'array_object' ? 'array' : standardArea;
}

function signature(e: Entry): string {
  const owner =
    e.area === 'array_object' ? 'x' : e.area === 'data_types' ? 'dtype' : e.area === 'linalg' || e.area === 'fft' ? `xp.${e.area}` : e.area === 'info' && e.name !== '__array_namespace_info__' ? 'info' : 'xp';
  if (e.kind === 'attribute' || e.kind === 'constant') return `${owner}.${e.name}`;
  const parts: string[] = [];
  let slashDone = false;
  let starDone = false;
  const hasPosOnly = e.params.some((p) => p.kind === 'positional-only');
  for (const [i, p] of e.params.entries()) {
    if (hasPosOnly && !slashDone && p.kind !== 'positional-only') {
      parts.push('/');
      slashDone = true;
    }
    if (p.kind === 'keyword-only' && !starDone) {
      if (!e.params.some((q) => q.kind === 'var-positional')) parts.push('*');
      starDone = true;
    }
    const name = p.kind === 'var-positional' ? `*${p.name}` : p.name;
    parts.push(p.default === null ? name : `${name}=${p.default}`);
    if (hasPosOnly && !slashDone && i === e.params.length - 1) {
      parts.push('/');
      slashDone = true;
    }
  }
  return `${owner}.${e.name}(${parts.join(', ')})`;
}

function describe(e: Entry, version: string): string {
  const what = { attribute: 'attribute', method: 'method', function: 'function', constant: 'constant' }[e.kind];
  return `Array API ${version} ${e.area.replace('_', ' ')} ${what} ${e.name}`;
}

function standardCorner(e: Entry, version: string, source: Corner['source']): Corner {
  const area = areaOf(e.area);
  return {
    id: `${area}.${e.name}`,
    area,
    description: describe(e, version),
    source,
    kind: e.kind,
    signature: signature(e),
  };
}

/**
 * The standard's optional parameters of a function or method (those with a default, and keyword-only
 * ones) as parameter corners `<function corner>.<param>`. Required parameters are exercised by the
 * function's own corner.
 */
function standardParamCorners(e: Entry, version: string, source: Corner['source']): Corner[] {
  if (e.kind !== 'function' && e.kind !== 'method') return [];
  const of = `${areaOf(e.area)}.${e.name}`;
  return e.params
    .filter((p) => p.kind !== 'var-positional' && (p.default !== null || p.kind === 'keyword-only'))
    .map((p) => ({
      id: `${of}.${p.name}`,
      area: areaOf(e.area),
      description: `Array API ${version} ${e.name} parameter ${p.name}${p.default === null ? '' : `=${p.default}`} (${p.kind})`,
      source,
      kind: 'parameter' as const,
      of,
      param: p.name,
    }));
}

function readSource(path: string): z.infer<typeof SourceSchema> {
  return SourceSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** The default directory of the standard's listings: ../shared/spec-sources next to the repository. */
/** The repository root: the nearest directory above this module with the ndbridge package.json (works from spec/ and dist/spec/). */
export function repoRoot(): string {
  let dir = fileURLToPath(new URL('.', import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name === 'ndbridge') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no ndbridge package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

export function defaultSourcesDir(): string {
  return process.env.NDBRIDGE_SPEC_SOURCES ?? resolve(repoRoot(), '..', 'shared', 'spec-sources');
}

export function buildCatalog(sourcesDir: string = defaultSourcesDir()): Catalog {
  const v2024 = readSource(join(sourcesDir, 'array-api-2024.12.json'));
  const v2025 = readSource(join(sourcesDir, 'array-api-2025.12.json'));
  const corners: Corner[] = v2024.entries.map((e) => standardCorner(e, v2024.version, 'array-api-2024.12'));
  const params: Corner[] = v2024.entries.flatMap((e) => standardParamCorners(e, v2024.version, 'array-api-2024.12'));
  for (const id of NEW_IN_2025) {
    const e = v2025.entries.find((x) => `${areaOf(x.area)}.${x.name}` === id);
    if (!e) throw new Error(`array-api-2025.12.json has no entry for ${id}`);
    corners.push(standardCorner(e, v2025.version, 'array-api-2025.12'));
    params.push(...standardParamCorners(e, v2025.version, 'array-api-2025.12'));
  }
  const handWritten = (source: 'numpy' | 'bridge') => ([id, description]: readonly [string, string]): Corner => ({
    id,
    area: id.slice(0, id.indexOf('.')),
    description,
    source,
    kind: source === 'numpy' && id.startsWith('numpy.') ? 'function' : 'behaviour',
  });
  corners.push(...NUMPY_CORNERS.map(handWritten('numpy')));
  corners.push(...bridgeCorners().map(handWritten('bridge')));
  // parameter corners after every function corner: the standard's, NumPy's, then nd's calling conventions
  corners.push(...params);
  corners.push(
    ...NUMPY_PARAM_CORNERS.map((s): Corner => ({
      id: paramCornerId(s),
      area: s.of.slice(0, s.of.indexOf('.')),
      description: s.description,
      source: 'numpy',
      kind: 'parameter',
      of: s.of,
      param: s.param,
    })),
  );
  corners.push(...CALLING_CORNERS.map(([id, description]): Corner => ({ id, area: 'nd', description, source: 'numpy', kind: 'parameter' })));
  return CatalogSchema.parse({ version: 1, generatedBy: 'spec/generate.ts', corners });
}

export function catalogText(catalog: Catalog): string {
  return `${JSON.stringify(catalog, null, 1)}\n`;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const out = join(repoRoot(), 'spec', 'catalog.json');
  const catalog = buildCatalog(process.argv[2] ?? defaultSourcesDir());
  writeFileSync(out, catalogText(catalog));
  process.stdout.write(`wrote ${catalog.corners.length} corners to ${out}\n`);
}
