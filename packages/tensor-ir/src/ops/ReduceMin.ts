import { ANY_TYPE, reduceOp } from './helpers';

/** ONNX ReduceMin: the minimum (NaN propagates) over the given axes (attribute before opset 18, input from it). */
export const ReduceMin = reduceOp('ReduceMin', 18, { init: Infinity, step: (a, v) => (v < a || Number.isNaN(v) ? v : a) }, ANY_TYPE);
