import { floatUnaryOp } from './helpers';

/** ONNX Asin: arcsine, elementwise on float tensors. */
export const Asin = floatUnaryOp('Asin', () => Math.asin);
