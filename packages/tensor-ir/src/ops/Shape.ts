import { Node } from '../model';
import { InferContext, OpDef } from './types';
import { ANY_TYPE, inputOfType } from './helpers';
import { attrInt } from '../attrs';
import { makeTensor } from '../tensor';

/** ONNX Shape: the input's dimensions as int64, optionally dims[start:end] (opset 15+, clamped). */
export const Shape: OpDef = {
  op: 'Shape',
  inputs: [{ name: 'data' }],
  outputs: [{ name: 'shape' }],
  attrs: { start: { type: 'int', default: 0 }, end: { type: 'int' } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, ANY_TYPE);
    return [{ dtype: 'int64', shape: [shapeSlice(ctx.node, x.shape).length] }];
  },
  evalFloat(node, [x]) {
    const dims = shapeSlice(node, x!.shape);
    return [makeTensor('int64', [dims.length], dims)];
  },
};

function shapeSlice(node: Node, shape: number[]): number[] {
  const rank = shape.length;
  const clamp = (v: number) => Math.min(Math.max(v < 0 ? v + rank : v, 0), rank);
  const start = clamp(attrInt(node, 'start'));
  const end = node.attrs.end ? clamp(attrInt(node, 'end')) : rank;
  return shape.slice(start, Math.max(start, end));
}
