import { InferContext, OpDef } from './types';
import { ANY_TYPE, evalFail, indexMap, inputOfType, normalizeAxis, takeElements } from './helpers';
import { attrInt } from '../attrs';
import { stridesOf, tensorValues } from '../tensor';

/** ONNX GatherElements: out[c] = data[c with c[axis] replaced by indices[c]]; output has the indices' shape. */
export const GatherElements: OpDef = {
  op: 'GatherElements',
  inputs: [{ name: 'data' }, { name: 'indices' }],
  outputs: [{ name: 'output' }],
  attrs: { axis: { type: 'int', default: 0 } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, ANY_TYPE);
    const ind = inputOfType(ctx, 1, ['int64', 'int32']);
    normalizeAxis(ctx, attrInt(ctx.node, 'axis'), x.shape.length);
    if (ind.shape.length !== x.shape.length) ctx.fail(`indices rank ${ind.shape.length} differs from data rank ${x.shape.length}`);
    return [{ dtype: x.dtype, shape: [...ind.shape] }];
  },
  evalFloat(node, [x, ind]) {
    const rank = x!.shape.length;
    const a = attrInt(node, 'axis');
    const axis = a < 0 ? a + rank : a;
    const dim = x!.shape[axis];
    const strides = stridesOf(x!.shape);
    const values = tensorValues(ind!);
    const idx = indexMap(ind!.shape, (c, k) => {
      const i = values[k];
      if (i < -dim || i >= dim) evalFail(node, `index ${i} is out of range for axis ${axis} of size ${dim}`);
      let s = 0;
      for (let d = 0; d < rank; d++) s += (d === axis ? (i < 0 ? i + dim : i) : c[d]) * strides[d];
      return s;
    });
    return [takeElements(x!, [...ind!.shape], idx)];
  },
};
