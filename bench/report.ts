/** The report of one `ndbridge bench` run: every figure, the machine, the versions. Validated with zod. */
import { z } from 'zod';
import { CONTENDER_IDS } from './contender.js';
import { UserPolicySchema } from './user/measure.js';
import { USER_GROUPS, USER_WORKLOAD_IDS } from './user/workloads.js';
import { WORKLOAD_IDS } from './workloads.js';

export const MeasuredCellSchema = z.object({
  contender: z.enum(CONTENDER_IDS),
  status: z.literal('ok'),
  /** Milliseconds. */
  median: z.number().nonnegative(),
  min: z.number().nonnegative(),
  max: z.number().nonnegative(),
  reps: z.number().int().positive(),
  samples: z.array(z.number().nonnegative()),
  /** NumPy-in-CPython median / this median: above 1 is faster than NumPy. Absent without a NumPy figure. */
  speedup: z.number().positive().optional(),
  checksum: z.number(),
  /** False when no NumPy checksum was available to compare with. */
  checked: z.boolean(),
  /** The only sample is a cold first run (--quick, a run longer than the budget). */
  cold: z.boolean(),
});

export const MissingCellSchema = z.object({
  contender: z.enum(CONTENDER_IDS),
  status: z.enum(['unavailable', 'wrong', 'error']),
  reason: z.string().min(1),
});

export const CellSchema = z.discriminatedUnion('status', [MeasuredCellSchema, MissingCellSchema]);

/** The user-style table (issue 12): fresh results, no dispose, no event-loop turns. */
export const UserSectionSchema = z.object({
  policy: UserPolicySchema,
  cases: z.array(
    z.object({
      key: z.string(),
      workload: z.enum(USER_WORKLOAD_IDS),
      group: z.enum(USER_GROUPS),
      label: z.string(),
      description: z.string(),
      cells: z.array(CellSchema),
    }),
  ),
});

export const ReportSchema = z.object({
  tool: z.literal('ndbridge bench'),
  date: z.string(),
  command: z.string(),
  quick: z.boolean(),
  policy: z.object({
    warmup: z.number().int().nonnegative(),
    minReps: z.number().int().positive(),
    maxReps: z.number().int().positive(),
    budgetMs: z.number().nonnegative(),
    coldSlowRun: z.boolean(),
  }),
  sizes: z.object({
    n: z.number().int().positive(),
    image: z.number().int().positive(),
    kernel: z.number().int().positive(),
    matmul: z.number().int().positive(),
    asarray: z.array(z.number().int().positive()),
  }),
  machine: z.object({
    cpu: z.string(),
    cores: z.number().int().positive(),
    memoryGiB: z.number().positive(),
    os: z.string(),
    node: z.string(),
    v8: z.string(),
    python: z.string(),
    numpy: z.string(),
    blas: z.string(),
    /** 1-minute load averages when the run started and ended (other work on the machine skews figures). */
    loadStart: z.number().nonnegative(),
    loadEnd: z.number().nonnegative(),
  }),
  packages: z.record(z.string(), z.string()),
  reference: z.literal('numpy'),
  contenders: z.array(
    z.object({
      id: z.enum(CONTENDER_IDS),
      label: z.string(),
      note: z.string().optional(),
      version: z.string().optional(),
      unavailable: z.string().optional(),
    }),
  ),
  excluded: z.array(z.object({ name: z.string(), reason: z.string() })),
  /** The user-style table, the headline (absent when --only selected none of its workloads). */
  user: UserSectionSchema.optional(),
  /** The recycled-memory table: previous result disposed and the event loop yielded between runs. */
  cases: z.array(
    z.object({
      key: z.string(),
      workload: z.enum(WORKLOAD_IDS),
      label: z.string(),
      description: z.string(),
      cells: z.array(CellSchema),
    }),
  ),
});

export type Report = z.infer<typeof ReportSchema>;
export type Cell = z.infer<typeof CellSchema>;
export type MeasuredCell = z.infer<typeof MeasuredCellSchema>;
export type CaseReport = Report['cases'][number];
export type UserSection = z.infer<typeof UserSectionSchema>;
export type UserCaseReport = UserSection['cases'][number];
