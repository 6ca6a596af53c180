import { IrErrors } from '../errors';
import { OpDef } from '../ops/types';
import { approxAttrs, choiceAttr } from './approx-attrs';
import { SIGMOID_FORMS, SIGMOID_MIN_FRAC, SIGMOID_STRATEGIES } from './approx';
import { fracOf, int64Input } from './helpers';

/**
 * y ≈ σ(x) (form 'sigmoid') or tanh(x) (form 'tanh'); same frac. One op for both because they are
 * one function up to a rescale of x and y and share one table and one gadget (approx/sigmoid-approx.ts).
 */
export const Sigmoid: OpDef = {
  op: 'Sigmoid',
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }],
  attrs: { form: { type: 'string', default: 'sigmoid' }, ...approxAttrs(SIGMOID_STRATEGIES) },
  infer(ctx) {
    const x = int64Input(ctx, 0);
    choiceAttr(ctx, 'form', SIGMOID_FORMS);
    choiceAttr(ctx, 'strategy', SIGMOID_STRATEGIES);
    return [{ dtype: 'int64', shape: [...x.shape] }];
  },
  fracRule(ctx) {
    const frac = fracOf(ctx, 0);
    if (frac < SIGMOID_MIN_FRAC) ctx.fail(`Sigmoid needs frac ≥ ${SIGMOID_MIN_FRAC}, got ${frac}`, IrErrors.FRAC_RULE);
    return [frac];
  },
};
