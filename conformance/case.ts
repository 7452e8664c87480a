/**
 * A conformance case: one catalog corner, its TypeScript form written once against the runtime-neutral
 * namespace, the equivalent NumPy expression in Python (the oracle), and the trials (inputs and
 * parameters) it runs on.
 */
import type { NdArray } from '../src/common/ndarray.js';
import type { Tolerance } from './compare.js';
import type { InputSpec } from './inputs.js';
import type { Namespace } from './xp.js';

export type ParamValue = number | string | boolean | null | readonly ParamValue[];
export type Params = Readonly<Record<string, ParamValue>>;

export interface TrialSpec {
  /** Shown in failure details; defaults to the inputs' dtypes, shapes and views. */
  readonly label?: string;
  /** Input arrays by name: the same names in the Python expression and in `run`'s `a`. */
  readonly inputs: Readonly<Record<string, InputSpec>>;
  /** Plain parameters by name: Python sees them as variables (JSON lists become tuples). */
  readonly params?: Params;
}

/** What a case sees of the run besides the namespace. */
export interface CaseContext {
  readonly runtime: string;
  readonly defaultInt: 'int32' | 'int64';
  /** The namespace the runtime's arrays belong to (LoadedRuntime.arrayNamespace). */
  readonly arrayNamespace: Namespace;
  /** The bridge module (src/bridge), when a case requires it. */
  readonly bridge?: Namespace;
  /**
   * Evaluate a Python expression in the embedded NumPy (compat's evaluate), for bridge cases that need a
   * NumPy-side object. Absent when compat is unavailable.
   */
  readonly pyEval?: (expr: string, vars?: Record<string, unknown>) => unknown;
  /**
   * The trial's input `name` built as a NumPy array in the embedded interpreter (from the same bytes the
   * oracle uses, view applied), returned as compat returns arrays. Throws when compat is unavailable.
   */
  readonly numpyInput?: (name: string) => unknown;
  /** The runtime's asarray for foreign arrays (NumPy arrays, scijs/@stdlib ndarrays, TypedArrays); see LoadedRuntime.importArray. */
  readonly importArray: (obj: unknown, options?: Record<string, unknown>) => unknown;
}

export type CaseRun = (xp: Namespace, a: Readonly<Record<string, NdArray>>, p: Params, ctx: CaseContext) => unknown;

export interface Case {
  readonly corner: string;
  /** A Python expression over `np`, the input names and the parameter names. */
  readonly py: string;
  readonly run: CaseRun;
  readonly trials: readonly TrialSpec[];
  readonly tol?: Tolerance;
  /** The result's dtype is the default integer (NumPy int64 = fast int32), see DESIGN.md. */
  readonly defaultInt?: boolean;
  /** Compare values only (the result's dtype is not part of the corner). */
  readonly ignoreDtype?: boolean;
  /** NumPy raises here; a runtime passes by throwing one of ndbridge's typed errors. */
  readonly expectError?: boolean;
  /**
   * Parameter corners: the same Python call with the corner's parameter left out. NumPy's answer to it
   * differs from its answer to `py` on every trial (conformance/params.test.ts checks this), so a runtime
   * that silently ignores the parameter cannot pass.
   */
  readonly ignored?: string;
  /** Parts of the project the case needs beyond the runtime itself. */
  readonly requires?: readonly 'bridge'[];
}

/** One trial of the whole trial set, with its index. */
export interface TrialRef {
  readonly case: Case;
  readonly index: number;
  readonly spec: TrialSpec;
}
