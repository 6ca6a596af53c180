import { Node, attrInt } from '@onnx-zk/tensor-ir';
import { LowerContext } from '../lower/context';
import { emitAccumulated } from '../lower/emit-accumulated';
import { featureMaps, poolWindows } from '../lower/pool-windows';
import { quantizeValues } from '../scheme/quantize-values';
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
  const width = Math.max(...windows.map((w) => w.inputs.length));
  const { maps, size } = featureMaps(x);
  const index: bigint[] = [];
  const weights: number[] = [];
  for (let m = 0; m < maps; m++) {
    for (const w of windows) {
      const coef = 1 / (includePad ? w.padded : w.inputs.length);
      for (let t = 0; t < width; t++) {
        index.push(t < w.inputs.length ? BigInt(m * size + w.inputs[t]) : -1n);
        weights.push(t < w.inputs.length ? coef : 0);
      }
    }
  }
  const shape = [x.shape[0], x.shape[1], ...out];
  const idx = ctx.addConstant(`${node.name}.index`, [...shape, width], index, 0);
  const w = ctx.addConstant(`${node.name}.weight`, [...shape, width], quantizeValues(weights, ctx.frac, site, 'weight'), ctx.frac);
  emitAccumulated(ctx, node, { op: 'SparseLinear', inputs: [x.name, idx.name, w.name], accFrac: x.frac + ctx.frac, shape });
}

export const AveragePool: Rule = { via: ['SparseLinear'], lower: (node, ctx) => lowerAveragePool(node, ctx, false) };
export const GlobalAveragePool: Rule = { via: ['SparseLinear'], lower: (node, ctx) => lowerAveragePool(node, ctx, true) };
