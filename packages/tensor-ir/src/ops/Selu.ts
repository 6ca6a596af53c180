import { attrFloat } from '../attrs';
import { floatUnaryOp } from './helpers';

/** ONNX Selu: gamma·(x > 0 ? x : alpha·(e^x - 1)), elementwise on float tensors. */
export const Selu = floatUnaryOp(
  'Selu',
  (node) => {
    const alpha = attrFloat(node, 'alpha');
    const gamma = attrFloat(node, 'gamma');
    return (v) => gamma * (v > 0 ? v : alpha * Math.expm1(v));
  },
  {
    alpha: { type: 'float', default: 1.67326319217681884765625 },
    gamma: { type: 'float', default: 1.05070102214813232421875 },
  },
);
