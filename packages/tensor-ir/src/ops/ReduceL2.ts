import { reduceOp } from './helpers';

/** ONNX ReduceL2: the Euclidean norm over the given axes (attribute before opset 18, input from it). */
export const ReduceL2 = reduceOp('ReduceL2', 18, { init: 0, step: (a, v) => a + v * v, finish: (a) => Math.sqrt(a) });
