import { floatUnaryOp } from './helpers';

/** ONNX Asinh: inverse hyperbolic sine, elementwise on float tensors. */
export const Asinh = floatUnaryOp('Asinh', () => Math.asinh);
