import { Tensor } from '../model';
import { InferContext, OpDef } from './types';
import { NUMERIC_TYPES, EinsumPlan, evalFail, floatData, floatTensor, forEachIndex, inputOfType, planEinsum, sameDType } from './helpers';
import { attrString } from '../attrs';
import { stridesOf } from '../tensor';

/** ONNX Einsum: sums of products over the labels of an equation (explicit or implicit output, ellipsis, diagonals). */
export const Einsum: OpDef = {
  op: 'Einsum',
  inputs: [{ name: 'Inputs', variadic: true }],
  outputs: [{ name: 'Output' }],
  attrs: { equation: { type: 'string', required: true } },
  infer(ctx: InferContext) {
    const xs = ctx.node.inputs.map((_, i) => inputOfType(ctx, i, NUMERIC_TYPES));
    xs.forEach((v) => sameDType(ctx, xs[0], v));
    const plan = planEinsum(attrString(ctx.node, 'equation'), xs.map((v) => v.shape));
    if (typeof plan === 'string') ctx.fail(plan);
    return [{ dtype: xs[0].dtype, shape: plan.output.map((l) => plan.sizes.get(l)!) }];
  },
  evalFloat(node, inputs) {
    const xs = inputs as Tensor[];
    const plan = planEinsum(attrString(node, 'equation'), xs.map((t) => t.shape));
    if (typeof plan === 'string') return evalFail(node, plan);
    return [einsum(xs, plan)];
  },
};

function einsum(xs: Tensor[], plan: EinsumPlan): Tensor {
  const outShape = plan.output.map((l) => plan.sizes.get(l)!);
  const sumShape = plan.summed.map((l) => plan.sizes.get(l)!);
  const data = xs.map(floatData);
  // Stride of each label in each operand (repeated labels add up; broadcast axes of size 1 get 0).
  const strideOf = (i: number, labels: string[]) => labels.map((l) => {
    const s = stridesOf(xs[i].shape);
    return plan.operands[i].reduce((acc, m, a) => (m === l && xs[i].shape[a] !== 1 ? acc + s[a] : acc), 0);
  });
  const outStrides = xs.map((_, i) => strideOf(i, plan.output));
  const sumStrides = xs.map((_, i) => strideOf(i, plan.summed));
  const sumOffsets = xs.map((_, i) => {
    const offs: number[] = [];
    forEachIndex(sumShape, (c) => offs.push(c.reduce((acc, v, k) => acc + v * sumStrides[i][k], 0)));
    return offs;
  });
  const y = new Float64Array(outShape.reduce((p, q) => p * q, 1));
  const emit = (c: number[], k: number) => {
    const base = xs.map((_, i) => c.reduce((acc, v, j) => acc + v * outStrides[i][j], 0));
    let acc = 0;
    for (let s = 0; s < sumOffsets[0].length; s++) {
      let prod = 1;
      for (let i = 0; i < xs.length; i++) prod *= data[i][base[i] + sumOffsets[i][s]];
      acc += prod;
    }
    y[k] = acc;
  };
  forEachIndex(outShape, emit);
  return floatTensor(xs[0].dtype, outShape, y);
}
