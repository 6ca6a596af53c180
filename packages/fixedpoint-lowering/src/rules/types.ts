import { Node, ValueInfo } from '@onnx-zk/tensor-ir';
import { Interval, ReadInterval } from '../bounds/interval';
import type { LowerContext } from '../lower/context';

/** ValueInfo (shape, FixedInfo) of a fixed node's inputs and outputs (undefined when absent). */
export interface FixedTypes {
  inputs: (ValueInfo | undefined)[];
  outputs: (ValueInfo | undefined)[];
}

/**
 * Everything the fixed-point stage knows about one op name. The float part (`lower`) turns an
 * ONNX node into fixed nodes; the fixed part gives the op's exact integer semantics and its sound
 * interval rule. Add, Relu and Reshape exist in both dialects and so have both parts.
 */
export interface Rule {
  /** Set instead of `lower` for an ONNX op that is known but cannot be lowered yet: the reason. */
  unsupported?: string;
  /** Fixed ops of other names that `lower` emits (docs/supported-ops.md lists their gadgets). */
  via?: string[];
  /** Float ONNX node → fixed nodes, emitted through ctx. */
  lower?(node: Node, ctx: LowerContext): void;
  /**
   * Integer semantics: one bigint array per output, exact (never wrapped); the interpreter checks
   * every element against the proven bounds. Absent optional inputs are undefined; an absent
   * optional output's array is computed all the same and dropped.
   */
  evalInt?(node: Node, inputs: (BigInt64Array | undefined)[], types: FixedTypes): bigint[][];
  /**
   * Interval rule: per-element bounds of every output (absent ones too) from those of the inputs,
   * exact (never wrapped). A constant input's bounds are its int64 data: read-only, not an Array.
   */
  bounds?(node: Node, inputs: (ReadInterval | undefined)[], types: FixedTypes): Interval[];
}
