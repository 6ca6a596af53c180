import { Node, numel, raise, sameShape } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { broadcastValues } from '../lower/broadcast';
import { LowerContext } from '../lower/context';
import { emitPointwise, PointwiseTerm } from '../lower/emit-pointwise';
import { Rule } from './types';

/**
 * The elementwise ops that are linear in their operands (DESIGN.md's linear class): y = Σ c_k·x_k + b
 * with constant c_k per operand, as one SparseLinear (free: a linear combination per output) and a
 * Rescale only when a coefficient is not an integer (Mean). Constant operands fold into b; computed
 * operands must have the output's shape (a broadcast activation is FP009, as for Add).
 */
function lowerLinear(node: Node, ctx: LowerContext, coefOf: (operand: number) => number): void {
  const site = ctx.siteOf(node);
  const shape = ctx.shapeOf(node.outputs[0]);
  const n = numel(shape);
  const terms: PointwiseTerm[] = [];
  const bias = new Float64Array(n);
  node.inputs.forEach((name, k) => {
    const c = ctx.constant(name);
    const coef = coefOf(k);
    if (c) {
      broadcastValues(c, shape).forEach((v, i) => { bias[i] += coef * Number(v); });
      return;
    }
    const v = ctx.value(name, site);
    if (!sameShape(v.shape, shape)) raise(Errors.UNSUPPORTED_FORM, site, `'${name}' [${v.shape.join(',')}] is broadcast to [${shape.join(',')}]`);
    terms.push({ value: v, coef: new Float64Array(n).fill(coef) });
  });
  emitPointwise(ctx, node, terms, bias.some((b) => b !== 0) ? bias : undefined);
}

export const Neg: Rule = { via: ['SparseLinear'], lower: (node, ctx) => lowerLinear(node, ctx, () => -1) };
/** A − B (either may be the constant). */
export const Sub: Rule = { via: ['SparseLinear'], lower: (node, ctx) => lowerLinear(node, ctx, (k) => (k === 0 ? 1 : -1)) };
/** Variadic Sum of same-shape operands. */
export const Sum: Rule = { via: ['SparseLinear'], lower: (node, ctx) => lowerLinear(node, ctx, () => 1) };
/** Variadic Mean: the sum scaled by 1/n (quantized, then rescaled). */
export const Mean: Rule = { via: ['SparseLinear'], lower: (node, ctx) => lowerLinear(node, ctx, () => 1 / node.inputs.length) };
