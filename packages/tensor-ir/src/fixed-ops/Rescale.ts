import { OpDef } from '../ops/types';
import { fracOf, int64Input, shiftAttr } from './helpers';

/** y = floor((x + 2^(shift-1)) / 2^shift): divide by 2^shift rounding half up. */
export const Rescale: OpDef = {
  op: 'Rescale',
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }],
  attrs: { shift: { type: 'int', required: true } },
  infer(ctx) {
    const x = int64Input(ctx, 0);
    shiftAttr(ctx, 'shift', 1);
    return [{ dtype: 'int64', shape: [...x.shape] }];
  },
  fracRule: (ctx) => [fracOf(ctx, 0) - shiftAttr(ctx, 'shift', 1)],
};
