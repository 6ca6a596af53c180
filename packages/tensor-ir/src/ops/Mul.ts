import { arithmeticOp } from './helpers';

/** ONNX Mul: C = A · B with numpy broadcasting (int32 products wrap exactly via Math.imul). */
export const Mul = arithmeticOp('Mul', { float: (a, b) => a * b, int64: (a, b) => a * b, int: (a, b) => Math.imul(a, b) });
