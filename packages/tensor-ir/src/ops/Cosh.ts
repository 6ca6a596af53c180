import { floatUnaryOp } from './helpers';

/** ONNX Cosh: hyperbolic cosine, elementwise on float tensors. */
export const Cosh = floatUnaryOp('Cosh', () => Math.cosh);
