import { Node, Tensor, attrInt, numel, raise, tensorValues } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { quantizeValues } from '../scheme/quantize-values';
import { FixedValue, LowerContext } from './context';
import { TapTable } from './conv-taps';
import { emitAccumulated } from './emit-accumulated';

/** The operands of a Conv-like ONNX node: the activation, constant weights and optional bias. */
export function convOperands(node: Node, ctx: LowerContext): { x: FixedValue; w: Tensor; b?: Tensor } {
  const site = ctx.siteOf(node);
  const [xName, wName, bName = ''] = node.inputs;
  const w = ctx.constant(wName);
  if (!w) raise(Errors.UNSUPPORTED_FORM, site, `the weights W '${wName}' must be a constant (an initializer)`);
  const b = bName === '' ? undefined : ctx.constant(bName);
  if (bName !== '' && !b) raise(Errors.UNSUPPORTED_FORM, site, `the bias B '${bName}' must be a constant`);
  if (ctx.constant(xName)) raise(Errors.UNSUPPORTED_FORM, site, 'the input X is a constant while W is not folded');
  return { x: ctx.value(xName, site), w, b };
}

/**
 * Emits ConvLinear(x, W_q, taps, B_q) and a Rescale back to f: W_q = quantize(W, f) as
 * [M, Cg, K] (row-major, so ONNX Conv's layout as it is), B_q at frac f(x) + f.
 */
export function emitConv(ctx: LowerContext, node: Node, x: FixedValue, weights: ArrayLike<number>, wShape: [number, number, number], bias: Tensor | undefined, taps: TapTable): void {
  const site = ctx.siteOf(node);
  const w = ctx.addConstant(`${node.name}.weight`, wShape, quantizeValues(weights, ctx.frac, site, 'weight'), ctx.frac);
  const t = ctx.addConstant(`${node.name}.taps`, [...taps.out, taps.width], taps.codes, 0);
  const accFrac = x.frac + w.frac;
  const inputs = [x.name, w.name, t.name];
  if (bias) {
    if (numel(bias.shape) !== wShape[0]) raise(Errors.UNSUPPORTED_FORM, site, `B must have ${wShape[0]} elements`);
    inputs.push(ctx.addConstant(`${node.name}.bias`, [wShape[0]], quantizeValues(tensorValues(bias), accFrac, site, 'bias'), accFrac).name);
  }
  emitAccumulated(ctx, node, { op: 'ConvLinear', inputs, attrs: { group: { type: 'int', value: attrInt(node, 'group') } }, accFrac });
}
