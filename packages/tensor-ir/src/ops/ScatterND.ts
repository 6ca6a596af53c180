import { InferContext, OpDef } from './types';
import { ANY_TYPE, SCATTER_REDUCTIONS, evalFail, inputOfType, sameDType, scatterInto } from './helpers';
import { attrString } from '../attrs';
import { sameShape, stridesOf, tensorValues } from '../tensor';

/** ONNX ScatterND: each row of the last indices axis addresses a slice of data that the matching update replaces (or reduces into). */
export const ScatterND: OpDef = {
  op: 'ScatterND',
  inputs: [{ name: 'data' }, { name: 'indices' }, { name: 'updates' }],
  outputs: [{ name: 'output' }],
  attrs: { reduction: { type: 'string', default: 'none' } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, ANY_TYPE);
    const ind = inputOfType(ctx, 1, ['int64']);
    const upd = inputOfType(ctx, 2, ANY_TYPE);
    sameDType(ctx, x, upd);
    const k = ind.shape[ind.shape.length - 1] ?? 0;
    const want = [...ind.shape.slice(0, -1), ...x.shape.slice(k)];
    if (k > x.shape.length || !sameShape(upd.shape, want)) ctx.fail(`updates must be [${want.join(',')}], got [${upd.shape.join(',')}]`);
    if (!SCATTER_REDUCTIONS.includes(attrString(ctx.node, 'reduction'))) ctx.fail(`unknown reduction '${attrString(ctx.node, 'reduction')}'`);
    return [{ dtype: x.dtype, shape: [...x.shape] }];
  },
  evalFloat(node, [x, ind, upd]) {
    const k = ind!.shape[ind!.shape.length - 1];
    const strides = stridesOf(x!.shape);
    const slice = x!.shape.slice(k).reduce((p, q) => p * q, 1);
    const values = tensorValues(ind!);
    const tuples = values.length / k;
    const targets = new Int32Array(tuples * slice);
    for (let t = 0; t < tuples; t++) {
      let base = 0;
      for (let j = 0; j < k; j++) {
        const dim = x!.shape[j];
        const v = values[t * k + j];
        if (v < -dim || v >= dim) evalFail(node, `index ${v} is out of range for axis ${j} of size ${dim}`);
        base += (v < 0 ? v + dim : v) * strides[j];
      }
      for (let s = 0; s < slice; s++) targets[t * slice + s] = base + s;
    }
    return [scatterInto(x!, targets, upd!, attrString(node, 'reduction'))];
  },
};
