import { comparisonOp } from './helpers';

/** ONNX GreaterOrEqual: A ≥ B elementwise with numpy broadcasting, bool output. */
export const GreaterOrEqual = comparisonOp('GreaterOrEqual', (a, b) => a >= b);
