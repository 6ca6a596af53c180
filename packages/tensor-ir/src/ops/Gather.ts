import { InferContext, OpDef } from './types';
import { ANY_TYPE, evalFail, inputOfType, normalizeAxis, takeElements } from './helpers';
import { attrInt } from '../attrs';
import { tensorValues } from '../tensor';

/** ONNX Gather: picks slices of `data` along `axis` by index (negative indices count from the end). */
export const Gather: OpDef = {
  op: 'Gather',
  inputs: [{ name: 'data' }, { name: 'indices' }],
  outputs: [{ name: 'output' }],
  attrs: { axis: { type: 'int', default: 0 } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, ANY_TYPE);
    const ind = inputOfType(ctx, 1, ['int64', 'int32']);
    const axis = normalizeAxis(ctx, attrInt(ctx.node, 'axis'), x.shape.length);
    return [{ dtype: x.dtype, shape: [...x.shape.slice(0, axis), ...ind.shape, ...x.shape.slice(axis + 1)] }];
  },
  evalFloat(node, [x, ind]) {
    const rank = x!.shape.length;
    const a = attrInt(node, 'axis');
    const axis = a < 0 ? a + rank : a;
    const dim = x!.shape[axis];
    const outer = x!.shape.slice(0, axis).reduce((p, q) => p * q, 1);
    const inner = x!.shape.slice(axis + 1).reduce((p, q) => p * q, 1);
    const picks = tensorValues(ind!).map((i) => {
      if (i < -dim || i >= dim) evalFail(node, `index ${i} is out of range for axis ${axis} of size ${dim}`);
      return i < 0 ? i + dim : i;
    });
    const shape = [...x!.shape.slice(0, axis), ...ind!.shape, ...x!.shape.slice(axis + 1)];
    const idx = new Int32Array(outer * picks.length * inner);
    let k = 0;
    for (let o = 0; o < outer; o++) {
      for (const p of picks) {
        const base = (o * dim + p) * inner;
        for (let j = 0; j < inner; j++) idx[k++] = base + j;
      }
    }
    return [takeElements(x!, shape, idx)];
  },
};
