import { floatUnaryOp } from './helpers';

/** ONNX Reciprocal: 1 / x, elementwise on float tensors. */
export const Reciprocal = floatUnaryOp('Reciprocal', () => (v) => 1 / v);
