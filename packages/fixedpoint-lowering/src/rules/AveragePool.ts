import { Node, attrInt } from '@onnx-zk/tensor-ir';
import { LowerContext } from '../lower/context';
import { emitSparseLinear } from '../lower/emit-sparse-linear';
import { featureMaps, poolWindows } from '../lower/pool-windows';
import { Rule } from './types';

/**
 * AveragePool and GlobalAveragePool → SparseLinear with coefficients 1/count (count: the taps
 * inside the input, or inside input + pads with count_include_pad) quantized at f, then Rescale.
 */
export function lowerAveragePool(node: Node, ctx: LowerContext, global: boolean): void {
  const site = ctx.siteOf(node);
  const x = ctx.value(node.inputs[0], site);
  const { out, windows } = poolWindows(node, ctx, x, global);
  const includePad = !global && attrInt(node, 'count_include_pad') !== 0;
  const { maps, size } = featureMaps(x);
  const taps = Array.from({ length: maps }, (_, m) => windows.map((w) => {
    const coef = 1 / (includePad ? w.padded : w.inputs.length);
    return Array.from(w.inputs, (s) => ({ i: m * size + s, w: coef }));
  })).flat();
  emitSparseLinear(ctx, node, x, taps, [x.shape[0], x.shape[1], ...out], { coefFrac: ctx.frac });
}

export const AveragePool: Rule = { via: ['SparseLinear'], lower: (node, ctx) => lowerAveragePool(node, ctx, false) };
export const GlobalAveragePool: Rule = { via: ['SparseLinear'], lower: (node, ctx) => lowerAveragePool(node, ctx, true) };
