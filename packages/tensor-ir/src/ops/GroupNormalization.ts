import { InferContext, OpDef } from './types';
import { FLOAT_TYPES, floatData, floatTensor, groupStats, inputOfType } from './helpers';
import { attrFloat, attrInt } from '../attrs';

/**
 * ONNX GroupNormalization: channels of [N, C, D...] split into num_groups groups, each normalised
 * by its mean and variance; scale and bias are per channel from opset 21, per group before.
 */
export const GroupNormalization: OpDef = {
  op: 'GroupNormalization',
  inputs: [{ name: 'X' }, { name: 'scale' }, { name: 'bias' }],
  outputs: [{ name: 'Y' }],
  attrs: { epsilon: { type: 'float', default: 1e-5 }, num_groups: { type: 'int', required: true }, stash_type: { type: 'int', default: 1 } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, FLOAT_TYPES);
    const groups = attrInt(ctx.node, 'num_groups');
    if (x.shape.length < 2 || groups < 1 || x.shape[1] % groups !== 0) ctx.fail(`${x.shape[1]} channels do not split into ${groups} groups`);
    const want = ctx.opset >= 21 ? x.shape[1] : groups;
    for (const i of [1, 2]) {
      const s = inputOfType(ctx, i, FLOAT_TYPES).shape;
      if (s.length !== 1 || s[0] !== want) ctx.fail(`input ${i} must be [${want}], got [${s.join(',')}]`);
    }
    return [{ dtype: x.dtype, shape: [...x.shape] }];
  },
  evalFloat(node, [x, scale, bias], opset) {
    const [n, c] = x!.shape;
    const groups = attrInt(node, 'num_groups');
    const inner = x!.shape.slice(2).reduce((p, q) => p * q, 1);
    const size = (c / groups) * inner;
    const xd = floatData(x!);
    const sd = floatData(scale!);
    const bd = floatData(bias!);
    const { mean, variance } = groupStats(xd, n * groups, size);
    const eps = attrFloat(node, 'epsilon');
    const y = new Float64Array(xd.length);
    for (let i = 0; i < xd.length; i++) {
      const g = Math.floor(i / size);
      const p = opset >= 21 ? Math.floor(i / inner) % c : g % groups;
      y[i] = ((xd[i] - mean[g]) / Math.sqrt(variance[g] + eps)) * sd[p] + bd[p];
    }
    return [floatTensor(x!.dtype, [...x!.shape], y)];
  },
};
