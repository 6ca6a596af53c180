import { NUMERIC_TYPES, variadicOp } from './helpers';

/** ONNX Min: elementwise minimum of one or more broadcast tensors (NaN propagates, like numpy). */
export const Min = variadicOp('Min', (acc, v) => (v < acc || Number.isNaN(v) ? v : acc), NUMERIC_TYPES);
