import { attrFloat } from '../attrs';
import { floatUnaryOp } from './helpers';

/** ONNX LeakyRelu: x ≥ 0 ? x : alpha·x, elementwise on float tensors. */
export const LeakyRelu = floatUnaryOp(
  'LeakyRelu',
  (node) => {
    const alpha = attrFloat(node, 'alpha');
    return (v) => (v >= 0 ? v : alpha * v);
  },
  { alpha: { type: 'float', default: 0.01 } },
);
