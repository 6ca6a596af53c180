import { InferContext, OpDef } from './types';
import { ANY_TYPE, indexMap, inputOfType, takeElements } from './helpers';
import { attrInt } from '../attrs';
import { scalarOf } from './helpers';

/** ONNX Trilu: keeps the upper (j - i ≥ k) or lower (j - i ≤ k) triangle of the last two axes, zeroes the rest. */
export const Trilu: OpDef = {
  op: 'Trilu',
  inputs: [{ name: 'input' }, { name: 'k', optional: true }],
  outputs: [{ name: 'output' }],
  attrs: { upper: { type: 'int', default: 1 } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, ANY_TYPE);
    if (x.shape.length < 2) ctx.fail(`input must have rank ≥ 2, got [${x.shape.join(',')}]`);
    return [{ dtype: x.dtype, shape: [...x.shape] }];
  },
  evalFloat(node, [x, kT]) {
    const k = kT ? scalarOf(kT) : 0;
    const upper = attrInt(node, 'upper') !== 0;
    const r = x!.shape.length;
    const idx = indexMap(x!.shape, (c, flat) => {
      const diff = c[r - 1] - c[r - 2];
      return (upper ? diff >= k : diff <= k) ? flat : -1;
    });
    return [takeElements(x!, [...x!.shape], idx)];
  },
};
