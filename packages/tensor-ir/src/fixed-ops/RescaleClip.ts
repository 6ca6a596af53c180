import { OpDef } from '../ops/types';
import { attrInt } from '../attrs';
import { fracOf, int64Input, shiftAttr } from './helpers';

/**
 * Clip(Rescale(x)): y = min(max(q, low), high) with q = floor((x + 2^(shift−1)) / 2^shift), made
 * only by accelerator selection's fusion; low/high are integers in the result's frac, f(x) − shift.
 * The optional second output is q itself, the Rescale's output when other nodes read it too.
 */
export const RescaleClip: OpDef = {
  op: 'RescaleClip',
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }, { name: 'q', optional: true }],
  attrs: {
    shift: { type: 'int', required: true },
    low: { type: 'int', required: true },
    high: { type: 'int', required: true },
  },
  infer(ctx) {
    const x = int64Input(ctx, 0);
    shiftAttr(ctx, 'shift', 1);
    const [low, high] = [attrInt(ctx.node, 'low'), attrInt(ctx.node, 'high')];
    if (!(low <= high)) ctx.fail(`low ${low} must not exceed high ${high}`);
    return [{ dtype: 'int64', shape: [...x.shape] }, { dtype: 'int64', shape: [...x.shape] }];
  },
  fracRule: (ctx) => {
    const f = fracOf(ctx, 0) - shiftAttr(ctx, 'shift', 1);
    return [f, f];
  },
};
