import { OpDef } from '../ops/types';
import { approxAttrs, choiceAttr } from './approx-attrs';
import { EXP_STRATEGIES } from './approx';
import { fracOf, int64Input } from './helpers';

/** y ≈ e^x for x ≤ 0 (approx/exp-approx.ts gives the exact integer semantics); same frac. */
export const Exp: OpDef = {
  op: 'Exp',
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }],
  attrs: approxAttrs(EXP_STRATEGIES),
  infer(ctx) {
    const x = int64Input(ctx, 0);
    choiceAttr(ctx, 'strategy', EXP_STRATEGIES);
    return [{ dtype: 'int64', shape: [...x.shape] }];
  },
  fracRule: (ctx) => [fracOf(ctx, 0)],
};
