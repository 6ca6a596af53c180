import { Node, raise, tensorValues, broadcastIndices } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { LowerContext } from '../lower/context';
import { emitPointwise } from '../lower/emit-pointwise';
import { Rule } from './types';

/** Mul by a constant (broadcast to the output): a free per-element scaling, rescaled unless the constant is integral. */
export const Mul: Rule = {
  via: ['SparseLinear'],
  lower(node: Node, ctx: LowerContext): void {
    const site = ctx.siteOf(node);
    const [a, b] = node.inputs;
    const [xName, cName] = ctx.constant(a) ? [b, a] : [a, b];
    const c = ctx.constant(cName);
    if (!c) raise(Errors.ACTIVATION_MATMUL, site, `'${a}' and '${b}' are both computed values (elementwise product of activations)`);
    const shape = ctx.shapeOf(node.outputs[0]);
    const x = ctx.value(xName, site);
    if (x.shape.join(',') !== shape.join(',')) raise(Errors.UNSUPPORTED_FORM, site, `'${xName}' [${x.shape.join(',')}] is broadcast to [${shape.join(',')}]`);
    const values = tensorValues(c);
    emitPointwise(ctx, node, [{ value: x, coef: Array.from(broadcastIndices(c.shape, shape), (i) => values[i]) }]);
  },
};
