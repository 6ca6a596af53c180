import { ANY_TYPE, reduceOp } from './helpers';

/** ONNX ReduceMax: the maximum (NaN propagates) over the given axes (attribute before opset 18, input from it). */
export const ReduceMax = reduceOp('ReduceMax', 18, { init: -Infinity, step: (a, v) => (v > a || Number.isNaN(v) ? v : a) }, ANY_TYPE);
