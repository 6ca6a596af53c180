import { IrErrors } from '../errors';
import { OpDef } from '../ops/types';
import { approxAttrs, choiceAttr } from './approx-attrs';
import { GELU_MIN_FRAC, GELU_STRATEGIES } from './approx';
import { fracOf, int64Input } from './helpers';

/** y ≈ GELU(x), erf form (approximate = 'none') or tanh form, as ONNX; same frac. */
export const Gelu: OpDef = {
  op: 'Gelu',
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }],
  attrs: { approximate: { type: 'string', default: 'none' }, ...approxAttrs(GELU_STRATEGIES) },
  infer(ctx) {
    const x = int64Input(ctx, 0);
    choiceAttr(ctx, 'approximate', ['none', 'tanh']);
    choiceAttr(ctx, 'strategy', GELU_STRATEGIES);
    return [{ dtype: 'int64', shape: [...x.shape] }];
  },
  fracRule(ctx) {
    const frac = fracOf(ctx, 0);
    if (frac < GELU_MIN_FRAC) ctx.fail(`Gelu needs frac ≥ ${GELU_MIN_FRAC}, got ${frac}`, IrErrors.FRAC_RULE);
    return [frac];
  },
};
