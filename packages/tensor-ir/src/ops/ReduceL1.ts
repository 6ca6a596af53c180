import { reduceOp } from './helpers';

/** ONNX ReduceL1: the sum of absolute values over the given axes (attribute before opset 18, input from it). */
export const ReduceL1 = reduceOp('ReduceL1', 18, { init: 0, step: (a, v) => a + Math.abs(v) });
