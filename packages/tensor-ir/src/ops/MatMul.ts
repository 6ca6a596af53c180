import { InferContext, OpDef } from './types';
import { NUMERIC_TYPES, broadcastIndices, floatData, floatTensor, inputOfType, planMatMul, sameDType } from './helpers';
import { IrErrors, raise } from '../errors';
import { numel } from '../model';

/** ONNX MatMul: numpy matmul (1-D operands promoted, batch dimensions broadcast). */
export const MatMul: OpDef = {
  op: 'MatMul',
  inputs: [{ name: 'A' }, { name: 'B' }],
  outputs: [{ name: 'Y' }],
  attrs: {},
  infer(ctx: InferContext) {
    const a = inputOfType(ctx, 0, NUMERIC_TYPES);
    const b = inputOfType(ctx, 1, NUMERIC_TYPES);
    sameDType(ctx, a, b);
    const plan = planMatMul(a.shape, b.shape);
    if (typeof plan === 'string') ctx.fail(plan);
    return [{ dtype: a.dtype, shape: plan.out }];
  },
  evalFloat(node, [a, b]) {
    const plan = planMatMul(a!.shape, b!.shape);
    if (typeof plan === 'string') return raise(IrErrors.BAD_OPERANDS, { node: node.name, op: node.op }, plan);
    const { m, k, n } = plan;
    const da = floatData(a!);
    const db = floatData(b!);
    const ia = broadcastIndices(plan.aBatch, plan.batch);
    const ib = broadcastIndices(plan.bBatch, plan.batch);
    const out = new Float64Array(numel(plan.out));
    for (let t = 0; t < ia.length; t++) {
      const offA = ia[t] * m * k;
      const offB = ib[t] * k * n;
      const offY = t * m * n;
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let acc = 0;
          for (let p = 0; p < k; p++) acc += da[offA + i * k + p] * db[offB + p * n + j];
          out[offY + i * n + j] = acc;
        }
      }
    }
    return [floatTensor(a!.dtype, plan.out, out)];
  },
};
