import { InferContext, OpDef } from './types';
import { FLOAT_TYPES, evalFail, floatData, floatTensor, forEachIndex, inputOfType, normalizeAxes } from './helpers';
import { attrInts } from '../attrs';
import { stridesOf } from '../tensor';

/** The ONNX function adds this to the standard deviation. */
const EPSILON = 1e-9;

/** ONNX MeanVarianceNormalization: (X - mean) / (std + 1e-9), statistics over `axes` (default [0, 2, 3]). */
export const MeanVarianceNormalization: OpDef = {
  op: 'MeanVarianceNormalization',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attrs: { axes: { type: 'ints', default: [0, 2, 3] } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, FLOAT_TYPES);
    if (!normalizeAxes(attrInts(ctx.node, 'axes'), x.shape.length)) ctx.fail(`axes [${attrInts(ctx.node, 'axes').join(',')}] out of range for rank ${x.shape.length}`);
    return [{ dtype: x.dtype, shape: [...x.shape] }];
  },
  evalFloat(node, [x]) {
    const axes = normalizeAxes(attrInts(node, 'axes'), x!.shape.length) ?? evalFail(node, 'axes out of range');
    const kept = x!.shape.map((d, i) => (axes.includes(i) ? 1 : d));
    const keptStrides = stridesOf(kept).map((s, i) => (axes.includes(i) ? 0 : s));
    const groupOf = new Int32Array(x!.data.length);
    forEachIndex(x!.shape, (c, k) => { groupOf[k] = c.reduce((acc, v, i) => acc + v * keptStrides[i], 0); });
    const groups = kept.reduce((p, q) => p * q, 1);
    const count = x!.data.length / groups;
    const xd = floatData(x!);
    const sum = new Float64Array(groups);
    const sq = new Float64Array(groups);
    xd.forEach((v, k) => { sum[groupOf[k]] += v; sq[groupOf[k]] += v * v; });
    const y = xd.map((v, k) => {
      const m = sum[groupOf[k]] / count;
      return (v - m) / (Math.sqrt(Math.max(0, sq[groupOf[k]] / count - m * m)) + EPSILON);
    });
    return [floatTensor(x!.dtype, [...x!.shape], y)];
  },
};
