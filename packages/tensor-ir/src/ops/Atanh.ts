import { floatUnaryOp } from './helpers';

/** ONNX Atanh: inverse hyperbolic tangent, elementwise on float tensors. */
export const Atanh = floatUnaryOp('Atanh', () => Math.atanh);
