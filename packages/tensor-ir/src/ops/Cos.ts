import { floatUnaryOp } from './helpers';

/** ONNX Cos: cosine, elementwise on float tensors. */
export const Cos = floatUnaryOp('Cos', () => Math.cos);
