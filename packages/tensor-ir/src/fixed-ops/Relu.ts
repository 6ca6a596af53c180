import { OpDef } from '../ops/types';
import { fracOf, int64Input } from './helpers';

/** y = max(x, 0) on fixed-point integers; the frac is unchanged. */
export const Relu: OpDef = {
  op: 'Relu',
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }],
  attrs: {},
  infer(ctx) {
    const x = int64Input(ctx, 0);
    return [{ dtype: 'int64', shape: [...x.shape] }];
  },
  fracRule: (ctx) => [fracOf(ctx, 0)],
};
