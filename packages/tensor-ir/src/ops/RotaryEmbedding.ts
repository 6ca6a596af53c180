import { Tensor } from '../model';
import { InferContext, OpDef } from './types';
import { FLOAT_TYPES, evalFail, floatData, floatTensor, inputOfType } from './helpers';
import { attrInt } from '../attrs';
import { tensorValues } from '../tensor';

interface Layout { batch: number; seq: number; heads: number; head: number; fourD: boolean }

/**
 * ONNX RotaryEmbedding (opset 23): rotates pairs (x1, x2) of the first rotary_embedding_dim
 * features of each head by the cached angle of its position: (cos·x1 - sin·x2, sin·x1 + cos·x2).
 * Pairs are (i, i + dim/2), or adjacent (2i, 2i + 1) when interleaved. X is [B, H, S, D] or [B, S, H·D].
 */
export const RotaryEmbedding: OpDef = {
  op: 'RotaryEmbedding',
  inputs: [{ name: 'X' }, { name: 'cos_cache' }, { name: 'sin_cache' }, { name: 'position_ids', optional: true }],
  outputs: [{ name: 'Y' }],
  attrs: { interleaved: { type: 'int', default: 0 }, num_heads: { type: 'int', default: 0 }, rotary_embedding_dim: { type: 'int', default: 0 } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, FLOAT_TYPES);
    inputOfType(ctx, 1, FLOAT_TYPES);
    inputOfType(ctx, 2, FLOAT_TYPES);
    const layout = layoutOf(x.shape, attrInt(ctx.node, 'num_heads'));
    if (typeof layout === 'string') ctx.fail(layout);
    return [{ dtype: x.dtype, shape: [...x.shape] }];
  },
  evalFloat(node, [x, cos, sin, pos]) {
    const layout = layoutOf(x!.shape, attrInt(node, 'num_heads'));
    if (typeof layout === 'string') return evalFail(node, layout);
    const dim = attrInt(node, 'rotary_embedding_dim') || layout.head;
    return [rotate(x!, cos!, sin!, pos, layout, dim, attrInt(node, 'interleaved') !== 0)];
  },
};

function layoutOf(shape: number[], numHeads: number): Layout | string {
  if (shape.length === 4) return { batch: shape[0], heads: shape[1], seq: shape[2], head: shape[3], fourD: true };
  if (shape.length !== 3 || numHeads < 1 || shape[2] % numHeads !== 0) return `X must be [B,H,S,D], or [B,S,hidden] with num_heads dividing hidden; got [${shape.join(',')}]`;
  return { batch: shape[0], seq: shape[1], heads: numHeads, head: shape[2] / numHeads, fourD: false };
}

function rotate(x: Tensor, cos: Tensor, sin: Tensor, pos: Tensor | undefined, l: Layout, dim: number, interleaved: boolean): Tensor {
  const xd = floatData(x);
  const cd = floatData(cos);
  const sd = floatData(sin);
  const width = cos.shape[cos.shape.length - 1];
  const positions = pos ? tensorValues(pos) : undefined;
  const y = Float64Array.from(xd);
  const half = dim / 2;
  for (let b = 0; b < l.batch; b++) {
    for (let s = 0; s < l.seq; s++) {
      const row = (positions ? positions[b * l.seq + s] : b * l.seq + s) * width;
      for (let h = 0; h < l.heads; h++) {
        const base = l.fourD ? ((b * l.heads + h) * l.seq + s) * l.head : ((b * l.seq + s) * l.heads + h) * l.head;
        for (let i = 0; i < half; i++) {
          const [i1, i2] = interleaved ? [base + 2 * i, base + 2 * i + 1] : [base + i, base + i + half];
          const c = cd[row + i];
          const sn = sd[row + i];
          y[i1] = c * xd[i1] - sn * xd[i2];
          y[i2] = sn * xd[i1] + c * xd[i2];
        }
      }
    }
  }
  return floatTensor(x.dtype, [...x.shape], y);
}
