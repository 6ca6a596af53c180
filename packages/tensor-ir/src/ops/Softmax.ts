import { softmaxOp } from './helpers';

/** ONNX Softmax: e^x / Σ e^x along axis (2-D coercion before opset 13). */
export const Softmax = softmaxOp('Softmax', false);
