import { floatUnaryOp } from './helpers';

/** ONNX Ceil: round up, elementwise on float tensors. */
export const Ceil = floatUnaryOp('Ceil', () => Math.ceil);
