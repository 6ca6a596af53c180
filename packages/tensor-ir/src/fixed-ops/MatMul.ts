import { OpDef } from '../ops/types';
import { IrErrors } from '../errors';
import { fracOf, int64Input } from './helpers';

/**
 * y = A·B + bias (exact) with both operands computed: A [..., M, K], B [K, N] (shared) or
 * [..., K, N] with A's batch dimensions; bias a constant [N] or absent. frac f(A) + f(B).
 */
export const MatMul: OpDef = {
  op: 'MatMul',
  inputs: [{ name: 'A' }, { name: 'B' }, { name: 'bias', optional: true }],
  outputs: [{ name: 'y' }],
  attrs: {},
  infer(ctx) {
    const [a, b] = [int64Input(ctx, 0), int64Input(ctx, 1)];
    if (a.shape.length < 2) ctx.fail(`A must be [..., M, K], got [${a.shape.join(',')}]`);
    const [m, k] = a.shape.slice(-2);
    const batch = a.shape.slice(0, -2);
    const shared = b.shape.length === 2;
    if (!shared && b.shape.slice(0, -2).join(',') !== batch.join(',')) {
      ctx.fail(`B [${b.shape.join(',')}] must be [K, N] or [${[...batch, 'K', 'N'].join(',')}]`);
    }
    if (b.shape[b.shape.length - 2] !== k) ctx.fail(`B [${b.shape.join(',')}] must have K = ${k} rows`);
    const n = b.shape[b.shape.length - 1];
    if (ctx.inputs[2]) {
      const bias = int64Input(ctx, 2);
      if (!ctx.constants[2]) ctx.fail(`bias (${bias.name}) must be a constant`);
      if (bias.shape.length !== 1 || bias.shape[0] !== n) ctx.fail(`bias must be [${n}], got [${bias.shape.join(',')}]`);
    }
    return [{ dtype: 'int64', shape: [...batch, m, n] }];
  },
  fracRule(ctx) {
    const frac = fracOf(ctx, 0) + fracOf(ctx, 1);
    if (ctx.inputs[2] && fracOf(ctx, 2) !== frac) {
      ctx.fail(`bias has frac ${fracOf(ctx, 2)}, expected f(A) + f(B) = ${frac}`, IrErrors.FRAC_RULE);
    }
    return [frac];
  },
};
