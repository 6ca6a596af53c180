import { floatUnaryOp } from './helpers';

/** ONNX Sinh: hyperbolic sine, elementwise on float tensors. */
export const Sinh = floatUnaryOp('Sinh', () => Math.sinh);
