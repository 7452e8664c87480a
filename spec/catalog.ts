/**
 * The corner catalog, loaded from spec/catalog.json and validated with its zod schema.
 */
import raw from './catalog.json' with { type: 'json' };
import { CatalogSchema, type Catalog, type Corner } from './schema.js';

let cached: Catalog | undefined;

export function loadCatalog(): Catalog {
  cached ??= CatalogSchema.parse(raw);
  return cached;
}

export function cornerById(): ReadonlyMap<string, Corner> {
  return new Map(loadCatalog().corners.map((c) => [c.id, c]));
}

export type { Catalog, Corner } from './schema.js';
