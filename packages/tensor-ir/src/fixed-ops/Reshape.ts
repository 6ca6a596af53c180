import { InferContext, OpDef } from '../ops/types';
import { attrInts } from '../attrs';
import { resolveReshape } from '../ops/helpers';
import { fracOf, int64Input } from './helpers';

/** Same data, new shape (attribute `shape`; -1 and 0 resolve as in ONNX Reshape). */
export const Reshape: OpDef = {
  op: 'Reshape',
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }],
  attrs: { shape: { type: 'ints', required: true } },
  infer(ctx: InferContext) {
    const x = int64Input(ctx, 0);
    const out = resolveReshape(x.shape, attrInts(ctx.node, 'shape'), false);
    if (typeof out === 'string') ctx.fail(out);
    return [{ dtype: 'int64', shape: out }];
  },
  fracRule: (ctx) => [fracOf(ctx, 0)],
};
