import { floatUnaryOp } from './helpers';

/** ONNX Softplus: ln(1 + e^x), computed without overflow, elementwise on float tensors. */
export const Softplus = floatUnaryOp('Softplus', () => (v) => (v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v))));
