import { Node } from '@onnx-zk/tensor-ir';
import { LowerContext } from './context';

/**
 * Lowers a float op that only changes the shape (Reshape, Flatten, Identity) to a fixed Reshape
 * whose `shape` attribute is the float output's inferred static shape. (A constant input was
 * folded before: weights reshaped in the model are quantized where they are used.)
 */
export function lowerAsReshape(node: Node, ctx: LowerContext): void {
  const [x] = node.inputs;
  const out = node.outputs[0];
  const shape = ctx.shapeOf(out);
  const xv = ctx.value(x, ctx.siteOf(node));
  const y = ctx.valueFor(out, xv.frac, shape);
  ctx.emit({ op: 'Reshape', name: node.name, inputs: [xv.name], attrs: { shape: { type: 'ints', value: shape } }, loc: ctx.locOf(node), outputs: [y] });
  ctx.bind(out, y);
}
