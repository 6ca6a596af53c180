import { reduceOp } from './helpers';

/** ONNX ReduceProd: the product over the given axes (attribute before opset 18, input from it). */
export const ReduceProd = reduceOp('ReduceProd', 18, { init: 1, step: (a, v) => a * v });
