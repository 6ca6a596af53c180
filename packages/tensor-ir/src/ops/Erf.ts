import { floatUnaryOp, erf } from './helpers';

/** ONNX Erf: the error function, elementwise on float tensors. */
export const Erf = floatUnaryOp('Erf', () => erf);
