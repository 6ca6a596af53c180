import { floatUnaryOp } from './helpers';

/** ONNX Sin: sine, elementwise on float tensors. */
export const Sin = floatUnaryOp('Sin', () => Math.sin);
