import { reduceOp } from './helpers';

/** ONNX ReduceMean: the mean over the given axes (attribute before opset 18, input from it). */
export const ReduceMean = reduceOp('ReduceMean', 18, { init: 0, step: (a, v) => a + v, finish: (a, n) => a / n });
