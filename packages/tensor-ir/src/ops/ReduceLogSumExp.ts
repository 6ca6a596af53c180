import { reduceOp } from './helpers';

/** ONNX ReduceLogSumExp: log Σ e^x over the given axes (attribute before opset 18, input from it). */
export const ReduceLogSumExp = reduceOp('ReduceLogSumExp', 18, { init: 0, step: (a, v) => a + Math.exp(v), finish: (a) => Math.log(a) });
