import { attrInt } from '../attrs';
import { IrErrors } from '../errors';
import { OpDef } from '../ops/types';
import { numel } from '../model';
import { approxAttrs, choiceAttr } from './approx-attrs';
import { EXP_STRATEGIES } from './approx';
import { fracOf, int64Input } from './helpers';

/**
 * Softmax along the last axis with an optional constant additive mask whose shape is a suffix of
 * x's (a [T, T] causal mask over [B, H, T, T] scores); same frac. Semantics: approx/softmax-approx.ts.
 */
export const Softmax: OpDef = {
  op: 'Softmax',
  inputs: [{ name: 'x' }, { name: 'mask', optional: true }],
  outputs: [{ name: 'y' }],
  attrs: { axis: { type: 'int', default: -1 }, ...approxAttrs(EXP_STRATEGIES) },
  infer(ctx) {
    const x = int64Input(ctx, 0);
    const axis = attrInt(ctx.node, 'axis', -1); // explicit: ONNX Softmax's default depends on the opset
    if (x.shape.length === 0 || (axis !== -1 && axis !== x.shape.length - 1)) {
      ctx.fail(`only the last axis is supported, got axis ${axis} of rank ${x.shape.length}`, IrErrors.BAD_ATTR);
    }
    if (ctx.inputs[1]) {
      const m = int64Input(ctx, 1);
      if (!ctx.constants[1]) ctx.fail(`mask (${m.name}) must be a constant`);
      const suffix = x.shape.slice(x.shape.length - m.shape.length);
      if (m.shape.length > x.shape.length || suffix.join(',') !== m.shape.join(',') || numel(m.shape) === 0) {
        ctx.fail(`mask [${m.shape.join(',')}] must be a trailing part of x's shape [${x.shape.join(',')}]`);
      }
    }
    choiceAttr(ctx, 'strategy', EXP_STRATEGIES);
    return [{ dtype: 'int64', shape: [...x.shape] }];
  },
  fracRule(ctx) {
    const frac = fracOf(ctx, 0);
    if (ctx.inputs[1] && fracOf(ctx, 1) !== frac) ctx.fail(`mask has frac ${fracOf(ctx, 1)}, x has ${frac}`, IrErrors.FRAC_RULE);
    return [frac];
  },
};
