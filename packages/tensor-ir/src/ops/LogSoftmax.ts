import { softmaxOp } from './helpers';

/** ONNX LogSoftmax: x - log Σ e^x along axis (2-D coercion before opset 13). */
export const LogSoftmax = softmaxOp('LogSoftmax', true);
