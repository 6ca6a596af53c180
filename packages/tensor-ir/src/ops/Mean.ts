import { FLOAT_TYPES, variadicOp } from './helpers';

/** ONNX Mean: elementwise mean of one or more broadcast float tensors. */
export const Mean = variadicOp('Mean', (acc, v) => (acc as number) + (v as number), FLOAT_TYPES, (sum, n) => sum / n);
