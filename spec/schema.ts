/**
 * The zod schema of the corner catalog (spec/catalog.json). A corner is one thing a runtime can support
 * or not: a function, a method, an attribute, a constant, or a behaviour (a dtype promotion, an indexing
 * form, a crossing of the bridge). Its id is stable and dotted; cases in conformance/ name it.
 */
import { z } from 'zod';

export const CORNER_SOURCES = ['array-api-2024.12', 'array-api-2025.12', 'numpy', 'bridge'] as const;
export type CornerSource = (typeof CORNER_SOURCES)[number];

export const CORNER_KINDS = ['function', 'method', 'attribute', 'constant', 'behaviour', 'parameter'] as const;
export type CornerKind = (typeof CORNER_KINDS)[number];

/** Kinds counted as function coverage; `parameter` corners are counted as parameter coverage. */
export function isParameterKind(kind: CornerKind): boolean {
  return kind === 'parameter';
}

/** `area.name`, `area.sub.name`: lower-case words, digits, `_` and `-`; array dunders like `array.__add__`. */
export const CORNER_ID = /^[a-z][a-z0-9_-]*(\.[A-Za-z0-9_][A-Za-z0-9_-]*)+$/;

export const CornerSchema = z.strictObject({
  id: z.string().regex(CORNER_ID, 'dotted lower-case id such as elementwise.add or array.__add__'),
  area: z.string().regex(/^[a-z][a-z0-9_-]*$/),
  description: z.string().min(8),
  source: z.enum(CORNER_SOURCES),
  kind: z.enum(CORNER_KINDS),
  /** For standard entries: how the member is reached, e.g. `xp.linalg.svd(x, /, *, full_matrices=True)`. */
  signature: z.string().optional(),
  /**
   * Parameter corners: the corner of the function or method the parameter belongs to (`statistical.sum`
   * for `statistical.sum.where`). Absent for calling-convention corners of `nd` (`nd.positional`).
   */
  of: z.string().regex(CORNER_ID).optional(),
  /** Parameter corners: NumPy's (or the standard's) parameter name (`where`, `dtype`...). */
  param: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).optional(),
});
export type Corner = z.infer<typeof CornerSchema>;

export const CatalogSchema = z
  .strictObject({
    version: z.literal(1),
    generatedBy: z.string(),
    corners: z.array(CornerSchema),
  })
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    for (const [i, c] of catalog.corners.entries()) {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', message: `duplicate corner id ${c.id}`, path: ['corners', i, 'id'] });
      seen.add(c.id);
      if ((c.of !== undefined || c.param !== undefined) && c.kind !== 'parameter') {
        ctx.addIssue({ code: 'custom', message: `corner ${c.id} has of/param but is not a parameter corner`, path: ['corners', i] });
      }
      if (c.kind === 'parameter' && c.of !== undefined && !c.id.startsWith(`${c.of}.`)) {
        ctx.addIssue({ code: 'custom', message: `parameter corner ${c.id} does not start with its function '${c.of}.'`, path: ['corners', i] });
      }
      if (!c.id.startsWith(`${c.area}.`)) {
        ctx.addIssue({ code: 'custom', message: `corner ${c.id} does not start with its area '${c.area}.'`, path: ['corners', i] });
      }
    }
    const ids = new Set(catalog.corners.map((c) => c.id));
    for (const [i, c] of catalog.corners.entries()) {
      if (c.of !== undefined && !ids.has(c.of)) ctx.addIssue({ code: 'custom', message: `parameter corner ${c.id} names an unknown function corner ${c.of}`, path: ['corners', i, 'of'] });
    }
  });
export type Catalog = z.infer<typeof CatalogSchema>;
