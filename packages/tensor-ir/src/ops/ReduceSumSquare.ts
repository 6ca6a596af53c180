import { reduceOp } from './helpers';

/** ONNX ReduceSumSquare: the sum of squares over the given axes (attribute before opset 18, input from it). */
export const ReduceSumSquare = reduceOp('ReduceSumSquare', 18, { init: 0, step: (a, v) => a + v * v });
