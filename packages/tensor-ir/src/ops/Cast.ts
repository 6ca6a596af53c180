import { OpDef } from './types';
import { ANY_TYPE, DTYPE_OF_ONNX_CODE, castTensor, inputOfType } from './helpers';
import { attrInt } from '../attrs';
import { IrErrors, raise } from '../errors';

/** ONNX Cast to the dtype `to` (an ONNX data type code); conversion rules in `castTensor`. */
export const Cast: OpDef = {
  op: 'Cast',
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attrs: { to: { type: 'int', required: true }, saturate: { type: 'int', default: 1 } },
  infer(ctx) {
    const x = inputOfType(ctx, 0, ANY_TYPE);
    const to = attrInt(ctx.node, 'to');
    const dtype = DTYPE_OF_ONNX_CODE[to] ?? ctx.fail(`cast to ONNX data type ${to} is not supported (supported: float, double, int64, int32, int16, int8, uint64, uint32, uint16, uint8, bool)`, IrErrors.BAD_ATTR);
    return [{ dtype, shape: [...x.shape] }];
  },
  evalFloat(node, [x]) {
    const to = DTYPE_OF_ONNX_CODE[attrInt(node, 'to')] ?? raise(IrErrors.BAD_ATTR, { node: node.name, op: node.op }, 'unsupported cast target');
    return [castTensor(x!, to)];
  },
};
