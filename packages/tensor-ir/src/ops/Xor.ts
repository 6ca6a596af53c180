import { BOOL_TYPES, comparisonOp } from './helpers';

/** ONNX Xor: logical exclusive or of bool tensors with numpy broadcasting. */
export const Xor = comparisonOp('Xor', (a, b) => {
  const x = a !== 0;
  const y = b !== 0;
  return x !== y;
}, BOOL_TYPES);
