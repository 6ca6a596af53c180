import { Node, attrInt, raise, softmaxRowInt } from '@onnx-zk/tensor-ir';
import { Interval } from '../bounds/interval';
import { Errors } from '../errors';
import { LowerContext } from '../lower/context';
import { fracOfInput, strategyOf } from './Exp';
import { FixedTypes, Rule } from './types';

function rowLength(types: FixedTypes): number {
  const shape = types.inputs[0]!.shape;
  return shape[shape.length - 1];
}

/** Softmax: ONNX Softmax on the last axis → fixed Softmax (no mask); semantics tensor-ir softmaxRowInt. */
export const Softmax: Rule = {
  lower(node: Node, ctx: LowerContext): void {
    const site = ctx.siteOf(node);
    const x = ctx.value(node.inputs[0], site);
    const rank = x.shape.length;
    const axis = attrInt(node, 'axis', ctx.source.opset >= 13 ? -1 : 1);
    if (rank === 0 || (axis !== -1 && axis !== rank - 1)) raise(Errors.UNSUPPORTED_FORM, site, `Softmax on axis ${axis} of rank ${rank}: only the last axis`);
    const y = ctx.valueFor(node.outputs[0], x.frac);
    ctx.emit({ op: 'Softmax', name: node.name, inputs: [x.name], loc: ctx.locOf(node), outputs: [y], attrs: {} });
    ctx.bind(node.outputs[0], y);
  },

  evalInt(node, [x, mask], types): bigint[][] {
    const [f, len] = [fracOfInput(types), rowLength(types)];
    const out: bigint[] = [];
    for (let r = 0; r * len < x!.length; r++) {
      const row = Array.from(x!.subarray(r * len, (r + 1) * len));
      const m = mask && Array.from({ length: len }, (_, i) => mask[(r * len + i) % mask.length]);
      out.push(...softmaxRowInt(row, m, f, strategyOf(node)));
    }
    return [out];
  },

  /** round(e·2^f / Σe) with e ≤ Σe: [0, 2^f] for every strategy. */
  bounds(_node, [x], types): Interval[] {
    const one = 1n << BigInt(fracOfInput(types));
    return [{ lo: x!.lo.map(() => 0n), hi: x!.hi.map(() => one) }];
  },
};
