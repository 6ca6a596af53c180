import { Node } from '@onnx-zk/tensor-ir';
import { Interval, mapMonotone } from '../bounds/interval';
import { LowerContext } from '../lower/context';
import { Rule } from './types';

/** Fixed Relu: max(x, 0), same frac. Monotone, so its bounds are the clamped input bounds. */
export function reluInt(x: bigint): bigint {
  return x > 0n ? x : 0n;
}

export const Relu: Rule = {
  lower(node: Node, ctx: LowerContext): void {
    const x = ctx.value(node.inputs[0], ctx.siteOf(node));
    const y = ctx.valueFor(node.outputs[0], x.frac);
    ctx.emit({ op: 'Relu', name: node.name, inputs: [x.name], loc: ctx.locOf(node), outputs: [y] });
    ctx.bind(node.outputs[0], y);
  },

  evalInt(_node, [x]): bigint[][] {
    return [Array.from(x!, reluInt)];
  },

  bounds(_node, [x]): Interval[] {
    return [mapMonotone(x!, reluInt)];
  },
};
