import { OpDef } from '../ops/types';
import { IrErrors } from '../errors';
import { sameShape } from '../tensor';
import { fracOf, int64Input, shiftAttr } from './helpers';

/** y = a·2^shift_a + b·2^shift_b: operands of one shape aligned to a common frac. */
export const Add: OpDef = {
  op: 'Add',
  inputs: [{ name: 'a' }, { name: 'b' }],
  outputs: [{ name: 'y' }],
  attrs: { shift_a: { type: 'int', default: 0 }, shift_b: { type: 'int', default: 0 } },
  infer(ctx) {
    const a = int64Input(ctx, 0);
    const b = int64Input(ctx, 1);
    if (!sameShape(a.shape, b.shape)) ctx.fail(`a [${a.shape.join(',')}] and b [${b.shape.join(',')}] must have the same shape`);
    shiftAttr(ctx, 'shift_a', 0);
    shiftAttr(ctx, 'shift_b', 0);
    return [{ dtype: 'int64', shape: [...a.shape] }];
  },
  fracRule(ctx) {
    const fa = fracOf(ctx, 0) + shiftAttr(ctx, 'shift_a', 0);
    const fb = fracOf(ctx, 1) + shiftAttr(ctx, 'shift_b', 0);
    if (fa !== fb) ctx.fail(`f(a) + shift_a = ${fa} but f(b) + shift_b = ${fb}`, IrErrors.FRAC_RULE);
    return [fa];
  },
};
