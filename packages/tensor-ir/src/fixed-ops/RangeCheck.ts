import { OpDef } from '../ops/types';
import { int64Input } from './helpers';

/** Asserts lo ≤ x ≤ hi for a graph input (its declared input range). No outputs. */
export const RangeCheck: OpDef = {
  op: 'RangeCheck',
  inputs: [{ name: 'x' }],
  outputs: [],
  attrs: {},
  infer(ctx) {
    const x = int64Input(ctx, 0);
    if (!ctx.isGraphInput(0)) ctx.fail(`RangeCheck applies to graph inputs; ${x.name} is not one`);
    return [];
  },
  fracRule: () => [],
};
