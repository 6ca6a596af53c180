import { NUMERIC_TYPES, variadicOp } from './helpers';

/** ONNX Sum: elementwise sum of one or more broadcast tensors. */
export const Sum = variadicOp('Sum', (acc, v) => (typeof acc === 'bigint' ? acc + (v as bigint) : acc + (v as number)), NUMERIC_TYPES);
