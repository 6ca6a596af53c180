import { floatUnaryOp } from './helpers';

/** ONNX Acosh: inverse hyperbolic cosine, elementwise on float tensors. */
export const Acosh = floatUnaryOp('Acosh', () => Math.acosh);
