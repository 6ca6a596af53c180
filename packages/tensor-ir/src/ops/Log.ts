import { floatUnaryOp } from './helpers';

/** ONNX Log: natural logarithm, elementwise on float tensors. */
export const Log = floatUnaryOp('Log', () => Math.log);
