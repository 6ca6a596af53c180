import { floatUnaryOp } from './helpers';

/** ONNX Softsign: x / (1 + |x|), elementwise on float tensors. */
export const Softsign = floatUnaryOp('Softsign', () => (v) => v / (1 + Math.abs(v)));
