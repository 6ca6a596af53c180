import { attrFloat } from '../attrs';
import { floatUnaryOp } from './helpers';

/** ONNX HardSigmoid: max(0, min(1, alpha·x + beta)), elementwise on float tensors. */
export const HardSigmoid = floatUnaryOp(
  'HardSigmoid',
  (node) => {
    const alpha = attrFloat(node, 'alpha');
    const beta = attrFloat(node, 'beta');
    return (v) => Math.max(0, Math.min(1, alpha * v + beta));
  },
  {
    alpha: { type: 'float', default: 0.2 },
    beta: { type: 'float', default: 0.5 },
  },
);
