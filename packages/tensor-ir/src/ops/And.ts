import { BOOL_TYPES, comparisonOp } from './helpers';

/** ONNX And: logical and of bool tensors with numpy broadcasting. */
export const And = comparisonOp('And', (a, b) => {
  const x = a !== 0;
  const y = b !== 0;
  return x && y;
}, BOOL_TYPES);
