import { OpDef } from '../ops/types';
import { fracOf, int64Input } from './helpers';

/** y[..., 0] = max_i x[..., i]: the max over the last axis, kept as a dimension of 1; frac unchanged. */
export const ReduceMax: OpDef = {
  op: 'ReduceMax',
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }],
  attrs: {},
  infer(ctx) {
    const x = int64Input(ctx, 0);
    if (x.shape.length < 1 || x.shape[x.shape.length - 1] < 1) ctx.fail(`x [${x.shape.join(',')}] needs a non-empty last axis`);
    return [{ dtype: 'int64', shape: [...x.shape.slice(0, -1), 1] }];
  },
  fracRule: (ctx) => [fracOf(ctx, 0)],
};
