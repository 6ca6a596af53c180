import { OpDef } from '../ops/types';
import { IrErrors } from '../errors';
import { attrInt } from '../attrs';
import { fracOf, int64Input } from './helpers';

/**
 * Convolution with constant weights (Conv and ConvTranspose lower to it), exact:
 * y[n, m, p] = B[m] + Σ_{t : taps[p, t] ≥ 0} Σ_{c < Cg} W[m, c, k]·x[n, g·Cg + c, s]
 * with s·K + k = taps[p, t], g = ⌊m / (M / group)⌋. x is [N, C, spatial...], W [M, Cg, K] with
 * Cg = C / group, taps [out spatial..., T] lists for each output position the (input position,
 * kernel offset) pairs that meet there; y is [N, M, out spatial...]. frac f(x) + f(W).
 */
export const ConvLinear: OpDef = {
  op: 'ConvLinear',
  inputs: [{ name: 'x' }, { name: 'W' }, { name: 'taps' }, { name: 'B', optional: true }],
  outputs: [{ name: 'y' }],
  attrs: { group: { type: 'int', default: 1 } },
  infer(ctx) {
    const [x, w, taps] = [int64Input(ctx, 0), int64Input(ctx, 1), int64Input(ctx, 2)];
    const tapData = ctx.constants[2];
    if (!ctx.constants[1] || !tapData) return ctx.fail('W and taps must be constants');
    const group = attrInt(ctx.node, 'group');
    if (x.shape.length < 2 || w.shape.length !== 3) ctx.fail(`x [${x.shape.join(',')}] must be [N, C, ...] and W [${w.shape.join(',')}] [M, Cg, K]`);
    const [m, cg, k] = w.shape;
    if (!(group >= 1) || m % group !== 0 || cg * group !== x.shape[1]) ctx.fail(`channels do not fit group ${group}: x has ${x.shape[1]}, W is [${w.shape.join(',')}]`, IrErrors.BAD_ATTR);
    if (taps.shape.length < 1) ctx.fail('taps must be [out spatial..., T]');
    const positions = BigInt(x.shape.slice(2).reduce((a, b) => a * b, 1) * k);
    (tapData.data as BigInt64Array).forEach((v, i) => { if (v >= positions || v < -1n) ctx.fail(`taps[${i}] = ${v} is outside [-1, ${positions})`); });
    if (ctx.inputs[3]) {
      const b = int64Input(ctx, 3);
      if (!ctx.constants[3]) ctx.fail(`B (${b.name}) must be a constant`);
      if (b.shape.length !== 1 || b.shape[0] !== m) ctx.fail(`B must be [${m}], got [${b.shape.join(',')}]`);
    }
    return [{ dtype: 'int64', shape: [x.shape[0], m, ...taps.shape.slice(0, -1)] }];
  },
  fracRule(ctx) {
    const frac = fracOf(ctx, 0) + fracOf(ctx, 1);
    if (ctx.inputs[3] && fracOf(ctx, 3) !== frac) ctx.fail(`B has frac ${fracOf(ctx, 3)}, expected f(x) + f(W) = ${frac}`, IrErrors.FRAC_RULE);
    return [frac];
  },
};
