import { Tensor } from '../model';
import { InferContext, OpDef } from './types';
import { FLOAT_TYPES, floatData, floatTensor, inputOfType } from './helpers';
import { attrFloat, attrInt } from '../attrs';

/**
 * ONNX BatchNormalization, inference mode: Y = (X - mean) / sqrt(var + epsilon) · scale + B over
 * channel axis 1 (per element of [C, D...] when the opset 7–8 attribute spatial = 0).
 * training_mode = 1 (opset 14+) normalises with the batch statistics and outputs the running
 * mean and variance (input · momentum + batch · (1 - momentum)); opset < 14 statistics outputs are rejected.
 */
export const BatchNormalization: OpDef = {
  op: 'BatchNormalization',
  inputs: [{ name: 'X' }, { name: 'scale' }, { name: 'B' }, { name: 'input_mean' }, { name: 'input_var' }],
  outputs: [{ name: 'Y' }, ...['running_mean', 'running_var', 'saved_mean', 'saved_var'].map((name) => ({ name, optional: true }))],
  attrs: {
    epsilon: { type: 'float', default: 1e-5 },
    momentum: { type: 'float', default: 0.9 },
    spatial: { type: 'int', default: 1 },
    training_mode: { type: 'int', default: 0 },
  },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, FLOAT_TYPES);
    const training = attrInt(ctx.node, 'training_mode') !== 0;
    const extra = ctx.node.outputs.slice(1).filter((o) => o !== '').length;
    if (extra > 0 && !training) ctx.fail('the running statistics outputs exist only in training mode');
    if (ctx.node.outputs.length > 3) ctx.fail('the saved_mean/saved_var outputs (opset < 14 training) are not supported');
    if (x.shape.length < 2) ctx.fail(`X must be [N,C,...], got [${x.shape.join(',')}]`);
    const per = x.shape.slice(1).reduce((p, q) => p * q, 1);
    for (let i = 1; i < 5; i++) {
      const n = inputOfType(ctx, i, FLOAT_TYPES).shape.reduce((p, q) => p * q, 1);
      if (n !== x.shape[1] && n !== per) ctx.fail(`input ${i} has ${n} elements; expected ${x.shape[1]} (one per channel)`);
    }
    const stat = { dtype: x.dtype, shape: [x.shape[1]] };
    return [{ dtype: x.dtype, shape: [...x.shape] }, stat, { ...stat }];
  },
  evalFloat(node, [x, scale, b, mean, variance]) {
    const eps = attrFloat(node, 'epsilon');
    if (attrInt(node, 'training_mode') === 0) return [batchNorm(x!, [scale!, b!, mean!, variance!], eps)];
    const batch = channelStats(x!);
    const m = attrFloat(node, 'momentum');
    const running = (t: Tensor, cur: Float64Array) => floatTensor(t.dtype, [cur.length], floatData(t).map((v, i) => v * m + cur[i] * (1 - m)));
    const stats = [batch.mean, batch.variance].map((d) => floatTensor(x!.dtype, [d.length], d));
    return [batchNorm(x!, [scale!, b!, ...stats], eps), running(mean!, batch.mean), running(variance!, batch.variance)];
  },
};

function batchNorm(x: Tensor, params: Tensor[], eps: number): Tensor {
  const c = x.shape[1];
  const inner = x.shape.slice(2).reduce((p, q) => p * q, 1);
  const [s, b, m, v] = params.map(floatData);
  const perChannel = s.length === c;
  const xd = floatData(x);
  const y = new Float64Array(xd.length);
  for (let i = 0; i < xd.length; i++) {
    const j = perChannel ? Math.floor(i / inner) % c : i % (c * inner);
    y[i] = ((xd[i] - m[j]) / Math.sqrt(v[j] + eps)) * s[j] + b[j];
  }
  return floatTensor(x.dtype, [...x.shape], y);
}

/** Mean and biased variance of each channel of [N, C, D...] over N and the spatial axes. */
function channelStats(x: Tensor): { mean: Float64Array; variance: Float64Array } {
  const [n, c] = x.shape;
  const inner = x.shape.slice(2).reduce((p, q) => p * q, 1);
  const xd = floatData(x);
  const mean = new Float64Array(c);
  const variance = new Float64Array(c);
  const count = n * inner;
  for (let i = 0; i < xd.length; i++) mean[Math.floor(i / inner) % c] += xd[i] / count;
  for (let i = 0; i < xd.length; i++) variance[Math.floor(i / inner) % c] += (xd[i] - mean[Math.floor(i / inner) % c]) ** 2 / count;
  return { mean, variance };
}
