import { Node, attrFloat, raise, tensorValues } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { LowerContext } from '../lower/context';
import { emitPointwise, perChannel } from '../lower/emit-pointwise';
import { Rule } from './types';

/**
 * A BatchNormalization the canonicalize pass could not fold into a layer before it (inference
 * form, constant statistics) → one per-channel affine map a·x + b (SparseLinear, free) + Rescale,
 * a = scale/√(var + ε), b = B − mean·a.
 */
export const BatchNormalization: Rule = {
  via: ['SparseLinear'],
  lower(node: Node, ctx: LowerContext): void {
    const site = ctx.siteOf(node);
    if (node.outputs.slice(1).some((o) => o !== '')) raise(Errors.UNSUPPORTED_FORM, site, 'training mode (running statistics outputs)');
    const x = ctx.value(node.inputs[0], site);
    const params = node.inputs.slice(1, 5).map((name) => ctx.constant(name));
    if (params.some((p) => !p)) raise(Errors.UNSUPPORTED_FORM, site, 'scale, B, mean and var must be constants');
    const [scale, bias, mean, variance] = params.map((p) => tensorValues(p!));
    const eps = attrFloat(node, 'epsilon');
    const a = scale.map((s, c) => s / Math.sqrt(variance[c] + eps));
    const b = bias.map((v, c) => v - mean[c] * a[c]);
    emitPointwise(ctx, node, [{ value: x, coef: perChannel(a, x.shape) }], perChannel(b, x.shape));
  },
};
