import { Node, attrFloat, raise, tensorValues, broadcastIndices } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { LowerContext } from '../lower/context';
import { emitPointwise } from '../lower/emit-pointwise';
import { Rule } from './types';

/**
 * y = α·x for x < 0, x otherwise, written α·x + (1 − α)·relu(x): one Relu (the compare block's
 * sign bit) and a free linear combination of x and relu(x), rescaled when α is not an integer.
 */
function lowerSlope(node: Node, ctx: LowerContext, alpha: ArrayLike<number>): void {
  const site = ctx.siteOf(node);
  const x = ctx.value(node.inputs[0], site);
  const r = ctx.tempValue(`${node.outputs[0]}.relu`, x.frac, x.shape);
  ctx.emit({ op: 'Relu', name: `${node.name}.relu`, inputs: [x.name], loc: ctx.locOf(node), outputs: [r] });
  emitPointwise(ctx, node, [{ value: x, coef: alpha }, { value: r, coef: Array.from(alpha, (a) => 1 - a) }]);
}

export const LeakyRelu: Rule = {
  via: ['Relu', 'SparseLinear'],
  lower(node, ctx) {
    const n = ctx.shapeOf(node.outputs[0]).reduce((a, b) => a * b, 1);
    lowerSlope(node, ctx, new Float64Array(n).fill(attrFloat(node, 'alpha')));
  },
};

/** PRelu with a constant slope, broadcast (numpy rules) to X's shape. */
export const PRelu: Rule = {
  via: ['Relu', 'SparseLinear'],
  lower(node, ctx) {
    const slope = ctx.constant(node.inputs[1]);
    if (!slope) raise(Errors.UNSUPPORTED_FORM, ctx.siteOf(node), `the slope '${node.inputs[1]}' must be a constant`);
    const values = tensorValues(slope);
    const alpha = Array.from(broadcastIndices(slope.shape, ctx.shapeOf(node.outputs[0])), (i) => values[i]);
    lowerSlope(node, ctx, alpha);
  },
};
