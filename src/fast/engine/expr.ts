/**
 * The lazy expression graph. Element-wise operations on fast arrays build nodes instead of
 * computing; codegen.ts compiles a whole graph into one loop when a value is needed.
 */
import type { DTypeName } from '../../common/dtypes.js';
import type { Complex } from '../../common/ndarray.js';
import type { FastArray } from '../array.js';
import type { OpRow } from './ops-table.js';
import type { Epoch } from './storage.js';

interface NodeBase {
  readonly dtype: DTypeName;
  readonly shape: readonly number[];
  /** The epochs of the storages the node reads (storage.ts; deduplicated, usually 1-3). */
  readonly deps: readonly Epoch[];
  /** Number of nodes below and including this one (repeats counted): bounds generated code size. */
  readonly count: number;
}

/** A materialised array read by the kernel. */
export interface LeafNode extends NodeBase {
  readonly kind: 'leaf';
  readonly array: FastArray;
  /** The epoch of `array`'s storage the leaf was made in: it reads the epoch's snapshot once a write ended it. */
  readonly epoch: Epoch;
}

/** A JS scalar already converted to `dtype`; passed to the kernel as a parameter (not baked into code). */
export interface ConstNode extends NodeBase {
  readonly kind: 'const';
  readonly value: number | bigint | Complex;
}

export interface OpNode extends NodeBase {
  readonly kind: 'op';
  readonly op: OpRow;
  /** dtype the arguments have (they are cast nodes when needed). */
  readonly compute: DTypeName;
  readonly args: readonly Node[];
}

export interface CastNode extends NodeBase {
  readonly kind: 'cast';
  readonly arg: Node;
}

export type Node = LeafNode | ConstNode | OpNode | CastNode;

/**
 * Graphs bigger than this are forced before they grow further (keeps generated code small). Measured
 * on V8 11.3 (Node 20) with sums of k shifted 2-D views times constants (4 nodes per term): up to 24
 * terms a kernel costs 1.7-2.3 ns per term and element, from 32 terms on 10-12 ns (register pressure
 * in the optimised loop) and TurboFan needs 0.5 s or more to compile it. 96 nodes keeps kernels on
 * the fast side; an extra materialised intermediate every 24 terms costs far less.
 */
export const MAX_GRAPH_NODES = 96;

export function mergeDeps(nodes: readonly Node[]): readonly Epoch[] {
  let out: Epoch[] | null = null;
  let first: readonly Epoch[] = nodes.length > 0 ? nodes[0].deps : [];
  for (let i = 1; i < nodes.length; i++) {
    for (const s of nodes[i].deps) {
      if (!first.includes(s) && (out === null || !out.includes(s))) {
        if (out === null) out = [...first];
        out.push(s);
      }
    }
    if (out !== null) first = out;
  }
  return out ?? first;
}

export function constNode(dtype: DTypeName, value: number | bigint | Complex): ConstNode {
  return { kind: 'const', dtype, shape: [], deps: [], count: 1, value };
}

export function castNode(arg: Node, dtype: DTypeName): Node {
  if (arg.dtype === dtype) return arg;
  return { kind: 'cast', dtype, shape: arg.shape, deps: arg.deps, count: arg.count + 1, arg };
}

export function opNode(op: OpRow, compute: DTypeName, result: DTypeName, args: readonly Node[], shape: readonly number[]): OpNode {
  let count = 1;
  for (const a of args) count += a.count;
  return { kind: 'op', op, compute, dtype: result, args, shape, deps: mergeDeps(args), count };
}
