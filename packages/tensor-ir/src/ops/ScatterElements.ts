import { InferContext, OpDef } from './types';
import { ANY_TYPE, SCATTER_REDUCTIONS, evalFail, inputOfType, normalizeAxis, sameDType, scatterInto } from './helpers';
import { attrInt, attrString } from '../attrs';
import { sameShape, stridesOf, tensorValues } from '../tensor';

/** ONNX ScatterElements: output = data with data[c with c[axis] = indices[c]] set to (or reduced with) updates[c]. */
export const ScatterElements: OpDef = {
  op: 'ScatterElements',
  inputs: [{ name: 'data' }, { name: 'indices' }, { name: 'updates' }],
  outputs: [{ name: 'output' }],
  attrs: { axis: { type: 'int', default: 0 }, reduction: { type: 'string', default: 'none' } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, ANY_TYPE);
    const ind = inputOfType(ctx, 1, ['int64', 'int32']);
    const upd = inputOfType(ctx, 2, ANY_TYPE);
    sameDType(ctx, x, upd);
    normalizeAxis(ctx, attrInt(ctx.node, 'axis'), x.shape.length);
    if (!sameShape(ind.shape, upd.shape) || ind.shape.length !== x.shape.length) ctx.fail(`indices [${ind.shape.join(',')}] and updates [${upd.shape.join(',')}] must match and have data's rank`);
    if (!SCATTER_REDUCTIONS.includes(attrString(ctx.node, 'reduction'))) ctx.fail(`unknown reduction '${attrString(ctx.node, 'reduction')}'`);
    return [{ dtype: x.dtype, shape: [...x.shape] }];
  },
  evalFloat(node, [x, ind, upd]) {
    const rank = x!.shape.length;
    const a = attrInt(node, 'axis');
    const axis = a < 0 ? a + rank : a;
    const dim = x!.shape[axis];
    const strides = stridesOf(x!.shape);
    const values = tensorValues(ind!);
    const targets = new Int32Array(values.length);
    const coord = new Array<number>(rank).fill(0);
    for (let k = 0; k < values.length; k++) {
      const v = values[k];
      if (v < -dim || v >= dim) evalFail(node, `index ${v} is out of range for axis ${axis} of size ${dim}`);
      targets[k] = coord.reduce((acc, c, d) => acc + (d === axis ? (v < 0 ? v + dim : v) : c) * strides[d], 0);
      for (let d = rank - 1; d >= 0; d--) {
        if (++coord[d] < ind!.shape[d]) break;
        coord[d] = 0;
      }
    }
    return [scatterInto(x!, targets, upd!, attrString(node, 'reduction'))];
  },
};
