import { reduceOp } from './helpers';

/** ONNX ReduceSum: the sum over the given axes (attribute before opset 13, input from it). */
export const ReduceSum = reduceOp('ReduceSum', 13, { init: 0, step: (a, v) => a + v });
