import { argOp } from './helpers';

/** ONNX ArgMin: index of the smallest element along axis. */
export const ArgMin = argOp('ArgMin', (v, best) => v < best);
