import { OpDef } from './types';
import { NUMERIC_TYPES, evalUnary, inferUnary } from './helpers';

/** ONNX Relu: Y = max(X, 0) elementwise. */
export const Relu: OpDef = {
  op: 'Relu',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attrs: {},
  infer: (ctx) => inferUnary(ctx, NUMERIC_TYPES),
  // Written as a comparison so that NaN propagates like numpy's maximum.
  evalFloat: (_node, [x]) => [evalUnary(x!, (v) => (v < 0 ? 0 : v))],
};
