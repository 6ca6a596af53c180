import { OpDef } from './types';
import { FLOAT_TYPES, inferUnary, mapTensor } from './helpers';

/** ONNX IsNaN (opsets 9, 13, 20): a bool tensor, true where the float element is NaN. */
export const IsNaN: OpDef = {
  op: 'IsNaN',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attrs: {},
  infer: (ctx) => [{ ...inferUnary(ctx, FLOAT_TYPES)[0], dtype: 'bool' }],
  evalFloat: (_node, [x]) => [mapTensor(x!, (v) => Number.isNaN(v as number), 'bool')],
};
