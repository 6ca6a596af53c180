import { attrFloat } from '../attrs';
import { OpDef } from './types';
import { floatUnaryOp, inferUnary } from './helpers';

const celu = floatUnaryOp(
  'Celu',
  (node) => {
    const alpha = attrFloat(node, 'alpha');
    return (v) => Math.max(0, v) + Math.min(0, alpha * Math.expm1(v / alpha));
  },
  { alpha: { type: 'float', default: 1.0 } },
);

/**
 * ONNX Celu (opset 12): max(0, x) + min(0, alpha·(e^(x/alpha) - 1)), elementwise. The spec
 * constrains it to float32 tensors, so float64 is rejected.
 */
export const Celu: OpDef = { ...celu, infer: (ctx) => inferUnary(ctx, ['float32']) };
