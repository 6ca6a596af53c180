import { InferContext, OpDef } from './types';
import { FLOAT_TYPES, globalPool, inputOfType } from './helpers';


/** ONNX GlobalMaxPool: the maximum over all spatial axes of [N, C, D...] → [N, C, 1, ...]. */
export const GlobalMaxPool: OpDef = {
  op: 'GlobalMaxPool',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attrs: {},
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, FLOAT_TYPES);
    if (x.shape.length < 3) ctx.fail(`X must be [N,C,D...], got [${x.shape.join(',')}]`);
    return [{ dtype: x.dtype, shape: x.shape.map((d, i) => (i < 2 ? d : 1)) }];
  },
  evalFloat(_node, [x]) {
    return [globalPool(x!, (v) => v.reduce((a, b) => Math.max(a, b), -Infinity))];
  },
};
