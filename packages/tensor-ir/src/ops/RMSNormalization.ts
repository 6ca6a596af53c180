import { InferContext, OpDef } from './types';
import { FLOAT_TYPES, broadcastIndices, canBroadcastTo, evalFail, floatData, floatTensor, inputOfType, normalizeAxis } from './helpers';
import { attrFloat, attrInt } from '../attrs';

/** ONNX RMSNormalization (opset 23): X / sqrt(mean(X²) + epsilon) over axes [axis, rank), times Scale. */
export const RMSNormalization: OpDef = {
  op: 'RMSNormalization',
  inputs: [{ name: 'X' }, { name: 'scale' }],
  outputs: [{ name: 'Y' }],
  attrs: { axis: { type: 'int', default: -1 }, epsilon: { type: 'float', default: 1e-5 }, stash_type: { type: 'int', default: 1 } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, FLOAT_TYPES);
    const axis = normalizeAxis(ctx, attrInt(ctx.node, 'axis'), x.shape.length);
    const s = inputOfType(ctx, 1, FLOAT_TYPES);
    if (!canBroadcastTo(s.shape, x.shape.slice(axis))) ctx.fail(`scale [${s.shape.join(',')}] does not broadcast to [${x.shape.slice(axis).join(',')}]`);
    return [{ dtype: x.dtype, shape: [...x.shape] }];
  },
  evalFloat(node, [x, scale]) {
    const rank = x!.shape.length;
    const a = attrInt(node, 'axis');
    const axis = a < 0 ? a + rank : a;
    if (axis < 0 || axis >= rank) return evalFail(node, `axis ${a} is out of range for rank ${rank}`);
    const norm = x!.shape.slice(axis);
    const size = norm.reduce((p, q) => p * q, 1);
    const xd = floatData(x!);
    const sd = floatData(scale!);
    const sIdx = broadcastIndices(scale!.shape, norm);
    const eps = attrFloat(node, 'epsilon');
    const y = new Float64Array(xd.length);
    for (let g = 0; g * size < xd.length; g++) {
      let sq = 0;
      for (let i = 0; i < size; i++) sq += xd[g * size + i] ** 2;
      const inv = 1 / Math.sqrt(sq / size + eps);
      for (let i = 0; i < size; i++) y[g * size + i] = xd[g * size + i] * inv * sd[sIdx[i]];
    }
    return [floatTensor(x!.dtype, [...x!.shape], y)];
  },
};
