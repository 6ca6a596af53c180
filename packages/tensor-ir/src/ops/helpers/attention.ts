import { Tensor } from '../../model';
import { broadcastIndices } from './broadcast';
import { floatData } from './float';

/** Heads-first views of Attention's operands: [B, heads, seq, size], float64. */
export interface Heads { data: Float64Array; batch: number; heads: number; seq: number; size: number }

export interface AttentionOptions {
  scale: number;
  softcap: number;
  /** Which intermediate the qk_matmul_output carries: 0 QKᵀ, 1 + bias, 2 after softcap, 3 after softmax. */
  qkMode: number;
}

/** [B, S, H·D] → [B, H, S, D], or a 4-D tensor as is. */
export function toHeads(t: Tensor, heads: number): Heads {
  const d = floatData(t);
  if (t.shape.length === 4) return { data: d, batch: t.shape[0], heads: t.shape[1], seq: t.shape[2], size: t.shape[3] };
  const [b, s, hidden] = t.shape;
  const size = hidden / heads;
  const out = new Float64Array(d.length);
  for (let i = 0; i < b; i++) for (let j = 0; j < s; j++) for (let h = 0; h < heads; h++) for (let k = 0; k < size; k++) {
    out[((i * heads + h) * s + j) * size + k] = d[((i * s + j) * heads + h) * size + k];
  }
  return { data: out, batch: b, heads, seq: s, size };
}

/** [B, H, S, D] → [B, S, H·D]. */
export function fromHeads(x: Heads): Float64Array {
  const out = new Float64Array(x.data.length);
  for (let i = 0; i < x.batch; i++) for (let h = 0; h < x.heads; h++) for (let j = 0; j < x.seq; j++) for (let k = 0; k < x.size; k++) {
    out[((i * x.seq + j) * x.heads + h) * x.size + k] = x.data[((i * x.heads + h) * x.seq + j) * x.size + k];
  }
  return out;
}

/** Past and new keys (or values) joined along the sequence axis. */
export function appendPast(past: Heads | undefined, cur: Heads): Heads {
  if (!past) return cur;
  const seq = past.seq + cur.seq;
  const data = new Float64Array(cur.batch * cur.heads * seq * cur.size);
  for (let bh = 0; bh < cur.batch * cur.heads; bh++) {
    data.set(past.data.subarray(bh * past.seq * cur.size, (bh + 1) * past.seq * cur.size), bh * seq * cur.size);
    data.set(cur.data.subarray(bh * cur.seq * cur.size, (bh + 1) * cur.seq * cur.size), (bh * seq + past.seq) * cur.size);
  }
  return { ...cur, seq, data };
}

/**
 * The additive bias [B, H, q, total]: the mask (bool: false → -inf; float: added) broadcast, with
 * missing trailing keys and keys at or past nonpad_kv_seqlen[b] at -inf; causal masking hides key
 * j from query i when j > i + offset[b] (offset: the keys before this query block).
 */
export function attentionBias(mask: Tensor | undefined, nonpad: number[] | undefined, shape: number[], causalOffset: number[] | undefined): Float64Array {
  const [b, h, q, total] = shape;
  const bias = mask ? broadcastMask(mask, shape) : new Float64Array(b * h * q * total);
  for (let i = 0; i < bias.length; i++) {
    const k = i % total;
    const qi = Math.floor(i / total) % q;
    const bi = Math.floor(i / (h * q * total));
    if ((causalOffset && k > qi + causalOffset[bi]) || (nonpad && k >= nonpad[bi])) bias[i] = -Infinity;
  }
  return bias;
}

function broadcastMask(mask: Tensor, shape: number[]): Float64Array {
  const total = shape[3];
  const width = mask.shape[mask.shape.length - 1];
  const mShape = [...mask.shape.slice(0, -1), total];
  const padded = new Float64Array(mShape.reduce((p, v) => p * v, 1));
  const md = floatData(mask);
  const isBool = mask.dtype === 'bool';
  for (let r = 0; r < padded.length / total; r++) for (let k = 0; k < total; k++) {
    const v = k < width ? md[r * width + k] : isBool ? 0 : -Infinity;
    padded[r * total + k] = isBool ? (v ? 0 : -Infinity) : v;
  }
  const idx = broadcastIndices(mShape, shape);
  return Float64Array.from(idx, (j) => padded[j]);
}

/**
 * softmax(softcap(scale·QKᵀ) + bias)·V per head (softcap first, so -inf stays -inf); K/V heads
 * shared by q/kv consecutive query heads. qk holds the capped scores (modes 0, 1), + bias (2) or
 * the softmax (3).
 */
export function attend(q: Heads, k: Heads, v: Heads, bias: Float64Array, o: AttentionOptions): { y: Heads; qk: Float64Array } {
  const total = k.seq;
  const group = q.heads / k.heads;
  const y = new Float64Array(q.batch * q.heads * q.seq * v.size);
  const qk = new Float64Array(q.batch * q.heads * q.seq * total);
  const row = new Float64Array(total);
  for (let b = 0; b < q.batch; b++) for (let h = 0; h < q.heads; h++) for (let i = 0; i < q.seq; i++) {
    const kvh = b * k.heads + Math.floor(h / group);
    const qBase = ((b * q.heads + h) * q.seq + i) * q.size;
    const rBase = ((b * q.heads + h) * q.seq + i) * total;
    for (let j = 0; j < total; j++) {
      let dot = 0;
      for (let d = 0; d < q.size; d++) dot += q.data[qBase + d] * k.data[(kvh * total + j) * k.size + d];
      const raw = dot * o.scale;
      const capped = o.softcap > 0 ? o.softcap * Math.tanh(raw / o.softcap) : raw;
      row[j] = capped + bias[rBase + j];
      qk[rBase + j] = o.qkMode === 2 ? row[j] : capped;
    }
    softmaxInPlace(row);
    if (o.qkMode === 3) qk.set(row, rBase);
    const yBase = ((b * q.heads + h) * q.seq + i) * v.size;
    for (let j = 0; j < total; j++) for (let d = 0; d < v.size; d++) y[yBase + d] += row[j] * v.data[(kvh * total + j) * v.size + d];
  }
  return { y: { data: y, batch: q.batch, heads: q.heads, seq: q.seq, size: v.size }, qk };
}

/** Softmax like numpy's reference: a row that is all -inf becomes NaN. */
function softmaxInPlace(row: Float64Array): void {
  let max = -Infinity;
  for (const v of row) if (v > max) max = v;
  let sum = 0;
  for (let j = 0; j < row.length; j++) { row[j] = Math.exp(row[j] - max); sum += row[j]; }
  for (let j = 0; j < row.length; j++) row[j] /= sum;
}
