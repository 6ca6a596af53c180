import { floatUnaryOp } from './helpers';

/** ONNX Atan: arctangent, elementwise on float tensors. */
export const Atan = floatUnaryOp('Atan', () => Math.atan);
