import { OpDef } from './types';
import { ANY_TYPE, castTensor, inputOfType } from './helpers';

/** ONNX CastLike (opset 15): Cast `input` to the dtype of `target_type` (whose values are unused). */
export const CastLike: OpDef = {
  op: 'CastLike',
  inputs: [{ name: 'input' }, { name: 'target_type' }],
  outputs: [{ name: 'output' }],
  attrs: { saturate: { type: 'int', default: 1 } },
  infer(ctx) {
    const x = inputOfType(ctx, 0, ANY_TYPE);
    const target = inputOfType(ctx, 1, ANY_TYPE);
    return [{ dtype: target.dtype, shape: [...x.shape] }];
  },
  evalFloat: (_node, [x, target]) => [castTensor(x!, target!.dtype)],
};
