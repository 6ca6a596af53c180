import { argOp } from './helpers';

/** ONNX ArgMax: index of the largest element along axis. */
export const ArgMax = argOp('ArgMax', (v, best) => v > best);
