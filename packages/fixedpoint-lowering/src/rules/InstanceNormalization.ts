import { Node, attrFloat, raise, tensorValues } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { LowerContext } from '../lower/context';
import { emitPointwise, perChannel } from '../lower/emit-pointwise';
import { Rule } from './types';

/**
 * InstanceNormalization over the spatial axes of [N, C, ...] with constant scale and B: the
 * feature maps as rows of the fixed LayerNormalization with gamma 1 (exact; no beta; shift 4f, so
 * its output D·(x − μ)/σ has frac 2f), a Rescale to f, then the per-channel affine
 * (scale/D)·y + B (SparseLinear + Rescale) with scale/D quantized at f + ⌈log2 D⌉ bits.
 */
export const InstanceNormalization: Rule = {
  via: ['LayerNormalization', 'SparseLinear'],
  lower(node: Node, ctx: LowerContext): void {
    const site = ctx.siteOf(node);
    const x = ctx.value(node.inputs[0], site);
    const [scale, bias] = [ctx.constant(node.inputs[1]), ctx.constant(node.inputs[2])];
    if (!scale || !bias) raise(Errors.UNSUPPORTED_FORM, site, 'scale and B must be constants');
    if (x.shape.length < 3) raise(Errors.UNSUPPORTED_FORM, site, `X [${x.shape.join(',')}] must be [N, C, spatial...]`);
    const rows = x.shape[0] * x.shape[1];
    const d = x.shape.slice(2).reduce((a, b) => a * b, 1);
    const loc = ctx.locOf(node);
    const out = node.outputs[0];
    const flat = ctx.tempValue(`${out}.rows`, x.frac, [rows, d]);
    ctx.emit({ op: 'Reshape', name: `${node.name}.rows`, inputs: [x.name], attrs: { shape: { type: 'ints', value: [rows, d] } }, loc, outputs: [flat] });
    const gamma = ctx.addConstant(`${node.name}.gamma`, [d], new Array<bigint>(d).fill(1n), 0);
    const eps = Math.max(1, Math.round(attrFloat(node, 'epsilon') * 2 ** (2 * x.frac)));
    const norm = ctx.tempValue(`${out}.norm`, 2 * ctx.frac, [rows, d]);
    const attrs = { eps: { type: 'int' as const, value: eps }, shift: { type: 'int' as const, value: 4 * ctx.frac } };
    ctx.emit({ op: 'LayerNormalization', name: `${node.name}.norm`, inputs: [flat.name, gamma.name], attrs, loc, outputs: [norm] });
    const unit = ctx.tempValue(`${out}.unit`, ctx.frac, x.shape);
    const rescaled = ctx.tempValue(`${out}.unit_rows`, ctx.frac, [rows, d]);
    ctx.emit({ op: 'Rescale', name: `${node.name}.norm_rescale`, inputs: [norm.name], attrs: { shift: { type: 'int', value: ctx.frac } }, loc, outputs: [rescaled] });
    ctx.emit({ op: 'Reshape', name: `${node.name}.unrows`, inputs: [rescaled.name], attrs: { shape: { type: 'ints', value: x.shape } }, loc, outputs: [unit] });
    const coef = perChannel(tensorValues(scale).map((g) => g / d), x.shape);
    emitPointwise(ctx, node, [{ value: unit, coef }], perChannel(tensorValues(bias), x.shape), { coefFrac: ctx.frac + Math.ceil(Math.log2(d)) });
  },
};
