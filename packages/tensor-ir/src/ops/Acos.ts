import { floatUnaryOp } from './helpers';

/** ONNX Acos: arccosine, elementwise on float tensors. */
export const Acos = floatUnaryOp('Acos', () => Math.acos);
