import { InferContext, OpDef } from './types';
import { ANY_TYPE, evalFail, inputOfType, takeElements } from './helpers';
import { attrInt } from '../attrs';
import { stridesOf, tensorValues } from '../tensor';

/**
 * ONNX GatherND: each row of the last indices axis (length k) addresses a slice of data's axes
 * [batch_dims, batch_dims + k); output indices.shape[:-1] + data.shape[batch_dims + k:].
 */
export const GatherND: OpDef = {
  op: 'GatherND',
  inputs: [{ name: 'data' }, { name: 'indices' }],
  outputs: [{ name: 'output' }],
  attrs: { batch_dims: { type: 'int', default: 0 } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, ANY_TYPE);
    const ind = inputOfType(ctx, 1, ['int64']);
    const bd = attrInt(ctx.node, 'batch_dims');
    const k = ind.shape[ind.shape.length - 1];
    if (ind.shape.length < 1 || bd < 0 || bd >= ind.shape.length || k === undefined || bd + k > x.shape.length) {
      ctx.fail(`indices [${ind.shape.join(',')}] with batch_dims ${bd} do not fit data [${x.shape.join(',')}]`);
    }
    return [{ dtype: x.dtype, shape: [...ind.shape.slice(0, -1), ...x.shape.slice(bd + k)] }];
  },
  evalFloat(node, [x, ind]) {
    const bd = attrInt(node, 'batch_dims');
    const k = ind!.shape[ind!.shape.length - 1];
    const strides = stridesOf(x!.shape);
    const slice = x!.shape.slice(bd + k).reduce((p, q) => p * q, 1);
    const batch = x!.shape.slice(0, bd).reduce((p, q) => p * q, 1);
    const tuples = ind!.data.length / Math.max(k, 1) / batch;
    const values = tensorValues(ind!);
    const idx = new Int32Array(batch * tuples * slice);
    for (let b = 0; b < batch; b++) {
      for (let t = 0; t < tuples; t++) {
        let base = bd > 0 ? b * strides[bd - 1] : 0;
        for (let j = 0; j < k; j++) {
          const dim = x!.shape[bd + j];
          const v = values[(b * tuples + t) * k + j];
          if (v < -dim || v >= dim) evalFail(node, `index ${v} is out of range for axis ${bd + j} of size ${dim}`);
          base += (v < 0 ? v + dim : v) * strides[bd + j];
        }
        for (let s = 0; s < slice; s++) idx[(b * tuples + t) * slice + s] = base + s;
      }
    }
    return [takeElements(x!, [...ind!.shape.slice(0, -1), ...x!.shape.slice(bd + k)], idx)];
  },
};
