import { floatUnaryOp } from './helpers';

/** ONNX Sqrt: square root, elementwise on float tensors. */
export const Sqrt = floatUnaryOp('Sqrt', () => Math.sqrt);
