import { Node, attrInt, raise, tensorValues, transposedWindow } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { convTransposeTaps } from '../lower/conv-taps';
import { LowerContext } from '../lower/context';
import { convOperands, emitConv } from '../lower/emit-conv';
import { Rule } from './types';

/** W [C, M/g, K] of ConvTranspose as ConvLinear's [M, C/g, K]: out channel g·mg + j, in channel g·cg + c. */
function regroup(w: ArrayLike<number>, c: number, mg: number, k: number, group: number): Float64Array {
  const cg = c / group;
  const out = new Float64Array(c * mg * k);
  for (let g = 0; g < group; g++) {
    for (let j = 0; j < mg; j++) {
      for (let ic = 0; ic < cg; ic++) {
        for (let kk = 0; kk < k; kk++) out[((g * mg + j) * cg + ic) * k + kk] = w[((g * cg + ic) * mg + j) * k + kk];
      }
    }
  }
  return out;
}

/**
 * ONNX ConvTranspose with constant weights → fixed ConvLinear (the scatter read backwards: each
 * output position lists the input positions and kernel offsets that land on it) + Rescale.
 */
export const ConvTranspose: Rule = {
  via: ['ConvLinear'],
  lower(node: Node, ctx: LowerContext): void {
    const { x, w, b } = convOperands(node, ctx);
    const spatial = x.shape.slice(2);
    const win = transposedWindow(node, spatial, w.shape.slice(2));
    if (typeof win === 'string') raise(Errors.UNSUPPORTED_FORM, ctx.siteOf(node), win);
    const group = attrInt(node, 'group');
    const [c, mg] = w.shape;
    const k = w.shape.slice(2).reduce((a, v) => a * v, 1);
    emitConv(ctx, node, x, regroup(tensorValues(w), c, mg, k, group), [mg * group, c / group, k], b, convTransposeTaps(win, spatial));
  },
};
