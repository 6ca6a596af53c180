import { Node, Tensor } from '../model';
import { InferContext, OpDef } from './types';
import { FLOAT_TYPES, Heads, appendPast, attend, attentionBias, evalFail, floatTensor, fromHeads, inputOfType, toHeads } from './helpers';
import { attrFloat, attrInt } from '../attrs';
import { tensorValues } from '../tensor';

/**
 * ONNX Attention (opset 23/24): softmax(softcap(scale·QKᵀ + mask))·V with grouped-query heads,
 * causal masking, a past key/value cache (present = past ++ new) and the optional QKᵀ output.
 * Q/K/V are [B, heads, seq, size] or [B, seq, heads·size] (q_num_heads / kv_num_heads).
 */
export const Attention: OpDef = {
  op: 'Attention',
  inputs: ['Q', 'K', 'V', 'attn_mask', 'past_key', 'past_value', 'nonpad_kv_seqlen'].map((name, i) => ({ name, optional: i > 2 })),
  outputs: ['Y', 'present_key', 'present_value', 'qk_matmul_output'].map((name, i) => ({ name, optional: i > 0 })),
  attrs: {
    is_causal: { type: 'int', default: 0 },
    kv_num_heads: { type: 'int', default: 0 },
    q_num_heads: { type: 'int', default: 0 },
    qk_matmul_output_mode: { type: 'int', default: 0 },
    scale: { type: 'float' },
    softcap: { type: 'float', default: 0 },
    softmax_precision: { type: 'int' },
  },
  infer(ctx: InferContext) {
    const [q, k, v] = [0, 1, 2].map((i) => inputOfType(ctx, i, FLOAT_TYPES));
    const dims = attentionDims(ctx.node, q.shape, k.shape, v.shape, ctx.inputs[4]?.shape);
    if (typeof dims === 'string') ctx.fail(dims);
    const { b, qh, kvh, qs, total, size, vsize } = dims;
    const y = q.shape.length === 4 ? [b, qh, qs, vsize] : [b, qs, qh * vsize];
    return [y, [b, kvh, total, size], [b, kvh, total, vsize], [b, qh, qs, total]].map((shape) => ({ dtype: q.dtype, shape }));
  },
  evalFloat(node, inputs) {
    const [q, k, v, mask, pastK, pastV, nonpad] = inputs;
    const dims = attentionDims(node, q!.shape, k!.shape, v!.shape, pastK?.shape);
    if (typeof dims === 'string') return evalFail(node, dims);
    const heads = (t: Tensor | undefined, h: number) => (t ? toHeads(t, h) : undefined);
    const qh = toHeads(q!, dims.qh);
    const keys = appendPast(heads(pastK, dims.kvh), toHeads(k!, dims.kvh));
    const values = appendPast(heads(pastV, dims.kvh), toHeads(v!, dims.kvh));
    const shape = [dims.b, dims.qh, dims.qs, dims.total];
    const lengths = nonpad ? tensorValues(nonpad) : undefined;
    const offsets = Array.from({ length: dims.b }, (_, b) => (pastK ? pastK.shape[2] : lengths ? lengths[b] - dims.qs : 0));
    const bias = attentionBias(mask, lengths, shape, attrInt(node, 'is_causal') !== 0 ? offsets : undefined);
    const scale = node.attrs.scale ? attrFloat(node, 'scale') : 1 / Math.sqrt(dims.size);
    const { y, qk } = attend(qh, keys, values, bias, { scale, softcap: attrFloat(node, 'softcap'), qkMode: attrInt(node, 'qk_matmul_output_mode') });
    const out = (h: Heads) => floatTensor(q!.dtype, [h.batch, h.heads, h.seq, h.size], h.data);
    const yT = q!.shape.length === 4 ? out(y) : floatTensor(q!.dtype, [dims.b, dims.qs, dims.qh * dims.vsize], fromHeads(y));
    return [yT, out(keys), out(values), floatTensor(q!.dtype, shape, qk)];
  },
};

interface Dims { b: number; qh: number; kvh: number; qs: number; total: number; size: number; vsize: number }

function attentionDims(node: Node, q: number[], k: number[], v: number[], past: number[] | undefined): Dims | string {
  const rank = q.length;
  if ((rank !== 3 && rank !== 4) || k.length !== rank || v.length !== rank) return 'Q, K and V must all be 3-D or all 4-D';
  const qh = rank === 4 ? q[1] : attrInt(node, 'q_num_heads');
  const kvh = rank === 4 ? k[1] : attrInt(node, 'kv_num_heads');
  if (qh < 1 || kvh < 1 || qh % kvh !== 0) return `q heads (${qh}) must be a positive multiple of kv heads (${kvh})`;
  const seq = (s: number[]) => (rank === 4 ? s[2] : s[1]);
  const size = rank === 4 ? q[3] : q[2] / qh;
  const ksize = rank === 4 ? k[3] : k[2] / kvh;
  const vsize = rank === 4 ? v[3] : v[2] / kvh;
  if (size !== ksize || !Number.isInteger(size) || !Number.isInteger(vsize)) return `Q and K head sizes differ (${size} vs ${ksize})`;
  if (seq(k) !== seq(v)) return `K and V sequence lengths differ (${seq(k)} vs ${seq(v)})`;
  return { b: q[0], qh, kvh, qs: seq(q), total: seq(k) + (past ? past[2] : 0), size, vsize };
}
