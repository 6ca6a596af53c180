import { floatUnaryOp } from './helpers';

/** ONNX Exp: e^x, elementwise on float tensors. */
export const Exp = floatUnaryOp('Exp', () => Math.exp);
