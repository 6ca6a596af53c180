import { Tensor } from '../model';
import { OpDef } from './types';
import { attrInt } from '../attrs';
import { FLOAT_TYPES, axisSplit, broadcastIndices, canBroadcastTo, floatData, floatTensor, inputOfType, normalizeAxis } from './helpers';

/**
 * onnx-zk extension op MaskedSoftmax (domain ai.onnx_zk, never imported from ONNX: the
 * fuse-masked-softmax pass makes it from the Where/Add mask + Softmax that exporters emit).
 *
 * Inputs: X (float) and Keep, a constant bool tensor unidirectionally broadcastable to X (true =
 * the entry takes part). Attr axis (default −1). Along the axis, an entry with Keep false gets
 * exactly 0 and takes no part; the others get e^(x − m) / Σ e^(x − m) with m the max over the
 * kept entries, i.e. exactly what ONNX Softmax gives them when the masked entries are −∞.
 * A lane with no kept entry is all 0 (as the fixed Softmax with a mask); the pass never fuses a
 * mask that has such a lane, so a fused graph computes what the unfused one did.
 */
export const MaskedSoftmax: OpDef = {
  op: 'MaskedSoftmax',
  inputs: [{ name: 'X' }, { name: 'Keep' }],
  outputs: [{ name: 'Y' }],
  attrs: { axis: { type: 'int', default: -1 } },
  infer(ctx) {
    const x = inputOfType(ctx, 0, FLOAT_TYPES);
    const keep = inputOfType(ctx, 1, ['bool']);
    normalizeAxis(ctx, attrInt(ctx.node, 'axis', -1), x.shape.length);
    if (!ctx.constants[1]) ctx.fail(`Keep (${keep.name}) must be a constant`);
    if (!canBroadcastTo(keep.shape, x.shape)) {
      ctx.fail(`Keep [${keep.shape.join(',')}] does not broadcast to X [${x.shape.join(',')}]`);
    }
    return [{ dtype: x.dtype, shape: [...x.shape] }];
  },
  evalFloat(node, [x, keep]) {
    const shape = x!.shape;
    const a = attrInt(node, 'axis', -1);
    const { outer, n, inner } = axisSplit(shape, a < 0 ? a + shape.length : a);
    const d = floatData(x!);
    const live = keepAt(keep!, shape);
    const out = new Float64Array(d.length);
    for (let i = 0; i < outer; i++) {
      for (let j = 0; j < inner; j++) {
        const base = i * n * inner + j;
        let max = -Infinity;
        let kept = 0;
        for (let k = 0; k < n; k++) {
          const e = base + k * inner;
          if (live[e]) { kept++; max = Math.max(max, d[e]); }
        }
        if (kept === 0) continue; // a lane with nothing kept stays 0
        let sum = 0;
        for (let k = 0; k < n; k++) if (live[base + k * inner]) sum += Math.exp(d[base + k * inner] - max);
        for (let k = 0; k < n; k++) {
          const e = base + k * inner;
          if (live[e]) out[e] = Math.exp(d[e] - max) / sum;
        }
      }
    }
    return [floatTensor(x!.dtype, shape, out)];
  },
};

/** Keep broadcast to `shape`, one byte per element (a trailing-part mask just repeats). */
function keepAt(keep: Tensor, shape: number[]): Uint8Array {
  const n = shape.reduce((a, b) => a * b, 1);
  const k = keep.data as Uint8Array;
  let lead = 0;
  while (lead < keep.shape.length && keep.shape[lead] === 1) lead++;
  const own = keep.shape.slice(lead);
  if (own.join(',') === shape.slice(shape.length - own.length).join(',') && k.length > 0) {
    const out = new Uint8Array(n);
    for (let e = 0; e < n; e++) out[e] = k[e % k.length] ? 1 : 0;
    return out;
  }
  const at = broadcastIndices(keep.shape, shape);
  return Uint8Array.from(at, (i) => (k[i] ? 1 : 0));
}
