import { OpDef } from '../ops/types';
import { IrErrors } from '../errors';
import { attrInt } from '../attrs';
import { fracOf, int64Input, shiftAttr } from './helpers';

/**
 * LayerNorm over the last axis D with constant gamma, beta [D]: per row, d_i = D·x_i − Σx,
 * r = floor(√(D³·2^shift / (Σd_i² + D³·eps))), y_i = gamma_i·d_i·r + beta_i (exact). eps ≥ 1 is in
 * units of 2^−2f(x). d_i·r ≈ D·(x_i − μ)/√(var + ε) at frac shift/2 (the factor D is left to
 * gamma, which the lowering quantizes as γ/D), so y has frac shift/2 + f(gamma).
 */
export const LayerNormalization: OpDef = {
  op: 'LayerNormalization',
  inputs: [{ name: 'x' }, { name: 'gamma' }, { name: 'beta', optional: true }],
  outputs: [{ name: 'y' }],
  attrs: { eps: { type: 'int', required: true }, shift: { type: 'int', required: true } },
  infer(ctx) {
    const x = int64Input(ctx, 0);
    const d = x.shape[x.shape.length - 1];
    if (x.shape.length < 1 || !(d >= 1)) ctx.fail(`x [${x.shape.join(',')}] needs a non-empty last axis`);
    for (const i of [1, 2]) {
      if (i === 2 && !ctx.inputs[2]) continue;
      const p = int64Input(ctx, i);
      if (!ctx.constants[i]) ctx.fail(`${p.name} must be a constant`);
      if (p.shape.length !== 1 || p.shape[0] !== d) ctx.fail(`${p.name} must be [${d}], got [${p.shape.join(',')}]`);
    }
    if (!(attrInt(ctx.node, 'eps') >= 1)) ctx.fail(`eps must be an integer >= 1 (units of 2^-2f)`, IrErrors.BAD_ATTR);
    shiftAttr(ctx, 'shift', 0);
    return [{ dtype: 'int64', shape: [...x.shape] }];
  },
  fracRule(ctx) {
    const shift = shiftAttr(ctx, 'shift', 0);
    if (shift % 2 !== 0) ctx.fail(`shift ${shift} must be even`, IrErrors.FRAC_RULE);
    const frac = shift / 2 + fracOf(ctx, 1);
    if (ctx.inputs[2] && fracOf(ctx, 2) !== frac) {
      ctx.fail(`beta has frac ${fracOf(ctx, 2)}, expected shift/2 + f(gamma) = ${frac}`, IrErrors.FRAC_RULE);
    }
    return [frac];
  },
};
