import { OpDef } from '../ops/types';
import { IrErrors } from '../errors';
import { fracOf, int64Input } from './helpers';

/** y = x·W + B (exact): x [..., K], W constant [K, N], B constant [N] or absent. */
export const Linear: OpDef = {
  op: 'Linear',
  inputs: [{ name: 'x' }, { name: 'W' }, { name: 'B', optional: true }],
  outputs: [{ name: 'y' }],
  attrs: {},
  infer(ctx) {
    const x = int64Input(ctx, 0);
    const w = int64Input(ctx, 1);
    if (!ctx.constants[1]) ctx.fail(`W (${w.name}) must be a constant`);
    if (w.shape.length !== 2) ctx.fail(`W must be [K, N], got [${w.shape.join(',')}]`);
    const [k, n] = w.shape;
    if (x.shape.length < 1 || x.shape[x.shape.length - 1] !== k) {
      ctx.fail(`x [${x.shape.join(',')}] must end in K = ${k} to multiply W [${k},${n}]`);
    }
    if (ctx.inputs[2]) {
      const b = int64Input(ctx, 2);
      if (!ctx.constants[2]) ctx.fail(`B (${b.name}) must be a constant`);
      if (b.shape.length !== 1 || b.shape[0] !== n) ctx.fail(`B must be [${n}], got [${b.shape.join(',')}]`);
    }
    return [{ dtype: 'int64', shape: [...x.shape.slice(0, -1), n] }];
  },
  fracRule(ctx) {
    const frac = fracOf(ctx, 0) + fracOf(ctx, 1);
    if (ctx.inputs[2] && fracOf(ctx, 2) !== frac) {
      ctx.fail(`B has frac ${fracOf(ctx, 2)}, expected f(x) + f(W) = ${frac}`, IrErrors.FRAC_RULE);
    }
    return [frac];
  },
};
