import { InferContext, OpDef } from './types';
import { NUMERIC_TYPES, broadcastIndices, floatTensor, inputOfType, matmulTransBRows, numberData, planMatMul, sameDType } from './helpers';
import { matmulRowsParallel, stridedMatMul } from './helpers/matmul-pool';
import { IrErrors, raise } from '../errors';
import { Node, Tensor, numel } from '../model';

/** Results with at least this many elements are computed in shared memory. */
const SHARED_OUT_MIN = 1 << 16;

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
    const size = numel(plan.out);
    // A large Y lives in shared memory, so the helper thread writes its half in place.
    const out = size >= SHARED_OUT_MIN ? new Float64Array(new SharedArrayBuffer(size * 8)) : new Float64Array(size);
    const blk = { a: numberData(a!.data), b: numberData(b!.data), out, offA: 0, offB: 0, offY: 0 };
    const ia = broadcastIndices(plan.aBatch, plan.batch);
    const ib = broadcastIndices(plan.bBatch, plan.batch);
    // Each product of the batch: the WebAssembly kernel (JS for tiny ones), split over two threads when large.
    for (let t = 0; t < ia.length; t++) {
      blk.offA = ia[t] * m * k;
      blk.offB = ib[t] * k * n;
      blk.offY = t * m * n;
      matmulRowsParallel(blk, m, k, n);
    }
    return [floatTensor(a!.dtype, plan.out, blk.out)];
  },
};

/**
 * MatMul(A, Transpose(W, perm [1, 0])) for a 2-D W stored [n, k], reading W transposed in place:
 * the float interpreter runs a weight Transpose that only feeds MatMuls this way, so no transposed
 * copy of the weight (GPT-2's tied LM head: 147 MiB) is ever made. Same bits as MatMul on the
 * transposed tensor (every path sums in float64 in ascending depth).
 */
export function matMulTransposedB(node: Node, a: Tensor, w: Tensor): Tensor {
  const plan = planMatMul(a.shape, [w.shape[1], w.shape[0]]);
  if (typeof plan === 'string' || w.shape.length !== 2) return raise(IrErrors.BAD_OPERANDS, { node: node.name, op: node.op }, typeof plan === 'string' ? plan : 'the transposed weight must be 2-D');
  const { m, k, n } = plan;
  const size = numel(plan.out);
  const out = size >= SHARED_OUT_MIN ? new Float64Array(new SharedArrayBuffer(size * 8)) : new Float64Array(size);
  const da = numberData(a.data);
  const dw = numberData(w.data);
  const ia = broadcastIndices(plan.aBatch, plan.batch);
  for (let t = 0; t < ia.length; t++) {
    const job = { a: da, offA: ia[t] * m * k, sAi: k, sAp: 1, b: dw, offB: 0, sBp: 1, sBj: k, out, offY: t * m * n, m, k, n, j0: 0, j1: n };
    if (!stridedMatMul(job, dw.buffer instanceof SharedArrayBuffer)) matmulTransBRows({ a: da, b: dw, out, offA: job.offA, offB: 0, offY: job.offY }, k, n, 0, m);
  }
  return floatTensor(a.dtype, plan.out, out);
}
