import { InferContext, OpDef } from './types';
import { NUMERIC_TYPES, broadcastIndices, floatTensor, inputOfType, matmulRows, numberData, planMatMul, sameDType } from './helpers';
import { matmulRowsParallel } from './helpers/matmul-pool';
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
    // Operands are read in place (no float64 copy of a weight matrix); products accumulate in float64.
    const blk = { a: numberData(a!.data), b: numberData(b!.data), out: new Float64Array(numel(plan.out)), offA: 0, offB: 0, offY: 0 };
    const ia = broadcastIndices(plan.aBatch, plan.batch);
    const ib = broadcastIndices(plan.bBatch, plan.batch);
    // One product (the weight MatMuls of a transformer): split its rows over two threads.
    if (ia.length === 1) {
      blk.offA = ia[0] * m * k;
      blk.offB = ib[0] * k * n;
      matmulRowsParallel(blk, m, k, n);
      return [floatTensor(a!.dtype, plan.out, blk.out)];
    }
    for (let t = 0; t < ia.length; t++) {
      blk.offA = ia[t] * m * k;
      blk.offB = ib[t] * k * n;
      blk.offY = t * m * n;
      matmulRows(blk, k, n, 0, m);
    }
    return [floatTensor(a!.dtype, plan.out, blk.out)];
  },
};
