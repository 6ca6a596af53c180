import { OpDef } from '../ops/types';
import { IrErrors } from '../errors';
import { numel } from '../model';
import { sameShape } from '../tensor';
import { fracOf, int64Input } from './helpers';

/**
 * Linear with constant, sparse coefficients: y[o] = B[o] + Σ_t W[o, t]·x[index[o, t]] over the
 * taps with index[o, t] ≥ 0 (exact). index and W are constants [..., T]; y and B have shape
 * index.shape[:-1]. Pools, a lone BatchNormalization and constant scalings lower to it; frac f(x) + f(W).
 */
export const SparseLinear: OpDef = {
  op: 'SparseLinear',
  inputs: [{ name: 'x' }, { name: 'index' }, { name: 'W' }, { name: 'B', optional: true }],
  outputs: [{ name: 'y' }],
  attrs: {},
  infer(ctx) {
    const x = int64Input(ctx, 0);
    const [index, w] = [int64Input(ctx, 1), int64Input(ctx, 2)];
    const idx = ctx.constants[1];
    if (!idx || !ctx.constants[2]) return ctx.fail('index and W must be constants');
    if (index.shape.length < 1 || !sameShape(index.shape, w.shape)) {
      ctx.fail(`index [${index.shape.join(',')}] and W [${w.shape.join(',')}] must be one shape [..., T]`);
    }
    const shape = index.shape.slice(0, -1);
    const nx = BigInt(numel(x.shape));
    (idx.data as BigInt64Array).forEach((v, i) => { if (v >= nx || v < -1n) ctx.fail(`index[${i}] = ${v} is outside [-1, ${nx})`); });
    if (ctx.inputs[3]) {
      const b = int64Input(ctx, 3);
      if (!ctx.constants[3]) ctx.fail(`B (${b.name}) must be a constant`);
      if (!sameShape(b.shape, shape)) ctx.fail(`B must be [${shape.join(',')}], got [${b.shape.join(',')}]`);
    }
    return [{ dtype: 'int64', shape }];
  },
  fracRule(ctx) {
    const frac = fracOf(ctx, 0) + fracOf(ctx, 2);
    if (ctx.inputs[3] && fracOf(ctx, 3) !== frac) ctx.fail(`B has frac ${fracOf(ctx, 3)}, expected f(x) + f(W) = ${frac}`, IrErrors.FRAC_RULE);
    return [frac];
  },
};
