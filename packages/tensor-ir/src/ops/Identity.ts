import { OpDef } from './types';
import { ANY_TYPE, inferUnary } from './helpers';
import { makeTensor } from '../tensor';

/** ONNX Identity: Y = X. */
export const Identity: OpDef = {
  op: 'Identity',
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attrs: {},
  infer: (ctx) => inferUnary(ctx, ANY_TYPE),
  evalFloat: (_node, [x]) => [makeTensor(x!.dtype, x!.shape, x!.data.slice())],
};
