import { InferContext, OpDef } from './types';
import { ANY_TYPE, broadcastIndices, broadcastShapes, constInts, evalFail, inputOfType, takeElements } from './helpers';
import { tensorValues } from '../tensor';

/** ONNX Expand: broadcasts the input against the requested shape (numpy rules, both directions). */
export const Expand: OpDef = {
  op: 'Expand',
  inputs: [{ name: 'input' }, { name: 'shape' }],
  outputs: [{ name: 'output' }],
  attrs: {},
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, ANY_TYPE);
    inputOfType(ctx, 1, ['int64']);
    const want = constInts(ctx, 1, 'shape');
    const shape = broadcastShapes(x.shape, want);
    if (!shape) ctx.fail(`[${x.shape.join(',')}] does not broadcast to [${want.join(',')}]`);
    return [{ dtype: x.dtype, shape }];
  },
  evalFloat(node, [x, s]) {
    const shape = broadcastShapes(x!.shape, tensorValues(s!));
    if (!shape) return evalFail(node, `[${x!.shape.join(',')}] does not broadcast to [${tensorValues(s!).join(',')}]`);
    return [takeElements(x!, shape, broadcastIndices(x!.shape, shape))];
  },
};
