import { Node, raise, tensorValues, broadcastIndices } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { LowerContext } from '../lower/context';
import { emitPointwise } from '../lower/emit-pointwise';
import { Rule } from './types';

/** x·c or x/c with c constant (broadcast to the output): a free per-element scaling, rescaled unless the factor is integral. */
function scaleByConstant(node: Node, ctx: LowerContext, divide: boolean): void {
  const site = ctx.siteOf(node);
  const [a, b] = node.inputs;
  // x / c divides by the constant divisor only; c / x is a reciprocal of an activation (not here).
  const [xName, cName] = !divide && ctx.constant(a) ? [b, a] : [a, b];
  const c = ctx.constant(cName);
  if (!c) {
    if (divide) raise(Errors.UNSUPPORTED_FORM, site, `the divisor '${b}' must be a constant (division by a computed value is not lowered yet)`);
    raise(Errors.ACTIVATION_MATMUL, site, `'${a}' and '${b}' are both computed values (elementwise product of activations)`);
  }
  const shape = ctx.shapeOf(node.outputs[0]);
  const x = ctx.value(xName, site);
  if (x.shape.join(',') !== shape.join(',')) raise(Errors.UNSUPPORTED_FORM, site, `'${xName}' [${x.shape.join(',')}] is broadcast to [${shape.join(',')}]`);
  const values = tensorValues(c);
  const factor = (i: number) => {
    const v = Number(values[i]);
    if (!divide) return v;
    if (v === 0 || !Number.isFinite(v)) raise(Errors.UNSUPPORTED_FORM, site, `divisor element ${i} is ${v}`);
    return 1 / v;
  };
  emitPointwise(ctx, node, [{ value: x, coef: Array.from(broadcastIndices(c.shape, shape), factor) }]);
}

/** Mul by a constant. */
export const Mul: Rule = { via: ['SparseLinear'], lower: (node, ctx) => scaleByConstant(node, ctx, false) };

/** Div of an activation by a constant (attention's 1/√d scale): Mul by the reciprocal. */
export const Div: Rule = { via: ['SparseLinear'], lower: (node, ctx) => scaleByConstant(node, ctx, true) };
