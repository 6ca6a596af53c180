import { Node } from '../model';
import { InferContext, OpDef } from './types';
import { ANY_TYPE, DTYPE_OF_ONNX_CODE, indexMap, inputOfType, requireRank, takeElements } from './helpers';
import { attrInt } from '../attrs';
import { DType } from '../model';
import { makeTensor } from '../tensor';

/** ONNX EyeLike: ones on diagonal k of a 2-D tensor shaped like the input, of `dtype` (default the input's). */
export const EyeLike: OpDef = {
  op: 'EyeLike',
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attrs: { dtype: { type: 'int' }, k: { type: 'int', default: 0 } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, ANY_TYPE);
    requireRank(ctx, x, 2);
    const dtype = dtypeOf(ctx.node, x.dtype) ?? ctx.fail(`dtype ${attrInt(ctx.node, 'dtype')} is not supported`);
    return [{ dtype, shape: [...x.shape] }];
  },
  evalFloat(node, [x]) {
    const dtype = dtypeOf(node, x!.dtype) ?? 'float32';
    const k = attrInt(node, 'k');
    const idx = indexMap(x!.shape, ([i, j]) => (j - i === k ? 1 : 0));
    return [takeElements(makeTensor(dtype, [2], [0, 1]), [...x!.shape], idx)];
  },
};

function dtypeOf(node: Node, input: DType): DType | undefined {
  return node.attrs.dtype ? DTYPE_OF_ONNX_CODE[attrInt(node, 'dtype')] : input;
}
