import { attrFloat, attrInt, Node, raise, tensorValues } from '@onnx-zk/tensor-ir';
import { Interval } from '../bounds/interval';
import { Errors } from '../errors';
import { LowerContext } from '../lower/context';
import { quantizeValues } from '../scheme/quantize-values';
import { layerNormRow, layerNormRowBounds } from './layer-norm-int';
import { FixedTypes, Rule } from './types';

function rowsOf(types: FixedTypes): { rows: number; d: number } {
  const shape = types.inputs[0]!.shape;
  const d = shape[shape.length - 1];
  return { rows: shape.reduce((a, b) => a * b, 1) / d, d };
}

/**
 * ONNX LayerNormalization over the last axis with constant Scale and B → fixed LayerNormalization
 * (exact) + Rescale. With f the default frac: eps in units of 2^−2f (at least 1), shift = 4f so
 * the normalised value d_i·r carries frac 2f and errs by < |x_i − μ|·2^−f; gamma is quantized as
 * Scale/D at frac f (the op's d_i·r carries a factor D), beta at frac 3f; a Rescale by 2f follows.
 */
function lower(node: Node, ctx: LowerContext): void {
  const site = ctx.siteOf(node);
  const [xName, scaleName, bName = ''] = node.inputs;
  const x = ctx.value(xName, site);
  const rank = x.shape.length;
  const axis = attrInt(node, 'axis');
  if (axis !== -1 && axis !== rank - 1) raise(Errors.UNSUPPORTED_FORM, site, `axis ${axis}: only the last axis`);
  if (node.outputs.slice(1).some((o) => o !== '')) raise(Errors.UNSUPPORTED_FORM, site, 'the Mean and InvStdDev outputs');
  const [scale, bias] = [ctx.constant(scaleName), bName === '' ? undefined : ctx.constant(bName)];
  const d = x.shape[rank - 1];
  if (!scale || (bName !== '' && !bias)) raise(Errors.UNSUPPORTED_FORM, site, 'Scale and B must be constants');
  if (scale.shape.reduce((a, b) => a * b, 1) !== d || (bias && bias.shape.reduce((a, b) => a * b, 1) !== d)) {
    raise(Errors.UNSUPPORTED_FORM, site, `Scale and B must have ${d} elements`);
  }
  const f = ctx.frac;
  const eps = Math.max(1, Math.round(attrFloat(node, 'epsilon') * 2 ** (2 * f)));
  const gamma = ctx.addConstant(`${node.name}.gamma`, [d], quantizeValues(tensorValues(scale).map((g) => g / d), f, site, 'scale'), f);
  const inputs = [x.name, gamma.name];
  if (bias) inputs.push(ctx.addConstant(`${node.name}.beta`, [d], quantizeValues(tensorValues(bias), 3 * f, site, 'bias'), 3 * f).name);
  const target = node.outputs[0];
  const acc = ctx.tempValue(`${target}.acc`, 3 * f, x.shape);
  const attrs = { eps: { type: 'int' as const, value: eps }, shift: { type: 'int' as const, value: 4 * f } };
  ctx.emit({ op: 'LayerNormalization', name: node.name, inputs, attrs, loc: ctx.locOf(node), outputs: [acc] });
  const y = ctx.valueFor(target, f);
  const rescale = { shift: { type: 'int' as const, value: 2 * f } };
  ctx.emit({ op: 'Rescale', name: `${node.name}.rescale`, inputs: [acc.name], attrs: rescale, loc: ctx.locOf(node), outputs: [y] });
  ctx.bind(target, y);
}

export const LayerNormalization: Rule = {
  lower,

  evalInt(node, [x, gamma, beta], types): bigint[][] {
    const { rows, d } = rowsOf(types);
    const [eps, shift] = [BigInt(attrInt(node, 'eps')), attrInt(node, 'shift')];
    const y: bigint[] = [];
    for (let r = 0; r < rows; r++) y.push(...layerNormRow(x!.subarray(r * d, (r + 1) * d), gamma!, beta, eps, shift));
    return [y];
  },

  bounds(node, [, gamma, beta], types): Interval[] {
    const { rows, d } = rowsOf(types);
    const row = layerNormRowBounds(d, gamma!, beta, attrInt(node, 'shift'));
    return [{ lo: Array.from({ length: rows }, () => row.lo).flat(), hi: Array.from({ length: rows }, () => row.hi).flat() }];
  },
};
