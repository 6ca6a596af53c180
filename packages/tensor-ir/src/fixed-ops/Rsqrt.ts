import { OpDef } from '../ops/types';
import { IrErrors } from '../errors';
import { fracOf, int64Input, shiftAttr } from './helpers';

/** y = floor(√(2^shift / x)) for x ≥ 1 (bounds must prove it): frac (shift − f(x)) / 2. */
export const Rsqrt: OpDef = {
  op: 'Rsqrt',
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }],
  attrs: { shift: { type: 'int', required: true } },
  infer(ctx) {
    const x = int64Input(ctx, 0);
    shiftAttr(ctx, 'shift', 0);
    return [{ dtype: 'int64', shape: [...x.shape] }];
  },
  fracRule(ctx) {
    const twice = shiftAttr(ctx, 'shift', 0) - fracOf(ctx, 0);
    if (twice < 0 || twice % 2 !== 0) ctx.fail(`shift − f(x) = ${twice} must be even and >= 0`, IrErrors.FRAC_RULE);
    return [twice / 2];
  },
};
