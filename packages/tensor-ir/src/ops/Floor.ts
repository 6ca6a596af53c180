import { floatUnaryOp } from './helpers';

/** ONNX Floor: round down, elementwise on float tensors. */
export const Floor = floatUnaryOp('Floor', () => Math.floor);
