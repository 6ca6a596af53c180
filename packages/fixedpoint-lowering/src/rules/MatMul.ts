import { Node, raise, tensorValues } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { LowerContext } from '../lower/context';
import { emitLinear } from '../lower/emit-linear';
import { Rule } from './types';

/** MatMul: x [..., K] times a constant 2-D weight [K, N] → Linear (+ a following bias Add). */
export const MatMul: Rule = {
  lower(node: Node, ctx: LowerContext): void {
    const site = ctx.siteOf(node);
    const [a, b] = node.inputs;
    const w = ctx.constant(b);
    if (ctx.constant(a) && !w) raise(Errors.UNSUPPORTED_FORM, site, 'the constant must be the second operand');
    if (!w) raise(Errors.ACTIVATION_MATMUL, site, `'${a}' and '${b}' are both computed values`);
    if (w.shape.length !== 2) raise(Errors.UNSUPPORTED_FORM, site, `weight '${b}' has rank ${w.shape.length}; only 2-D weights`);
    const [k, n] = w.shape;
    emitLinear(ctx, node, { x: ctx.value(a, site), weight: tensorValues(w), k, n });
  },
};
