import { OpDef } from '../ops/types';
import { IrErrors } from '../errors';
import { numel } from '../model';
import { fracOf, int64Input } from './helpers';

/**
 * Data movement: y[i] = x[map[i]] for 0 ≤ map[i] < numel(x); x2[map[i] − numel(x)] past that (the
 * optional second source, for Concat); fill[−map[i] − 1] for map[i] < 0 (the optional constant
 * fill values, for Pad). The output has map's shape; every source and fill has y's frac.
 */
export const IndexMap: OpDef = {
  op: 'IndexMap',
  inputs: [{ name: 'x' }, { name: 'map' }, { name: 'fill', optional: true }, { name: 'x2', optional: true }],
  outputs: [{ name: 'y' }],
  attrs: {},
  infer(ctx) {
    const x = int64Input(ctx, 0);
    const map = int64Input(ctx, 1);
    const m = ctx.constants[1];
    if (!m) return ctx.fail(`map (${map.name}) must be a constant`);
    const fill = ctx.inputs[2] ? int64Input(ctx, 2) : undefined;
    if (fill && !ctx.constants[2]) ctx.fail(`fill (${fill.name}) must be a constant`);
    const x2 = ctx.inputs[3] ? int64Input(ctx, 3) : undefined;
    const [nx, n2, nf] = [numel(x.shape), x2 ? numel(x2.shape) : 0, fill ? numel(fill.shape) : 0];
    (m.data as BigInt64Array).forEach((v, i) => {
      if (v >= BigInt(nx + n2) || v < -BigInt(nf)) ctx.fail(`map[${i}] = ${v} is outside [${-nf}, ${nx + n2})`);
    });
    return [{ dtype: 'int64', shape: [...map.shape] }];
  },
  fracRule(ctx) {
    const frac = fracOf(ctx, 0);
    for (const i of [2, 3]) {
      if (ctx.inputs[i] && fracOf(ctx, i) !== frac) ctx.fail(`input ${i} has frac ${fracOf(ctx, i)}, expected f(x) = ${frac}`, IrErrors.FRAC_RULE);
    }
    return [frac];
  },
};
