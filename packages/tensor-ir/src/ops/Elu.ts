import { attrFloat } from '../attrs';
import { floatUnaryOp } from './helpers';

/** ONNX Elu: x ≥ 0 ? x : alpha·(e^x - 1), elementwise on float tensors. */
export const Elu = floatUnaryOp(
  'Elu',
  (node) => {
    const alpha = attrFloat(node, 'alpha');
    return (v) => (v >= 0 ? v : alpha * Math.expm1(v));
  },
  { alpha: { type: 'float', default: 1.0 } },
);
