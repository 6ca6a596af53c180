import { OpDef } from '../ops/types';
import { attrInt } from '../attrs';
import { fracOf, int64Input } from './helpers';

/**
 * y = min(max(x, low), high) with integer limits in x's frac; frac unchanged. (Named low/high, not
 * ONNX Clip's float min/max, so that attribute lookups never mix the two dialects.)
 */
export const Clip: OpDef = {
  op: 'Clip',
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }],
  attrs: { low: { type: 'int', required: true }, high: { type: 'int', required: true } },
  infer(ctx) {
    const x = int64Input(ctx, 0);
    const [low, high] = [attrInt(ctx.node, 'low'), attrInt(ctx.node, 'high')];
    if (!(low <= high)) ctx.fail(`low ${low} must not exceed high ${high}`);
    return [{ dtype: 'int64', shape: [...x.shape] }];
  },
  fracRule: (ctx) => [fracOf(ctx, 0)],
};
