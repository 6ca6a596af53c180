import { floatUnaryOp } from './helpers';

/** ONNX Tan: tangent, elementwise on float tensors. */
export const Tan = floatUnaryOp('Tan', () => Math.tan);
