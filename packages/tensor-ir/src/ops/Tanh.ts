import { floatUnaryOp } from './helpers';

/** ONNX Tanh: hyperbolic tangent, elementwise on float tensors. */
export const Tanh = floatUnaryOp('Tanh', () => Math.tanh);
