import { InferContext, OpDef } from './types';
import { NUMERIC_TYPES, inputOfType, sameDType, scalarOf } from './helpers';
import { Tensor } from '../model';
import { makeTensor } from '../tensor';

/** ONNX Range: start, start + delta, ... up to (not including) limit; ceil((limit - start) / delta) elements. */
export const Range: OpDef = {
  op: 'Range',
  inputs: [{ name: 'start' }, { name: 'limit' }, { name: 'delta' }],
  outputs: [{ name: 'output' }],
  attrs: {},
  infer(ctx: InferContext) {
    const vs = [0, 1, 2].map((i) => inputOfType(ctx, i, NUMERIC_TYPES));
    vs.forEach((v) => sameDType(ctx, vs[0], v));
    const cs = ctx.constants;
    if (!cs[0] || !cs[1] || !cs[2]) ctx.fail('start, limit and delta must be graph constants (static shapes only)');
    if (scalarOf(cs[2]) === 0) ctx.fail('delta must not be 0');
    return [{ dtype: vs[0].dtype, shape: [rangeCount(cs[0], cs[1], cs[2])] }];
  },
  evalFloat(_node, [start, limit, delta]) {
    const n = rangeCount(start!, limit!, delta!);
    const s = scalarOf(start!);
    const d = scalarOf(delta!);
    return [makeTensor(start!.dtype, [n], Array.from({ length: n }, (_, i) => s + i * d))];
  },
};

function rangeCount(start: Tensor, limit: Tensor, delta: Tensor): number {
  return Math.max(0, Math.ceil((scalarOf(limit) - scalarOf(start)) / scalarOf(delta)));
}
