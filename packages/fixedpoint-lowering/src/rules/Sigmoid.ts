import { Node, SigmoidForm, attrString, sigmoidBounds, sigmoidInt } from '@onnx-zk/tensor-ir';
import { Interval } from '../bounds/interval';
import { LowerContext } from '../lower/context';
import { fracOfInput } from './Exp';
import { Rule } from './types';

/** ONNX Sigmoid or Tanh → the fixed Sigmoid of that form at the input's frac. */
export function lowerSigmoidForm(node: Node, ctx: LowerContext, form: SigmoidForm): void {
  const x = ctx.value(node.inputs[0], ctx.siteOf(node));
  const y = ctx.valueFor(node.outputs[0], x.frac);
  const attrs = { form: { type: 'string' as const, value: form } };
  ctx.emit({ op: 'Sigmoid', name: node.name, inputs: [x.name], loc: ctx.locOf(node), outputs: [y], attrs });
  ctx.bind(node.outputs[0], y);
}

function formOf(node: Node): SigmoidForm {
  return attrString(node, 'form') === 'tanh' ? 'tanh' : 'sigmoid';
}

/** Sigmoid: lowers ONNX Sigmoid; the fixed Sigmoid (both forms) is tensor-ir sigmoidInt. */
export const Sigmoid: Rule = {
  lower: (node, ctx) => lowerSigmoidForm(node, ctx, 'sigmoid'),

  evalInt(node, [x], types): bigint[][] {
    const f = fracOfInput(types);
    return [Array.from(x!, (v) => sigmoidInt(v, f, formOf(node)))];
  },

  /** The increasing function's image of each interval, widened by far more than the error bound. */
  bounds(node, [x], types): Interval[] {
    const f = fracOfInput(types);
    const both = Array.from(x!.lo, (lo, i) => sigmoidBounds(lo, x!.hi[i], f, formOf(node)));
    return [{ lo: both.map((b) => b[0]), hi: both.map((b) => b[1]) }];
  },
};
