import { Node, Tensor } from '../model';
import { InferContext, OpDef } from './types';
import { constInts, inputOfType } from './helpers';
import { makeTensor, tensorValues } from '../tensor';

/** ONNX ConstantOfShape: a tensor of the requested shape filled with `value` (default float32 0). */
export const ConstantOfShape: OpDef = {
  op: 'ConstantOfShape',
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attrs: { value: { type: 'tensor' } },
  infer(ctx: InferContext) {
    inputOfType(ctx, 0, ['int64']);
    const shape = constInts(ctx, 0, 'shape');
    if (shape.some((d) => d < 0 || !Number.isInteger(d))) ctx.fail(`invalid shape [${shape.join(',')}]`);
    return [{ dtype: fillOf(ctx.node).dtype, shape }];
  },
  evalFloat(node, [s]) {
    const v = fillOf(node);
    const out = makeTensor(v.dtype, tensorValues(s!));
    (out.data as unknown as { fill(x: unknown): void }).fill(v.data[0]);
    return [out];
  },
};

function fillOf(node: Node): Tensor {
  const a = node.attrs.value;
  return a && a.type === 'tensor' ? a.value : makeTensor('float32', [1], [0]);
}
