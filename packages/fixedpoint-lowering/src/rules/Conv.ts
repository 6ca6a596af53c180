import { Node, raise, tensorValues, windowOf } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { convTaps } from '../lower/conv-taps';
import { LowerContext } from '../lower/context';
import { convOperands, emitConv } from '../lower/emit-conv';
import { Rule } from './types';

/**
 * ONNX Conv (1-D, 2-D, 3-D; groups, depthwise, strides, dilations, pads, auto_pad) with constant
 * weights → fixed ConvLinear + Rescale. The weights stay in the linear combinations (free); only
 * the rescale of each output costs constraints.
 */
export const Conv: Rule = {
  via: ['ConvLinear'],
  lower(node: Node, ctx: LowerContext): void {
    const { x, w, b } = convOperands(node, ctx);
    const spatial = x.shape.slice(2);
    const win = windowOf(node, spatial, w.shape.slice(2));
    if (typeof win === 'string') raise(Errors.UNSUPPORTED_FORM, ctx.siteOf(node), win);
    const k = w.shape.slice(2).reduce((a, c) => a * c, 1);
    emitConv(ctx, node, x, tensorValues(w), [w.shape[0], w.shape[1], k], b, convTaps(win, spatial));
  },
};
