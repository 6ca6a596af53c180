import { OpDef } from './types';
import {
  NUMERIC_TYPES, broadcastIndices, canBroadcastTo, floatTensor, inputOfType, matmulRows, matmulTransBRows, numberData, requireRank, sameDType, transposed,
} from './helpers';
import { attrFloat, attrInt } from '../attrs';
import { WASM_MIN_MACS, stridedMatMul } from './helpers/matmul-pool';

/** ONNX Gemm: Y = alpha·A'·B' + beta·C, A' = transA ? Aᵀ : A, B' likewise, C broadcast to [M, N]. */
export const Gemm: OpDef = {
  op: 'Gemm',
  inputs: [{ name: 'A' }, { name: 'B' }, { name: 'C', optional: true }],
  outputs: [{ name: 'Y' }],
  attrs: {
    alpha: { type: 'float', default: 1.0 },
    beta: { type: 'float', default: 1.0 },
    transA: { type: 'int', default: 0 },
    transB: { type: 'int', default: 0 },
  },
  infer(ctx) {
    const a = inputOfType(ctx, 0, NUMERIC_TYPES);
    const b = inputOfType(ctx, 1, NUMERIC_TYPES);
    sameDType(ctx, a, b);
    requireRank(ctx, a, 2);
    requireRank(ctx, b, 2);
    const [m, k] = attrInt(ctx.node, 'transA') ? [a.shape[1], a.shape[0]] : a.shape;
    const [k2, n] = attrInt(ctx.node, 'transB') ? [b.shape[1], b.shape[0]] : b.shape;
    if (k !== k2) ctx.fail(`inner dimensions differ: A' is [${m},${k}], B' is [${k2},${n}]`);
    const c = ctx.inputs[2];
    if (c) {
      sameDType(ctx, a, c);
      if (!canBroadcastTo(c.shape, [m, n])) ctx.fail(`C of shape [${c.shape.join(',')}] does not broadcast to [${m},${n}]`);
    }
    return [{ dtype: a.dtype, shape: [m, n] }];
  },
  evalFloat(node, [a, b, c]) {
    const transA = attrInt(node, 'transA') !== 0;
    const transB = attrInt(node, 'transB') !== 0;
    const alpha = attrFloat(node, 'alpha');
    const beta = attrFloat(node, 'beta');
    const [m, k] = transA ? [a!.shape[1], a!.shape[0]] : a!.shape;
    const n = transB ? b!.shape[0] : b!.shape[1];
    const da = numberData(a!.data);
    const db = numberData(b!.data);
    let out = new Float64Array(m * n);
    const job = {
      a: da, offA: 0, sAi: transA ? 1 : k, sAp: transA ? m : 1,
      b: db, offB: 0, sBp: transB ? 1 : n, sBj: transB ? k : 1,
      out, offY: 0, m, k, n, j0: 0, j1: n,
    };
    // Large products: the WebAssembly kernel reads A' and B' with strides. Otherwise (or without
    // WebAssembly) Aᵀ is copied once and Bᵀ is read in place by dot products. Same sums either way.
    if (m * k * n < WASM_MIN_MACS || !stridedMatMul(job, db.buffer instanceof SharedArrayBuffer)) {
      const blk = { a: transA ? transposed(da, m, k) : da, b: db, out, offA: 0, offB: 0, offY: 0 };
      (transB ? matmulTransBRows : matmulRows)(blk, k, n, 0, m);
      out = blk.out;
    }
    const dc = c ? numberData(c.data) : undefined;
    const ic = c ? broadcastIndices(c.shape, [m, n]) : undefined;
    for (let i = 0; i < m * n; i++) out[i] = alpha * out[i] + (dc ? beta * dc[ic![i]] : 0);
    return [floatTensor(a!.dtype, [m, n], out)];
  },
};
