import { Node } from '@onnx-zk/tensor-ir';
import { lowerAsReshape } from '../lower/as-reshape';
import { LowerContext } from '../lower/context';
import { lowerDataMovement, padFill } from '../lower/data-movement';
import { lowerTableGather } from './TableGather';
import { Rule } from './types';

/** An op of the data-movement class whose moved operand is its first input; the others must be constants. */
const movesFirst: Rule = { via: ['IndexMap'], lower: (node, ctx) => lowerDataMovement(node, ctx, { data: [0] }) };
const asReshape: Rule = { via: ['Reshape'], lower: lowerAsReshape };
/** Resize and Upsample: nearest modes move data; linear and cubic are affine (coefficients probed). */
const resize: Rule = { via: ['IndexMap', 'SparseLinear'], lower: (node, ctx) => lowerDataMovement(node, ctx, { data: [0], affine: true }) };

/**
 * The data-movement class (DESIGN.md "Growing to a hundred ops"): each row says which operands are
 * moved; the index map comes from the op's own float semantics (lower/data-movement.ts). Free in
 * the circuit: output wires are input wires.
 */
export const dataMovementRules: Record<string, Rule> = {
  Concat: { via: ['IndexMap'], lower: (node, ctx) => lowerDataMovement(node, ctx, { data: node.inputs.map((_, i) => i) }) },
  DepthToSpace: movesFirst,
  Expand: movesFirst,
  /** Gather with constant indices moves data; a constant table indexed by token ids is a TableGather (a selector gadget). */
  Gather: {
    via: ['IndexMap', 'TableGather'],
    lower: (node, ctx) => (ctx.constant(node.inputs[1]) || !ctx.constant(node.inputs[0]) ? lowerDataMovement(node, ctx, { data: [0] }) : lowerTableGather(node, ctx)),
  },
  GatherElements: movesFirst,
  GatherND: movesFirst,
  Pad: { via: ['IndexMap'], lower: (node: Node, ctx: LowerContext) => lowerDataMovement(node, ctx, { data: [0], fill: padFill(node, ctx, ctx.source.opset) }) },
  Resize: resize,
  Slice: movesFirst,
  SpaceToDepth: movesFirst,
  Split: movesFirst,
  Squeeze: asReshape,
  Tile: movesFirst,
  Transpose: movesFirst,
  Unsqueeze: asReshape,
  Upsample: resize,
  /** Where with a constant condition: each element comes from X or Y (either may be a constant: its values become fills). */
  Where: { via: ['IndexMap'], lower: (node, ctx) => lowerDataMovement(node, ctx, { data: [1, 2] }) },
};
