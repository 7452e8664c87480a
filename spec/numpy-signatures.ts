/**
 * NumPy's own call signatures, as data: spec/numpy-signatures.json, written by spec/numpy_signatures.py from
 * the installed NumPy (inspect.signature; ufuncs with nin/nout) and validated here with zod on first use.
 * `nd` binds every call with these (src/bridge/bind.ts); fast's FAST_SIGNATURES is checked against them.
 *
 * Regenerate after a NumPy upgrade: `python3 spec/numpy_signatures.py > spec/numpy-signatures.json`
 * (spec/numpy-signatures.test.ts fails while the file differs from what the installed NumPy says).
 */
import raw from './numpy-signatures.json' with { type: 'json' };
import { z } from 'zod';

const DefaultSchema = z.discriminatedUnion('kind', [
  /** A plain JSON value (None is null). */
  z.object({ kind: z.literal('value'), value: z.union([z.null(), z.boolean(), z.number(), z.string()]) }),
  /** NumPy's `<no value>` sentinel: the parameter counts as not passed. */
  z.object({ kind: z.literal('novalue') }),
  /** Anything else (a tuple, a type object...), as Python's repr. */
  z.object({ kind: z.literal('repr'), repr: z.string() }),
]);

const ParamSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(['positional-only', 'positional-or-keyword', 'var-positional', 'keyword-only', 'var-keyword']),
  default: DefaultSchema.optional(),
});

const FunctionSchema = z.object({
  /** nd's dotted path: `sum`, `linalg.svd`, `random.Generator.normal`. */
  path: z.string().min(1),
  kind: z.enum(['function', 'ufunc', 'class', 'scalar-type', 'method']),
  /** null when inspect.signature cannot read it (then calls are not bound, only forwarded). */
  params: z.array(ParamSchema).nullable(),
  ufunc: z.object({ nin: z.number().int().min(0), nout: z.number().int().min(1) }).optional(),
});

const FileSchema = z.object({ numpy: z.string(), functions: z.array(FunctionSchema) });

export type ParamDefault = z.infer<typeof DefaultSchema>;
export type NumpyParam = z.infer<typeof ParamSchema>;
export type NumpyFunction = z.infer<typeof FunctionSchema>;
export type NumpySignatures = z.infer<typeof FileSchema>;

let parsed: NumpySignatures | undefined;
let byPath: Map<string, NumpyFunction> | undefined;

/** The whole table (validated once). */
export function numpySignatures(): NumpySignatures {
  parsed ??= FileSchema.parse(raw);
  return parsed;
}

/** NumPy's signature of the callable at `path` (`sum`, `linalg.norm`, `random.Generator.normal`), if listed. */
export function numpySignature(path: string): NumpyFunction | undefined {
  byPath ??= new Map(numpySignatures().functions.map((f) => [f.path, f]));
  return byPath.get(path);
}

/** The NumPy version the table was generated from. */
export function numpySignaturesVersion(): string {
  return numpySignatures().numpy;
}
