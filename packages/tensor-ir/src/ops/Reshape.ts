import { InferContext, OpDef } from './types';
import { ANY_TYPE, inputOfType, resolveReshape } from './helpers';
import { attrInt } from '../attrs';
import { IrErrors, raise } from '../errors';
import { makeTensor, tensorValues } from '../tensor';

/** ONNX Reshape: same data, shape from the (constant) second input; 0 copies, -1 infers. */
export const Reshape: OpDef = {
  op: 'Reshape',
  inputs: [{ name: 'data' }, { name: 'shape' }],
  outputs: [{ name: 'reshaped' }],
  attrs: { allowzero: { type: 'int', default: 0 } },
  infer(ctx: InferContext) {
    const data = inputOfType(ctx, 0, ANY_TYPE);
    inputOfType(ctx, 1, ['int64']);
    const shape = ctx.constants[1];
    if (!shape) ctx.fail('the shape input must be a graph constant (static shapes only)');
    if (shape.shape.length !== 1) ctx.fail(`the shape input must be 1-D, got [${shape.shape.join(',')}]`);
    const out = resolveReshape(data.shape, tensorValues(shape), attrInt(ctx.node, 'allowzero') !== 0);
    if (typeof out === 'string') ctx.fail(out);
    return [{ dtype: data.dtype, shape: out }];
  },
  evalFloat(node, [data, shape]) {
    const out = resolveReshape(data!.shape, tensorValues(shape!), attrInt(node, 'allowzero') !== 0);
    if (typeof out === 'string') return raise(IrErrors.BAD_OPERANDS, { node: node.name, op: node.op }, out);
    return [makeTensor(data!.dtype, out, data!.data.slice())];
  },
};
