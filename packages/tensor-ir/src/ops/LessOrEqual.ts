import { comparisonOp } from './helpers';

/** ONNX LessOrEqual: A ≤ B elementwise with numpy broadcasting, bool output. */
export const LessOrEqual = comparisonOp('LessOrEqual', (a, b) => a <= b);
