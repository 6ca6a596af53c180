import { OpDef } from '../ops/types';
import { IrErrors } from '../errors';
import { fracOf, int64Input, shiftAttr } from './helpers';

/** y = round-half-up(2^shift / x) for x ≥ 1 (bounds must prove it): frac shift − f(x). */
export const Reciprocal: OpDef = {
  op: 'Reciprocal',
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }],
  attrs: { shift: { type: 'int', required: true } },
  infer(ctx) {
    const x = int64Input(ctx, 0);
    shiftAttr(ctx, 'shift', 0);
    return [{ dtype: 'int64', shape: [...x.shape] }];
  },
  fracRule(ctx) {
    const frac = shiftAttr(ctx, 'shift', 0) - fracOf(ctx, 0);
    if (frac < 0) ctx.fail(`shift must be at least f(x) = ${fracOf(ctx, 0)}`, IrErrors.FRAC_RULE);
    return [frac];
  },
};
