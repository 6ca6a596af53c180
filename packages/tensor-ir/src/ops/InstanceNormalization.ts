import { InferContext, OpDef } from './types';
import { FLOAT_TYPES, floatData, floatTensor, groupStats, inputOfType } from './helpers';
import { attrFloat } from '../attrs';

/** ONNX InstanceNormalization: each [n, c] plane normalised by its own mean and variance, then scale[c], B[c]. */
export const InstanceNormalization: OpDef = {
  op: 'InstanceNormalization',
  inputs: [{ name: 'input' }, { name: 'scale' }, { name: 'B' }],
  outputs: [{ name: 'output' }],
  attrs: { epsilon: { type: 'float', default: 1e-5 } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, FLOAT_TYPES);
    if (x.shape.length < 3) ctx.fail(`input must be [N,C,D...], got [${x.shape.join(',')}]`);
    for (const i of [1, 2]) {
      const s = inputOfType(ctx, i, FLOAT_TYPES).shape;
      if (s.length !== 1 || s[0] !== x.shape[1]) ctx.fail(`input ${i} must be [${x.shape[1]}], got [${s.join(',')}]`);
    }
    return [{ dtype: x.dtype, shape: [...x.shape] }];
  },
  evalFloat(node, [x, scale, b]) {
    const [n, c] = x!.shape;
    const inner = x!.shape.slice(2).reduce((p, q) => p * q, 1);
    const xd = floatData(x!);
    const sd = floatData(scale!);
    const bd = floatData(b!);
    const eps = attrFloat(node, 'epsilon');
    const { mean, variance } = groupStats(xd, n * c, inner);
    const y = new Float64Array(xd.length);
    for (let i = 0; i < xd.length; i++) {
      const g = Math.floor(i / inner);
      y[i] = ((xd[i] - mean[g]) / Math.sqrt(variance[g] + eps)) * sd[g % c] + bd[g % c];
    }
    return [floatTensor(x!.dtype, [...x!.shape], y)];
  },
};
