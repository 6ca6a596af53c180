import { floatUnaryOp } from './helpers';

/** ONNX Sigmoid: 1 / (1 + e^-x), computed without overflow, elementwise on float tensors. */
export const Sigmoid = floatUnaryOp('Sigmoid', () => (v) => (v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v))));
