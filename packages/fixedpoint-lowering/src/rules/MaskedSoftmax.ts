import { Node, attrInt, broadcastIndices, canBroadcastTo, raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { LowerContext } from '../lower/context';
import { emitSoftmax, maskedValue } from './Softmax';
import { Rule } from './types';

/**
 * onnx-zk MaskedSoftmax(X, Keep) on the last axis → the fixed Softmax with a constant additive
 * mask (the fixed op's integer semantics and bounds are the Softmax rule's): 0 where Keep is true,
 * −2^(f+16) where it is false (f = X's frac), so a masked entry is exactly 0 and takes no part,
 * as in the float op. Keep is broadcast to the shortest trailing part of X's shape that holds it
 * (its leading unit dimensions dropped): [1, 1, T, T] → [T, T], [B, 1, 1, T] → [B, H, T, T]. A
 * Keep that keeps everything lowers to the plain Softmax.
 */
export const MaskedSoftmax: Rule = {
  via: ['Softmax'],
  lower(node: Node, ctx: LowerContext): void {
    const site = ctx.siteOf(node);
    const keep = ctx.constant(node.inputs[1]);
    if (!keep || keep.dtype !== 'bool') raise(Errors.UNSUPPORTED_FORM, site, `Keep '${node.inputs[1]}' must be a constant bool tensor`);
    const x = ctx.value(node.inputs[0], site);
    if (!canBroadcastTo(keep.shape, x.shape)) raise(Errors.UNSUPPORTED_FORM, site, `Keep [${keep.shape.join(',')}] does not broadcast to X [${x.shape.join(',')}]`);
    let lead = 0;
    while (lead < keep.shape.length && keep.shape[lead] === 1) lead++;
    const rank = Math.max(1, keep.shape.length - lead);
    const shape = x.shape.slice(Math.max(0, x.shape.length - rank));
    const at = broadcastIndices(keep.shape.slice(lead), shape);
    const kept = Array.from(at, (i) => keep.data[i] !== 0);
    const axis = attrInt(node, 'axis', -1);
    if (kept.every(Boolean)) return emitSoftmax(node, ctx, axis);
    const masked = maskedValue(x.frac);
    emitSoftmax(node, ctx, axis, { shape, values: kept.map((k) => (k ? 0n : masked)) });
  },
};
