import { BOOL_TYPES, comparisonOp } from './helpers';

/** ONNX Or: logical or of bool tensors with numpy broadcasting. */
export const Or = comparisonOp('Or', (a, b) => {
  const x = a !== 0;
  const y = b !== 0;
  return x || y;
}, BOOL_TYPES);
