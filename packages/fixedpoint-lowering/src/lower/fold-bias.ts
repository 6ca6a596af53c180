import { Node, sameShape, tensorValues } from '@onnx-zk/tensor-ir';
import { LowerContext } from './context';

/** An Add of a constant that can be folded into the bias of the Linear before it. */
export interface BiasAdd {
  add: Node;
  /** The constant, broadcast to [N]. */
  bias: number[];
}

/**
 * Finds `Add(y, c)` right after the matmul producing y when y has no other use, c is a constant
 * that only varies along the last axis (shape [..., 1, N] or a scalar) and the Add does not
 * broadcast y. Folding it makes the bias exact at frac 2f instead of a separate Add after rescaling.
 */
export function findBiasAdd(ctx: LowerContext, matmul: Node, n: number): BiasAdd | undefined {
  const y = matmul.outputs[0];
  const users = ctx.consumersOf(y);
  if (users.length !== 1 || ctx.isGraphOutput(y)) return undefined;
  const add = users[0];
  if (add.op !== 'Add' || add.inputs.length !== 2 || add.inputs[0] === add.inputs[1]) return undefined;
  const c = ctx.constant(add.inputs[0] === y ? add.inputs[1] : add.inputs[0]);
  if (!c || !sameShape(ctx.shapeOf(add.outputs[0]), ctx.shapeOf(y))) return undefined;
  if (!c.shape.slice(0, -1).every((d) => d === 1)) return undefined;
  const last = c.shape.length ? c.shape[c.shape.length - 1] : 1;
  if (last !== n && last !== 1) return undefined;
  const values = tensorValues(c);
  return { add, bias: Array.from({ length: n }, (_, j) => values[last === 1 ? 0 : j]) };
}
