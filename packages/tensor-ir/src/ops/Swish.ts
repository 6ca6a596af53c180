import { attrFloat } from '../attrs';
import { floatUnaryOp } from './helpers';

/** ONNX Swish (opset 24): x·sigmoid(alpha·x), the sigmoid computed without overflow. */
export const Swish = floatUnaryOp(
  'Swish',
  (node) => {
    const alpha = attrFloat(node, 'alpha');
    return (v) => {
      const z = alpha * v;
      const s = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      return v * s;
    };
  },
  { alpha: { type: 'float', default: 1.0 } },
);
