import { Node, assert, onnxOps } from '@onnx-zk/tensor-ir';
import { LowerContext } from './context';

/** Whether every present input of a float node is a constant (so it can be evaluated now). */
export function hasConstantInputs(node: Node, ctx: LowerContext): boolean {
  return node.inputs.every((i) => i === '' || ctx.constant(i) !== undefined);
}

/**
 * Evaluates a node whose inputs are all constants with tensor-ir's float semantics (the op's one
 * definition) and records its outputs as float constants; users quantize them where needed.
 */
export function foldConstant(node: Node, ctx: LowerContext): void {
  const evalFloat = onnxOps[node.op]?.evalFloat;
  assert(evalFloat && hasConstantInputs(node, ctx), `node ${node.name} cannot be folded`);
  const outs = evalFloat(node, node.inputs.map((i) => (i === '' ? undefined : ctx.constant(i))), ctx.source.opset);
  node.outputs.forEach((o, k) => {
    if (o !== '') ctx.defineConstant(o, outs[k]);
  });
}
