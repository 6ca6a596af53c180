import { Node, attrFloat } from '@onnx-zk/tensor-ir';
import { LowerContext } from '../lower/context';
import { emitPointwise } from '../lower/emit-pointwise';
import { Rule } from './types';

/**
 * ONNX Elu: x for x > 0, α·(e^x − 1) otherwise, written x − m + α·e^m − α with m = min(x, 0):
 * one Clip (the compare block, upper side only), the fixed Exp on m ≤ 0, and a free linear
 * combination (rescaled only when α is not an integer).
 */
export const Elu: Rule = {
  via: ['Clip', 'Exp', 'SparseLinear'],
  lower(node: Node, ctx: LowerContext): void {
    const x = ctx.value(node.inputs[0], ctx.siteOf(node));
    const loc = ctx.locOf(node);
    const out = node.outputs[0];
    const m = ctx.tempValue(`${out}.neg`, x.frac, x.shape);
    const clip = { low: { type: 'int' as const, value: Number.MIN_SAFE_INTEGER }, high: { type: 'int' as const, value: 0 } };
    ctx.emit({ op: 'Clip', name: `${node.name}.neg`, inputs: [x.name], attrs: clip, loc, outputs: [m] });
    const e = ctx.tempValue(`${out}.exp`, x.frac, x.shape);
    ctx.emit({ op: 'Exp', name: `${node.name}.exp`, inputs: [m.name], loc, outputs: [e] });
    const alpha = attrFloat(node, 'alpha');
    const n = x.shape.reduce((a, b) => a * b, 1);
    const fill = (v: number) => new Float64Array(n).fill(v);
    emitPointwise(ctx, node, [{ value: x, coef: fill(1) }, { value: m, coef: fill(-1) }, { value: e, coef: fill(alpha) }], fill(-alpha));
  },
};
