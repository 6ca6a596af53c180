import { Node, Tensor } from '../model';
import { InferContext, OpDef } from './types';
import { FLOAT_TYPES, broadcastIndices, canBroadcastTo, evalFail, floatData, floatTensor, groupStats, inputOfType, normalizeAxis } from './helpers';
import { attrFloat, attrInt } from '../attrs';

/**
 * ONNX LayerNormalization (opset 17): normalises over axes [axis, rank), then Scale and B
 * (broadcast to those axes). Optional Mean and InvStdDev outputs keep the reduced axes as 1s and
 * use stash_type's float type (1 = float32).
 */
export const LayerNormalization: OpDef = {
  op: 'LayerNormalization',
  inputs: [{ name: 'X' }, { name: 'Scale' }, { name: 'B', optional: true }],
  outputs: [{ name: 'Y' }, { name: 'Mean', optional: true }, { name: 'InvStdDev', optional: true }],
  attrs: { axis: { type: 'int', default: -1 }, epsilon: { type: 'float', default: 1e-5 }, stash_type: { type: 'int', default: 1 } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, FLOAT_TYPES);
    const axis = normalizeAxis(ctx, attrInt(ctx.node, 'axis'), x.shape.length);
    for (const i of [1, 2]) {
      const p = ctx.inputs[i] && inputOfType(ctx, i, FLOAT_TYPES);
      if (p && !canBroadcastTo(p.shape, x.shape.slice(axis))) ctx.fail(`input ${i} [${p.shape.join(',')}] does not broadcast to [${x.shape.slice(axis).join(',')}]`);
    }
    const stats = x.shape.map((d, i) => (i < axis ? d : 1));
    const sd = stashDType(ctx.node, x.dtype);
    return [{ dtype: x.dtype, shape: [...x.shape] }, { dtype: sd, shape: stats }, { dtype: sd, shape: [...stats] }];
  },
  evalFloat(node, [x, scale, b]) {
    const rank = x!.shape.length;
    const a = attrInt(node, 'axis');
    const axis = a < 0 ? a + rank : a;
    if (axis < 0 || axis >= rank) return evalFail(node, `axis ${a} is out of range for rank ${rank}`);
    return layerNorm(node, x!, scale!, b, axis);
  },
};

function stashDType(node: Node, x: Tensor['dtype']): Tensor['dtype'] {
  const s = attrInt(node, 'stash_type');
  return s === 1 ? 'float32' : s === 11 ? 'float64' : x;
}

function layerNorm(node: Node, x: Tensor, scale: Tensor, b: Tensor | undefined, axis: number): Tensor[] {
  const norm = x.shape.slice(axis);
  const size = norm.reduce((p, q) => p * q, 1);
  const groups = x.shape.slice(0, axis).reduce((p, q) => p * q, 1);
  const xd = floatData(x);
  const sIdx = broadcastIndices(scale.shape, norm);
  const bIdx = b ? broadcastIndices(b.shape, norm) : undefined;
  const sd = floatData(scale);
  const bd = b ? floatData(b) : undefined;
  const eps = attrFloat(node, 'epsilon');
  const { mean, variance } = groupStats(xd, groups, size);
  const inv = variance.map((v) => 1 / Math.sqrt(v + eps));
  const y = new Float64Array(xd.length);
  for (let g = 0; g < groups; g++) {
    for (let i = 0; i < size; i++) {
      const k = g * size + i;
      y[k] = (xd[k] - mean[g]) * inv[g] * sd[sIdx[i]] + (bd ? bd[bIdx![i]] : 0);
    }
  }
  const stats = x.shape.map((d, i) => (i < axis ? d : 1));
  const st = stashDType(node, x.dtype);
  return [floatTensor(x.dtype, [...x.shape], y), floatTensor(st, stats, mean), floatTensor(st, [...stats], inv)];
}
