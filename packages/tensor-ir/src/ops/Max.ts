import { NUMERIC_TYPES, variadicOp } from './helpers';

/** ONNX Max: elementwise maximum of one or more broadcast tensors (NaN propagates, like numpy). */
export const Max = variadicOp('Max', (acc, v) => (v > acc || Number.isNaN(v) ? v : acc), NUMERIC_TYPES);
