import { OpDef } from './types';
import { ANY_TYPE, inputOfType, normalizeAxis } from './helpers';
import { attrInt } from '../attrs';
import { makeTensor } from '../tensor';
import { numel } from '../model';

/** ONNX Flatten: [d0..d(axis-1), d(axis)..] → [prod of the first, prod of the rest]. */
export const Flatten: OpDef = {
  op: 'Flatten',
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attrs: { axis: { type: 'int', default: 1 } },
  infer(ctx) {
    const x = inputOfType(ctx, 0, ANY_TYPE);
    const axis = normalizeAxis(ctx, attrInt(ctx.node, 'axis'), x.shape.length, 1);
    return [{ dtype: x.dtype, shape: flattenShape(x.shape, axis) }];
  },
  evalFloat(node, [x]) {
    const rank = x!.shape.length;
    const axis = attrInt(node, 'axis');
    return [makeTensor(x!.dtype, flattenShape(x!.shape, axis < 0 ? axis + rank : axis), x!.data.slice())];
  },
};

function flattenShape(shape: number[], axis: number): number[] {
  return [numel(shape.slice(0, axis)), numel(shape.slice(axis))];
}
