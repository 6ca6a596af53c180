import { Node, Tensor, attrFloat, attrInt, numel, raise, tensorValues } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { LowerContext } from '../lower/context';
import { emitLinear } from '../lower/emit-linear';
import { realValues } from '../scheme/quantize-values';
import { Rule } from './types';

/**
 * Gemm: Y = alpha·A'·B' + beta·C with A an activation [M, K] and B, C constants. Transposes,
 * alpha and beta are folded into the constants here, so the fixed graph only sees Linear.
 */
export const Gemm: Rule = {
  via: ['Linear'],
  lower(node: Node, ctx: LowerContext): void {
    const site = ctx.siteOf(node);
    const [a, b, c = ''] = node.inputs;
    const bConst = ctx.constant(b);
    if (ctx.constant(a) && !bConst) raise(Errors.UNSUPPORTED_FORM, site, 'the constant must be the second operand B');
    if (!bConst) raise(Errors.ACTIVATION_MATMUL, site, `A '${a}' and B '${b}' are both computed values`);
    if (attrInt(node, 'transA') !== 0) raise(Errors.UNSUPPORTED_FORM, site, 'transA=1 on an activation');
    const [k, n] = attrInt(node, 'transB') !== 0 ? [bConst.shape[1], bConst.shape[0]] : bConst.shape;
    const weight = gemmWeight(bConst, attrInt(node, 'transB') !== 0, attrFloat(node, 'alpha'));
    const bias = c === '' ? undefined : gemmBias(node, ctx, c, n);
    emitLinear(ctx, node, { x: ctx.value(a, site), weight, k, n, bias });
  },
};

/** alpha·B as a row-major [K, N] array, transposing B [N, K] when transB is set. */
function gemmWeight(b: Tensor, transB: boolean, alpha: number): Float64Array {
  const v = realValues(b);
  const [rows, cols] = b.shape;
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      out[transB ? j * rows + i : i * cols + j] = alpha * v[i * cols + j];
    }
  }
  return out;
}

/** beta·C broadcast to [N]; C must be a constant that does not vary along M. */
function gemmBias(node: Node, ctx: LowerContext, c: string, n: number): number[] {
  const site = ctx.siteOf(node);
  const t = ctx.constant(c);
  if (!t) raise(Errors.UNSUPPORTED_FORM, site, `C '${c}' must be a constant`);
  const beta = attrFloat(node, 'beta');
  const values = tensorValues(t);
  const count = numel(t.shape);
  const rowBroadcast = t.shape.length <= 1 || t.shape[0] === 1;
  if (!rowBroadcast || (count !== n && count !== 1)) {
    raise(Errors.UNSUPPORTED_FORM, site, `C of shape [${t.shape.join(',')}] varies along M; only [N], [1, N] or a scalar`);
  }
  return Array.from({ length: n }, (_, j) => beta * values[count === 1 ? 0 : j]);
}
