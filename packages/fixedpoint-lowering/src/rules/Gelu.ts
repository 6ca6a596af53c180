import { GeluForm, GeluStrategy, Node, attrString, geluBounds, geluInt } from '@onnx-zk/tensor-ir';
import { Interval } from '../bounds/interval';
import { LowerContext } from '../lower/context';
import { fracOfInput } from './Exp';
import { Rule } from './types';

function formOf(node: Node): GeluForm {
  return attrString(node, 'approximate') === 'tanh' ? 'tanh' : 'erf';
}

/** Gelu: ONNX Gelu → fixed Gelu at the input's frac; integer semantics tensor-ir geluInt. */
export const Gelu: Rule = {
  lower(node: Node, ctx: LowerContext): void {
    const x = ctx.value(node.inputs[0], ctx.siteOf(node));
    const y = ctx.valueFor(node.outputs[0], x.frac);
    const approximate = { type: 'string' as const, value: attrString(node, 'approximate') };
    ctx.emit({ op: 'Gelu', name: node.name, inputs: [x.name], loc: ctx.locOf(node), outputs: [y], attrs: { approximate } });
    ctx.bind(node.outputs[0], y);
  },

  evalInt(node, [x], types): bigint[][] {
    const f = fracOfInput(types);
    const strategy = attrString(node, 'strategy') as GeluStrategy;
    return [Array.from(x!, (v) => geluInt(v, f, formOf(node), strategy))];
  },

  /** Sound for every form and strategy: below by GELU's minimum, above by relu(hi) plus the error. */
  bounds(_node, [x], types): Interval[] {
    const f = fracOfInput(types);
    const both = Array.from(x!.lo, (lo, i) => geluBounds(lo, x!.hi[i], f));
    return [{ lo: both.map((b) => b[0]), hi: both.map((b) => b[1]) }];
  },
};
