import { InferContext, OpDef } from './types';
import { ANY_TYPE, inputOfType } from './helpers';
import { makeTensor } from '../tensor';
import { numel } from '../model';

/** ONNX Size: the input's element count as an int64 scalar. */
export const Size: OpDef = {
  op: 'Size',
  inputs: [{ name: 'data' }],
  outputs: [{ name: 'size' }],
  attrs: {},
  infer(ctx: InferContext) {
    inputOfType(ctx, 0, ANY_TYPE);
    return [{ dtype: 'int64', shape: [] }];
  },
  evalFloat(_node, [x]) {
    return [makeTensor('int64', [], [numel(x!.shape)])];
  },
};
